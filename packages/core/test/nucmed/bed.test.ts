import { describe, expect, it } from 'vitest';
import {
  biologicallyEffectiveDose,
  cumulativeAgainstLimits,
  doseForBed,
  doseRateShapeOf,
  fitTimeActivity,
  KIDNEY_LQ,
  leaCatchesideFactor,
  NucmedError,
  organAtRiskLimits,
  wouldExceed,
  type CycleDose,
  type DoseRateShape,
} from '../../src/nucmed/index';
import { fixtureJson, relativeError, snmmiExpectedResults } from './helpers';

interface BedExamples {
  formula: string;
  alpha_beta_Gy: number;
  Trep_h: number;
  cases: { D_Gy: number; Teff_h: number; BED_Gy: number; note?: string }[];
}
const worked = fixtureJson<{ kidney_BED_LQ_monoexp: BedExamples }>('worked_examples_computed.json').kidney_BED_LQ_monoexp;

describe('kidney BED worked examples (worked_examples_computed.json: BED = D·(1 + D/(α/β)·Trep/(Trep+Teff)))', () => {
  it('uses the same kidney parameters: α/β 2.6 Gy, repair half-time 2.8 h', () => {
    expect(KIDNEY_LQ.alphaBetaGy).toBe(worked.alpha_beta_Gy);
    expect(KIDNEY_LQ.repairHalfTimeH).toBe(worked.Trep_h);
  });

  it.each(worked.cases.map((c) => [c.D_Gy, c.Teff_h, c.BED_Gy] as const))('D %s Gy, Teff %s h → BED %s Gy', (d, teff, bed) => {
    const result = biologicallyEffectiveDose(d, { kind: 'mono-exponential', effectiveHalfLifeH: teff });
    expect(relativeError(result.bedGy, bed)).toBeLessThan(1e-12);
    expect(result.method).toMatch(/Dale/);
  });
});

describe('BED for any sum of exponentials', () => {
  const mu = Math.LN2 / 2.8;

  it('reduces to λ/(λ + μ) for one exponential', () => {
    const l = Math.LN2 / 50;
    expect(leaCatchesideFactor([{ coefficientMBq: 7, lambdaPerH: l }], mu)).toBeCloseTo(l / (l + mu), 15);
  });

  // Numerical check of the closed form: integrate dI/dt = Ḋ − μ·I (I = ∫0^t Ḋ(w)e^(−μ(t−w))dw)
  // and G = 2/D² ∫ Ḋ·I dt with a fine fixed-step RK4, independently of the algebra.
  function numericalG(rate: (t: number) => number, dose: number): number {
    const h = 0.01;
    let t = 0;
    let i = 0;
    let integral = 0;
    const f = (tt: number, ii: number) => rate(tt) - mu * ii;
    while (t < 3000) {
      const k1 = f(t, i);
      const k2 = f(t + h / 2, i + (h / 2) * k1);
      const k3 = f(t + h / 2, i + (h / 2) * k2);
      const k4 = f(t + h, i + h * k3);
      const iNext = i + (h / 6) * (k1 + 2 * k2 + 2 * k3 + k4);
      integral += (h / 2) * (rate(t) * i + rate(t + h) * iNext);
      i = iNext;
      t += h;
    }
    return (2 * integral) / (dose * dose);
  }

  it('matches a numerical integration for the uptake form (the SNMMI left-kidney curve)', () => {
    const r = snmmiExpectedResults()[0];
    const fit = fitTimeActivity(
      { timesH: r?.timesH ?? [], activitiesMBq: r?.activitiesMBq ?? [] },
      { model: 'bi-exponential-uptake', nuclide: 'Lu-177' },
    );
    const terms = fit.terms ?? [];
    const rate = (t: number) => terms.reduce((s, term) => s + term.coefficientMBq * Math.exp(-term.lambdaPerH * t), 0);
    const g = leaCatchesideFactor(terms, mu);
    expect(relativeError(g, numericalG(rate, fit.tiaMBqH))).toBeLessThan(1e-5);
    // Slower uptake spreads the dose out: G below the mono-exponential value with the same washout.
    const l1 = fit.parameters.lambda1PerH ?? 0;
    expect(g).toBeLessThan(l1 / (l1 + mu));
  });

  it('matches a numerical integration for a bi-exponential clearance', () => {
    const terms = [
      { coefficientMBq: 60, lambdaPerH: 0.3 },
      { coefficientMBq: 40, lambdaPerH: 0.01 },
    ];
    const rate = (t: number) => 60 * Math.exp(-0.3 * t) + 40 * Math.exp(-0.01 * t);
    expect(relativeError(leaCatchesideFactor(terms, mu), numericalG(rate, 60 / 0.3 + 40 / 0.01))).toBeLessThan(1e-5);
  });

  it('takes the shape from a fit, and inverts BED → dose', () => {
    const shape = doseRateShapeOf(
      fitTimeActivity(
        { timesH: [4, 24, 96], activitiesMBq: [10, 8, 3] },
        { model: 'trapezoid', nuclide: 'Lu-177', trapezoidTail: 'last-two-points' },
      ),
    );
    expect(shape.kind).toBe('mono-exponential');
    const s: DoseRateShape = { kind: 'mono-exponential', effectiveHalfLifeH: 50 };
    const bed = biologicallyEffectiveDose(5, s).bedGy;
    expect(doseForBed(bed, s)).toBeCloseTo(5, 12);
  });
});

describe('cumulative doses and BED against limits, and the check before the next cycle', () => {
  // A patient whose kidneys take 1.0 Gy/GBq, T_eff 40 h, 7.4 GBq per cycle:
  // per cycle D = 7.4 Gy, BED = 7.4·(1 + 7.4/2.6 · 2.8/42.8) = 8.778 Gy.
  const shape: DoseRateShape = { kind: 'mono-exponential', effectiveHalfLifeH: 40 };
  const perCycleBed = 7.4 * (1 + (7.4 / 2.6) * (2.8 / 42.8));
  const kidneyCycle = (cycle: number): CycleDose => ({ cycle, organ: 'kidneys', doseGy: 7.4, shape });
  const marrowCycle = (cycle: number): CycleDose => ({ cycle, organ: 'red-marrow', doseGy: 0.3 });
  const history = [1, 2, 3].flatMap((c) => [kidneyCycle(c), marrowCycle(c)]);
  const planned = {
    cycle: 4,
    activityMBq: 7400,
    organs: [
      { organ: 'kidneys' as const, doseGyPerGBq: 1.0, shape },
      { organ: 'red-marrow' as const, doseGyPerGBq: 0.3 / 7.4 },
    ],
  };

  it('has the limits of the brief, each with its reference', () => {
    const withRisk = organAtRiskLimits({ kidneyRiskFactors: true });
    const without = organAtRiskLimits({ kidneyRiskFactors: false });
    expect(withRisk.map((l) => [l.organ, l.quantity, l.limitGy])).toEqual([
      ['kidneys', 'absorbed-dose', 23],
      ['kidneys', 'bed', 28],
      ['red-marrow', 'absorbed-dose', 2],
    ]);
    expect(without.find((l) => l.quantity === 'bed')?.limitGy).toBe(40);
    for (const l of withRisk) expect(l.reference).toMatch(/\d{4}/);
  });

  it('sums doses and BEDs over the cycles', () => {
    const status = cumulativeAgainstLimits(history, organAtRiskLimits({ kidneyRiskFactors: true }));
    expect(status[0]?.cumulativeGy).toBeCloseTo(22.2, 12);
    expect(status[1]?.cumulativeGy).toBeCloseTo(3 * perCycleBed, 12);
    expect(status[1]?.exceeded).toBe(false);
    expect(status[2]?.cumulativeGy).toBeCloseTo(0.9, 12);
  });

  it('flags a fourth treatment that would push kidney BED over its limit, before it is scheduled', () => {
    const result = wouldExceed({ history, planned, limits: organAtRiskLimits({ kidneyRiskFactors: true }) });
    expect(result.exceeds).toBe(true);
    expect(result.verdict).toBe('exceeds');
    const bed = result.checks.find((c) => c.quantity === 'bed');
    expect(bed?.verdict).toBe('exceeds');
    expect(bed?.projectedGy).toBeCloseTo(4 * perCycleBed, 12);
    expect(result.checks.find((c) => c.organ === 'red-marrow')?.verdict).toBe('within');
    // The largest 4th activity that keeps BED at 28 Gy: plugging it back gives exactly the limit.
    const max = bed?.maxActivityMBq ?? 0;
    expect(max).toBeGreaterThan(0);
    expect(max).toBeLessThan(7400);
    expect(3 * perCycleBed + biologicallyEffectiveDose(max / 1000, shape).bedGy).toBeCloseTo(28, 9);
  });

  it('flags the BED limit alone when the kinetics are fast (dose still under 23 Gy)', () => {
    const fast: DoseRateShape = { kind: 'mono-exponential', effectiveHalfLifeH: 20 };
    const h = [1, 2, 3].map((c) => ({ cycle: c, organ: 'kidneys' as const, doseGy: 5.55, shape: fast }));
    const result = wouldExceed({
      history: h,
      planned: { cycle: 4, activityMBq: 7400, organs: [{ organ: 'kidneys', doseGyPerGBq: 0.75, shape: fast }] },
      limits: organAtRiskLimits({ kidneyRiskFactors: true }).slice(0, 2),
    });
    expect(result.checks.map((c) => c.verdict)).toEqual(['within', 'exceeds']);
    expect(result.checks[0]?.projectedGy).toBeCloseTo(22.2, 12);
  });

  it('lets the third cycle through', () => {
    const result = wouldExceed({
      history: history.filter((c) => c.cycle < 3),
      planned: { ...planned, cycle: 3 },
      limits: organAtRiskLimits({ kidneyRiskFactors: true }),
    });
    expect(result.verdict).toBe('within');
    expect(result.exceeds).toBe(false);
  });

  it('says "unknown", never "within", when a limited organ has no planned dose', () => {
    const result = wouldExceed({
      history: [],
      planned: { cycle: 1, activityMBq: 7400, organs: [{ organ: 'kidneys', doseGyPerGBq: 0.4, shape }] },
      limits: organAtRiskLimits({ kidneyRiskFactors: false }),
    });
    expect(result.checks.find((c) => c.organ === 'red-marrow')?.verdict).toBe('unknown');
    expect(result.verdict).toBe('unknown');
    expect(result.exceeds).toBe(false);
  });

  it('names the cycle whose BED cannot be computed', () => {
    try {
      cumulativeAgainstLimits([{ cycle: 1, organ: 'kidneys', doseGy: 4 }], organAtRiskLimits({ kidneyRiskFactors: false }));
      throw new Error('no error');
    } catch (error) {
      expect(error).toBeInstanceOf(NucmedError);
      expect((error as NucmedError).field).toBe('history[0].shape');
    }
  });
});
