/**
 * Cumulative organ-at-risk doses over treatment cycles, against their limits, and the check a
 * planned next cycle must pass before it is scheduled.
 *
 * Limits (each result carries its reference):
 * - kidneys, absorbed dose 23 Gy: the external-beam whole-kidney TD5/5 (Emami et al., Int J Radiat
 *   Oncol Biol Phys 1991;21:109–122), the customary PRRT kidney limit;
 * - kidneys, BED 40 Gy, or 28 Gy with risk factors for renal toxicity (e.g. hypertension, diabetes)
 *   (Bodei et al., Eur J Nucl Med Mol Imaging 2008;35:1847–1856);
 * - red marrow, absorbed dose 2 Gy: the customary limit of radionuclide therapy, from the 2 Gy
 *   blood-dose limit of I-131 therapy (Benua et al., Am J Roentgenol 1962;87:171–182).
 *
 * Cycles are separate treatments with complete repair in between, so doses and BEDs add. The
 * verdict is three-valued: a limit the plan gives no dose for is "unknown", never "within".
 */
import { biologicallyEffectiveDose, doseForBed, KIDNEY_LQ, type DoseRateShape, type LinearQuadraticParameters } from './bed';
import { NucmedError, requireFinite, requirePositive } from './errors';

export type OrganAtRisk = 'kidneys' | 'red-marrow';
export type LimitQuantity = 'absorbed-dose' | 'bed';

export interface DoseLimit {
  readonly organ: OrganAtRisk;
  readonly quantity: LimitQuantity;
  readonly limitGy: number;
  readonly reference: string;
}

export const KIDNEY_DOSE_LIMIT: DoseLimit = {
  organ: 'kidneys',
  quantity: 'absorbed-dose',
  limitGy: 23,
  reference: 'kidney TD5/5 23 Gy (Emami et al., Int J Radiat Oncol Biol Phys 1991;21:109-122)',
};
export const KIDNEY_BED_LIMIT_NO_RISK_FACTORS: DoseLimit = {
  organ: 'kidneys',
  quantity: 'bed',
  limitGy: 40,
  reference: 'kidney BED 40 Gy without risk factors (Bodei et al., Eur J Nucl Med Mol Imaging 2008;35:1847-1856)',
};
export const KIDNEY_BED_LIMIT_WITH_RISK_FACTORS: DoseLimit = {
  organ: 'kidneys',
  quantity: 'bed',
  limitGy: 28,
  reference: 'kidney BED 28 Gy with risk factors for renal toxicity (Bodei et al., Eur J Nucl Med Mol Imaging 2008;35:1847-1856)',
};
export const RED_MARROW_DOSE_LIMIT: DoseLimit = {
  organ: 'red-marrow',
  quantity: 'absorbed-dose',
  limitGy: 2,
  reference: 'red marrow 2 Gy (customary; from the blood-dose limit of Benua et al., Am J Roentgenol 1962;87:171-182)',
};

/** The default set: kidney dose, kidney BED (by risk status) and red-marrow dose. */
export function organAtRiskLimits(options: { kidneyRiskFactors: boolean }): DoseLimit[] {
  return [
    KIDNEY_DOSE_LIMIT,
    options.kidneyRiskFactors ? KIDNEY_BED_LIMIT_WITH_RISK_FACTORS : KIDNEY_BED_LIMIT_NO_RISK_FACTORS,
    RED_MARROW_DOSE_LIMIT,
  ];
}

/** One organ's absorbed dose from one cycle; `shape` (or `bedGy`) is needed for BED limits. */
export interface CycleDose {
  readonly cycle: number;
  readonly organ: OrganAtRisk;
  readonly doseGy: number;
  readonly shape?: DoseRateShape;
  readonly bedGy?: number;
}

export interface CumulativeStatus {
  readonly organ: OrganAtRisk;
  readonly quantity: LimitQuantity;
  readonly limitGy: number;
  readonly cumulativeGy: number;
  readonly fractionOfLimit: number;
  readonly exceeded: boolean;
  readonly perCycle: readonly { readonly cycle: number; readonly valueGy: number }[];
  readonly reference: string;
  readonly method: string;
}

function cycleValue(c: CycleDose, quantity: LimitQuantity, params: LinearQuadraticParameters, field: string): number {
  const dose = requirePositive(c.doseGy, `${field}.doseGy`, true);
  if (quantity === 'absorbed-dose') return dose;
  if (c.bedGy !== undefined) return requirePositive(c.bedGy, `${field}.bedGy`, true);
  if (c.shape === undefined) {
    throw new NucmedError({
      field: `${field}.shape`,
      code: 'missing',
      reason: `cycle ${c.cycle} has no dose-rate shape for its ${c.organ} BED`,
      expected: 'a shape (effective half-life or fitted terms) or a bedGy',
    });
  }
  return biologicallyEffectiveDose(dose, c.shape, params, `${field}.shape`).bedGy;
}

const quantityWords = (q: LimitQuantity) => (q === 'bed' ? 'BED' : 'absorbed dose');

/** Sum each limited quantity over the cycles given. */
export function cumulativeAgainstLimits(
  history: readonly CycleDose[],
  limits: readonly DoseLimit[],
  params: LinearQuadraticParameters = KIDNEY_LQ,
): CumulativeStatus[] {
  return limits.map((limit) => {
    const perCycle = history
      .map((c, i) => ({ c, i }))
      .filter(({ c }) => c.organ === limit.organ)
      .map(({ c, i }) => ({ cycle: c.cycle, valueGy: cycleValue(c, limit.quantity, params, `history[${i}]`) }));
    const cumulative = perCycle.reduce((s, p) => s + p.valueGy, 0);
    return {
      organ: limit.organ,
      quantity: limit.quantity,
      limitGy: limit.limitGy,
      cumulativeGy: cumulative,
      fractionOfLimit: cumulative / limit.limitGy,
      exceeded: cumulative > limit.limitGy,
      perCycle,
      reference: limit.reference,
      method: `sum over ${perCycle.length} cycle(s) of ${limit.organ} ${quantityWords(limit.quantity)}${limit.quantity === 'bed' ? ` (LQ per cycle, complete repair between cycles; ${params.source})` : ''}`,
    };
  });
}

export interface PlannedOrganDose {
  readonly organ: OrganAtRisk;
  /** Expected absorbed dose per administered GBq, e.g. from the last cycle's dosimetry. */
  readonly doseGyPerGBq: number;
  /** Dose-rate shape, for BED (e.g. the last cycle's fitted kidney curve). */
  readonly shape?: DoseRateShape;
}

export interface PlannedCycle {
  readonly cycle: number;
  readonly activityMBq: number;
  readonly organs: readonly PlannedOrganDose[];
}

export type LimitVerdict = 'within' | 'exceeds' | 'unknown';

export interface LimitCheck {
  readonly organ: OrganAtRisk;
  readonly quantity: LimitQuantity;
  readonly limitGy: number;
  readonly verdict: LimitVerdict;
  /** Before the planned cycle. */
  readonly cumulativeGy: number;
  /** Added by the planned cycle; null when the plan gives no dose for this organ. */
  readonly plannedGy: number | null;
  readonly projectedGy: number | null;
  /** Largest activity of the planned cycle that stays within this limit, MBq; null when unknown. */
  readonly maxActivityMBq: number | null;
  readonly reference: string;
  readonly method: string;
}

export interface WouldExceedResult {
  /** true when at least one limit would be crossed. */
  readonly exceeds: boolean;
  /** 'exceeds' if any limit would be crossed; else 'unknown' if any cannot be checked; else 'within'. */
  readonly verdict: LimitVerdict;
  readonly checks: readonly LimitCheck[];
  readonly method: string;
}

/**
 * Would the planned cycle take any organ at risk past a limit? Planned dose = activity (GBq) ×
 * dose per GBq (linear in activity, same kinetics as the reference cycle); its BED uses the
 * planned shape.
 */
export function wouldExceed(input: {
  history: readonly CycleDose[];
  planned: PlannedCycle;
  limits: readonly DoseLimit[];
  params?: LinearQuadraticParameters;
}): WouldExceedResult {
  const params = input.params ?? KIDNEY_LQ;
  const activity = requirePositive(input.planned.activityMBq, 'planned.activityMBq');
  const before = cumulativeAgainstLimits(input.history, input.limits, params);
  const checks = input.limits.map((limit, li): LimitCheck => {
    const status = before[li] as CumulativeStatus;
    const index = input.planned.organs.findIndex((o) => o.organ === limit.organ);
    const plan = input.planned.organs[index];
    const field = `planned.organs[${index}]`;
    const unknown = (why: string): LimitCheck => ({
      organ: limit.organ,
      quantity: limit.quantity,
      limitGy: limit.limitGy,
      verdict: status.exceeded ? 'exceeds' : 'unknown',
      cumulativeGy: status.cumulativeGy,
      plannedGy: null,
      projectedGy: null,
      maxActivityMBq: status.exceeded ? 0 : null,
      reference: limit.reference,
      method: why,
    });
    if (plan === undefined) return unknown(`no planned ${limit.organ} dose: the limit cannot be checked`);
    const perGBq = requirePositive(requireFinite(plan.doseGyPerGBq, `${field}.doseGyPerGBq`), `${field}.doseGyPerGBq`, true);
    const dose = (perGBq * activity) / 1000;
    if (limit.quantity === 'bed' && plan.shape === undefined)
      return unknown(`no dose-rate shape for the planned ${limit.organ} dose: its BED cannot be computed`);
    const planned =
      limit.quantity === 'bed' && plan.shape !== undefined
        ? biologicallyEffectiveDose(dose, plan.shape, params, `${field}.shape`).bedGy
        : dose;
    const projected = status.cumulativeGy + planned;
    const headroom = Math.max(limit.limitGy - status.cumulativeGy, 0);
    const headroomDose = limit.quantity === 'bed' && plan.shape !== undefined ? doseForBed(headroom, plan.shape, params) : headroom;
    return {
      organ: limit.organ,
      quantity: limit.quantity,
      limitGy: limit.limitGy,
      verdict: projected > limit.limitGy ? 'exceeds' : 'within',
      cumulativeGy: status.cumulativeGy,
      plannedGy: planned,
      projectedGy: projected,
      maxActivityMBq: perGBq > 0 ? (headroomDose / perGBq) * 1000 : Number.POSITIVE_INFINITY,
      reference: limit.reference,
      method: `cycle ${input.planned.cycle}: ${activity} MBq × ${perGBq.toPrecision(4)} Gy/GBq${limit.quantity === 'bed' ? ` → LQ BED (${params.source})` : ''}, added to ${status.perCycle.length} earlier cycle(s)`,
    };
  });
  const verdict: LimitVerdict = checks.some((c) => c.verdict === 'exceeds')
    ? 'exceeds'
    : checks.some((c) => c.verdict === 'unknown')
      ? 'unknown'
      : 'within';
  return {
    exceeds: verdict === 'exceeds',
    verdict,
    checks,
    method: 'cumulative organ-at-risk doses and BEDs over cycles against limits; planned dose linear in activity',
  };
}
