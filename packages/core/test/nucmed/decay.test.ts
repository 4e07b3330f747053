import { describe, expect, it } from 'vitest';
import {
  activityAt,
  decayCommand,
  decayCorrect,
  decayFactor,
  ga68Elution,
  gbq,
  gbqToMbq,
  hours,
  mbq,
  NucmedError,
  NUCLIDES,
  timeToDecay,
} from '../../src/nucmed/index';
import { fixtureJson, relativeError } from './helpers';

interface DecayExample {
  nuclide: string;
  T_half_h?: number;
  T_half_min?: number;
  A0_GBq?: number;
  A0_MBq?: number;
  dt_h?: number;
  dt_min?: number;
  A_GBq?: number;
  A_MBq?: number;
}
const worked = fixtureJson<{ decay_correction: DecayExample[] }>('worked_examples_computed.json');

describe('decay correction: worked examples (worked_examples_computed.json, computed from A = A0·e^(−ln2·t/T½) with ICRP-107 half-lives)', () => {
  it.each(worked.decay_correction.map((e) => [e.nuclide, e] as const))('%s', (id, e) => {
    const n = NUCLIDES[id as keyof typeof NUCLIDES];
    // The example uses the table's half-life.
    const tHalfH = e.T_half_h ?? (e.T_half_min ?? Number.NaN) / 60;
    expect(n.halfLife.hours).toBeCloseTo(tHalfH, 10);
    const a0 = e.A0_MBq ?? (e.A0_GBq ?? Number.NaN) * 1000;
    const dt = e.dt_h ?? (e.dt_min ?? Number.NaN) / 60;
    const expected = e.A_MBq ?? (e.A_GBq ?? Number.NaN) * 1000;
    expect(relativeError(activityAt(mbq(a0), n, hours(dt)), expected)).toBeLessThan(1e-12);
    // And back: the decayed activity corrected to the earlier time is the original.
    expect(relativeError(activityAt(mbq(expected), n, hours(-dt)), a0)).toBeLessThan(1e-12);
  });
});

describe('decay physics that can fail', () => {
  it('halves 7.4 GBq of Lu-177 in one half-life, 6.647 d', () => {
    expect(activityAt(gbqToMbq(gbq(7.4)), 'Lu-177', hours(6.647 * 24))).toBeCloseTo(3700, 9);
    expect(timeToDecay('Lu-177', mbq(7400), mbq(3700))).toBeCloseTo(159.528, 9);
    expect(decayFactor('Ga-68', hours(67.71 / 60))).toBeCloseTo(0.5, 14);
    expect(decayFactor('F-18', hours((10 * 109.77) / 60))).toBeCloseTo(2 ** -10, 15);
  });

  it('corrects between instants, forward and back, whatever the offsets', () => {
    const forward = decayCorrect({
      nuclide: 'Lu-177',
      activityMBq: mbq(7400),
      at: '2025-03-04T08:00:00Z',
      to: '2025-03-05T09:00:00+01:00',
    });
    expect(forward.elapsedH).toBe(24);
    expect(forward.activityMBq).toBeCloseTo(6667.202108959531, 6); // worked example, Lu-177 24 h
    expect(forward.method).toMatch(/ICRP Publication 107/);
    const back = decayCorrect({
      nuclide: 'Lu-177',
      activityMBq: mbq(forward.activityMBq),
      at: '2025-03-05T08:00:00Z',
      to: '2025-03-04T08:00:00Z',
    });
    expect(back.activityMBq).toBeCloseTo(7400, 6);
    expect(back.method).toMatch(/back-corrected/);
  });

  it('is what `continuum decay` prints', () => {
    const printed = decayCommand({ nuclide: 'Lu-177', activity: '7.4GBq', at: '2025-03-04T08:00:00Z', to: '2025-03-11T08:00:00Z' });
    expect(Object.keys(printed).sort()).toEqual(['activityMBq', 'nuclide']);
    expect(printed.nuclide).toBe('Lu-177');
    expect(printed.activityMBq).toBeCloseTo(7400 * Math.exp((-Math.LN2 * 168) / 159.528), 9);
    const field = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return (error as NucmedError).field;
      }
      return undefined;
    };
    expect(
      field(() => decayCommand({ nuclide: 'Lu-178', activity: '7.4GBq', at: '2025-03-04T08:00:00Z', to: '2025-03-11T08:00:00Z' })),
    ).toBe('--nuclide');
    expect(field(() => decayCommand({ nuclide: 'Lu-177', activity: '7400', at: '2025-03-04T08:00:00Z', to: '2025-03-11T08:00:00Z' }))).toBe(
      '--activity',
    );
    expect(field(() => decayCommand({ nuclide: 'Lu-177', activity: '7.4 GBq', at: '2025-03-04 08:00', to: '2025-03-11T08:00:00Z' }))).toBe(
      '--at',
    );
    expect(field(() => decayCommand({ nuclide: 'Lu-177', activity: '7.4 GBq', at: '2025-03-04T08:00:00Z', to: '' }))).toBe('--to');
  });

  it('refuses negative activities', () => {
    expect(() => activityAt(mbq(-1), 'Lu-177', hours(1))).toThrow(/negative/);
  });
});

describe('Ge-68/Ga-68 generator (Bateman ingrowth)', () => {
  const l1 = Math.LN2 / (270.95 * 24);
  const l2 = Math.LN2 / (67.71 / 60);
  // By hand: transient-equilibrium ratio λ2/(λ2 − λ1) = 1 / (1 − T½(Ga)/T½(Ge)).
  const ratio = 1 / (1 - 67.71 / 60 / (270.95 * 24));

  it('reaches the transient-equilibrium plateau A(Ga)/A(Ge) = λ2/(λ2 − λ1) ≈ 1.00017', () => {
    expect(ratio).toBeCloseTo(1.0001736, 7);
    const day = ga68Elution({ ge68AtLastElutionMBq: mbq(1850), hoursSinceLastElution: hours(24), elutionEfficiency: 1 });
    expect(day.equilibriumRatio).toBeCloseTo(ratio, 12);
    expect(day.fractionOfEquilibrium).toBeCloseTo(1, 6);
    expect(day.ga68OnColumnMBq / day.ge68NowMBq).toBeCloseTo(ratio, 6);
    // Monotone ingrowth towards the plateau.
    let previous = 0;
    for (const h of [0.25, 0.5, 1, 2, 4, 8, 16]) {
      const e = ga68Elution({ ge68AtLastElutionMBq: mbq(1850), hoursSinceLastElution: hours(h), elutionEfficiency: 1 });
      expect(e.fractionOfEquilibrium).toBeGreaterThan(previous);
      previous = e.fractionOfEquilibrium;
    }
  });

  it('grows in half way in one Ga-68 half-life, and 99 % in about 6.6', () => {
    const one = ga68Elution({ ge68AtLastElutionMBq: mbq(1000), hoursSinceLastElution: hours(67.71 / 60), elutionEfficiency: 1 });
    // 1 − e^(−(λ2−λ1)·T½(Ga)) = 1 − 2^−(1 − T½Ga/T½Ge): a hair under one half.
    expect(one.fractionOfEquilibrium).toBeCloseTo(1 - 2 ** -(1 - 67.71 / 60 / (270.95 * 24)), 12);
    expect(one.fractionOfEquilibrium).toBeCloseTo(0.5, 3);
    // Hand: A2 = A1(0)·λ2/(λ2−λ1)·(e^(−λ1 t) − e^(−λ2 t)).
    const t = 67.71 / 60;
    expect(one.ga68OnColumnMBq).toBeCloseTo(1000 * ratio * (Math.exp(-l1 * t) - Math.exp(-l2 * t)), 9);
    const ninetyNine = ga68Elution({
      ge68AtLastElutionMBq: mbq(1000),
      hoursSinceLastElution: hours((6.65 * 67.71) / 60),
      elutionEfficiency: 1,
    });
    expect(ninetyNine.fractionOfEquilibrium).toBeGreaterThan(0.99);
  });

  it('delivers the elution efficiency times the column, and the remainder keeps decaying', () => {
    const first = ga68Elution({ ge68AtLastElutionMBq: mbq(1850), hoursSinceLastElution: hours(24), elutionEfficiency: 0.8 });
    expect(first.elutedGa68MBq).toBeCloseTo(0.8 * first.ga68OnColumnMBq, 9);
    expect(first.ga68LeftOnColumnMBq).toBeCloseTo(0.2 * first.ga68OnColumnMBq, 9);
    const next = ga68Elution({
      ge68AtLastElutionMBq: mbq(first.ge68NowMBq),
      ga68LeftAtLastElutionMBq: mbq(first.ga68LeftOnColumnMBq),
      hoursSinceLastElution: hours(2),
      elutionEfficiency: 0.8,
    });
    const fresh = ga68Elution({ ge68AtLastElutionMBq: mbq(first.ge68NowMBq), hoursSinceLastElution: hours(2), elutionEfficiency: 0.8 });
    expect(next.ga68OnColumnMBq - fresh.ga68OnColumnMBq).toBeCloseTo(first.ga68LeftOnColumnMBq * Math.exp(-l2 * 2), 9);
    expect(() => ga68Elution({ ge68AtLastElutionMBq: mbq(1850), hoursSinceLastElution: hours(2), elutionEfficiency: 0 })).toThrow(
      /elutionEfficiency/,
    );
    expect(() => ga68Elution({ ge68AtLastElutionMBq: mbq(1850), hoursSinceLastElution: hours(2), elutionEfficiency: 1.2 })).toThrow(
      /elutionEfficiency/,
    );
    expect(() => ga68Elution({ ge68AtLastElutionMBq: mbq(1850), hoursSinceLastElution: hours(-1), elutionEfficiency: 0.8 })).toThrow(
      /hoursSinceLastElution/,
    );
  });
});
