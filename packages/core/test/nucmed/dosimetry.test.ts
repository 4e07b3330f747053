import { describe, expect, it } from 'vitest';
import {
  fitTimeActivity,
  lesionAbsorbedDose,
  NucmedError,
  NUCLIDES,
  organAbsorbedDose,
  phantomOrgan,
  regionAbsorbedDoses,
  runDosimetry,
  sphereSValue,
  type DoseRegion,
  type DosimetryReport,
} from '../../src/nucmed/index';
import { dosimetryData, fixtureJson, relativeError, snmmiExpectedDoses, snmmiExpectedResults } from './helpers';

const data = dosimetryData();
/** Energy of the Lu-177 electrons per decay (ICRP-107 mean, 0.14792 MeV), J. */
const electronJoulesPerDecay = (NUCLIDES['Lu-177'].meanElectronEnergyMeV ?? Number.NaN) * 1.602176634e-13;

function errorOf(fn: () => unknown): NucmedError {
  try {
    fn();
  } catch (error) {
    if (error instanceof NucmedError) return error;
    throw error;
  }
  throw new Error('expected a NucmedError');
}

describe('Lu-177 S-value tables (ICRP-89 phantoms, PyTheranostics): units and orientation', () => {
  // If every electron is absorbed in the organ that emits it, S = E_e / m. The tables' diagonal
  // must be that plus a little photon self-absorption: this fixes the unit as mGy/(MBq·s)
  // (mGy/(MBq·h) would be 3600 times larger, Gy/(Bq·s) 1e9 times smaller).
  it.each(['Kidneys', 'Liver', 'Spleen', 'Pancreas', 'Lungs', 'Thyroid', 'Brain', 'Adrenals'])(
    '%s self-dose S ≈ E_e/m in mGy/(MBq·s)',
    (name) => {
      const organ = phantomOrgan(name);
      for (const phantom of ['male', 'female'] as const) {
        const s = data.sValues[phantom].value(organ.targetRow ?? '', organ.sourceColumn ?? '') ?? Number.NaN;
        const massKg = (data.masses.massG(phantom, organ.massRow ?? '') ?? Number.NaN) / 1000;
        const electronsOnly = ((electronJoulesPerDecay * 1e6) / massKg) * 1000; // mGy per MBq·s
        expect(s / electronsOnly, `${phantom} ${name}`).toBeGreaterThan(0.98);
        expect(s / electronsOnly, `${phantom} ${name}`).toBeLessThan(1.06);
      }
    },
  );

  it('is rows = targets, columns = sources (photon cross-doses are nearly reciprocal)', () => {
    const t = data.sValues.male;
    expect(t.value('Kidneys', 'Kidneys')).toBe(7.76e-5);
    expect(t.value('Kidneys', 'Spleen')).toBe(2.65e-7);
    expect(t.value('Spleen', 'Kidneys')).toBe(2.58e-7);
    for (const [a, b] of [
      ['Kidneys', 'Liver'],
      ['Liver', 'Spleen'],
      ['Lungs', 'Liver'],
    ] as const) {
      expect(relativeError(t.value(a, b) ?? 0, t.value(b, a) ?? 1)).toBeLessThan(0.1);
    }
  });

  it('sphere S-values are Gy/(Bq·s) and agree with the organ tables at kidney size', () => {
    const s = sphereSValue(data.spheres, 0.932);
    expect(s.sGyPerBqS).toBeCloseTo(2.49e-11, 20);
    // 0.932 g: 98 % of the electron energy stays in the sphere.
    expect(s.sGyPerBqS / (electronJoulesPerDecay / 0.000932)).toBeGreaterThan(0.95);
    expect(s.sGyPerBqS / (electronJoulesPerDecay / 0.000932)).toBeLessThan(1.0);
    // A 310 g sphere against the 310 g phantom kidneys (mGy/(MBq·s) = 1e9 Gy/(Bq·s)).
    const kidney = data.sValues.male.value('Kidneys', 'Kidneys') ?? 0;
    expect(relativeError(sphereSValue(data.spheres, 310).sGyPerBqS * 1e9, kidney)).toBeLessThan(0.05);
  });
});

describe('organ doses by S-values', () => {
  const kidneys: DoseRegion = { name: 'K', organ: 'Kidneys', tiaMBqH: 7593.75 };

  it('computes D = TIA·S: by hand for the kidneys at phantom mass', () => {
    const [d] = regionAbsorbedDoses([kidneys], { data, phantom: 'male' });
    // 7593.75 MBq·h × 3600 s/h × 7.76e-5 mGy/(MBq·s) = 2121.4 mGy.
    expect(d?.doseGy).toBeCloseTo((7593.75 * 3600 * 7.76e-5) / 1000, 12);
    expect(d?.notes.join(' ')).toMatch(/phantom mass used/);
  });

  it('scales the self-dose by phantom/patient mass and leaves cross-doses alone', () => {
    const liver: DoseRegion = { name: 'L', organ: 'Liver', tiaMBqH: 50_000 };
    const [atPhantom] = regionAbsorbedDoses([{ ...kidneys, massG: 310 }, liver], { data, phantom: 'male' });
    const [half] = regionAbsorbedDoses([{ ...kidneys, massG: 155 }, liver], { data, phantom: 'male' });
    expect(half?.selfDoseGy).toBeCloseTo(2 * (atPhantom?.selfDoseGy ?? 0), 12);
    expect(half?.crossDoseGy).toBeCloseTo(atPhantom?.crossDoseGy ?? 0, 15);
    expect(half?.contributions.find((c) => c.kind === 'self')?.massScale).toBe(2);
    expect(half?.crossDoseGy).toBeCloseTo((50_000 * 3600 * 1.2e-7) / 1000, 12);
  });

  it('adds no cross-dose between two parts of one phantom organ', () => {
    const [left] = regionAbsorbedDoses(
      [
        { name: 'left', organ: 'Kidneys', tiaMBqH: 7000, massG: 150 },
        { name: 'right', organ: 'kidney', tiaMBqH: 7000, massG: 150 },
      ],
      { data, phantom: 'male' },
    );
    expect(left?.crossDoseGy).toBe(0);
    expect(left?.notes.join(' ')).toMatch(/another part of the phantom's Kidneys/);
  });

  it('keeps energy: the remainder-of-body S-values rebuild the total body exactly', () => {
    // Activity spread uniformly over the body (TIA ∝ mass): the mass-weighted mean dose over the
    // explicit organs and the remainder must equal TIA·S(TB←TB), and each organ must get TIA·S(t←TB).
    const phantom = 'male';
    const organs = ['Kidneys', 'Liver', 'Spleen'];
    const mass = (o: string) => data.masses.massG(phantom, phantomOrgan(o).massRow ?? '') ?? Number.NaN;
    const mTB = data.masses.massG(phantom, 'Body') ?? Number.NaN;
    const total = 100_000;
    const mRB = mTB - organs.reduce((s, o) => s + mass(o), 0);
    const regions: DoseRegion[] = [
      ...organs.map((o) => ({ name: o, organ: o, tiaMBqH: (total * mass(o)) / mTB })),
      { name: 'RB', organ: 'Remainder of Body', tiaMBqH: (total * mRB) / mTB },
    ];
    const doses = regionAbsorbedDoses(regions, { data, phantom });
    const meanDose = doses.reduce((s, d, i) => s + (d?.doseGy ?? 0) * (i < organs.length ? mass(organs[i] ?? '') : mRB), 0) / mTB;
    const sTBTB = data.sValues[phantom].value('Total Body', 'Tot Body') ?? 0;
    expect(relativeError(meanDose, (total * 3600 * sTBTB) / 1000)).toBeLessThan(1e-9);
    organs.forEach((o, i) => {
      // Each organ as a target sees the whole body, its own part included (no mass given: unscaled).
      const expected = (total * 3600 * (data.sValues[phantom].value(o, 'Tot Body') ?? 0)) / 1000;
      expect(relativeError(doses[i]?.doseGy ?? 0, expected), o).toBeLessThan(1e-9);
    });
  });

  it('computes a target that is not a source (red marrow from the organs)', () => {
    const d = organAbsorbedDose({ organ: 'Red Marrow' }, [kidneys, { name: 'L', organ: 'Liver', tiaMBqH: 50_000 }], {
      data,
      phantom: 'female',
    });
    expect(d.selfDoseGy).toBe(0);
    expect(d.crossDoseGy).toBeCloseTo(
      ((7593.75 * (data.sValues.female.value('Red Marrow', 'Kidneys') ?? 0) +
        50_000 * (data.sValues.female.value('Red Marrow', 'Liver') ?? 0)) *
        3600) /
        1000,
      12,
    );
  });

  it('refuses unknown organs, organs the phantom lacks, and a remainder it cannot build', () => {
    const unknown = errorOf(() => regionAbsorbedDoses([{ name: 'x', organ: 'Kidny', tiaMBqH: 1 }], { data, phantom: 'male' }));
    expect(unknown.field).toBe('regions[0].organ');
    expect(unknown.suggestions).toContain('Kidneys');
    const prostate = errorOf(() =>
      regionAbsorbedDoses([kidneys, { name: 'p', organ: 'Prostate', tiaMBqH: 10 }], { data, phantom: 'female' }),
    );
    expect(prostate.field).toBe('regions[1].organ');
    const bladder = errorOf(() =>
      regionAbsorbedDoses(
        [
          { name: 'b', organ: 'Urinary Bladder', tiaMBqH: 10 },
          { name: 'rb', organ: 'Remainder of Body', tiaMBqH: 10 },
        ],
        { data, phantom: 'male' },
      ),
    );
    expect(bladder.field).toBe('regions[0].organ');
    expect(bladder.reason).toMatch(/remainder-of-body correction/);
  });
});

describe('lesion doses by sphere S-values', () => {
  it('uses the tabulated value at a tabulated mass and interpolates log-log in between', () => {
    const at = lesionAbsorbedDose({ name: 'L1', tiaMBqH: 1000, massG: 14.6 }, data.spheres);
    expect(at.doseGy).toBeCloseTo(1000 * 3.6e9 * 1.63e-12, 12);
    const mid = sphereSValue(data.spheres, Math.sqrt(14.6 * 34.5)).sGyPerBqS;
    expect(mid).toBeCloseTo(Math.sqrt(1.63e-12 * 6.93e-13), 24);
    expect(sphereSValue(data.spheres, 2000).sGyPerBqS).toBeCloseTo((2.65e-14 * 932) / 2000, 26);
    expect(sphereSValue(data.spheres, 6.2, '50%/50%').sGyPerBqS).toBeCloseTo(3.85e-12, 24);
  });

  it('refuses a lesion smaller than the smallest sphere and an unknown composition', () => {
    expect(errorOf(() => lesionAbsorbedDose({ name: 'L1', tiaMBqH: 1, massG: 0.001 }, data.spheres, '100%/0%', 'regions[3]')).field).toBe(
      'regions[3].massG',
    );
    expect(errorOf(() => sphereSValue(data.spheres, 1, '100/0')).suggestions.length).toBeGreaterThan(0);
  });
});

describe('SNMMI 2021 Lu-177 challenge patient: organ absorbed doses within 5 % of the reference (PyTheranostics expected_df_ad.csv)', () => {
  const reference = snmmiExpectedResults();
  const expectedDoses = snmmiExpectedDoses();
  const input = fixtureJson<{
    injectedMBq: number;
    phantom: string;
    regions: { name: string; organ: string; massG: number; timesH: number[]; activitiesMBq: number[] }[];
  }>('snmmi-2021-lu177-dosimetry-input.json');

  it('derives its input from the reference file (documented in fixtures/nucmed/SOURCES.md)', () => {
    // The reference gives per region the times, activities, CT volumes (mL) and mean HU at each
    // scan. Mass = volume × density at the reference scan (the first, as in the reference run's
    // ReferenceTimePoint 0); organs: ρ = 1 + HU/1000 g/mL; the whole-body and remainder VOIs
    // (mean HU ≈ −690: boxes that include air) are water-equivalent volumes, ρ = 1 g/mL.
    expect(input.injectedMBq).toBe(7210.4256);
    for (const r of reference) {
      const region = input.regions.find((x) => x.name === r.name);
      expect(region?.timesH).toEqual(r.timesH);
      expect(region?.activitiesMBq).toEqual(r.activitiesMBq);
      const bodyBox = (r.densityHu[0] ?? 0) < -100;
      expect(region?.massG).toBe((r.volumesMl[0] ?? 0) * (bodyBox ? 1 : 1 + (r.densityHu[0] ?? 0) / 1000));
      // The injected activity is the one the reference divides by.
      expect(r.tiaMBqH / r.tiaH).toBeCloseTo(input.injectedMBq, 2);
    }
  });

  const report: DosimetryReport = runDosimetry(input, data);

  it.each([...expectedDoses.keys()])('%s', (name) => {
    const region = report.regions.find((r) => r.name === name);
    const expected = expectedDoses.get(name);
    expect(region?.model).toBe('bi-exponential-uptake');
    expect(relativeError(region?.tiaMBqH ?? 0, reference.find((r) => r.name === name)?.tiaMBqH ?? 1)).toBeLessThan(0.01);
    expect(relativeError(region?.doseGyPerGBq ?? 0, expected?.doseGyPerGBq ?? 1)).toBeLessThan(0.05);
    expect(relativeError(region?.doseGy ?? 0, expected?.doseGy ?? 1)).toBeLessThan(0.05);
  });

  it('gives the organs within 5 % with the female phantom too (only the photon cross-doses differ)', () => {
    const female = runDosimetry({ ...input, phantom: 'female' }, data);
    for (const name of ['Kidney_Left', 'Kidney_Right', 'Liver', 'Spleen', 'WholeBody']) {
      const region = female.regions.find((r) => r.name === name);
      expect(relativeError(region?.doseGyPerGBq ?? 0, expectedDoses.get(name)?.doseGyPerGBq ?? 1), name).toBeLessThan(0.05);
    }
    // The remainder of body is not: the female table's total-body row carries the organs' photons
    // into the remainder (8.8 mGy of cross-dose here, 1.7 mGy with the male table), which the
    // reference's voxel kernel largely omits. Recorded, not hidden: see docs/theranostics.md.
    const rb = female.regions.find((r) => r.name === 'RemainderOfBody');
    expect(relativeError(rb?.doseGyPerGBq ?? 0, expectedDoses.get('RemainderOfBody')?.doseGyPerGBq ?? 1)).toBeGreaterThan(0.05);
  });

  it('combines the two kidneys by mass', () => {
    const kidneys = report.organs.find((o) => o.organ === 'Kidneys');
    const left = report.regions.find((r) => r.name === 'Kidney_Left');
    const right = report.regions.find((r) => r.name === 'Kidney_Right');
    expect(kidneys?.regions).toEqual(['Kidney_Left', 'Kidney_Right']);
    const m = (left?.massG ?? 0) + (right?.massG ?? 0);
    expect(kidneys?.doseGy).toBeCloseTo(((left?.doseGy ?? 0) * (left?.massG ?? 0) + (right?.doseGy ?? 0) * (right?.massG ?? 0)) / m, 12);
  });

  it('records the method of every number', () => {
    for (const r of report.regions) {
      expect(r.method).toMatch(/MIRD Pamphlet No. 16/);
      expect(r.method).toMatch(/MIRD Pamphlet No. 21/);
      expect(r.doseMethod).toMatch(/ICRP-89 adult male phantom/);
    }
    expect(report.regions.find((r) => r.name === 'RemainderOfBody')?.method).toMatch(/Cloutier/);
  });

  it('matches the kidney fit used standalone', () => {
    const r = reference[0];
    const fit = fitTimeActivity(
      { timesH: r?.timesH ?? [], activitiesMBq: r?.activitiesMBq ?? [] },
      { model: 'bi-exponential-uptake', nuclide: 'Lu-177' },
    );
    expect(report.regions[0]?.tiaMBqH).toBe(fit.tiaMBqH);
  });
});
