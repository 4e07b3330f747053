import { describe, expect, it } from 'vitest';
import { LOINC_LABS, ckdEpi2009, loincByCode, loincByKey, referenceRange } from '../src/codes/loinc';

/**
 * LOINC codes end in a mod-10 check digit (LOINC Users' Guide, "Calculating Mod 10 check
 * digits"): double the digits in odd positions counted from the right, add the digits of the
 * products to the other digits, and the check digit brings the sum to a multiple of 10.
 */
function loincCheckDigit(body: string): number {
  let sum = 0;
  [...body].reverse().forEach((c, i) => {
    const d = Number(c);
    if (i % 2 === 0) {
      const twice = 2 * d;
      sum += Math.floor(twice / 10) + (twice % 10);
    } else sum += d;
  });
  return (10 - (sum % 10)) % 10;
}

describe('LOINC lab table', () => {
  it('uses well-formed codes whose check digit is right', () => {
    expect(loincCheckDigit('718')).toBe(7); // 718-7 haemoglobin, the Users' Guide's kind of example
    for (const lab of LOINC_LABS) {
      const [body, check] = lab.code.split('-');
      expect(lab.code).toMatch(/^\d{1,6}-\d$/);
      expect(loincCheckDigit(body!), lab.code).toBe(Number(check));
    }
  });

  it('has unique codes and keys', () => {
    expect(new Set(LOINC_LABS.map((l) => l.code)).size).toBe(LOINC_LABS.length);
    expect(new Set(LOINC_LABS.map((l) => l.key)).size).toBe(LOINC_LABS.length);
  });

  it('covers what oncology eligibility criteria ask for', () => {
    for (const key of [
      'hemoglobin',
      'neutrophils',
      'platelets',
      'creatinine',
      'egfr',
      'alt',
      'ast',
      'bilirubinTotal',
      'albumin',
      'ldh',
      'psa',
      'cea',
      'ca125',
    ] as const) {
      expect(loincByKey(key).code).toBeTruthy();
    }
    expect(loincByCode('2160-0')?.unit).toBe('mg/dL');
    expect(loincByCode('718-7')?.unit).toBe('g/dL');
    expect(loincByCode('777-3')?.unit).toBe('10*3/uL');
    expect(loincByCode('0000-0')).toBeUndefined();
  });

  it('has coherent ranges, with sex-specific ones where the sexes differ', () => {
    for (const lab of LOINC_LABS) {
      if (lab.range.low !== undefined && lab.range.high !== undefined) expect(lab.range.low).toBeLessThan(lab.range.high);
      expect(lab.range.low !== undefined || lab.range.high !== undefined).toBe(true);
    }
    const hb = loincByKey('hemoglobin');
    expect(referenceRange(hb, 'female')).toEqual({ low: 12.0, high: 15.5 });
    expect(referenceRange(hb, 'male')).toEqual({ low: 13.5, high: 17.5 });
    expect(referenceRange(hb, 'unknown')).toEqual(hb.range);
    expect(loincByKey('ca125').range.high).toBe(35);
    expect(loincByKey('psa').range.high).toBe(4);
  });
});

describe('CKD-EPI 2009 eGFR', () => {
  // Hand-computed from the published equation (Levey 2009), without the race coefficient.
  it('matches worked values', () => {
    // Female, 60 y, Scr 0.7 mg/dL: 141 x 0.993^60 x 1.018 = 94.2
    expect(ckdEpi2009(0.7, 60, 'female')).toBeCloseTo(94.2, 1);
    // Male, 50 y, Scr 1.0 mg/dL: 141 x (1.0/0.9)^-1.209 x 0.993^50 = 87.4
    expect(ckdEpi2009(1.0, 50, 'male')).toBeCloseTo(87.4, 1);
    // Male, 70 y, Scr 2.0 mg/dL: 141 x (2.0/0.9)^-1.209 x 0.993^70 = 32.8
    expect(ckdEpi2009(2.0, 70, 'male')).toBeCloseTo(32.8, 1);
  });

  it('falls as creatinine and age rise', () => {
    expect(ckdEpi2009(1.2, 60, 'male')).toBeLessThan(ckdEpi2009(0.9, 60, 'male'));
    expect(ckdEpi2009(0.9, 80, 'male')).toBeLessThan(ckdEpi2009(0.9, 40, 'male'));
  });
});
