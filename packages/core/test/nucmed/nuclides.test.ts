import { describe, expect, it } from 'vitest';
import { decayConstantPerH, NucmedError, nuclide, NUCLIDE_IDS, NUCLIDES } from '../../src/nucmed/index';

describe('nuclide table (ICRP-107 half-lives, H*(10) constants)', () => {
  it('holds the 14 nuclides of the department', () => {
    expect([...NUCLIDE_IDS].sort()).toEqual(
      [
        'Ac-225',
        'Cu-64',
        'F-18',
        'Ga-68',
        'Ge-68',
        'I-123',
        'I-131',
        'In-111',
        'Lu-177',
        'Lu-177m',
        'Pb-212',
        'Tc-99m',
        'Y-90',
        'Zr-89',
      ].sort(),
    );
  });

  // ICRP Publication 107 half-lives, as tabulated (value and unit).
  it.each([
    ['F-18', 109.77, 'min'],
    ['Ga-68', 67.71, 'min'],
    ['Ge-68', 270.95, 'd'],
    ['Tc-99m', 6.015, 'h'],
    ['I-123', 13.27, 'h'],
    ['I-131', 8.0207, 'd'],
    ['Lu-177', 6.647, 'd'],
    ['Lu-177m', 160.4, 'd'],
    ['Y-90', 64.1, 'h'],
    ['In-111', 2.8047, 'd'],
    ['Cu-64', 12.7, 'h'],
    ['Ac-225', 10.0, 'd'],
    ['Pb-212', 10.64, 'h'],
    ['Zr-89', 78.41, 'h'],
  ] as const)('%s: T½ = %s %s', (id, value, unit) => {
    const n = NUCLIDES[id];
    expect(n.halfLife.value).toBe(value);
    expect(n.halfLife.unit).toBe(unit);
    expect(n.halfLife.hours).toBeCloseTo(unit === 'min' ? value / 60 : unit === 'd' ? value * 24 : value, 12);
  });

  it('has Lu-177 at 6.647 d within ±0.005 d, and λ = ln2/T½', () => {
    expect(Math.abs(NUCLIDES['Lu-177'].halfLife.hours / 24 - 6.647)).toBeLessThanOrEqual(0.005);
    expect(decayConstantPerH('Lu-177')).toBeCloseTo(Math.LN2 / 159.528, 15);
  });

  it('has decay branches that sum to 1', () => {
    for (const n of Object.values(NUCLIDES)) {
      expect(
        n.decay.reduce((s, b) => s + b.fraction, 0),
        n.id,
      ).toBeCloseTo(1, 4);
    }
    expect(NUCLIDES['Lu-177m'].decay.find((b) => b.mode === 'IT')?.daughter).toBe('Lu-177');
    expect(NUCLIDES['Ge-68'].decay).toEqual([{ mode: 'EC', daughter: 'Ga-68', fraction: 1 }]);
  });

  it('gives H*(10) constants in µSv·m²/(MBq·h), each with its source, and agrees with the published check within 5 %', () => {
    expect(NUCLIDES['Lu-177'].doseRateConstant?.uSvM2PerMBqH).toBe(0.00628);
    expect(NUCLIDES['F-18'].doseRateConstant?.uSvM2PerMBqH).toBe(0.16553);
    expect(NUCLIDES['Tc-99m'].doseRateConstant?.uSvM2PerMBqH).toBe(0.02172);
    expect(NUCLIDES['Ga-68'].doseRateConstant?.uSvM2PerMBqH).toBe(0.15784);
    expect(NUCLIDES['I-131'].doseRateConstant?.uSvM2PerMBqH).toBe(0.06578);
    for (const n of Object.values(NUCLIDES)) {
      if (n.doseRateConstant === null) {
        expect(n.doseRateConstantNote, n.id).toBeTruthy();
        continue;
      }
      expect(n.doseRateConstant.source).toMatch(/ICRP-107/);
      const check = n.doseRateConstant.publishedCheck;
      if (check !== undefined) expect(Math.abs(n.doseRateConstant.uSvM2PerMBqH / check - 1), n.id).toBeLessThan(0.05);
    }
    expect(NUCLIDES['Y-90'].doseRateConstant).toBeNull();
  });

  it('reads the usual spellings', () => {
    for (const spelling of ['Lu-177', 'Lu177', '177Lu', 'lu-177', '177-Lu', 'Lutetium-177', 'LUTETIUM 177'])
      expect(nuclide(spelling).id, spelling).toBe('Lu-177');
    expect(nuclide('99mTc').id).toBe('Tc-99m');
    expect(nuclide('Tc99m').id).toBe('Tc-99m');
    expect(nuclide('177mLu').id).toBe('Lu-177m');
    expect(nuclide('68Ga').id).toBe('Ga-68');
    expect(nuclide('F18').id).toBe('F-18');
  });

  it('refuses an unknown nuclide with suggestions, naming the field', () => {
    try {
      nuclide('Lu-178', 'batch.nuclide');
      throw new Error('no error');
    } catch (error) {
      expect(error).toBeInstanceOf(NucmedError);
      const e = error as NucmedError;
      expect(e.code).toBe('unknown-nuclide');
      expect(e.field).toBe('batch.nuclide');
      expect(e.suggestions[0]).toBe('Lu-177');
      expect(e.message).toMatch(/did you mean "Lu-177"/);
    }
    expect(() => nuclide('Tc-99')).toThrow(/Tc-99m/);
    expect(() => nuclide('unobtainium')).toThrow(NucmedError);
  });
});
