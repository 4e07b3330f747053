/**
 * Creating and cancelling bookings: the core decides (checkBooking on the bookings around the
 * request), this file loads what it needs, serialises concurrent writers and stores the result
 * with its audit entry. A refusal carries every conflict, each naming its booking and reason.
 */
import {
  BookingCalendar,
  checkBooking,
  type BookingCheck,
  type BookingConflict,
  type BookingKind,
  type SchedulingProduct,
} from '@continuum/core';
import type { AuditEvent } from '../audit/record';
import type { Queryable } from '../db/driver';
import { lockScheduling } from './locks';
import {
  BOOKING_SELECT,
  bookingOf,
  bookingView,
  loadProducts,
  loadResources,
  toIso,
  type BookingView,
  type Row,
  type StoredResource,
} from './rows';

export type AuditFn = (event: AuditEvent) => Promise<void>;

export interface BookingInput {
  resourceId: string;
  kind: BookingKind;
  patientId?: string | null;
  productId?: string | null;
  startsAt: string;
  endsAt: string;
  activityMBq?: number | null;
  preparationId?: string | null;
  cycleId?: string | null;
  batchId?: string | null;
  note?: string | null;
}

/** The booking cannot be made: every reason, each naming the booking or resource in the way. */
export class BookingRefused extends Error {
  constructor(readonly conflicts: readonly BookingConflict[]) {
    super(conflicts.map((c) => c.reason).join('; '));
  }
}

/** Something the request depends on is in a state that forbids it (409). */
export class SchedulingConflict extends Error {}

/** A request value the rules refuse (400), naming the body field. */
export class SchedulingInvalid extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}

const DAY_MS = 86_400_000;

/** Resources and products: read per request, or once by a caller making many bookings. */
export interface SchedulingReference {
  resources: Map<string, StoredResource>;
  products: Map<string, SchedulingProduct>;
}

export async function loadSchedulingReference(q: Queryable): Promise<SchedulingReference> {
  return { resources: await loadResources(q), products: await loadProducts(q) };
}

/** The locks a booking request checks against. */
export function lockKeysFor(input: { resourceId: string; patientId?: string | null; kind: string; productId?: string | null }): string[] {
  const keys = [`resource:${input.resourceId}`];
  if (input.patientId) keys.push(`patient:${input.patientId}`);
  // Ga-68 PETs share preparations (and their activity): one lock for all of them.
  if (input.kind === 'preparation' || (input.kind === 'pet-scan' && input.productId?.startsWith('ga68-'))) keys.push('ga68-preparations');
  return keys;
}

/**
 * The core's verdict on a request, from the bookings that can matter to it: those on the same
 * resource or of the same patient, and the preparations (with the doses drawn from them) of the
 * days around it.
 */
export async function checkRequest(
  tx: Queryable,
  input: BookingInput,
  opts: { replacing?: string; reference?: SchedulingReference } = {},
): Promise<BookingCheck> {
  const startsAtMs = Date.parse(input.startsAt);
  const endsAtMs = Date.parse(input.endsAt);
  const { resources, products } = opts.reference ?? (await loadSchedulingReference(tx));
  const { rows } = await tx.query<Row>(
    `select * from booking
      where status <> 'cancelled' and starts_at < $2 and ends_at > $1
        and (resource_id = $3 or patient_id = $4 or kind = 'preparation' or preparation_id is not null)`,
    [
      new Date(startsAtMs - 2 * DAY_MS).toISOString(),
      new Date(endsAtMs + 2 * DAY_MS).toISOString(),
      input.resourceId,
      input.patientId ?? null,
    ],
  );
  const calendar = new BookingCalendar(rows.map(bookingOf));
  return checkBooking(
    {
      ...(opts.replacing ? { id: opts.replacing } : {}),
      resourceId: input.resourceId,
      kind: input.kind,
      patientId: input.patientId ?? null,
      productId: input.productId ?? null,
      startsAtMs,
      endsAtMs,
      activityMBq: input.activityMBq ?? null,
      preparationId: input.preparationId ?? null,
      cycleId: input.cycleId ?? null,
    },
    { resources, products, lookup: calendar },
  );
}

export async function loadBooking(q: Queryable, id: string): Promise<BookingView | undefined> {
  const row = (await q.query<Row>(`${BOOKING_SELECT} where b.id = $1`, [id])).rows[0];
  return row ? bookingView(row) : undefined;
}

/** Checks and stores one booking inside the caller's transaction (locks first). */
export async function createBooking(
  tx: Queryable,
  audit: AuditFn,
  input: BookingInput,
  opts: { createdBy: string; reason?: string | null; locked?: boolean; reference?: SchedulingReference },
): Promise<BookingView> {
  if (!opts.locked) await lockScheduling(tx, lockKeysFor(input));
  const check = await checkRequest(tx, input, { reference: opts.reference });
  if (!check.ok) throw new BookingRefused(check.conflicts);
  const row = (
    await tx.query<Row>(
      `insert into booking (resource_id, patient_id, kind, starts_at, ends_at, product_id, cycle_id, batch_id, activity_mbq, preparation_id, note, created_by)
       values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12) returning id`,
      [
        input.resourceId,
        input.patientId ?? null,
        input.kind,
        input.startsAt,
        input.endsAt,
        input.productId ?? null,
        input.cycleId ?? null,
        input.batchId ?? null,
        input.activityMBq ?? null,
        check.preparationId ?? input.preparationId ?? null,
        input.note ?? null,
        opts.createdBy,
      ],
    )
  ).rows[0]!;
  const view = (await loadBooking(tx, row.id))!;
  await audit({
    action: 'create',
    entityType: 'booking',
    entityId: view.id,
    patientId: view.patientId,
    after: view,
    reason: opts.reason ?? null,
  });
  return view;
}

/**
 * Cancels a booking (optimistic concurrency on its version). A preparation still serving booked
 * doses cannot be cancelled; a cycle's admission returns the cycle to 'planned'.
 */
export async function cancelBooking(
  tx: Queryable,
  audit: AuditFn,
  id: string,
  opts: { version: number; reason: string },
): Promise<BookingView | undefined> {
  const before = await loadBooking(tx, id);
  if (!before) return undefined;
  await lockScheduling(tx, lockKeysFor(before));
  if (before.status === 'cancelled') throw new SchedulingConflict(`Booking ${id} is already cancelled.`);
  if (before.kind === 'preparation') {
    const linked = (
      await tx.query<Row>(`select id, starts_at from booking where preparation_id = $1 and status <> 'cancelled' order by starts_at`, [id])
    ).rows;
    if (linked.length > 0) {
      throw new SchedulingConflict(
        `Preparation ${id} still serves ${linked.length} booked dose(s): ${linked.map((l) => `${l.id} at ${toIso(l.starts_at)}`).join(', ')}. Move or cancel them first.`,
      );
    }
  }
  const updated = (
    await tx.query<Row>(
      `update booking set status = 'cancelled', cancel_reason = $3, version = version + 1 where id = $1 and version = $2 returning id`,
      [id, opts.version, opts.reason],
    )
  ).rows[0];
  if (!updated)
    throw new SchedulingConflict(
      `Booking ${id} is at version ${before.version}, not ${opts.version}: someone else changed it. Reload and retry.`,
    );
  const after = (await loadBooking(tx, id))!;
  await audit({ action: 'cancel', entityType: 'booking', entityId: id, patientId: after.patientId, before, after, reason: opts.reason });
  if (before.cycleId) {
    const cycle = (
      await tx.query<Row>(
        `update treatment_cycle set status = 'planned', version = version + 1 where id = $1 and status = 'scheduled' returning id, cycle_number, status, version`,
        [before.cycleId],
      )
    ).rows[0];
    if (cycle) {
      await audit({
        action: 'unschedule',
        entityType: 'treatment_cycle',
        entityId: before.cycleId,
        patientId: after.patientId,
        before: { status: 'scheduled', bookingId: id },
        after: { status: cycle.status, version: cycle.version },
        reason: opts.reason,
      });
    }
  }
  return after;
}
