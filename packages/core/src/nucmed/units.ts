/**
 * Units as types. An activity in GBq cannot be passed where MBq is expected: the numbers are
 * branded with their unit and only the explicit conversions below change the brand. Free text
 * from a form or a command line goes through `parseActivity` / `parseDuration`, which refuse a
 * number without a unit and any unit whose case-folded spelling could mean two things
 * ("mbq": millibecquerel or megabecquerel), because a factor of 10^9 or of 37 is exactly the
 * mistake a radiopharmacy must not make silently.
 */
import { closestNames, NucmedError, requireFinite } from './errors';

declare const unitBrand: unique symbol;
/** A number whose unit is part of its type. */
export type Quantity<U extends string> = number & { readonly [unitBrand]: U };

export type MBq = Quantity<'MBq'>;
export type GBq = Quantity<'GBq'>;
export type MilliCurie = Quantity<'mCi'>;
export type Hours = Quantity<'h'>;
export type Minutes = Quantity<'min'>;

export const mbq = (value: number): MBq => value as MBq;
export const gbq = (value: number): GBq => value as GBq;
export const mci = (value: number): MilliCurie => value as MilliCurie;
export const hours = (value: number): Hours => value as Hours;
export const minutes = (value: number): Minutes => value as Minutes;

/** 1 Ci = 3.7e10 Bq exactly (definition of the curie), hence 1 mCi = 37 MBq. */
export const MBQ_PER_MCI = 37;
export const MBQ_PER_GBQ = 1000;

export const gbqToMbq = (a: GBq): MBq => mbq(a * MBQ_PER_GBQ);
export const mbqToGbq = (a: MBq): GBq => gbq(a / MBQ_PER_GBQ);
export const mciToMbq = (a: MilliCurie): MBq => mbq(a * MBQ_PER_MCI);
export const mbqToMci = (a: MBq): MilliCurie => mci(a / MBQ_PER_MCI);
export const minutesToHours = (t: Minutes): Hours => hours(t / 60);
export const hoursToMinutes = (t: Hours): Minutes => minutes(t * 60);
export const daysToHours = (days: number): Hours => hours(days * 24);

/** Activity units accepted in text and in structured input, with their size in MBq. */
export const ACTIVITY_UNITS = {
  Bq: 1e-6,
  kBq: 1e-3,
  MBq: 1,
  GBq: 1e3,
  TBq: 1e6,
  µCi: 0.037,
  mCi: 37,
  Ci: 37_000,
} as const;
export type ActivityUnit = keyof typeof ACTIVITY_UNITS;

/** An activity as a person or a file gave it: value and unit, before conversion. */
export interface Activity {
  readonly value: number;
  readonly unit: ActivityUnit;
}

/** Spellings that are never accepted because they read two ways once case is lost. */
const AMBIGUOUS_ACTIVITY_SPELLINGS: Readonly<Record<string, string>> = {
  mbq: 'mBq (millibecquerel) or MBq (megabecquerel)',
  mci: 'mCi (millicurie) or MCi (megacurie)',
};

function activityUnit(text: string, field: string): ActivityUnit {
  const spelled = text === 'uCi' || text === 'μCi' ? 'µCi' : text; // u and Greek mu are common stand-ins for the micro sign
  if (Object.hasOwn(ACTIVITY_UNITS, spelled)) return spelled as ActivityUnit;
  const folded = text.toLowerCase();
  const ambiguous = AMBIGUOUS_ACTIVITY_SPELLINGS[folded];
  if (ambiguous !== undefined) {
    throw new NucmedError({
      field,
      code: 'ambiguous-unit',
      reason: `unit "${text}" is ambiguous: it could be ${ambiguous}`,
      expected: `one of ${Object.keys(ACTIVITY_UNITS).join(', ')} (case-sensitive)`,
    });
  }
  const sameLetters = Object.keys(ACTIVITY_UNITS).filter((u) => u.toLowerCase() === folded.replace(/^[uμ]/, 'µ'));
  throw new NucmedError({
    field,
    code: 'unknown-unit',
    reason: `"${text}" is not an activity unit`,
    expected: `one of ${Object.keys(ACTIVITY_UNITS).join(', ')} (case-sensitive)`,
    suggestions: sameLetters.length > 0 ? sameLetters : closestNames(text, Object.keys(ACTIVITY_UNITS), 2),
  });
}

/** Convert a structured activity to MBq; the unit must be one of ACTIVITY_UNITS exactly. */
export function activityToMBq(activity: { value: unknown; unit: unknown }, field = 'activity'): MBq {
  const value = requireFinite(activity.value, `${field}.value`);
  if (typeof activity.unit !== 'string' || activity.unit.length === 0) {
    throw new NucmedError({
      field: `${field}.unit`,
      code: 'missing',
      reason: 'unit is missing',
      expected: Object.keys(ACTIVITY_UNITS).join(', '),
    });
  }
  const unit = activityUnit(activity.unit, `${field}.unit`);
  return mbq(value * ACTIVITY_UNITS[unit]);
}

const NUMBER_AND_UNIT = /^\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)\s*([^\s\d].*?)?\s*$/;

/**
 * Read "7.4GBq", "7.4 GBq", "200 mCi", "1.5e3 MBq". A bare number is refused: "200" could be
 * MBq or mCi. Negative activities are refused.
 */
export function parseActivity(text: string, field = 'activity'): { mbq: MBq; given: Activity } {
  const match = NUMBER_AND_UNIT.exec(text);
  if (!match || match[1] === undefined) {
    throw new NucmedError({
      field,
      code: 'not-a-number',
      reason: `"${text}" is not an activity`,
      expected: 'a number followed by a unit, e.g. "7.4 GBq"',
    });
  }
  const value = Number(match[1]);
  if (match[2] === undefined) {
    throw new NucmedError({
      field,
      code: 'ambiguous-unit',
      reason: `"${text}" has no unit: it could be MBq, GBq or mCi`,
      expected: `a unit, one of ${Object.keys(ACTIVITY_UNITS).join(', ')}`,
    });
  }
  const unit = activityUnit(match[2], field);
  if (value < 0) throw new NucmedError({ field, code: 'negative', reason: `activity ${text} is negative`, expected: '>= 0' });
  return { mbq: mbq(value * ACTIVITY_UNITS[unit]), given: { value, unit } };
}

/** Duration spellings and their size in hours. "m" alone is refused (minute, month or metre). */
const DURATION_UNITS: Readonly<Record<string, number>> = {
  s: 1 / 3600,
  sec: 1 / 3600,
  second: 1 / 3600,
  seconds: 1 / 3600,
  min: 1 / 60,
  minute: 1 / 60,
  minutes: 1 / 60,
  h: 1,
  hr: 1,
  hrs: 1,
  hour: 1,
  hours: 1,
  d: 24,
  day: 24,
  days: 24,
  wk: 168,
  week: 168,
  weeks: 168,
};

/** Read "90 min", "6 h", "6.647 d" into hours. A bare number or "m" is refused. */
export function parseDuration(text: string, field = 'duration'): Hours {
  const match = NUMBER_AND_UNIT.exec(text);
  if (!match || match[1] === undefined) {
    throw new NucmedError({
      field,
      code: 'not-a-number',
      reason: `"${text}" is not a duration`,
      expected: 'a number followed by s, min, h, d or wk',
    });
  }
  const unitText = match[2];
  if (unitText === undefined) {
    throw new NucmedError({ field, code: 'ambiguous-unit', reason: `"${text}" has no unit`, expected: 'a unit: s, min, h, d or wk' });
  }
  const perUnit = DURATION_UNITS[unitText];
  if (perUnit === undefined) {
    const ambiguous = unitText === 'm' || unitText === 'M';
    throw new NucmedError({
      field,
      code: ambiguous ? 'ambiguous-unit' : 'unknown-unit',
      reason: ambiguous ? `unit "${unitText}" is ambiguous (minute, month or metre)` : `"${unitText}" is not a time unit`,
      expected: 's, min, h, d or wk',
    });
  }
  return hours(Number(match[1]) * perUnit);
}
