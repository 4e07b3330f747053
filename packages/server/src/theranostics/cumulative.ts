import {
  checkCycleLimits,
  cumulativeAgainstLimits,
  organAtRiskLimits,
  type CumulativeStatus,
  type CycleDose,
  type CycleDosimetry,
  type CycleLimitCheck,
} from '@continuum/core';
import type { Queryable } from '../db/driver';
import { checkCycle, cycleContextOf } from '../scheduling/limit-check';
import type { StudyRow } from './dosimetry-service';

export interface CycleFigures {
  cycle: number;
  studyId: string;
  administeredAt: string;
  injectedMBq: number;
  kidneyDoseGy: number | null;
  kidneyBedGy: number | null;
  redMarrowDoseGy: number | null;
}

export interface LimitStatus extends CumulativeStatus {
  /** Cycles with a study but no figure for this organ: the sum leaves them out. */
  missingCycles: number[];
}

export interface NextCycle {
  cycle: number;
  activityMBq: number;
  /** Where the plan comes from: a planned treatment cycle, or the regimen's next cycle. */
  source: string;
  /** The same check scheduling makes before the cycle is booked (core checkCycleLimits). */
  check: CycleLimitCheck;
}

export interface CumulativeView {
  /** From the patient's treatment course; null when no course records it. */
  kidneyRiskFactors: boolean | null;
  riskFactorsNote: string;
  limits: LimitStatus[];
  cycles: CycleFigures[];
  nextCycle: NextCycle | null;
}

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** One CycleDose per study and organ, with the stored BED (which is BED(kidney dose, kidney shape)). */
export function cycleHistory(studies: readonly StudyRow[]): CycleDose[] {
  return studies.flatMap((s): CycleDose[] => [
    ...(s.kidneyDoseGy !== null
      ? [
          {
            cycle: s.cycleNumber,
            organ: 'kidneys' as const,
            doseGy: s.kidneyDoseGy,
            ...(s.kidneyBedGy !== null ? { bedGy: s.kidneyBedGy } : {}),
            ...(s.kidneyShape ? { shape: s.kidneyShape } : {}),
          },
        ]
      : []),
    ...(s.redMarrowDoseGy !== null ? [{ cycle: s.cycleNumber, organ: 'red-marrow' as const, doseGy: s.redMarrowDoseGy }] : []),
  ]);
}

/** A stored study as the organ-at-risk check of a cycle reads it. */
export const asCycleDosimetry = (s: StudyRow): CycleDosimetry => ({
  studyId: s.id,
  cycleNumber: s.cycleNumber,
  injectedMBq: s.injectedMBq,
  administeredAt: s.administeredAt,
  kidneyDoseGy: s.kidneyDoseGy,
  kidneyBedGy: s.kidneyBedGy,
  kidneyShape: s.kidneyShape,
  redMarrowDoseGy: s.redMarrowDoseGy,
});

/**
 * Cumulative organ-at-risk doses over the patient's studied cycles (up to `throughCycle`), against
 * the limits of the patient's risk status, and — unless a cycle bound is given — the check of the
 * next cycle: the first planned or scheduled treatment cycle, else the regimen's next one.
 */
export async function cumulativeFor(
  q: Queryable,
  patientId: string,
  studies: readonly StudyRow[],
  opts: { throughCycle?: number } = {},
): Promise<CumulativeView> {
  const included = studies.filter((s) => opts.throughCycle === undefined || s.cycleNumber <= opts.throughCycle);
  const course = (
    await q.query<Row>(
      `select c.id, c.kidney_risk_factors, c.status, r.activity_mbq, r.cycles, r.name
         from treatment_course c join treatment_regimen r on r.id = c.regimen_id
        where c.patient_id = $1 order by (c.status in ('active', 'planned')) desc, c.started_on desc limit 1`,
      [patientId],
    )
  ).rows[0];
  const riskFactors: boolean | null = course ? Boolean(course.kidney_risk_factors) : null;
  // Without a course saying otherwise, the stricter BED limit applies (risk factors assumed).
  const limits = organAtRiskLimits({ kidneyRiskFactors: riskFactors ?? true });
  const history = cycleHistory(included);
  const status = cumulativeAgainstLimits(history, limits);
  const view: CumulativeView = {
    kidneyRiskFactors: riskFactors,
    riskFactorsNote:
      riskFactors === null
        ? 'no treatment course records the kidney risk factors: the stricter limit (BED 28 Gy, with risk factors) is applied'
        : riskFactors
          ? 'kidney risk factors recorded on the treatment course (BED limit 28 Gy)'
          : 'no kidney risk factors on the treatment course (BED limit 40 Gy)',
    limits: status.map((s) => ({
      ...s,
      missingCycles: included
        .filter((st) =>
          s.organ === 'kidneys'
            ? st.kidneyDoseGy === null || (s.quantity === 'bed' && st.kidneyBedGy === null)
            : st.redMarrowDoseGy === null,
        )
        .map((st) => st.cycleNumber),
    })),
    cycles: included.map((s) => ({
      cycle: s.cycleNumber,
      studyId: s.id,
      administeredAt: s.administeredAt,
      injectedMBq: s.injectedMBq,
      kidneyDoseGy: s.kidneyDoseGy,
      kidneyBedGy: s.kidneyBedGy,
      redMarrowDoseGy: s.redMarrowDoseGy,
    })),
    nextCycle: null,
  };
  const latest = included.at(-1);
  if (opts.throughCycle !== undefined || !latest) return view;

  // The next cycle is checked exactly as scheduling will check it (same function, same inputs),
  // so this page and the scheduling refusal cannot disagree.
  const studied = included.map(asCycleDosimetry);
  const planned = (
    await q.query<Row>(
      `select c.id, c.course_id, c.patient_id, c.cycle_number, c.prescribed_mbq, c.status, co.kidney_risk_factors
         from treatment_cycle c join treatment_course co on co.id = c.course_id
        where c.patient_id = $1 and c.status in ('planned', 'scheduled') order by c.cycle_number limit 1`,
      [patientId],
    )
  ).rows[0];
  const lastCycle = Math.max(...included.map((s) => s.cycleNumber));
  if (planned) {
    view.nextCycle = {
      cycle: Number(planned.cycle_number),
      activityMBq: Number(planned.prescribed_mbq),
      source: `treatment cycle ${planned.cycle_number} (${planned.status})`,
      check: await checkCycle(q, cycleContextOf(planned), { studies: studied }),
    };
  } else if (course && ['active', 'planned'].includes(course.status) && lastCycle < course.cycles) {
    const activityMBq = Number(course.activity_mbq);
    view.nextCycle = {
      cycle: lastCycle + 1,
      activityMBq,
      source: `the regimen's cycle ${lastCycle + 1} (${course.name})`,
      check: checkCycleLimits({
        cycleNumber: lastCycle + 1,
        prescribedMBq: activityMBq,
        kidneyRiskFactors: riskFactors ?? true,
        studies: studied,
      }),
    };
  }
  return view;
}
