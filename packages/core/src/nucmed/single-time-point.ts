/**
 * Time-integrated activity from a single measurement.
 *
 * Hänscheid et al., "Dose mapping after endoradiotherapy with 177Lu-DOTATATE/DOTATOC by a single
 * measurement after 4 days", J Nucl Med 2018;59:75–81:   TIA ≈ A(t) · 2t / ln 2.
 * This is the mono-exponential integral A(t)·e^(λt)/λ evaluated for an effective half-life equal
 * to the measurement time (λ = ln 2 / t). Because e^(λt)/λ is flat around its minimum at
 * λ = 1/t, the approximation is insensitive to the true effective half-life near t: for a true
 * T_eff between 0.5·t and t it over-estimates by at most 6.2 % (2/(e·ln 2) − 1); further out it
 * under-estimates (−29 % at T_eff = 2t, −50 % at T_eff = t/4). Hence one measurement about
 * 4 days (96 h) after a Lu-177 peptide, whose kidney T_eff is typically of that order.
 *
 * With an effective half-life known from elsewhere (an earlier cycle, a population), the exact
 * mono-exponential form A(t)·e^(λt)/λ is used instead.
 */
import { NucmedError, requirePositive } from './errors';
import type { TacFit, TimeActivityData } from './time-activity';

const HANSCHEID = 'Hänscheid et al., J Nucl Med 2018;59:75-81';

/** Index of the point nearest `targetH` (Hänscheid's 96 h by default); earlier point on ties. */
export function nearestPointIndex(tac: TimeActivityData, targetH = 96): number {
  let best = 0;
  for (let i = 1; i < tac.timesH.length; i++) {
    if (Math.abs((tac.timesH[i] ?? 0) - targetH) < Math.abs((tac.timesH[best] ?? 0) - targetH)) best = i;
  }
  return best;
}

function point(tac: TimeActivityData, index: number, field: string): { t: number; a: number } {
  const t = tac.timesH[index];
  const a = tac.activitiesMBq[index];
  if (t === undefined || a === undefined) {
    throw new NucmedError({
      field: `${field}.timesH`,
      code: 'out-of-range',
      reason: `no point at index ${index}`,
      expected: `an index below ${tac.timesH.length}`,
    });
  }
  if (!(t > 0))
    throw new NucmedError({
      field: `${field}.timesH[${index}]`,
      code: 'out-of-range',
      reason: `${t} h`,
      expected: '> 0 h after injection',
    });
  return { t, a };
}

export function singleTimePointHanscheid(tac: TimeActivityData, options: { pointIndex?: number; field?: string } = {}): TacFit {
  const field = options.field ?? 'tac';
  const index = options.pointIndex ?? nearestPointIndex(tac);
  const { t, a } = point(tac, index, field);
  const lambda = Math.LN2 / t;
  return {
    model: 'single-time-point-hanscheid',
    parameters: { timeH: t, activityMBq: a, assumedEffectiveHalfLifeH: t },
    // A(t)·2t/ln2 is the integral of 2·A(t)·e^(−(ln2/t)·τ): a mono-exponential with T_eff = t.
    terms: [{ coefficientMBq: 2 * a, lambdaPerH: lambda }],
    tiaMBqH: (a * 2 * t) / Math.LN2,
    goodnessOfFit: null,
    converged: true,
    iterations: 0,
    method: `single time point at ${t.toPrecision(5)} h: TIA = A(t)·2t/ln2 [${HANSCHEID}]`,
  };
}

export function singleTimePointWithHalfLife(
  tac: TimeActivityData,
  options: { effectiveHalfLifeH: number; pointIndex?: number; field?: string; halfLifeSource?: string },
): TacFit {
  const field = options.field ?? 'tac';
  const teff = requirePositive(options.effectiveHalfLifeH, `${field}.effectiveHalfLifeH`);
  const index = options.pointIndex ?? nearestPointIndex(tac);
  const { t, a } = point(tac, index, field);
  const lambda = Math.LN2 / teff;
  const a0 = a * Math.exp(lambda * t);
  return {
    model: 'single-time-point-prior-half-life',
    parameters: { timeH: t, activityMBq: a, effectiveHalfLifeH: teff },
    terms: [{ coefficientMBq: a0, lambdaPerH: lambda }],
    tiaMBqH: a0 / lambda,
    goodnessOfFit: null,
    converged: true,
    iterations: 0,
    method: `single time point at ${t.toPrecision(5)} h with prior effective half-life ${teff.toPrecision(4)} h${options.halfLifeSource ? ` (${options.halfLifeSource})` : ''}: TIA = A(t)·e^(λt)/λ, mono-exponential`,
  };
}
