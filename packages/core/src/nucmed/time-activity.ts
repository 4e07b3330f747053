/**
 * Time-activity data of one region (organ, lesion, whole body) and the shape every fit returns.
 *
 * Every fit, whatever its model, reports the time-integrated activity (TIA, MBq·h) from the
 * injection to infinity, its parameters with units in their names, its goodness of fit and a
 * `method` string naming the model and its reference. Sum-of-exponentials models also expose
 * their `terms` (A(t) = Σ c·e^(−λt)): the BED and the release-time calculations use them.
 */
import { NucmedError, requireFinite } from './errors';

export interface TimeActivityData {
  /** Hours after injection, strictly increasing, >= 0. */
  readonly timesH: readonly number[];
  /** Activity in the region at each time, MBq, >= 0. */
  readonly activitiesMBq: readonly number[];
}

export type TacModel =
  | 'mono-exponential'
  | 'mono-exponential-log-linear'
  | 'bi-exponential'
  | 'bi-exponential-uptake'
  | 'trapezoid'
  | 'single-time-point-hanscheid'
  | 'single-time-point-prior-half-life';

/** One term c·e^(−λt) of a sum of exponentials; c may be negative (uptake phase). */
export interface ExponentialTerm {
  readonly coefficientMBq: number;
  readonly lambdaPerH: number;
}

export interface GoodnessOfFit {
  readonly points: number;
  readonly parameters: number;
  /** points − parameters; 0 means the curve passes through every point and says nothing about fit. */
  readonly degreesOfFreedom: number;
  /** Sum of squared residuals, MBq². */
  readonly ssr: number;
  /** 1 − SSR/SST; null when SST = 0. */
  readonly rSquared: number | null;
  /** n·ln(SSR/n) + 2k (least-squares AIC); null when SSR = 0. */
  readonly aic: number | null;
  /** AIC + 2k(k+1)/(n−k−1); null when n − k − 1 <= 0. */
  readonly aicc: number | null;
}

export interface TacFit {
  readonly model: TacModel;
  /** Named with their units: A0MBq, lambdaPerH, effectiveHalfLifeH... */
  readonly parameters: Readonly<Record<string, number>>;
  /** A(t) = Σ terms; null for the trapezoid, whose curve is piecewise (see `piecewise`). */
  readonly terms: readonly ExponentialTerm[] | null;
  /** Knots and tail of the trapezoid model. */
  readonly piecewise?: { readonly timesH: readonly number[]; readonly activitiesMBq: readonly number[]; readonly tailLambdaPerH: number };
  /** Time-integrated activity from injection to infinity, MBq·h. */
  readonly tiaMBqH: number;
  /** null for the trapezoid and single-time-point methods, which fit nothing. */
  readonly goodnessOfFit: GoodnessOfFit | null;
  readonly converged: boolean;
  readonly iterations: number;
  readonly method: string;
}

/**
 * Check a region's data: two arrays of the same length, at least `minPoints`, times finite,
 * >= 0 and strictly increasing, activities finite and >= 0, not all zero.
 */
export function validateTimeActivity(
  tac: { timesH?: unknown; activitiesMBq?: unknown } | undefined,
  field: string,
  minPoints = 1,
): TimeActivityData {
  if (tac === undefined || tac === null || typeof tac !== 'object') {
    throw new NucmedError({
      field,
      code: 'missing',
      reason: 'time-activity data is missing',
      expected: '{ timesH: number[], activitiesMBq: number[] }',
    });
  }
  const { timesH, activitiesMBq } = tac;
  if (!Array.isArray(timesH))
    throw new NucmedError({
      field: `${field}.timesH`,
      code: 'missing',
      reason: 'timesH is missing or not an array',
      expected: 'an array of hours',
    });
  if (!Array.isArray(activitiesMBq)) {
    throw new NucmedError({
      field: `${field}.activitiesMBq`,
      code: 'missing',
      reason: 'activitiesMBq is missing or not an array',
      expected: 'an array of MBq',
    });
  }
  if (timesH.length !== activitiesMBq.length) {
    throw new NucmedError({
      field: `${field}.activitiesMBq`,
      code: 'out-of-range',
      reason: `${activitiesMBq.length} activities for ${timesH.length} times`,
      expected: 'one activity per time',
    });
  }
  if (timesH.length < minPoints) {
    throw new NucmedError({
      field: `${field}.timesH`,
      code: 'too-few-points',
      reason: `${timesH.length} point(s)`,
      expected: `at least ${minPoints} for this model`,
    });
  }
  const times: number[] = [];
  const activities: number[] = [];
  for (let i = 0; i < timesH.length; i++) {
    const t = requireFinite(timesH[i], `${field}.timesH[${i}]`);
    if (t < 0)
      throw new NucmedError({
        field: `${field}.timesH[${i}]`,
        code: 'negative',
        reason: `${t} h is before the injection`,
        expected: '>= 0 h',
      });
    const previous = times[i - 1];
    if (previous !== undefined && t <= previous) {
      throw new NucmedError({
        field: `${field}.timesH[${i}]`,
        code: 'out-of-order',
        reason: `${t} h does not come after ${previous} h`,
        expected: `> ${previous} h`,
      });
    }
    const a = requireFinite(activitiesMBq[i], `${field}.activitiesMBq[${i}]`);
    if (a < 0)
      throw new NucmedError({
        field: `${field}.activitiesMBq[${i}]`,
        code: 'negative',
        reason: `${a} MBq is negative`,
        expected: '>= 0 MBq',
      });
    times.push(t);
    activities.push(a);
  }
  if (!activities.some((a) => a > 0)) {
    throw new NucmedError({
      field: `${field}.activitiesMBq`,
      code: 'no-data',
      reason: 'every activity is zero',
      expected: 'at least one activity > 0',
    });
  }
  return { timesH: times, activitiesMBq: activities };
}

/** A(t) of a sum of exponentials. */
export function evaluateTerms(terms: readonly ExponentialTerm[], tH: number): number {
  let sum = 0;
  for (const term of terms) sum += term.coefficientMBq * Math.exp(-term.lambdaPerH * tH);
  return sum;
}

/** ∫0^∞ Σ c·e^(−λt) dt = Σ c/λ (a term whose amplitude vanished contributes nothing). */
export function integrateTerms(terms: readonly ExponentialTerm[]): number {
  let sum = 0;
  for (const term of terms) if (term.coefficientMBq !== 0) sum += term.coefficientMBq / term.lambdaPerH;
  return sum;
}

/** The fitted curve at `tH` hours, for charts and for checks against the measured points. */
export function evaluateFit(fit: TacFit, tH: number): number {
  if (fit.terms !== null) return evaluateTerms(fit.terms, tH);
  const p = fit.piecewise;
  if (p === undefined) return Number.NaN;
  const last = p.timesH.length - 1;
  const tLast = p.timesH[last] ?? 0;
  if (tH >= tLast) return (p.activitiesMBq[last] ?? 0) * Math.exp(-p.tailLambdaPerH * (tH - tLast));
  for (let i = 1; i <= last; i++) {
    const t0 = p.timesH[i - 1] ?? 0;
    const t1 = p.timesH[i] ?? 0;
    if (tH <= t1) {
      const a0 = p.activitiesMBq[i - 1] ?? 0;
      const a1 = p.activitiesMBq[i] ?? 0;
      return a0 + ((a1 - a0) * (tH - t0)) / (t1 - t0);
    }
  }
  return p.activitiesMBq[0] ?? 0;
}
