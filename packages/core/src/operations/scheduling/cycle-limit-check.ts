/**
 * The organ-at-risk check made before a radioligand cycle is scheduled: the patient's dosimetry
 * history (one study per administered cycle: kidney absorbed dose, kidney BED or the kidney
 * dose-rate shape, red-marrow dose) and the planned activity go to the nucmed core's
 * `wouldExceed` with the limits for the patient's kidney risk status.
 *
 * The planned cycle's doses are the latest study's dose per GBq × the planned activity, with the
 * latest kidney dose-rate shape (same kinetics as the last measured cycle). Three-valued like
 * everything else: no dosimetry → 'unknown'; an administered cycle without a study (or a study
 * without the organ's figure) makes the cumulative a lower bound, so 'within' becomes 'unknown',
 * while 'exceeds' stands (the lower bound already crosses the limit). A kidney BED that cannot be
 * computed for a past cycle (no BED, no shape) counts as its absorbed dose, a lower bound
 * (BED ≥ D), with the same consequence.
 */
import {
  organAtRiskLimits,
  wouldExceed,
  type CycleDose,
  type DoseRateShape,
  type LimitCheck,
  type LimitVerdict,
  type OrganAtRisk,
  type PlannedOrganDose,
} from '../../nucmed';

/** The figures of one dosimetry_study row the check needs. */
export interface CycleDosimetry {
  readonly studyId?: string;
  readonly cycleNumber: number;
  readonly injectedMBq: number;
  readonly administeredAt?: string;
  readonly kidneyDoseGy: number | null;
  readonly kidneyBedGy: number | null;
  readonly kidneyShape: DoseRateShape | null;
  readonly redMarrowDoseGy: number | null;
}

export interface CycleLimitCheckInput {
  readonly cycleNumber: number;
  readonly prescribedMBq: number;
  readonly kidneyRiskFactors: boolean;
  /** The patient's studies, any order. */
  readonly studies: readonly CycleDosimetry[];
  /** Cycle numbers already administered (of this course); those without a study make the history incomplete. */
  readonly administeredCycles?: readonly number[];
  /**
   * Cycles of the course that will be given before or alongside this one but are not yet given
   * (nor studied) — those already scheduled, and the planned ones before it: counted at the
   * reference study's dose per GBq and kinetics, so that scheduling cycles ahead cannot step over
   * a limit one cycle at a time.
   */
  readonly pendingCycles?: readonly { readonly cycleNumber: number; readonly prescribedMBq: number }[];
}

export interface CycleLimitItem extends LimitCheck {
  /** false when the cumulative is only a lower bound (a cycle or a figure missing). */
  readonly complete: boolean;
  readonly notes: readonly string[];
}

export interface CycleLimitCheck {
  readonly cycleNumber: number;
  readonly prescribedMBq: number;
  readonly kidneyRiskFactors: boolean;
  readonly verdict: LimitVerdict;
  readonly checks: readonly CycleLimitItem[];
  /** The studies the check used, and the one the planned dose per GBq comes from. */
  readonly basis: {
    readonly studies: number;
    readonly referenceStudyCycle: number | null;
    readonly cyclesWithoutDosimetry: readonly number[];
    /** Cycles not yet given (scheduled, or planned before this one) counted at the reference study's dose per GBq. */
    readonly pendingCycles: readonly number[];
  };
  readonly method: string;
}

const byTime = (a: CycleDosimetry, b: CycleDosimetry) =>
  (a.administeredAt ?? '').localeCompare(b.administeredAt ?? '') || a.cycleNumber - b.cycleNumber;

export function checkCycleLimits(input: CycleLimitCheckInput): CycleLimitCheck {
  const studies = [...input.studies].sort(byTime);
  const history: CycleDose[] = [];
  const gaps = new Map<string, string[]>();
  const note = (organ: OrganAtRisk, quantity: string, text: string) => {
    const key = `${organ}/${quantity}`;
    gaps.set(key, [...(gaps.get(key) ?? []), text]);
  };
  for (const s of studies) {
    if (s.kidneyDoseGy !== null) {
      const bedKnown = s.kidneyBedGy !== null || s.kidneyShape !== null;
      history.push({
        cycle: s.cycleNumber,
        organ: 'kidneys',
        doseGy: s.kidneyDoseGy,
        ...(s.kidneyBedGy !== null
          ? { bedGy: s.kidneyBedGy }
          : s.kidneyShape !== null
            ? { shape: s.kidneyShape }
            : { bedGy: s.kidneyDoseGy }),
      });
      if (!bedKnown)
        note('kidneys', 'bed', `cycle ${s.cycleNumber}: no kidney BED or dose-rate shape, its absorbed dose counted (BED ≥ D)`);
    } else {
      note('kidneys', 'absorbed-dose', `cycle ${s.cycleNumber}: no kidney dose in its dosimetry`);
      note('kidneys', 'bed', `cycle ${s.cycleNumber}: no kidney dose in its dosimetry`);
    }
    if (s.redMarrowDoseGy !== null) history.push({ cycle: s.cycleNumber, organ: 'red-marrow', doseGy: s.redMarrowDoseGy });
    else note('red-marrow', 'absorbed-dose', `cycle ${s.cycleNumber}: no red-marrow dose in its dosimetry`);
  }
  const studied = new Set(studies.map((s) => s.cycleNumber));
  const missing = [...new Set(input.administeredCycles ?? [])]
    .filter((c) => !studied.has(c) && c !== input.cycleNumber)
    .sort((a, b) => a - b);

  const latestWith = (pick: (s: CycleDosimetry) => number | null) =>
    [...studies].reverse().find((s) => pick(s) !== null && s.injectedMBq > 0);
  const organs: PlannedOrganDose[] = [];
  const kidneyRef = latestWith((s) => s.kidneyDoseGy);
  if (kidneyRef) {
    organs.push({
      organ: 'kidneys',
      doseGyPerGBq: (kidneyRef.kidneyDoseGy! * 1000) / kidneyRef.injectedMBq,
      ...(kidneyRef.kidneyShape ? { shape: kidneyRef.kidneyShape } : {}),
    });
  }
  const marrowRef = latestWith((s) => s.redMarrowDoseGy);
  if (marrowRef) organs.push({ organ: 'red-marrow', doseGyPerGBq: (marrowRef.redMarrowDoseGy! * 1000) / marrowRef.injectedMBq });

  const pending = (input.pendingCycles ?? []).filter((p) => p.cycleNumber !== input.cycleNumber && !studied.has(p.cycleNumber));
  for (const p of pending) {
    for (const o of organs) {
      history.push({
        cycle: p.cycleNumber,
        organ: o.organ,
        doseGy: (o.doseGyPerGBq * p.prescribedMBq) / 1000,
        ...(o.shape ? { shape: o.shape } : o.organ === 'kidneys' ? { bedGy: (o.doseGyPerGBq * p.prescribedMBq) / 1000 } : {}),
      });
    }
  }
  if (pending.length > 0) {
    const estimated = new Set(organs.map((o) => o.organ));
    const unestimated = `cycle(s) ${pending.map((p) => p.cycleNumber).join(', ')} without a dose estimate`;
    if (!estimated.has('kidneys')) ['absorbed-dose', 'bed'].forEach((q) => note('kidneys', q, unestimated));
    if (!estimated.has('red-marrow')) note('red-marrow', 'absorbed-dose', unestimated);
  }
  const result = wouldExceed({
    history,
    planned: { cycle: input.cycleNumber, activityMBq: input.prescribedMBq, organs },
    limits: organAtRiskLimits({ kidneyRiskFactors: input.kidneyRiskFactors }),
  });
  const checks: CycleLimitItem[] = result.checks.map((c) => {
    const notes = [...(gaps.get(`${c.organ}/${c.quantity}`) ?? []), ...missing.map((m) => `cycle ${m} was administered without dosimetry`)];
    const complete = notes.length === 0;
    return { ...c, verdict: !complete && c.verdict === 'within' ? 'unknown' : c.verdict, complete, notes };
  });
  const verdict: LimitVerdict = checks.some((c) => c.verdict === 'exceeds')
    ? 'exceeds'
    : checks.some((c) => c.verdict === 'unknown')
      ? 'unknown'
      : 'within';
  return {
    cycleNumber: input.cycleNumber,
    prescribedMBq: input.prescribedMBq,
    kidneyRiskFactors: input.kidneyRiskFactors,
    verdict,
    checks,
    basis: {
      studies: studies.length,
      referenceStudyCycle: kidneyRef?.cycleNumber ?? marrowRef?.cycleNumber ?? null,
      cyclesWithoutDosimetry: missing,
      pendingCycles: pending.map((p) => p.cycleNumber),
    },
    method:
      studies.length === 0
        ? 'no dosimetry for this patient: the organ-at-risk limits cannot be checked'
        : `${result.method}; planned dose per GBq from the dosimetry of cycle ${kidneyRef?.cycleNumber ?? marrowRef?.cycleNumber}${pending.length > 0 ? `; cycle(s) ${pending.map((p) => p.cycleNumber).join(', ')} not yet given counted at the same dose per GBq` : ''}`,
  };
}

/** One line per crossed limit: organ, quantity, cumulative → projected against the limit, and the largest activity within it. */
export function describeExceeded(check: CycleLimitCheck): string[] {
  return check.checks
    .filter((c) => c.verdict === 'exceeds')
    .map((c) => {
      const q = c.quantity === 'bed' ? 'BED' : 'absorbed dose';
      const values =
        c.projectedGy === null
          ? `cumulative ${c.cumulativeGy.toFixed(2)} Gy is already`
          : `cumulative ${c.cumulativeGy.toFixed(2)} Gy + planned ${c.plannedGy!.toFixed(2)} Gy = projected ${c.projectedGy.toFixed(2)} Gy,`;
      const max = c.maxActivityMBq === null ? 'unknown' : `${Math.floor(c.maxActivityMBq)} MBq`;
      return `${c.organ} ${q}: ${values} over the ${c.limitGy} Gy limit (${c.reference}); largest activity within it: ${max}`;
    });
}
