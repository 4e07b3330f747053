/**
 * Lesion self-dose from unit-density sphere S-values (Lu-177, 15 sphere masses per soft-tissue/
 * bone composition; see s-values.ts), interpolated on mass.
 *
 * Interpolation is linear in log(S) against log(mass): between neighbouring spheres S falls
 * almost exactly as a power of the mass (exponent −0.94 to −1.00 across the table, → −1 as
 * the electron energy becomes fully absorbed), so log-log is exact for a power law and never overshoots. Above the largest
 * sphere S is extrapolated as 1/m (full absorption of the electrons, which carry ~98 % of the
 * dose); below the smallest sphere nothing is extrapolated.
 *
 * Cross-dose from organs to the lesion and from the lesion to organs is not included: the organ
 * phantoms know nothing of where the lesion is. For Lu-177 it is small next to the self-dose.
 */
import { closestNames, NucmedError, requirePositive } from './errors';
import type { SphereSValues } from './s-values';

export interface SphereSValue {
  readonly sGyPerBqS: number;
  readonly composition: string;
  readonly method: string;
}

export function sphereSValue(spheres: SphereSValues, massG: number, composition = '100%/0%', field = 'massG'): SphereSValue {
  const m = requirePositive(massG, field);
  const curve = spheres.curves.get(composition);
  if (curve === undefined) {
    throw new NucmedError({
      field: 'composition',
      code: 'unsupported',
      reason: `no sphere S-values for composition "${composition}"`,
      expected: spheres.compositions.join(', '),
      suggestions: closestNames(composition, spheres.compositions),
    });
  }
  const ms = curve.massesG;
  const ss = curve.sGyPerBqS;
  const last = ms.length - 1;
  const mMin = ms[0] ?? 0;
  const mMax = ms[last] ?? 0;
  if (m < mMin) {
    throw new NucmedError({ field, code: 'out-of-range', reason: `${m} g is below the smallest sphere`, expected: `>= ${mMin} g` });
  }
  const source = `Lu-177 unit-density sphere S-values (PyTheranostics spheres.json), composition soft tissue/bone ${composition}`;
  if (m >= mMax) {
    return {
      sGyPerBqS: ((ss[last] ?? 0) * mMax) / m,
      composition,
      method: `${source}; ${m === mMax ? 'tabulated' : `extrapolated above ${mMax} g as 1/mass`}`,
    };
  }
  let i = 1;
  while ((ms[i] ?? Infinity) < m) i++;
  const m0 = ms[i - 1] ?? 0;
  const m1 = ms[i] ?? 0;
  const s0 = ss[i - 1] ?? 0;
  const s1 = ss[i] ?? 0;
  const w = Math.log(m / m0) / Math.log(m1 / m0);
  return {
    sGyPerBqS: Math.exp(Math.log(s0) + w * (Math.log(s1) - Math.log(s0))),
    composition,
    method: `${source}; log-log interpolation between ${m0} g and ${m1} g`,
  };
}

export interface LesionDose {
  readonly name: string;
  readonly doseGy: number;
  readonly massG: number;
  readonly sGyPerBqS: number;
  readonly method: string;
}

/** D = TIA · S(sphere of the lesion's mass), self-dose only. */
export function lesionAbsorbedDose(
  lesion: { name: string; tiaMBqH: number; massG: number },
  spheres: SphereSValues,
  composition = '100%/0%',
  field = 'lesion',
): LesionDose {
  const tia = requirePositive(lesion.tiaMBqH, `${field}.tiaMBqH`, true);
  const s = sphereSValue(spheres, lesion.massG, composition, `${field}.massG`);
  return {
    name: lesion.name,
    // MBq·h → Bq·s: × 1e6 × 3600.
    doseGy: tia * 3.6e9 * s.sGyPerBqS,
    massG: lesion.massG,
    sGyPerBqS: s.sGyPerBqS,
    method: `lesion self-dose D = TIA·S(sphere), ${s.method}; cross-dose not included`,
  };
}
