/**
 * Sums of exponentials fitted to a time-activity curve by unweighted least squares, integrated
 * analytically from the injection to infinity (MIRD Pamphlet No. 16, Siegel et al., J Nucl Med
 * 1999;40:37S–61S, on fitting and integrating time-activity data):
 *
 *   mono-exponential        A(t) = A0·e^(−λt)                      TIA = A0/λ
 *   bi-exponential          A(t) = A1·e^(−λ1 t) + A2·e^(−λ2 t)     TIA = A1/λ1 + A2/λ2
 *   bi-exponential, uptake  A(t) = A·(e^(−λ1 t) − e^(−λ2 t)), λ2 > λ1   TIA = A/λ1 − A/λ2
 *
 * The uptake form is the model of the SNMMI 2021 Lu-177 dosimetry challenge reference
 * (PyTheranostics), which these fits reproduce to < 0.1 %.
 *
 * Positivity is built into the parameters rather than imposed by bounds: the solver works on
 * θ = (ln A, ln(λ1 − λfloor), ln(λ2 − λ1)), so amplitudes stay positive, λ1 stays above an
 * optional floor (e.g. the physical decay constant for a lesion, which cannot clear slower than
 * its nuclide decays) and the uptake rate stays above the washout rate. The optimum is the same
 * as the unconstrained one whenever that lies inside these limits.
 *
 * Initial guesses are deterministic: a log-linear regression through the points from the
 * maximum on gives the washout; for the uptake rate a short fixed ladder of starts, spaced by the
 * first sampling time, is tried and the lowest residual kept (first on ties), so the same data
 * always give the same answer and a poor start cannot trap the fit in a side valley.
 */
import { NucmedError } from './errors';
import { goodnessOfFit } from './goodness-of-fit';
import { levenbergMarquardt, type LeastSquaresProblem, type LeastSquaresResult } from './levenberg-marquardt';
import { evaluateTerms, integrateTerms, type ExponentialTerm, type TacFit, type TimeActivityData } from './time-activity';

const MIRD16 = 'MIRD Pamphlet No. 16 (Siegel et al., J Nucl Med 1999;40:37S-61S)';

export interface ExponentialFitOptions {
  /** Lower bound on the washout constant, per hour (default 0). */
  lambdaFloorPerH?: number;
  /** Field name used in errors. */
  field?: string;
}

/** Least-squares line through (t, ln y) for the points with y > 0 among `indices`. */
export function logLinearRegression(
  tac: TimeActivityData,
  indices: readonly number[],
): { interceptMBq: number; lambdaPerH: number } | null {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const i of indices) {
    const y = tac.activitiesMBq[i] ?? 0;
    if (y > 0) {
      xs.push(tac.timesH[i] ?? 0);
      ys.push(Math.log(y));
    }
  }
  if (xs.length < 2) return null;
  const n = xs.length;
  const mx = xs.reduce((s, v) => s + v, 0) / n;
  const my = ys.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += ((xs[i] ?? 0) - mx) * ((ys[i] ?? 0) - my);
    sxx += ((xs[i] ?? 0) - mx) ** 2;
  }
  const slope = sxy / sxx;
  return { interceptMBq: Math.exp(my - slope * mx), lambdaPerH: -slope };
}

/**
 * e^(−λt) that stays exact at the limits the solver may walk to: t = 0 gives 1 even when
 * λ = ∞ (an uptake "faster than any sampling"), and an underflowed term stays 0.
 */
function decayTerm(lambda: number, t: number): number {
  return t === 0 ? 1 : Math.exp(-lambda * t);
}

/** t·x·e without 0·∞ = NaN once a term has underflowed. */
function safeProduct(t: number, x: number, e: number): number {
  return x === 0 || t === 0 ? 0 : t * x * e;
}

function indexOfMaximum(values: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if ((values[i] ?? 0) > (values[best] ?? 0)) best = i;
  return best;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
}

/** Washout guess from the points after the maximum (at least the last two). */
function washoutGuess(tac: TimeActivityData, floor: number): { interceptMBq: number; lambdaPerH: number } {
  const n = tac.timesH.length;
  const peak = Math.min(indexOfMaximum(tac.activitiesMBq), n - 2);
  const regression = logLinearRegression(tac, range(Math.max(0, peak), n)) ?? logLinearRegression(tac, range(0, n));
  const span = (tac.timesH[n - 1] ?? 1) - (tac.timesH[0] ?? 0) || 1;
  const lambda = regression && regression.lambdaPerH > floor ? regression.lambdaPerH : floor + Math.LN2 / (4 * span);
  const intercept = regression && Number.isFinite(regression.interceptMBq) ? regression.interceptMBq : Math.max(...tac.activitiesMBq);
  return { interceptMBq: intercept, lambdaPerH: lambda };
}

function residualsFrom(tac: TimeActivityData, model: (t: number) => number, out: Float64Array): void {
  for (let i = 0; i < out.length; i++) out[i] = model(tac.timesH[i] ?? 0) - (tac.activitiesMBq[i] ?? 0);
}

function finish(
  model: TacFit['model'],
  tac: TimeActivityData,
  terms: ExponentialTerm[],
  parameters: Record<string, number>,
  k: number,
  solved: LeastSquaresResult,
  method: string,
  field: string,
): TacFit {
  const tia = integrateTerms(terms);
  if (!Number.isFinite(tia) || tia < 0) {
    throw new NucmedError({
      field,
      code: 'fit-failed',
      reason: `${model} fit gave a time-integrated activity of ${tia} MBq·h`,
      expected: 'data a decaying curve can follow',
    });
  }
  const fitted = tac.timesH.map((t) => evaluateTerms(terms, t));
  return {
    model,
    parameters,
    terms,
    tiaMBqH: tia,
    goodnessOfFit: goodnessOfFit(tac.activitiesMBq, fitted, k),
    converged: solved.converged,
    iterations: solved.iterations,
    method,
  };
}

/**
 * Run the solver from each start in order and keep the lowest residual (the earlier start on
 * ties). Two starts that land on the same minimum (SSR within 1e-9) settle it: later starts
 * exist to escape a side valley, and two agreeing descents from different places are taken as
 * evidence there is none. Deterministic, and it halves the work on well-behaved data.
 */
function bestOfStarts(problem: LeastSquaresProblem, starts: readonly number[][]): LeastSquaresResult | undefined {
  let best: LeastSquaresResult | undefined;
  const seen: number[] = [];
  for (const start of starts) {
    const r = levenbergMarquardt(problem, start);
    if (!Number.isFinite(r.ssr)) continue;
    const agrees = seen.some((ssr) => Math.abs(ssr - r.ssr) <= 1e-9 * Math.max(ssr, r.ssr, 1e-300));
    if (best === undefined || r.ssr < best.ssr * (1 - 1e-12)) best = r;
    if (agrees) break;
    seen.push(r.ssr);
  }
  return best;
}

/** A0·e^(−λt) by nonlinear least squares on the activities (not on their logarithms). */
export function fitMonoExponential(tac: TimeActivityData, options: ExponentialFitOptions = {}): TacFit {
  const floor = options.lambdaFloorPerH ?? 0;
  const field = options.field ?? 'tac';
  const start = washoutGuess(tac, floor);
  // θ = (ln A0, ln(λ − floor))
  const problem: LeastSquaresProblem = {
    n: tac.timesH.length,
    k: 2,
    residuals: (th, out) => {
      const a = Math.exp(th[0] ?? 0);
      const l = floor + Math.exp(th[1] ?? 0);
      residualsFrom(tac, (t) => a * decayTerm(l, t), out);
    },
    jacobian: (th, out) => {
      const a = Math.exp(th[0] ?? 0);
      const e = Math.exp(th[1] ?? 0);
      const l = floor + e;
      for (let i = 0; i < tac.timesH.length; i++) {
        const t = tac.timesH[i] ?? 0;
        const f = a * decayTerm(l, t);
        out[i * 2] = f;
        out[i * 2 + 1] = -safeProduct(t, f, e);
      }
    },
  };
  const solved = levenbergMarquardt(problem, [Math.log(start.interceptMBq), Math.log(start.lambdaPerH - floor)]);
  const a0 = Math.exp(solved.theta[0] ?? 0);
  const lambda = floor + Math.exp(solved.theta[1] ?? 0);
  return finish(
    'mono-exponential',
    tac,
    [{ coefficientMBq: a0, lambdaPerH: lambda }],
    { A0MBq: a0, lambdaPerH: lambda, effectiveHalfLifeH: Math.LN2 / lambda },
    2,
    solved,
    `mono-exponential A0·e^(−λt), unweighted least squares (Levenberg–Marquardt)${floor > 0 ? `, λ >= ${floor.toPrecision(4)}/h` : ''}; TIA = A0/λ, 0→∞ [${MIRD16}]`,
    field,
  );
}

/**
 * A0·e^(−λt) by a straight line through ln A on the last `lastPoints` points (all by default):
 * the classical hand method, kept because published worked examples use it.
 */
export function fitMonoExponentialLogLinear(tac: TimeActivityData, options: ExponentialFitOptions & { lastPoints?: number } = {}): TacFit {
  const field = options.field ?? 'tac';
  const n = tac.timesH.length;
  const count = Math.min(options.lastPoints ?? n, n);
  const regression = logLinearRegression(tac, range(n - count, n));
  if (regression === null || !(regression.lambdaPerH > 0)) {
    throw new NucmedError({
      field,
      code: 'fit-failed',
      reason: 'the points do not decrease',
      expected: 'activities that decrease over the fitted points',
    });
  }
  const terms = [{ coefficientMBq: regression.interceptMBq, lambdaPerH: regression.lambdaPerH }];
  const fitted = tac.timesH.map((t) => evaluateTerms(terms, t));
  return {
    model: 'mono-exponential-log-linear',
    parameters: {
      A0MBq: regression.interceptMBq,
      lambdaPerH: regression.lambdaPerH,
      effectiveHalfLifeH: Math.LN2 / regression.lambdaPerH,
      pointsUsed: count,
    },
    terms,
    tiaMBqH: integrateTerms(terms),
    goodnessOfFit: goodnessOfFit(tac.activitiesMBq, fitted, 2),
    converged: true,
    iterations: 0,
    method: `mono-exponential by log-linear regression on the last ${count} points; TIA = A0/λ, 0→∞ [${MIRD16}]`,
  };
}

/** A·(e^(−λ1 t) − e^(−λ2 t)), λ2 > λ1 > floor: uptake then washout. */
export function fitBiExponentialUptake(tac: TimeActivityData, options: ExponentialFitOptions = {}): TacFit {
  const floor = options.lambdaFloorPerH ?? 0;
  const field = options.field ?? 'tac';
  const n = tac.timesH.length;
  const model = (a: number, l1: number, l2: number, t: number) => a * (decayTerm(l1, t) - decayTerm(l2, t));
  // θ = (ln A, ln(λ1 − floor), ln(λ2 − λ1))
  const problem: LeastSquaresProblem = {
    n,
    k: 3,
    residuals: (th, out) => {
      const a = Math.exp(th[0] ?? 0);
      const l1 = floor + Math.exp(th[1] ?? 0);
      const l2 = l1 + Math.exp(th[2] ?? 0);
      residualsFrom(tac, (t) => model(a, l1, l2, t), out);
    },
    jacobian: (th, out) => {
      const a = Math.exp(th[0] ?? 0);
      const e1 = Math.exp(th[1] ?? 0);
      const e2 = Math.exp(th[2] ?? 0);
      const l1 = floor + e1;
      const l2 = l1 + e2;
      for (let i = 0; i < n; i++) {
        const t = tac.timesH[i] ?? 0;
        const x1 = decayTerm(l1, t);
        const x2 = decayTerm(l2, t);
        out[i * 3] = a * (x1 - x2);
        // λ2 moves with λ1 (λ2 = λ1 + e2), hence both exponentials in ∂/∂θ1.
        out[i * 3 + 1] = a * (safeProduct(t, x2, e1) - safeProduct(t, x1, e1));
        out[i * 3 + 2] = a * safeProduct(t, x2, e2);
      }
    },
  };
  const washout = washoutGuess(tac, floor);
  const firstTime = tac.timesH.find((t) => t > 0) ?? 1;
  const peak = indexOfMaximum(tac.activitiesMBq);
  const tPeak = tac.timesH[peak] ?? firstTime;
  const yPeak = tac.activitiesMBq[peak] ?? 1;
  const starts = [0.5, 2, 8, 32].map((multiple) => {
    const l1 = washout.lambdaPerH;
    const gap = multiple / firstTime;
    // Choose A so that the start passes through the highest point.
    const shape = Math.exp(-l1 * tPeak) - Math.exp(-(l1 + gap) * tPeak);
    const a = shape > 0 ? yPeak / shape : washout.interceptMBq;
    return [Math.log(a), Math.log(l1 - floor), Math.log(gap)];
  });
  const solved = bestOfStarts(problem, starts);
  if (solved === undefined)
    throw new NucmedError({ field, code: 'fit-failed', reason: 'the uptake fit did not produce finite residuals from any start' });
  const a = Math.exp(solved.theta[0] ?? 0);
  const l1 = floor + Math.exp(solved.theta[1] ?? 0);
  // When the data say only "uptake was over before the first measurement", the solver walks λ2
  // towards infinity. Past λ2 = 700/t1 the uptake term is below e^−700 at every measured time, so
  // the fit is unchanged: report λ2 at that resolution limit instead of an unbounded number.
  const resolutionLimit = 700 / firstTime;
  const fitted2 = l1 + Math.exp(solved.theta[2] ?? 0);
  const unresolved = !(fitted2 <= resolutionLimit) && resolutionLimit > l1;
  const l2 = unresolved ? resolutionLimit : fitted2;
  return finish(
    'bi-exponential-uptake',
    tac,
    [
      { coefficientMBq: a, lambdaPerH: l1 },
      { coefficientMBq: -a, lambdaPerH: l2 },
    ],
    { AMBq: a, lambda1PerH: l1, lambda2PerH: l2, effectiveHalfLifeH: Math.LN2 / l1, uptakeHalfLifeH: Math.LN2 / l2 },
    3,
    solved,
    `bi-exponential with uptake A·(e^(−λ1·t) − e^(−λ2·t)), unweighted least squares (Levenberg–Marquardt)${floor > 0 ? `, λ1 >= ${floor.toPrecision(4)}/h` : ''}${unresolved ? `; uptake complete before the first measurement, λ2 reported at the resolution limit 700/t1` : ''}; TIA = A/λ1 − A/λ2, 0→∞ [${MIRD16}; model of the SNMMI 2021 Lu-177 challenge reference]`,
    field,
  );
}

/** A1·e^(−λ1 t) + A2·e^(−λ2 t), A1, A2 > 0, λ2 > λ1 > floor: fast and slow clearance. */
export function fitBiExponential(tac: TimeActivityData, options: ExponentialFitOptions = {}): TacFit {
  const floor = options.lambdaFloorPerH ?? 0;
  const field = options.field ?? 'tac';
  const n = tac.timesH.length;
  // θ = (ln A_slow, ln(λ_slow − floor), ln A_fast, ln(λ_fast − λ_slow))
  const unpack = (th: Float64Array) => {
    const as = Math.exp(th[0] ?? 0);
    const es = Math.exp(th[1] ?? 0);
    const af = Math.exp(th[2] ?? 0);
    const ef = Math.exp(th[3] ?? 0);
    const ls = floor + es;
    return { as, es, af, ef, ls, lf: ls + ef };
  };
  const problem: LeastSquaresProblem = {
    n,
    k: 4,
    residuals: (th, out) => {
      const p = unpack(th);
      residualsFrom(tac, (t) => p.as * decayTerm(p.ls, t) + p.af * decayTerm(p.lf, t), out);
    },
    jacobian: (th, out) => {
      const p = unpack(th);
      for (let i = 0; i < n; i++) {
        const t = tac.timesH[i] ?? 0;
        const xs = p.as * decayTerm(p.ls, t);
        const xf = p.af * decayTerm(p.lf, t);
        out[i * 4] = xs;
        out[i * 4 + 1] = -safeProduct(t, xs + xf, p.es);
        out[i * 4 + 2] = xf;
        out[i * 4 + 3] = -safeProduct(t, xf, p.ef);
      }
    },
  };
  // Curve peeling: the slow phase from the later half, the fast one from what the slow phase leaves early.
  const half = Math.max(2, Math.ceil(n / 2));
  const slow = logLinearRegression(tac, range(n - half, n));
  const ls = slow && slow.lambdaPerH > floor ? slow.lambdaPerH : washoutGuess(tac, floor).lambdaPerH;
  const as = slow ? slow.interceptMBq : Math.max(...tac.activitiesMBq);
  const firstTime = tac.timesH.find((t) => t > 0) ?? 1;
  const t0 = tac.timesH[0] ?? 0;
  // The fast phase carries what the slow one leaves at the first point (at least a tenth of it).
  const leftover = Math.max((tac.activitiesMBq[0] ?? 0) - as * Math.exp(-ls * t0), 0.1 * (tac.activitiesMBq[0] ?? 0));
  const starts = [1, 4, 16].map((multiple) => {
    const lf = ls + multiple / firstTime;
    return [Math.log(as), Math.log(ls - floor), Math.log(Math.max(leftover * Math.exp(lf * t0), 1e-9 * as)), Math.log(lf - ls)];
  });
  const solved = bestOfStarts(problem, starts);
  if (solved === undefined)
    throw new NucmedError({ field, code: 'fit-failed', reason: 'the bi-exponential fit did not produce finite residuals from any start' });
  const fittedParameters = unpack(solved.theta);
  // Concave data (in log scale) push one amplitude to zero: the best "bi-exponential" is then a
  // single exponential, and the method says so rather than reporting a phantom phase. A fast
  // phase over before the first measurement is reported at the resolution limit 700/t1, as for
  // the uptake model, so that every parameter stays a finite number.
  const vanished = fittedParameters.af < 1e-9 * fittedParameters.as || fittedParameters.as < 1e-9 * fittedParameters.af;
  const p = { ...fittedParameters, lf: Math.min(fittedParameters.lf, Math.max(700 / firstTime, fittedParameters.ls)) };
  return finish(
    'bi-exponential',
    tac,
    [
      { coefficientMBq: p.af, lambdaPerH: p.lf },
      { coefficientMBq: p.as, lambdaPerH: p.ls },
    ],
    { A1MBq: p.af, lambda1PerH: p.lf, A2MBq: p.as, lambda2PerH: p.ls, effectiveHalfLifeH: Math.LN2 / p.ls },
    4,
    solved,
    `bi-exponential A1·e^(−λ1·t) + A2·e^(−λ2·t), unweighted least squares (Levenberg–Marquardt), initial guess by curve peeling${vanished ? '; one phase vanished: the data support a single exponential' : ''}; TIA = A1/λ1 + A2/λ2, 0→∞ [${MIRD16}]`,
    field,
  );
}
