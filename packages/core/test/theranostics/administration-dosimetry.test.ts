/**
 * The dosimetry stored with an administration: runDosimetry's report plus kidney dose, kidney BED
 * and shape, red-marrow dose — on the SNMMI 2021 Lu-177 dosimetry-challenge patient
 * (PyTheranostics reference, see fixtures/nucmed/SOURCES.md).
 */
import { describe, expect, it } from 'vitest';
import {
  biologicallyEffectiveDose,
  cumulativeAgainstLimits,
  doseRateShapeOf,
  fitTimeActivity,
  KIDNEY_LQ,
  NucmedError,
  organAtRiskLimits,
  runDosimetry,
  wouldExceed,
} from '../../src/nucmed/index';
import { administrationDosimetry, regionFits } from '../../src/theranostics/index';
import { dosimetryData, fixtureJson, relativeError } from '../nucmed/helpers';

const data = dosimetryData();
type Input = {
  injectedMBq: number;
  regions: Array<{ name: string; organ: string; timesH: number[]; activitiesMBq: number[]; massG?: number }>;
};
const snmmi = fixtureJson<Input>('snmmi-2021-lu177-dosimetry-input.json');

describe('administrationDosimetry on the SNMMI 2021 challenge patient', () => {
  const d = administrationDosimetry(snmmi, data);

  it('stores runDosimetry’s report unchanged', () => {
    expect(d.report).toEqual(runDosimetry(snmmi, data));
  });

  it('kidney dose: the mass-weighted mean of both kidneys (0.3877 and 0.3235 Gy/GBq, male phantom, docs/theranostics.md)', () => {
    const [left, right] = d.report.regions;
    const mean = (left!.doseGy! * left!.massG! + right!.doseGy! * right!.massG!) / (left!.massG! + right!.massG!);
    expect(d.kidneys!.doseGy).toBeCloseTo(mean, 12);
    expect(relativeError(left!.doseGyPerGBq!, 0.3877)).toBeLessThan(5e-4);
    expect(relativeError(right!.doseGyPerGBq!, 0.3235)).toBeLessThan(5e-4);
    expect(d.kidneys!.regions).toEqual(['Kidney_Left', 'Kidney_Right']);
  });

  it('kidney BED is core’s BED of the kidney dose with the shape of the fit of both kidneys’ summed activity', () => {
    const [l, r] = snmmi.regions;
    const summed = { timesH: l!.timesH, activitiesMBq: l!.activitiesMBq.map((a, k) => a + r!.activitiesMBq[k]!) };
    const shape = doseRateShapeOf(
      fitTimeActivity(summed, { model: 'bi-exponential-uptake', nuclide: 'Lu-177', trapezoidTail: 'last-two-points' }),
    );
    expect(d.kidneys!.shape).toEqual(shape);
    expect(d.kidneys!.bedGy).toBe(biologicallyEffectiveDose(d.kidneys!.doseGy, shape, KIDNEY_LQ).bedGy);
    // Slow renal washout (T_eff ≈ 48 h) against a 2.8 h repair half-time: a few per cent above the dose (MIRD 20).
    expect(d.kidneys!.bedGy / d.kidneys!.doseGy).toBeGreaterThan(1.02);
    expect(d.kidneys!.bedGy / d.kidneys!.doseGy).toBeLessThan(1.1);
    expect(d.kidneys!.bedMethod).toMatch(/summed activity of Kidney_Left \+ Kidney_Right/);
  });

  it('red marrow: its share of the remainder-of-body TIA as self-source, plus cross-doses', () => {
    const rm = d.redMarrow!;
    const remainderTia = d.report.regions.find((r) => r.organ === 'Remainder of Body')!.tiaMBqH;
    // ICRP-89 male: total body 73,000 g, red marrow 1,170 g; explicit sources kidneys 310, liver 1,800, spleen 150 g.
    const mRemainder =
      data.masses.massG('male', 'Body')! - ['Kidneys', 'Liver', 'Spleen'].reduce((s, o) => s + data.masses.massG('male', o)!, 0);
    const marrowTia = (remainderTia * data.masses.massG('male', 'Red Marrow')!) / mRemainder;
    const selfGy = (marrowTia * 3600 * data.sValues.male.value('Red Marrow', 'Red Mar.')!) / 1000;
    expect(rm.doseGy).toBeGreaterThan(selfGy);
    expect(rm.doseGy).toBeLessThan(2 * selfGy);
    expect(rm.method).toMatch(new RegExp(`TIA ${marrowTia.toFixed(1)} MBq·h`));
    expect(rm.doseGyPerGBq).toBeCloseTo(rm.doseGy / (snmmi.injectedMBq / 1000), 12);
  });

  it('re-fits every region exactly as runDosimetry did (the curves the charts draw)', () => {
    expect(regionFits(snmmi).map((f) => f.tiaMBqH)).toEqual(d.report.regions.map((r) => r.tiaMBqH));
  });
});

describe('what the data cannot give is left out, with a note', () => {
  it('no remainder of body: no red-marrow dose', () => {
    const d = administrationDosimetry({ ...snmmi, regions: snmmi.regions.filter((r) => r.organ !== 'Remainder of Body') }, data);
    expect(d.redMarrow).toBeNull();
    expect(d.notes.join(' ')).toMatch(/no remainder-of-body/);
  });

  it('no kidney region: no kidney figures', () => {
    const d = administrationDosimetry({ ...snmmi, regions: snmmi.regions.filter((r) => r.organ !== 'Kidneys') }, data);
    expect(d.kidneys).toBeNull();
  });

  it('one kidney: the shape of its own fit', () => {
    const d = administrationDosimetry({ ...snmmi, regions: snmmi.regions.filter((r) => r.name !== 'Kidney_Right') }, data);
    const left = snmmi.regions[0]!;
    expect(d.kidneys!.shape).toEqual(
      doseRateShapeOf(fitTimeActivity(left, { model: 'bi-exponential-uptake', nuclide: 'Lu-177', trapezoidTail: 'last-two-points' })),
    );
  });

  it('bad input is core’s NucmedError naming the field', () => {
    const bad = { ...snmmi, regions: snmmi.regions.map((r, i) => (i === 1 ? { ...r, activitiesMBq: [92.9, -66.9, 23.2, 15.7] } : r)) };
    expect(() => administrationDosimetry(bad, data)).toThrow(NucmedError);
    try {
      administrationDosimetry(bad, data);
    } catch (e) {
      expect((e as NucmedError).field).toBe('regions[1].activitiesMBq[1]');
    }
  });
});

describe('cycles of the stored figures against the limits', () => {
  it('three cycles like the challenge patient, then a fourth checked before it is given', () => {
    const d = administrationDosimetry(snmmi, data);
    const k = d.kidneys!;
    const history = [1, 2, 3].map((cycle) => ({ cycle, organ: 'kidneys' as const, doseGy: k.doseGy, bedGy: k.bedGy, shape: k.shape }));
    const limits = organAtRiskLimits({ kidneyRiskFactors: true });
    const bed = cumulativeAgainstLimits(history, limits).find((s) => s.quantity === 'bed')!;
    expect(bed.cumulativeGy).toBeCloseTo(3 * k.bedGy, 12);
    const check = wouldExceed({
      history,
      planned: { cycle: 4, activityMBq: 7400, organs: [{ organ: 'kidneys', doseGyPerGBq: k.doseGyPerGBq, shape: k.shape }] },
      limits,
    });
    // 7.4 GBq × 0.354 Gy/GBq ≈ 2.6 Gy more: well within 28 Gy for this patient.
    expect(check.checks.find((c) => c.quantity === 'bed')!.verdict).toBe('within');
  });
});
