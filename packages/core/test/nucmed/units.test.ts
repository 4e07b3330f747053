import { describe, expect, it } from 'vitest';
import {
  activityAt,
  activityToMBq,
  formatInstant,
  gbq,
  gbqToMbq,
  hours,
  hoursBetween,
  mbq,
  mbqToGbq,
  mbqToMci,
  mci,
  mciToMbq,
  NucmedError,
  parseActivity,
  parseDuration,
  parseInstant,
} from '../../src/nucmed/index';

function errorOf(fn: () => unknown): NucmedError {
  try {
    fn();
  } catch (error) {
    if (error instanceof NucmedError) return error;
    throw error;
  }
  throw new Error('expected a NucmedError');
}

describe('activity units', () => {
  it('converts mCi and MBq by the definition of the curie (1 Ci = 3.7e10 Bq, so 1 mCi = 37 MBq)', () => {
    expect(mciToMbq(mci(1))).toBe(37);
    expect(mciToMbq(mci(200))).toBe(7400);
    expect(mbqToMci(mbq(7400))).toBe(200);
    expect(gbqToMbq(gbq(7.4))).toBeCloseTo(7400, 9);
    expect(mbqToGbq(mbq(7400))).toBeCloseTo(7.4, 12);
  });

  it('keeps units apart in the type system', () => {
    // Never called: tsc checks that a GBq cannot be passed where MBq is expected.
    const wrong = () => {
      // @ts-expect-error a GBq is not an MBq
      activityAt(gbq(7.4), 'Lu-177', hours(1));
      // @ts-expect-error a plain number has no unit
      activityAt(7400, 'Lu-177', hours(1));
    };
    expect(typeof wrong).toBe('function');
  });

  it('reads activities written with a unit', () => {
    expect(parseActivity('7.4GBq').mbq).toBeCloseTo(7400, 9);
    expect(parseActivity(' 7.4 GBq ').given).toEqual({ value: 7.4, unit: 'GBq' });
    expect(parseActivity('200 mCi').mbq).toBe(7400);
    expect(parseActivity('1.5e3 MBq').mbq).toBe(1500);
    expect(parseActivity('5 uCi').mbq).toBeCloseTo(0.185, 12);
    expect(parseActivity('5 µCi').mbq).toBeCloseTo(0.185, 12);
    expect(parseActivity('2 TBq').mbq).toBe(2e6);
    expect(activityToMBq({ value: 7.4, unit: 'GBq' })).toBeCloseTo(7400, 9);
  });

  it('refuses a number without a unit: it could be MBq or mCi', () => {
    const e = errorOf(() => parseActivity('200', 'dose.activity'));
    expect(e.code).toBe('ambiguous-unit');
    expect(e.field).toBe('dose.activity');
    expect(e.message).toMatch(/MBq, GBq or mCi/);
  });

  it('refuses spellings that read two ways once case is lost', () => {
    expect(errorOf(() => parseActivity('7400 mbq')).code).toBe('ambiguous-unit');
    expect(errorOf(() => parseActivity('7400 MBQ')).code).toBe('ambiguous-unit');
    expect(errorOf(() => parseActivity('200 MCI')).code).toBe('ambiguous-unit');
    expect(errorOf(() => activityToMBq({ value: 7400, unit: 'Mbq' }, 'batch.activity')).field).toBe('batch.activity.unit');
  });

  it('refuses unknown units with a suggestion, negative and missing values', () => {
    const e = errorOf(() => parseActivity('7.4 gbq'));
    expect(e.code).toBe('unknown-unit');
    expect(e.suggestions).toEqual(['GBq']);
    expect(errorOf(() => parseActivity('7 furlongs')).code).toBe('unknown-unit');
    expect(errorOf(() => parseActivity('-3 MBq')).code).toBe('negative');
    expect(errorOf(() => parseActivity('GBq')).code).toBe('not-a-number');
    expect(errorOf(() => activityToMBq({ value: undefined, unit: 'MBq' })).code).toBe('missing');
    expect(errorOf(() => activityToMBq({ value: 3, unit: '' })).field).toBe('activity.unit');
  });
});

describe('durations', () => {
  it('reads durations into hours', () => {
    expect(parseDuration('90 min')).toBe(1.5);
    expect(parseDuration('6.647 d')).toBeCloseTo(159.528, 12);
    expect(parseDuration('3600 s')).toBeCloseTo(1, 12);
    expect(parseDuration('6 weeks')).toBe(1008);
  });

  it('refuses "m" (minute, month or metre) and bare numbers', () => {
    expect(errorOf(() => parseDuration('5 m')).code).toBe('ambiguous-unit');
    expect(errorOf(() => parseDuration('5', 'uptakeTime')).field).toBe('uptakeTime');
    expect(errorOf(() => parseDuration('5 fortnights')).code).toBe('unknown-unit');
  });
});

describe('instants', () => {
  it('parses ISO 8601 instants with an offset, without a clock', () => {
    expect(formatInstant(parseInstant('2025-03-04T09:30:00Z'))).toBe('2025-03-04T09:30:00.000Z');
    expect(parseInstant('2025-03-04T10:30+01:00')).toBe(parseInstant('2025-03-04T09:30:00Z'));
    expect(formatInstant(parseInstant('2025-03-04T09:30:00.250Z'))).toBe('2025-03-04T09:30:00.250Z');
    // Across a daylight-saving change the offsets carry the truth: 24 h elapsed, not 23.
    expect(hoursBetween('2025-03-29T12:00:00+01:00', '2025-03-30T13:00:00+02:00')).toBe(24);
    expect(hoursBetween('2025-03-05T09:30:00Z', '2025-03-04T09:30:00Z')).toBe(-24);
  });

  it('refuses instants without an offset and impossible dates', () => {
    for (const bad of [
      '2025-03-04T09:30:00',
      '2025-02-30T00:00:00Z',
      '2025-02-28T24:00:00Z',
      '2025-13-01T00:00Z',
      '04/03/2025 09:30',
      '2025-03-04T09:30:00+15:00',
    ]) {
      const e = errorOf(() => parseInstant(bad, 'calibratedAt'));
      expect(e.code, bad).toBe('invalid-instant');
      expect(e.field).toBe('calibratedAt');
    }
    expect(parseInstant('2024-02-29T00:00:00Z')).toBe(Date.UTC(2024, 1, 29));
  });
});
