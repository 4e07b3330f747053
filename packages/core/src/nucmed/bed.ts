/**
 * Biologically effective dose (BED) of a radionuclide therapy under the linear-quadratic model
 * with incomplete repair during a continuously decaying dose rate (Dale, Br J Radiol
 * 1985;58:515–528; in the MIRD schema: Baechler et al., Med Phys 2008;35:1123–1134):
 *
 *   BED = D · (1 + G · D / (α/β)),
 *   G   = (2/D²) ∫0^∞ Ḋ(t) ∫0^t Ḋ(w) e^(−μ(t−w)) dw dt,   μ = ln 2 / T_rep   (Lea–Catcheside factor)
 *
 * For a mono-exponential dose rate Ḋ = Ḋ0·e^(−λt): G = λ/(λ + μ), i.e.
 *   BED = D · (1 + D/(α/β) · T_rep/(T_rep + T_eff)),
 * the kidney formula of the worked examples. For any sum of exponentials Ḋ = Σ c_i e^(−λ_i t)
 * (including the uptake form, with one negative coefficient) the double integral is analytic:
 *   ∫∫ = Σ_i Σ_j c_i c_j / ((λ_i + λ_j)(λ_i + μ)),   D = Σ c_i / λ_i,
 * derived here term by term from the definition of G above; it reduces to λ/(λ + μ) for one term.
 *
 * The dose rate in an organ is taken to follow the organ's own time-activity curve (self-dose
 * dominates: ~98 % for Lu-177 kidneys), so its shape is the fitted curve's terms. Cycles weeks
 * apart are separate treatments with complete repair in between: their BEDs add.
 *
 * Kidney parameters: α/β = 2.6 Gy, repair half-time 2.8 h (μ = 0.248 h⁻¹), as used for renal
 * BED in MIRD Pamphlet No. 20 (Wessels et al., J Nucl Med 2008;49:1884–1899) and in the
 * PyTheranostics radiobiology defaults.
 */
import { NucmedError, requireFinite, requirePositive } from './errors';
import type { ExponentialTerm, TacFit } from './time-activity';

export interface LinearQuadraticParameters {
  readonly alphaBetaGy: number;
  readonly repairHalfTimeH: number;
  readonly source: string;
}

export const KIDNEY_LQ: LinearQuadraticParameters = {
  alphaBetaGy: 2.6,
  repairHalfTimeH: 2.8,
  source: 'kidney α/β 2.6 Gy, T_rep 2.8 h (MIRD Pamphlet No. 20, Wessels et al., J Nucl Med 2008;49:1884-1899)',
};

/** The time course of the dose rate, up to a constant: one effective half-life or a sum of exponentials. */
export type DoseRateShape =
  | { readonly kind: 'mono-exponential'; readonly effectiveHalfLifeH: number }
  | { readonly kind: 'exponentials'; readonly terms: readonly ExponentialTerm[] };

export interface BedResult {
  readonly doseGy: number;
  readonly bedGy: number;
  /** Lea–Catcheside dose-protraction factor G (1 = instantaneous, → 0 = very slow). */
  readonly leaCatchesideG: number;
  /** BED / D. */
  readonly relativeEffectiveness: number;
  readonly method: string;
}

/** G for Ḋ ∝ Σ c_i e^(−λ_i t), repair constant μ (per hour). */
export function leaCatchesideFactor(terms: readonly ExponentialTerm[], mu: number): number {
  let integral = 0;
  let dose = 0;
  for (const a of terms) {
    dose += a.coefficientMBq / a.lambdaPerH;
    for (const b of terms) integral += (a.coefficientMBq * b.coefficientMBq) / ((a.lambdaPerH + b.lambdaPerH) * (a.lambdaPerH + mu));
  }
  return (2 * integral) / (dose * dose);
}

function shapeTerms(shape: DoseRateShape, field: string): { terms: readonly ExponentialTerm[]; label: string } {
  if (shape.kind === 'mono-exponential') {
    const teff = requirePositive(shape.effectiveHalfLifeH, `${field}.effectiveHalfLifeH`);
    return {
      terms: [{ coefficientMBq: 1, lambdaPerH: Math.LN2 / teff }],
      label: `mono-exponential dose rate, T_eff ${teff.toPrecision(4)} h`,
    };
  }
  if (!Array.isArray(shape.terms) || shape.terms.length === 0) {
    throw new NucmedError({ field: `${field}.terms`, code: 'missing', reason: 'no exponential terms', expected: 'at least one term' });
  }
  shape.terms.forEach((t, i) => {
    requireFinite(t.coefficientMBq, `${field}.terms[${i}].coefficientMBq`);
    requirePositive(t.lambdaPerH, `${field}.terms[${i}].lambdaPerH`);
  });
  const dose = shape.terms.reduce((s, t) => s + t.coefficientMBq / t.lambdaPerH, 0);
  if (!(dose > 0))
    throw new NucmedError({
      field: `${field}.terms`,
      code: 'out-of-range',
      reason: 'the terms integrate to <= 0',
      expected: 'a dose-rate curve with a positive integral',
    });
  return { terms: shape.terms, label: `dose rate ∝ ${shape.terms.length}-term sum of exponentials` };
}

export function biologicallyEffectiveDose(
  doseGy: number,
  shape: DoseRateShape,
  params: LinearQuadraticParameters = KIDNEY_LQ,
  field = 'shape',
): BedResult {
  const d = requirePositive(doseGy, 'doseGy', true);
  const ab = requirePositive(params.alphaBetaGy, 'alphaBetaGy');
  const trep = requirePositive(params.repairHalfTimeH, 'repairHalfTimeH');
  const { terms, label } = shapeTerms(shape, field);
  const g = leaCatchesideFactor(terms, Math.LN2 / trep);
  const bed = d * (1 + (g * d) / ab);
  return {
    doseGy: d,
    bedGy: bed,
    leaCatchesideG: g,
    relativeEffectiveness: d > 0 ? bed / d : 1,
    method: `LQ BED = D·(1 + G·D/(α/β)), G = Lea–Catcheside factor of the ${label} [Dale, Br J Radiol 1985;58:515-528; Baechler et al., Med Phys 2008;35:1123-1134]; ${params.source}`,
  };
}

/** The dose-rate shape of a fitted time-activity curve (mono-exponential with the tail for a trapezoid). */
export function doseRateShapeOf(fit: TacFit): DoseRateShape {
  if (fit.terms !== null) return { kind: 'exponentials', terms: fit.terms };
  const lambda = fit.piecewise?.tailLambdaPerH;
  if (lambda === undefined || !(lambda > 0)) {
    throw new NucmedError({
      field: 'fit',
      code: 'unsupported',
      reason: `a ${fit.model} result has no dose-rate shape`,
      expected: 'a fit with exponential terms or a tail',
    });
  }
  return { kind: 'mono-exponential', effectiveHalfLifeH: Math.LN2 / lambda };
}

/**
 * The dose d (Gy) whose BED equals `bedGy` for a given shape: the positive root of
 * d + (G/(α/β))·d² = BED. Used to find how much dose (hence activity) a BED limit leaves.
 */
export function doseForBed(bedGy: number, shape: DoseRateShape, params: LinearQuadraticParameters = KIDNEY_LQ): number {
  const target = requirePositive(bedGy, 'bedGy', true);
  const { terms } = shapeTerms(shape, 'shape');
  const k = leaCatchesideFactor(terms, Math.LN2 / params.repairHalfTimeH) / params.alphaBetaGy;
  return k > 0 ? (-1 + Math.sqrt(1 + 4 * k * target)) / (2 * k) : target;
}
