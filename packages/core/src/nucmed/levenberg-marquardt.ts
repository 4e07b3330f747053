/**
 * A small dense Levenberg–Marquardt solver for nonlinear least squares, written for 1–4
 * parameters and a handful of points (a time-activity curve), where it must be fast, allocation
 * light and fully deterministic.
 *
 * Minimises F(θ) = ½·Σ r_i(θ)². Each step solves (JᵀJ + μ·D)·δ = −Jᵀr with Marquardt's scaling
 * D = diag(JᵀJ) (Marquardt 1963), accepts it when F decreases, and updates the damping μ from the
 * gain ratio ρ = actual / predicted decrease as in Nielsen (1999): μ ← μ·max(1/3, 1 − (2ρ − 1)³)
 * on success, μ ← μ·ν, ν ← 2ν on failure. It stops on a small gradient, a small step, or a
 * relative decrease of F below `relativeTolerance` (which is also how it settles when the best
 * fit lies on a boundary at infinity, e.g. an uptake rate that grows without limit).
 */

export interface LeastSquaresProblem {
  /** Number of residuals. */
  readonly n: number;
  /** Number of parameters. */
  readonly k: number;
  /** r_i(θ) = model_i(θ) − y_i, written into `out` (length n). */
  residuals(theta: Float64Array, out: Float64Array): void;
  /** ∂r_i/∂θ_j, written row-major into `out` (length n·k). */
  jacobian(theta: Float64Array, out: Float64Array): void;
}

export interface LeastSquaresOptions {
  maxIterations?: number;
  /** Stop when an accepted step lowers F by less than this fraction of F. */
  relativeTolerance?: number;
  /** Stop when the step is this small relative to θ. */
  stepTolerance?: number;
  /** Stop when ‖Jᵀr‖∞ falls below this. */
  gradientTolerance?: number;
}

export interface LeastSquaresResult {
  readonly theta: Float64Array;
  /** Σ r², at θ. */
  readonly ssr: number;
  readonly iterations: number;
  /** false when the iteration limit was hit or the residuals stopped being finite. */
  readonly converged: boolean;
}

/** Solve the k×k symmetric positive-definite system M·x = b in place by Cholesky; false if not SPD. */
function choleskySolve(m: Float64Array, b: Float64Array, x: Float64Array, k: number): boolean {
  // Lower-triangular factor written over the lower half of m.
  for (let j = 0; j < k; j++) {
    let d = m[j * k + j] ?? 0;
    for (let p = 0; p < j; p++) d -= (m[j * k + p] ?? 0) ** 2;
    if (!(d > 0) || !Number.isFinite(d)) return false;
    const ljj = Math.sqrt(d);
    m[j * k + j] = ljj;
    for (let i = j + 1; i < k; i++) {
      let s = m[i * k + j] ?? 0;
      for (let p = 0; p < j; p++) s -= (m[i * k + p] ?? 0) * (m[j * k + p] ?? 0);
      m[i * k + j] = s / ljj;
    }
  }
  for (let i = 0; i < k; i++) {
    let s = b[i] ?? 0;
    for (let p = 0; p < i; p++) s -= (m[i * k + p] ?? 0) * (x[p] ?? 0);
    x[i] = s / (m[i * k + i] ?? 1);
  }
  for (let i = k - 1; i >= 0; i--) {
    let s = x[i] ?? 0;
    for (let p = i + 1; p < k; p++) s -= (m[p * k + i] ?? 0) * (x[p] ?? 0);
    x[i] = s / (m[i * k + i] ?? 1);
  }
  return true;
}

function sumOfSquares(r: Float64Array): number {
  let s = 0;
  for (const v of r) s += v * v;
  return s;
}

export function levenbergMarquardt(
  problem: LeastSquaresProblem,
  theta0: readonly number[],
  options: LeastSquaresOptions = {},
): LeastSquaresResult {
  const { n, k } = problem;
  const maxIterations = options.maxIterations ?? 300;
  const relativeTolerance = options.relativeTolerance ?? 1e-15;
  const stepTolerance = options.stepTolerance ?? 1e-13;
  const gradientTolerance = options.gradientTolerance ?? 1e-14;

  const theta = Float64Array.from(theta0);
  const trial = new Float64Array(k);
  const r = new Float64Array(n);
  const rTrial = new Float64Array(n);
  const jac = new Float64Array(n * k);
  const jtj = new Float64Array(k * k);
  const g = new Float64Array(k);
  const system = new Float64Array(k * k);
  const minusG = new Float64Array(k);
  const delta = new Float64Array(k);
  const scale = new Float64Array(k);

  problem.residuals(theta, r);
  let ssr = sumOfSquares(r);
  if (!Number.isFinite(ssr)) return { theta, ssr, iterations: 0, converged: false };

  const linearise = () => {
    problem.jacobian(theta, jac);
    for (let a = 0; a < k; a++) {
      let ga = 0;
      for (let i = 0; i < n; i++) ga += (jac[i * k + a] ?? 0) * (r[i] ?? 0);
      g[a] = ga;
      for (let b = 0; b <= a; b++) {
        let s = 0;
        for (let i = 0; i < n; i++) s += (jac[i * k + a] ?? 0) * (jac[i * k + b] ?? 0);
        jtj[a * k + b] = s;
        jtj[b * k + a] = s;
      }
      // Marquardt scaling; a floor keeps a parameter the data do not constrain from freezing D.
      scale[a] = Math.max(jtj[a * k + a] ?? 0, 1e-300);
    }
  };
  linearise();

  let largest = 0;
  for (const v of scale) largest = Math.max(largest, v);
  let mu = 1e-3 * largest;
  let nu = 2;
  let iterations = 0;
  while (iterations < maxIterations) {
    iterations++;
    let gMax = 0;
    for (const v of g) gMax = Math.max(gMax, Math.abs(v));
    if (gMax <= gradientTolerance * Math.max(1, ssr)) return { theta, ssr, iterations, converged: true };

    for (let i = 0; i < k * k; i++) system[i] = jtj[i] ?? 0;
    for (let a = 0; a < k; a++) {
      system[a * k + a] = (system[a * k + a] ?? 0) + mu * (scale[a] ?? 0);
      minusG[a] = -(g[a] ?? 0);
    }
    if (!choleskySolve(system, minusG, delta, k)) {
      mu *= nu;
      nu *= 2;
      continue;
    }
    let stepNorm = 0;
    let thetaNorm = 0;
    for (let a = 0; a < k; a++) {
      stepNorm += (delta[a] ?? 0) ** 2;
      thetaNorm += (theta[a] ?? 0) ** 2;
      trial[a] = (theta[a] ?? 0) + (delta[a] ?? 0);
    }
    if (Math.sqrt(stepNorm) <= stepTolerance * (Math.sqrt(thetaNorm) + stepTolerance)) return { theta, ssr, iterations, converged: true };

    problem.residuals(trial, rTrial);
    const ssrTrial = sumOfSquares(rTrial);
    // Predicted decrease of F = ½·SSR for the linearised model: ½·δᵀ(μ·D·δ − g).
    let predicted = 0;
    for (let a = 0; a < k; a++) predicted += (delta[a] ?? 0) * (mu * (scale[a] ?? 0) * (delta[a] ?? 0) - (g[a] ?? 0));
    predicted *= 0.5;
    const actual = 0.5 * (ssr - ssrTrial);
    const rho = Number.isFinite(ssrTrial) && predicted > 0 ? actual / predicted : -1;
    if (rho > 0) {
      const relativeDecrease = (ssr - ssrTrial) / Math.max(ssr, 1e-300);
      theta.set(trial);
      r.set(rTrial);
      ssr = ssrTrial;
      linearise();
      if (relativeDecrease <= relativeTolerance) return { theta, ssr, iterations, converged: true };
      mu *= Math.max(1 / 3, 1 - (2 * rho - 1) ** 3);
      nu = 2;
    } else {
      mu *= nu;
      nu *= 2;
      // No step of any length lowers F any more: θ is a minimum to working precision.
      if (!Number.isFinite(mu) || mu > 1e300) return { theta, ssr, iterations, converged: true };
    }
  }
  return { theta, ssr, iterations, converged: false };
}
