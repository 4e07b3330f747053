import { describe, expect, it } from 'vitest';
import { NucmedError, parseDosimetryInput, runDosimetry } from '../../src/nucmed/index';
import { dosimetryData, fixtureJson } from './helpers';

const data = dosimetryData();
const snmmi = fixtureJson<Record<string, unknown> & { regions: Record<string, unknown>[] }>('snmmi-2021-lu177-dosimetry-input.json');

function errorOf(input: unknown): NucmedError {
  try {
    runDosimetry(input, data);
  } catch (error) {
    if (error instanceof NucmedError) return error;
    throw error;
  }
  throw new Error('expected a NucmedError');
}

const withRegion = (i: number, patch: Record<string, unknown>) => ({
  ...snmmi,
  regions: snmmi.regions.map((r, j) => (j === i ? { ...r, ...patch } : r)),
});

describe('`continuum dosimetry FILE`: the pure half', () => {
  it('prints, per region, the fitted model, TIA, dose and method as JSON', () => {
    const report = runDosimetry(snmmi, data);
    const printed = JSON.parse(
      JSON.stringify({
        regions: report.regions.map(({ name, model, tiaMBqH, doseGy, doseGyPerGBq, method }) => ({
          name,
          model,
          tiaMBqH,
          doseGy,
          doseGyPerGBq,
          method,
        })),
      }),
    ) as {
      regions: { name: string; model: string; tiaMBqH: number; doseGy: number; doseGyPerGBq: number; method: string }[];
    };
    expect(printed.regions).toHaveLength(6);
    for (const r of printed.regions) {
      expect(typeof r.tiaMBqH).toBe('number');
      expect(typeof r.doseGy).toBe('number');
      expect(r.doseGyPerGBq).toBeCloseTo(r.doseGy / 7.2104256, 12);
      expect(r.method.length).toBeGreaterThan(20);
    }
    // Every parameter survives JSON (no Infinity or NaN turning into null).
    for (const r of report.regions) for (const v of Object.values(r.parameters)) expect(Number.isFinite(v)).toBe(true);
  });

  it('chooses the model from the number of points, and fits lesions no slower than physical decay', () => {
    const report = runDosimetry(
      {
        nuclide: '177Lu',
        injectedMBq: 7400,
        phantom: 'female',
        regions: [
          { name: 'kidneys', organ: 'kidney', timesH: [4, 24, 96], activitiesMBq: [120, 90, 30], massG: 300 },
          { name: 'liver', organ: 'Liver', timesH: [24, 96], activitiesMBq: [300, 150] },
          { name: 'spleen', organ: 'Spleen', timesH: [96], activitiesMBq: [20], massG: 140 },
          { name: 'lesion 1', organ: 'lesion', timesH: [24, 96, 168], activitiesMBq: [50, 45, 40], massG: 12 },
          { name: 'blood', organ: 'Heart Contents', timesH: [1, 4, 24], activitiesMBq: [400, 200, 50] },
        ],
      },
      data,
    );
    const by = (name: string) => report.regions.find((r) => r.name === name);
    expect(by('kidneys')?.model).toBe('bi-exponential-uptake');
    expect(by('liver')?.model).toBe('mono-exponential');
    expect(by('spleen')?.model).toBe('single-time-point-hanscheid');
    expect(by('lesion 1')?.model).toBe('mono-exponential');
    // The lesion clears slower than Lu-177 decays: its washout is held at the physical constant.
    expect(by('lesion 1')?.parameters.lambdaPerH).toBeCloseTo(Math.LN2 / 159.528, 9);
    expect(by('lesion 1')?.doseMethod).toMatch(/sphere/);
    expect(by('liver')?.notes.join(' ')).toMatch(/phantom mass used/);
    // Heart contents is a source only in the phantom: no dose to it, but it irradiates the others.
    expect(by('blood')?.doseGy).toBeNull();
    expect(by('kidneys')?.crossDoseGy).toBeGreaterThan(0);
    expect(report.phantom).toBe('female');
  });

  it('takes a model named in the file', () => {
    const report = runDosimetry(withRegion(0, { model: 'trapezoid' }), data);
    expect(report.regions[0]?.model).toBe('trapezoid');
    expect(report.regions[0]?.fitMethod).toMatch(/last two points/);
  });

  it.each([
    ['a non-object', [1, 2], '$', 'missing'],
    ['no nuclide', { ...snmmi, nuclide: undefined }, 'nuclide', 'missing'],
    ['an unknown nuclide', { ...snmmi, nuclide: 'Lu-178' }, 'nuclide', 'unknown-nuclide'],
    ['a nuclide without S-values', { ...snmmi, nuclide: 'I-131' }, 'nuclide', 'unsupported'],
    ['no injected activity', { ...snmmi, injectedMBq: undefined }, 'injectedMBq', 'missing'],
    ['a negative injected activity', { ...snmmi, injectedMBq: -7210 }, 'injectedMBq', 'negative'],
    ['an injected activity given as text', { ...snmmi, injectedMBq: '7.2 GBq' }, 'injectedMBq', 'not-a-number'],
    ['no phantom', { ...snmmi, phantom: undefined }, 'phantom', 'missing'],
    ['no regions', { ...snmmi, regions: [] }, 'regions', 'missing'],
    ['a region without a name', withRegion(1, { name: '' }), 'regions[1].name', 'missing'],
    ['two regions with one name', withRegion(1, { name: 'Kidney_Left' }), 'regions[1].name', 'out-of-range'],
    ['an unknown organ', withRegion(2, { organ: 'Livr' }), 'regions[2].organ', 'unknown-organ'],
    ['a lesion without a mass', withRegion(3, { organ: 'lesion', massG: undefined }), 'regions[3].massG', 'missing'],
    ['an unknown model', withRegion(0, { model: 'biexponential' }), 'regions[0].model', 'unsupported'],
    ['a negative activity', withRegion(0, { activitiesMBq: [98, -73, 25, 19] }), 'regions[0].activitiesMBq[1]', 'negative'],
    ['a missing activity', withRegion(0, { activitiesMBq: [98, 73, 25] }), 'regions[0].activitiesMBq', 'out-of-range'],
    ['times out of order', withRegion(4, { timesH: [3.7, 27.7, 124, 103] }), 'regions[4].timesH[3]', 'out-of-order'],
    ['a zero mass', withRegion(2, { massG: 0 }), 'regions[2].massG', 'out-of-range'],
  ] as const)('refuses %s, naming the field', (_label, input, field, code) => {
    const e = errorOf(input);
    expect(e.field).toBe(field);
    expect(e.code).toBe(code);
  });

  it('suggests close names', () => {
    expect(errorOf(withRegion(2, { organ: 'Livr' })).suggestions).toContain('Liver');
    expect(errorOf(withRegion(0, { model: 'biexponential-uptake' })).suggestions).toContain('bi-exponential-uptake');
    expect(errorOf({ ...snmmi, nuclide: 'Lu-178' }).suggestions).toContain('Lu-177');
  });

  it('returns the input typed when it is valid', () => {
    const parsed = parseDosimetryInput(snmmi);
    expect(parsed.nuclide).toBe('Lu-177');
    expect(parsed.regions.map((r) => r.organ)).toEqual(['Kidneys', 'Kidneys', 'Liver', 'Spleen', 'Remainder of Body', 'Total Body']);
  });
});
