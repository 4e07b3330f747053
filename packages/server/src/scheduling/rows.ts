/**
 * Reading the scheduling tables into the core's shapes: resources with parsed opening hours,
 * products (what the rules need of them), regimens and bookings (instants as epoch ms).
 */
import {
  parseOpeningHours,
  type Booking,
  type BookingKind,
  type HotCellClass,
  type OpeningSlot,
  type ResourceKind,
  type SchedulingProduct,
  type SchedulingResource,
  type TreatmentRegimen,
} from '@continuum/core';
import type { Queryable } from '../db/driver';

export type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export const toMs = (v: unknown): number => (v instanceof Date ? v.getTime() : Date.parse(String(v)));
export const toIso = (v: unknown): string => new Date(toMs(v)).toISOString();
export const isoOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : toIso(v));

export interface StoredResource extends SchedulingResource {
  readonly openingSlots: readonly OpeningSlot[];
  readonly version: number;
}

export async function loadResources(q: Queryable): Promise<Map<string, StoredResource>> {
  const { rows } = await q.query<Row>(
    `select r.id, r.kind, r.name, r.hot_cell_id, r.opening, r.active, r.version, h.energy_class
       from resource r left join hot_cell h on h.id = r.hot_cell_id order by r.kind, r.id`,
  );
  return new Map(
    rows.map((r) => [
      r.id as string,
      {
        id: r.id,
        kind: r.kind as ResourceKind,
        name: r.name,
        hotCellId: r.hot_cell_id ?? null,
        hotCellClass: (r.energy_class as HotCellClass | null) ?? null,
        opening: parseOpeningHours(r.opening as OpeningSlot[], `resource ${r.id}.opening`),
        openingSlots: r.opening as OpeningSlot[],
        active: Boolean(r.active),
        version: Number(r.version),
      },
    ]),
  );
}

export async function loadProducts(q: Queryable): Promise<Map<string, SchedulingProduct>> {
  const { rows } = await q.query<Row>('select id, name, nuclide, purpose, hot_cell_class, shelf_life_min from radiopharm_product');
  return new Map(
    rows.map((p) => [
      p.id as string,
      {
        id: p.id,
        name: p.name,
        nuclide: p.nuclide,
        purpose: p.purpose,
        hotCellClass: p.hot_cell_class,
        shelfLifeMin: Number(p.shelf_life_min),
      },
    ]),
  );
}

export interface StoredRegimen extends TreatmentRegimen {
  readonly productId: string;
}

export const regimenOf = (r: Row): StoredRegimen => ({
  id: r.id,
  name: r.name,
  productId: r.product_id,
  activityMBq: Number(r.activity_mbq),
  intervalWeeks: Number(r.interval_weeks),
  cycles: Number(r.cycles),
  investigational: Boolean(r.investigational),
  reference: r.reference,
});

export async function loadRegimens(q: Queryable): Promise<StoredRegimen[]> {
  return (await q.query<Row>('select * from treatment_regimen order by id')).rows.map(regimenOf);
}

export const bookingOf = (r: Row): Booking => ({
  id: r.id,
  resourceId: r.resource_id,
  patientId: r.patient_id ?? null,
  kind: r.kind as BookingKind,
  startsAtMs: toMs(r.starts_at),
  endsAtMs: toMs(r.ends_at),
  productId: r.product_id ?? null,
  preparationId: r.preparation_id ?? null,
  activityMBq: r.activity_mbq === null || r.activity_mbq === undefined ? null : Number(r.activity_mbq),
  cycleId: r.cycle_id ?? null,
});

/** A booking as the API shows it. */
export const bookingView = (r: Row) => ({
  id: r.id as string,
  resourceId: r.resource_id as string,
  patientId: (r.patient_id ?? null) as string | null,
  pseudonym: (r.pseudonym ?? null) as string | null,
  kind: r.kind as BookingKind,
  startsAt: toIso(r.starts_at),
  endsAt: toIso(r.ends_at),
  productId: (r.product_id ?? null) as string | null,
  productName: (r.product_name ?? null) as string | null,
  activityMBq: r.activity_mbq === null || r.activity_mbq === undefined ? null : Number(r.activity_mbq),
  preparationId: (r.preparation_id ?? null) as string | null,
  cycleId: (r.cycle_id ?? null) as string | null,
  batchId: (r.batch_id ?? null) as string | null,
  status: r.status as 'booked' | 'done' | 'cancelled',
  note: (r.note ?? null) as string | null,
  cancelReason: (r.cancel_reason ?? null) as string | null,
  createdBy: r.created_by as string,
  version: Number(r.version),
});
export type BookingView = ReturnType<typeof bookingView>;

export const BOOKING_SELECT = `select b.*, p.pseudonym, rp.name product_name
  from booking b left join patient p on p.id = b.patient_id left join radiopharm_product rp on rp.id = b.product_id`;
