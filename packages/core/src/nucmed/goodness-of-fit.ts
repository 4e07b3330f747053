/**
 * Goodness of fit of a least-squares curve. The AIC is the least-squares form
 * n·ln(SSR/n) + 2k (Burnham & Anderson, Model Selection and Multimodel Inference, 2nd ed., 2002),
 * the form the SNMMI-challenge reference reports next to R² (its kidney-left fit: R² 0.99999777,
 * AIC −18.03), so that the two can be compared number for number.
 */
import type { GoodnessOfFit } from './time-activity';

export function goodnessOfFit(observed: readonly number[], fitted: readonly number[], parameters: number): GoodnessOfFit {
  const n = observed.length;
  let mean = 0;
  for (const y of observed) mean += y / n;
  let ssr = 0;
  let sst = 0;
  for (let i = 0; i < n; i++) {
    const y = observed[i] ?? 0;
    const r = y - (fitted[i] ?? 0);
    ssr += r * r;
    sst += (y - mean) * (y - mean);
  }
  const aic = ssr > 0 ? n * Math.log(ssr / n) + 2 * parameters : null;
  const aiccDenominator = n - parameters - 1;
  return {
    points: n,
    parameters,
    degreesOfFreedom: n - parameters,
    ssr,
    rSquared: sst > 0 ? 1 - ssr / sst : null,
    aic,
    aicc: aic !== null && aiccDenominator > 0 ? aic + (2 * parameters * (parameters + 1)) / aiccDenominator : null,
  };
}
