/**
 * The organ-at-risk check of a treatment cycle, from the stored dosimetry (dosimetry_study, one
 * study per administered cycle, written by the theranostics service) and the cycle's course.
 * Computed at request time — so a study recorded after the cycle was scheduled is seen — and
 * stored with the cycle when it is scheduled.
 */
import { checkCycleLimits, type CycleDosimetry, type CycleLimitCheck, type DoseRateShape } from '@continuum/core';
import type { Queryable } from '../db/driver';
import { toIso, type Row } from './rows';

export async function loadCycleDosimetry(q: Queryable, patientId: string): Promise<CycleDosimetry[]> {
  const { rows } = await q.query<Row>(
    `select id, cycle_number, injected_mbq, administered_at, kidney_dose_gy, kidney_bed_gy, kidney_shape, red_marrow_dose_gy
       from dosimetry_study where patient_id = $1 order by administered_at, cycle_number`,
    [patientId],
  );
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return rows.map((r) => ({
    studyId: r.id,
    cycleNumber: Number(r.cycle_number),
    injectedMBq: Number(r.injected_mbq),
    administeredAt: toIso(r.administered_at),
    kidneyDoseGy: num(r.kidney_dose_gy),
    kidneyBedGy: num(r.kidney_bed_gy),
    kidneyShape: (r.kidney_shape as DoseRateShape | null) ?? null,
    redMarrowDoseGy: num(r.red_marrow_dose_gy),
  }));
}

export interface CycleContext {
  id: string;
  courseId: string;
  patientId: string;
  cycleNumber: number;
  prescribedMBq: number;
  kidneyRiskFactors: boolean;
}

/** The check of one cycle at `prescribedMBq` (the cycle's own activity by default). */
export async function checkCycle(
  q: Queryable,
  cycle: CycleContext,
  opts: { prescribedMBq?: number; studies?: CycleDosimetry[] } = {},
): Promise<CycleLimitCheck> {
  const studies = opts.studies ?? (await loadCycleDosimetry(q, cycle.patientId));
  const { rows } = await q.query<Row>(
    `select c.id, c.cycle_number, c.status, c.prescribed_mbq,
            exists (select 1 from administration a where a.cycle_id = c.id) as administered
       from treatment_cycle c where c.course_id = $1 and c.id <> $2`,
    [cycle.courseId, cycle.id],
  );
  return checkCycleLimits({
    cycleNumber: cycle.cycleNumber,
    prescribedMBq: opts.prescribedMBq ?? cycle.prescribedMBq,
    kidneyRiskFactors: cycle.kidneyRiskFactors,
    studies,
    administeredCycles: rows.filter((r) => r.status === 'administered' || r.administered).map((r) => Number(r.cycle_number)),
    // Counted ahead: every other cycle already scheduled, and the planned ones before this one
    // (the course's plan up to this cycle). Cancelled and given cycles are not pending.
    pendingCycles: rows
      .filter(
        (r) =>
          !r.administered &&
          (r.status === 'scheduled' || (['planned', 'deferred'].includes(r.status) && Number(r.cycle_number) < cycle.cycleNumber)),
      )
      .map((r) => ({ cycleNumber: Number(r.cycle_number), prescribedMBq: Number(r.prescribed_mbq) })),
  });
}

export const cycleContextOf = (r: Row): CycleContext => ({
  id: r.id,
  courseId: r.course_id,
  patientId: r.patient_id,
  cycleNumber: Number(r.cycle_number),
  prescribedMBq: Number(r.prescribed_mbq),
  kidneyRiskFactors: Boolean(r.kidney_risk_factors),
});
