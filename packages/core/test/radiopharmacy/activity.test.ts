import { describe, expect, it } from 'vitest';
import {
  administeredActivity,
  batchActivityAt,
  planDose,
  RadiopharmacyError,
  remainingActivityAt,
  toleranceCheck,
  wasteRelease,
  type BatchActivity,
} from '../../src/radiopharmacy/index';
import { at } from './fixtures';

// Half-lives: ICRP Publication 107 (2008) — Ga-68 67.71 min, F-18 109.77 min, Lu-177 6.647 d,
// Lu-177m 160.4 d, Tc-99m 6.015 h.
const T0 = '2026-03-04T08:00:00Z';

const issuesOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof RadiopharmacyError) return e.issues;
    throw e;
  }
  throw new Error('expected a RadiopharmacyError');
};

const batch = (nuclide: string, activityMBq: number, shelfLifeMin: number, doses: BatchActivity['doses'] = []): BatchActivity => ({
  nuclide,
  activityMBq,
  calibratedAt: T0,
  expiresAt: at(T0, shelfLifeMin),
  preparedAt: at(T0, -30),
  doses,
});

describe('dose at injection: decay from the draw to the planned injection (ICRP-107 half-lives)', () => {
  it('Ga-68: one half-life (67.71 min) halves the dose; 68 min leaves 49.85 %', () => {
    const b = batch('Ga-68', 1500, 240);
    const plan = planDose(b, {
      prescribedMBq: 100,
      drawnMBq: 200,
      drawnAt: at(T0, 10),
      plannedInjectionAt: at(T0, 10 + 67.71),
      tolerancePct: 10,
    });
    expect(plan.activityAtInjectionMBq).toBeCloseTo(100, 9);
    const at68 = planDose(b, { prescribedMBq: 100, drawnMBq: 200, drawnAt: at(T0, 10), plannedInjectionAt: at(T0, 78), tolerancePct: 10 });
    // 200 · 2^(−68/67.71) = 99.704 MBq
    expect(at68.activityAtInjectionMBq).toBeCloseTo(200 * 2 ** (-68 / 67.71), 9);
    expect(at68.activityAtInjectionMBq).toBeCloseTo(99.704, 3);
  });

  it('F-18: 110 min leaves 49.93 % (T½ 109.77 min)', () => {
    const plan = planDose(batch('F-18', 20000, 600), {
      prescribedMBq: 200,
      drawnMBq: 400,
      drawnAt: at(T0, 30),
      plannedInjectionAt: at(T0, 140),
      tolerancePct: 10,
    });
    expect(plan.activityAtInjectionMBq).toBeCloseTo(400 * 2 ** (-110 / 109.77), 9);
    expect(plan.activityAtInjectionMBq).toBeCloseTo(199.71, 2);
    expect(plan.tolerance.within).toBe(true);
  });

  it('Lu-177: 7.4 GBq falls to 3.7 GBq in 6.647 d', () => {
    const b = batch('Lu-177', 30000, 7200 * 2);
    const plan = planDose(b, {
      prescribedMBq: 3700,
      drawnMBq: 7400,
      drawnAt: at(T0, 0),
      plannedInjectionAt: at(T0, 6.647 * 24 * 60),
      tolerancePct: 10,
    });
    expect(plan.activityAtInjectionMBq).toBeCloseTo(3700, 6);
    expect(plan.tolerance.deviationPct).toBeCloseTo(0, 6);
  });

  it('tolerance: Pluvicto 7,400 MBq ± 10 % (SmPC): drawn 9,000 MBq a day ahead is +9.6 %, 9,300 MBq is +13.2 %', () => {
    const b = batch('Lu-177', 30000, 7200);
    const dayAhead = { prescribedMBq: 7400, drawnAt: at(T0, 60), plannedInjectionAt: at(T0, 60 + 24 * 60), tolerancePct: 10 };
    const ok = planDose(b, { ...dayAhead, drawnMBq: 9000 });
    // 9000 · 2^(−24/159.528) = 8108.7 MBq → +9.58 %
    expect(ok.activityAtInjectionMBq).toBeCloseTo(9000 * 2 ** (-24 / 159.528), 6);
    expect(ok.tolerance).toMatchObject({ within: true, tolerancePct: 10 });
    expect(ok.tolerance.deviationPct).toBeCloseTo(9.58, 2);
    const high = planDose(b, { ...dayAhead, drawnMBq: 9300 });
    expect(high.tolerance.within).toBe(false);
    expect(high.tolerance.deviationPct).toBeCloseTo(13.23, 2);
    expect(high.tolerance.message).toMatch(/\+13\.2 % .* outside the tolerance ±10 %/);
    expect(toleranceCheck(7400, 6660, 10).within).toBe(true); // −10.0 % exactly: on the limit
    expect(toleranceCheck(7400, 6650, 10).within).toBe(false); // −10.1 %
  });

  it('refuses a planned injection after the batch expiry, naming the field and the expiry', () => {
    const b = batch('Ga-68', 1500, 240);
    const [issue] = issuesOf(() =>
      planDose(b, { prescribedMBq: 100, drawnMBq: 250, drawnAt: at(T0, 200), plannedInjectionAt: at(T0, 250), tolerancePct: 10 }),
    );
    expect(issue).toMatchObject({ field: 'plannedInjectionAt', code: 'expired', limit: `≤ batch expiry ${at(T0, 240)}` });
    const [late] = issuesOf(() =>
      planDose(b, { prescribedMBq: 100, drawnMBq: 250, drawnAt: at(T0, 241), plannedInjectionAt: at(T0, 250), tolerancePct: 10 }),
    );
    expect(late).toMatchObject({ field: 'drawnAt', code: 'expired' });
  });

  it('refuses times out of order and non-positive activities', () => {
    const b = batch('Ga-68', 1500, 240);
    expect(
      issuesOf(() =>
        planDose(b, { prescribedMBq: 100, drawnMBq: 150, drawnAt: at(T0, 60), plannedInjectionAt: at(T0, 30), tolerancePct: 10 }),
      )[0],
    ).toMatchObject({
      field: 'plannedInjectionAt',
      code: 'out-of-order',
    });
    expect(
      issuesOf(() =>
        planDose(b, { prescribedMBq: 100, drawnMBq: 150, drawnAt: at(T0, -60), plannedInjectionAt: at(T0, 30), tolerancePct: 10 }),
      )[0],
    ).toMatchObject({
      field: 'drawnAt',
      code: 'out-of-order',
    });
    expect(
      issuesOf(() => planDose(b, { prescribedMBq: -1, drawnMBq: 0, drawnAt: T0, plannedInjectionAt: T0, tolerancePct: 10 })).map(
        (i) => i.field,
      ),
    ).toEqual(['prescribedMBq', 'drawnMBq']);
  });
});

describe('batch remaining activity: decayed batch minus decayed doses', () => {
  it('subtracts every dose drawn, each decayed to the same instant', () => {
    const b = batch('Ga-68', 1000, 240, [
      { drawnMBq: 200, drawnAt: at(T0, 0) },
      { drawnMBq: 150, drawnAt: at(T0, 30) },
    ]);
    const t = at(T0, 67.71);
    const r = remainingActivityAt(b, t);
    expect(r.batchMBq).toBeCloseTo(500, 9);
    expect(r.drawnMBq).toBeCloseTo(100 + 150 * 2 ** (-37.71 / 67.71), 9);
    expect(r.remainingMBq).toBeCloseTo(500 - r.drawnMBq, 9);
    expect(batchActivityAt(b, at(T0, 2 * 67.71))).toBeCloseTo(250, 9);
  });

  it('refuses to draw more than the batch holds, naming what it holds', () => {
    const b = batch('Ga-68', 1000, 240, [{ drawnMBq: 600, drawnAt: at(T0, 0) }]);
    // At one half-life: 500 − 300 = 200 MBq left.
    const [issue] = issuesOf(() =>
      planDose(b, { prescribedMBq: 100, drawnMBq: 250, drawnAt: at(T0, 67.71), plannedInjectionAt: at(T0, 70), tolerancePct: 10 }),
    );
    expect(issue).toMatchObject({ field: 'drawnMBq', code: 'exceeds-remaining', limit: '≤ 200 MBq' });
    const ok = planDose(b, { prescribedMBq: 190, drawnMBq: 199, drawnAt: at(T0, 67.71), plannedInjectionAt: at(T0, 70), tolerancePct: 10 });
    expect(ok.remainingAfterMBq).toBeCloseTo(1, 6);
  });
});

describe('administered activity', () => {
  it('is the dose decayed to the administration minus the residual decayed back to it', () => {
    const a = administeredActivity({
      nuclide: 'Lu-177',
      drawnMBq: 7400,
      drawnAt: T0,
      administeredAt: at(T0, 60),
      residualMBq: 100,
      residualMeasuredAt: at(T0, 90),
      expiresAt: at(T0, 7200),
    });
    const dose = 7400 * 2 ** (-1 / 159.528);
    const residual = 100 * 2 ** (0.5 / 159.528);
    expect(a.doseAtAdministrationMBq).toBeCloseTo(dose, 6);
    expect(a.residualAtAdministrationMBq).toBeCloseTo(residual, 6);
    expect(a.activityMBq).toBeCloseTo(dose - residual, 6);
  });

  it('refuses an administration before the draw or after expiry, and a residual larger than the dose', () => {
    const base = { nuclide: 'Ga-68', drawnMBq: 150, drawnAt: at(T0, 30), expiresAt: at(T0, 240) };
    expect(issuesOf(() => administeredActivity({ ...base, administeredAt: at(T0, 10) }))[0]).toMatchObject({
      field: 'administeredAt',
      code: 'out-of-order',
    });
    expect(issuesOf(() => administeredActivity({ ...base, administeredAt: at(T0, 241) }))[0]).toMatchObject({
      field: 'administeredAt',
      code: 'expired',
    });
    expect(issuesOf(() => administeredActivity({ ...base, administeredAt: at(T0, 40), residualMBq: 500 }))[0]).toMatchObject({
      field: 'residualMBq',
    });
  });
});

describe('decay-in-storage release of waste', () => {
  it('no-carrier-added Lu-177: 10 half-lives = 66.47 d', () => {
    const w = wasteRelease({ nuclide: 'Lu-177', activityMBq: 50, measuredAt: T0 });
    expect(w.governingNuclide).toBe('Lu-177');
    expect(Date.parse(w.releaseAt) - Date.parse(T0)).toBeCloseTo(66.47 * 86_400_000, -3);
    expect(w.remainingFraction).toBeCloseTo(1 / 1024, 12);
    expect(w.note).toBeNull();
  });

  it('carrier-added Lu-177: governed by Lu-177m (T½ 160.4 d, ICRP-107) — 1,604 d, and says so', () => {
    const w = wasteRelease({ nuclide: 'Lu-177', activityMBq: 50, measuredAt: T0, carrierAdded: true });
    expect(w.governingNuclide).toBe('Lu-177m');
    expect(w.halfLifeH).toBeCloseTo(160.4 * 24, 9);
    expect(Date.parse(w.releaseAt) - Date.parse(T0)).toBeCloseTo(1604 * 86_400_000, -3);
    expect(w.note).toMatch(/Lu-177m \(T½ 160\.4 d/);
  });

  it('the number of half-lives is configurable; Tc-99m over 10 half-lives is 60.15 h', () => {
    const tc = wasteRelease({ nuclide: 'Tc-99m', activityMBq: 400, measuredAt: T0 });
    expect(Date.parse(tc.releaseAt) - Date.parse(T0)).toBeCloseTo(60.15 * 3_600_000, -1);
    const f18 = wasteRelease({ nuclide: 'F-18', activityMBq: 400, measuredAt: T0, halfLives: 20 });
    expect(Date.parse(f18.releaseAt) - Date.parse(T0)).toBeCloseTo(20 * 109.77 * 60_000, -1);
    expect(() => wasteRelease({ nuclide: 'F-18', activityMBq: 1, measuredAt: T0, halfLives: 0 })).toThrow(RadiopharmacyError);
    expect(() => wasteRelease({ nuclide: 'Xx-999', activityMBq: 1, measuredAt: T0 })).toThrow(/unknown nuclide/);
  });
});
