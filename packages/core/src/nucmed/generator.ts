/**
 * Ge-68/Ga-68 generator: how much Ga-68 an elution can give, from the Ge-68 on the column and
 * the time since the last elution.
 *
 * Two-member Bateman solution (Bateman 1910), parent 1 = Ge-68, daughter 2 = Ga-68, branching 1
 * (ICRP-107: Ge-68 decays 100 % by EC to Ga-68):
 *   A2(t) = A2(0)·e^(−λ2 t) + A1(0)·λ2/(λ2 − λ1)·(e^(−λ1 t) − e^(−λ2 t))
 * With T½(Ge-68) = 270.95 d ≫ T½(Ga-68) = 67.71 min this tends to transient equilibrium,
 * A2/A1 → λ2/(λ2 − λ1) ≈ 1.00017, reached to 99 % after about 6.6 Ga-68 half-lives (7.5 h).
 * An elution removes a fraction ε (the elution efficiency) of the Ga-68 on the column; what it
 * leaves behind keeps decaying and is the A2(0) of the next ingrowth.
 */
import { requireFinite, requireInRange, requirePositive } from './errors';
import { activityAt } from './decay';
import { decayConstantPerH, NUCLIDES } from './nuclides';
import { mbq, type Hours, type MBq } from './units';

export interface GeneratorElutionInput {
  /** Ge-68 on the column at the last elution (decay it from the calibration with `activityAt`). */
  ge68AtLastElutionMBq: MBq;
  /** Hours since the last elution (or since the column was loaded). */
  hoursSinceLastElution: Hours | number;
  /** Fraction of the Ga-68 on the column that an elution recovers, (0, 1]. */
  elutionEfficiency: number;
  /** Ga-68 left on the column right after the last elution; 0 by default. */
  ga68LeftAtLastElutionMBq?: MBq;
}

export interface GeneratorElution {
  readonly ge68NowMBq: number;
  /** Ga-68 on the column now, before eluting. */
  readonly ga68OnColumnMBq: number;
  /** What the elution delivers: ε × ga68OnColumnMBq. */
  readonly elutedGa68MBq: number;
  /** What stays on the column, the starting point of the next ingrowth. */
  readonly ga68LeftOnColumnMBq: number;
  /** Ga-68 on the column as a fraction of its transient-equilibrium value. */
  readonly fractionOfEquilibrium: number;
  /** λ2 / (λ2 − λ1): the Ga-68/Ge-68 activity ratio at transient equilibrium. */
  readonly equilibriumRatio: number;
  readonly method: string;
}

export function ga68Elution(input: GeneratorElutionInput): GeneratorElution {
  const ge0 = requirePositive(input.ge68AtLastElutionMBq, 'ge68AtLastElutionMBq', true);
  const t = requirePositive(input.hoursSinceLastElution, 'hoursSinceLastElution', true);
  const efficiency = requireInRange(input.elutionEfficiency, 'elutionEfficiency', 0, 1, true);
  const ga0 = requirePositive(
    requireFinite(input.ga68LeftAtLastElutionMBq ?? 0, 'ga68LeftAtLastElutionMBq'),
    'ga68LeftAtLastElutionMBq',
    true,
  );

  const l1 = decayConstantPerH(NUCLIDES['Ge-68']);
  const l2 = decayConstantPerH(NUCLIDES['Ga-68']);
  const ratio = l2 / (l2 - l1);
  const ge = activityAt(mbq(ge0), NUCLIDES['Ge-68'], t);
  const ingrown = ge0 * ratio * (Math.exp(-l1 * t) - Math.exp(-l2 * t));
  const column = ga0 * Math.exp(-l2 * t) + ingrown;
  const eluted = efficiency * column;
  return {
    ge68NowMBq: ge,
    ga68OnColumnMBq: column,
    elutedGa68MBq: eluted,
    ga68LeftOnColumnMBq: column - eluted,
    fractionOfEquilibrium: ge > 0 ? column / (ge * ratio) : 0,
    equilibriumRatio: ratio,
    method: `Bateman two-member ingrowth Ge-68 → Ga-68 (T½ 270.95 d, 67.71 min; ICRP-107) over ${t.toPrecision(6)} h, elution efficiency ${efficiency}`,
  };
}
