/**
 * Treatment courses and their cycles: a course is planned from a regimen (core planCycles), its
 * cycles listed with their bookings and organ-at-risk checks, and a cycle scheduled — the check
 * first, then the shielded room for the stay.
 */
import { describeExceeded, planCycles, type CourseProtocol, type CycleLimitCheck } from '@continuum/core';
import type { Queryable } from '../db/driver';
import { createBooking, BookingRefused, SchedulingConflict, SchedulingInvalid, type AuditFn, type BookingInput } from './bookings';
import { checkCycle, cycleContextOf, loadCycleDosimetry } from './limit-check';
import { lockScheduling } from './locks';
import { BOOKING_SELECT, bookingView, loadResources, regimenOf, type BookingView, type Row } from './rows';

export interface CourseInput {
  patientId: string;
  regimenId: string;
  startedOn: string;
  kidneyRiskFactors: boolean;
  protocol?: CourseProtocol;
  status?: 'planned' | 'active';
}

/** Plans a course from its regimen and stores it with its cycles (one audit entry with all of them). */
export async function createCourse(tx: Queryable, audit: AuditFn, input: CourseInput, opts: { createdBy: string; reason: string }) {
  const regimenRow = (await tx.query<Row>('select * from treatment_regimen where id = $1', [input.regimenId])).rows[0];
  if (!regimenRow) throw new SchedulingInvalid('regimenId', `there is no regimen ${input.regimenId}`);
  const plan = planCycles(regimenOf(regimenRow), input.startedOn, input.protocol ?? {});
  const course = (
    await tx.query<Row>(
      `insert into treatment_course (patient_id, regimen_id, started_on, status, kidney_risk_factors, protocol, created_by)
       values ($1,$2,$3,$4,$5,$6,$7) returning *`,
      [
        input.patientId,
        input.regimenId,
        input.startedOn,
        input.status ?? 'active',
        input.kidneyRiskFactors,
        JSON.stringify(input.protocol ?? {}),
        opts.createdBy,
      ],
    )
  ).rows[0]!;
  for (const c of plan.cycles) {
    await tx.query(
      `insert into treatment_cycle (course_id, patient_id, cycle_number, planned_on, prescribed_mbq) values ($1,$2,$3,$4,$5)`,
      [course.id, input.patientId, c.cycleNumber, c.plannedOn, c.prescribedMBq],
    );
  }
  await audit({
    action: 'create',
    entityType: 'treatment_course',
    entityId: course.id,
    patientId: input.patientId,
    after: { course, cycles: plan.cycles, method: plan.method },
    reason: opts.reason,
  });
  return { courseId: course.id as string, plan };
}

export interface CycleView {
  id: string;
  courseId: string;
  cycleNumber: number;
  plannedOn: string;
  prescribedMBq: number;
  status: string;
  version: number;
  booking: BookingView | null;
  dosimetryStudyId: string | null;
  administered: boolean;
  /** Computed now, from the dosimetry stored now; null once the cycle is given or cancelled. */
  limitCheck: CycleLimitCheck | null;
  /** As stored when the cycle was scheduled. */
  storedLimitCheck: (CycleLimitCheck & { computedAt: string }) | null;
  limitOverride: { reason: string; by: string | null } | null;
}

export interface CourseView {
  id: string;
  patientId: string;
  regimen: {
    id: string;
    name: string;
    productId: string;
    activityMBq: number;
    intervalWeeks: number;
    cycles: number;
    investigational: boolean;
    reference: string;
  };
  startedOn: string;
  status: string;
  kidneyRiskFactors: boolean;
  protocol: CourseProtocol;
  createdBy: string;
  version: number;
  cycles: CycleView[];
}

export async function loadCourses(q: Queryable, patientId: string, onlyCourse?: string): Promise<CourseView[]> {
  const courses = (
    await q.query<Row>(
      `select c.*, r.name regimen_name, r.product_id, r.activity_mbq, r.interval_weeks, r.cycles, r.investigational, r.reference
         from treatment_course c join treatment_regimen r on r.id = c.regimen_id
        where c.patient_id = $1 and ($2::uuid is null or c.id = $2) order by c.started_on desc, c.id`,
      [patientId, onlyCourse ?? null],
    )
  ).rows;
  if (courses.length === 0) return [];
  const cycles = (
    await q.query<Row>(
      `select t.*, c.kidney_risk_factors, exists (select 1 from administration a where a.cycle_id = t.id) administered
         from treatment_cycle t join treatment_course c on c.id = t.course_id
        where t.patient_id = $1 order by t.cycle_number`,
      [patientId],
    )
  ).rows;
  const bookings = (
    await q.query<Row>(`${BOOKING_SELECT} where b.cycle_id is not null and b.patient_id = $1 and b.status <> 'cancelled'`, [patientId])
  ).rows;
  const bookingByCycle = new Map(bookings.map((b) => [b.cycle_id as string, bookingView(b)]));
  const studies = await loadCycleDosimetry(q, patientId);
  const studyByCycle = new Map(studies.map((s) => [s.cycleNumber, s.studyId ?? null]));
  const views: CourseView[] = [];
  for (const c of courses) {
    const own = cycles.filter((t) => t.course_id === c.id);
    const cycleViews: CycleView[] = [];
    for (const t of own) {
      const open = ['planned', 'scheduled', 'deferred'].includes(t.status) && !t.administered;
      cycleViews.push({
        id: t.id,
        courseId: c.id,
        cycleNumber: Number(t.cycle_number),
        plannedOn: t.planned_on,
        prescribedMBq: Number(t.prescribed_mbq),
        status: t.status,
        version: Number(t.version),
        booking: bookingByCycle.get(t.id) ?? null,
        dosimetryStudyId: studyByCycle.get(Number(t.cycle_number)) ?? null,
        administered: t.status === 'administered' || Boolean(t.administered),
        limitCheck: open ? await checkCycle(q, cycleContextOf(t), { studies }) : null,
        storedLimitCheck: t.limit_check ?? null,
        limitOverride: t.limit_override_reason ? { reason: t.limit_override_reason, by: t.limit_override_by ?? null } : null,
      });
    }
    views.push({
      id: c.id,
      patientId: c.patient_id,
      regimen: {
        id: c.regimen_id,
        name: c.regimen_name,
        productId: c.product_id,
        activityMBq: Number(c.activity_mbq),
        intervalWeeks: Number(c.interval_weeks),
        cycles: Number(c.cycles),
        investigational: Boolean(c.investigational),
        reference: c.reference,
      },
      startedOn: c.started_on,
      status: c.status,
      kidneyRiskFactors: Boolean(c.kidney_risk_factors),
      protocol: (c.protocol ?? {}) as CourseProtocol,
      createdBy: c.created_by,
      version: Number(c.version),
      cycles: cycleViews,
    });
  }
  return views;
}

/** A cycle whose check says 'exceeds', scheduled without an override: the 422 of the API. */
export class LimitExceeded extends Error {
  constructor(
    readonly check: CycleLimitCheck,
    readonly lines: string[],
  ) {
    super(lines.join('; '));
  }
}

/** An override asked for by a role that may not give one. */
export class OverrideForbidden extends Error {}

export interface ScheduleCycleInput {
  cycleId: string;
  version: number;
  startsAt: string;
  /** A shielded room; the first free one at that time when absent. */
  resourceId?: string;
  stayHours: number;
  prescribedMBq?: number;
  overrideReason?: string;
  reason: string;
}

/** Who may schedule past a crossed limit: the nuclear-medicine physician (investigator) and admin. */
export const LIMIT_OVERRIDERS = ['investigator', 'admin'] as const;

export async function scheduleCycle(tx: Queryable, audit: AuditFn, input: ScheduleCycleInput, actor: { username: string; role: string }) {
  const row = (
    await tx.query<Row>(
      `select t.*, c.kidney_risk_factors, c.regimen_id, r.product_id, r.activity_mbq regimen_mbq, r.investigational, r.name regimen_name
         from treatment_cycle t join treatment_course c on c.id = t.course_id join treatment_regimen r on r.id = c.regimen_id
        where t.id = $1 for update of t`,
      [input.cycleId],
    )
  ).rows[0];
  if (!row) return undefined;
  if (!['planned', 'deferred'].includes(row.status))
    throw new SchedulingConflict(`Cycle ${row.cycle_number} is ${row.status}: only a planned or deferred cycle can be scheduled.`);
  if (Number(row.version) !== input.version) {
    throw new SchedulingConflict(
      `Cycle ${row.cycle_number} is at version ${row.version}, not ${input.version}: someone else changed it. Reload and retry.`,
    );
  }
  const prescribedMBq = input.prescribedMBq ?? Number(row.prescribed_mbq);
  if (!row.investigational && prescribedMBq > Number(row.regimen_mbq)) {
    throw new SchedulingInvalid(
      'prescribedMBq',
      `${prescribedMBq} MBq escalates the ${row.regimen_mbq} MBq of ${row.regimen_name} (reductions only)`,
    );
  }
  const ctx = cycleContextOf(row);
  // Both the cycle's patient and the course are checked and booked under the patient's lock.
  await lockScheduling(tx, [`patient:${ctx.patientId}`]);
  const check = await checkCycle(tx, ctx, { prescribedMBq });
  const override = input.overrideReason?.trim() || null;
  if (check.verdict === 'exceeds') {
    if (!override) throw new LimitExceeded(check, describeExceeded(check));
    if (!(LIMIT_OVERRIDERS as readonly string[]).includes(actor.role)) {
      throw new OverrideForbidden(
        `Only an investigator (the nuclear-medicine physician) or an admin may schedule a cycle past an organ-at-risk limit; you are ${actor.role}.`,
      );
    }
  }
  const startsAtMs = Date.parse(input.startsAt);
  const endsAt = new Date(startsAtMs + input.stayHours * 3_600_000).toISOString();
  const booking = await bookRoom(tx, audit, input, ctx.patientId, row.product_id, prescribedMBq, endsAt, actor.username);
  const stored = { ...check, computedAt: new Date().toISOString() };
  const before = {
    status: row.status,
    prescribedMBq: Number(row.prescribed_mbq),
    version: Number(row.version),
    limitCheck: row.limit_check ?? null,
  };
  const updated = (
    await tx.query<Row>(
      `update treatment_cycle set status = 'scheduled', prescribed_mbq = $2, limit_check = $3::jsonb,
              limit_override_reason = $4, limit_override_by = $5, version = version + 1
        where id = $1 returning id, status, prescribed_mbq, version`,
      [
        input.cycleId,
        prescribedMBq,
        JSON.stringify(stored),
        check.verdict === 'exceeds' ? override : null,
        check.verdict === 'exceeds' ? actor.username : null,
      ],
    )
  ).rows[0]!;
  await audit({
    action: 'schedule',
    entityType: 'treatment_cycle',
    entityId: input.cycleId,
    patientId: ctx.patientId,
    before,
    after: {
      status: updated.status,
      prescribedMBq: Number(updated.prescribed_mbq),
      version: Number(updated.version),
      bookingId: booking.id,
      limitCheck: stored,
    },
    reason: input.reason,
  });
  if (check.verdict === 'exceeds') {
    await audit({
      action: 'override-limit-check',
      entityType: 'treatment_cycle',
      entityId: input.cycleId,
      patientId: ctx.patientId,
      after: { verdict: check.verdict, exceeded: describeExceeded(check), checks: check.checks },
      reason: override,
    });
  }
  return { cycleId: input.cycleId, booking, limitCheck: stored, overridden: check.verdict === 'exceeds' };
}

/** The shielded room for the stay: the one asked for, or the first free one (by id). */
async function bookRoom(
  tx: Queryable,
  audit: AuditFn,
  input: ScheduleCycleInput,
  patientId: string,
  productId: string,
  activityMBq: number,
  endsAt: string,
  createdBy: string,
): Promise<BookingView> {
  const base: Omit<BookingInput, 'resourceId'> = {
    kind: 'therapy-admission',
    patientId,
    productId,
    startsAt: input.startsAt,
    endsAt,
    activityMBq,
    cycleId: input.cycleId,
  };
  if (input.resourceId) return createBooking(tx, audit, { ...base, resourceId: input.resourceId }, { createdBy, reason: input.reason });
  const rooms = [...(await loadResources(tx)).values()].filter((r) => r.kind === 'shielded-room' && r.active);
  const refusals: BookingRefused[] = [];
  for (const room of rooms) {
    try {
      return await createBooking(tx, audit, { ...base, resourceId: room.id }, { createdBy, reason: input.reason });
    } catch (e) {
      if (!(e instanceof BookingRefused)) throw e;
      refusals.push(e);
    }
  }
  throw new BookingRefused(refusals.flatMap((r) => r.conflicts));
}
