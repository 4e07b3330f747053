/**
 * Instants as ISO 8601 strings, parsed without a clock. Core never asks for "now": callers pass
 * the instants they mean. An instant without a UTC offset is refused, because a calibration
 * time read in the wrong zone is an hour of Ga-68 decay (about 46 % of the activity).
 */
import { NucmedError } from './errors';
import { hours, type Hours, type Quantity } from './units';

/** Milliseconds since 1970-01-01T00:00:00Z, as a branded number. */
export type Instant = Quantity<'epoch-ms'>;

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parse "2025-03-04T09:30:00Z" or "2025-03-04T10:30+01:00". Invalid calendar dates are refused. */
export function parseInstant(text: string, field = 'instant'): Instant {
  const m = typeof text === 'string' ? ISO_INSTANT.exec(text) : null;
  const invalid = (reason: string) =>
    new NucmedError({ field, code: 'invalid-instant', reason, expected: 'an ISO 8601 instant with offset, e.g. 2025-03-04T09:30:00Z' });
  if (!m) throw invalid(`${JSON.stringify(text)} is not an ISO 8601 instant with a UTC offset`);
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = s === undefined ? 0 : Number(s);
  if (month < 1 || month > 12) throw invalid(`month ${mo} does not exist`);
  if (day < 1 || day > daysInMonth(year, month)) throw invalid(`day ${d} does not exist in ${y}-${mo}`);
  if (hour > 23 || minute > 59 || second > 59) throw invalid(`time ${h}:${mi}${s === undefined ? '' : `:${s}`} does not exist`);
  let offsetMinutes = 0;
  if (zone !== undefined && zone !== 'Z') {
    const oh = Number(zone.slice(1, 3));
    const om = Number(zone.slice(4, 6));
    if (oh > 14 || om > 59) throw invalid(`offset ${zone} does not exist`);
    offsetMinutes = (zone.startsWith('-') ? -1 : 1) * (oh * 60 + om);
  }
  const ms = frac === undefined ? 0 : Math.round(Number(frac) * 1000);
  return (Date.UTC(year, month - 1, day, hour, minute, second, ms) - offsetMinutes * 60_000) as Instant;
}

/** Accept either an already parsed instant or an ISO string. */
export function toInstant(value: Instant | string, field = 'instant'): Instant {
  return typeof value === 'string' ? parseInstant(value, field) : value;
}

/** Signed hours from `from` to `to` (negative when `to` is earlier). */
export function hoursBetween(from: Instant | string, to: Instant | string): Hours {
  return hours((toInstant(to, 'to') - toInstant(from, 'from')) / 3_600_000);
}

export function addHours(instant: Instant | string, h: number): Instant {
  return (toInstant(instant) + h * 3_600_000) as Instant;
}

/** ISO 8601 in UTC with milliseconds, e.g. "2025-03-04T09:30:00.000Z". */
export function formatInstant(instant: Instant): string {
  return new Date(instant).toISOString();
}
