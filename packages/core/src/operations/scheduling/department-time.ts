/**
 * The department's wall clock. Instants are stored in UTC; opening hours, "today" and planned
 * dates are Europe/Paris local time. The conversion uses the platform's IANA time-zone data
 * through Intl (no dependency), and handles the two daylight-saving days explicitly:
 * - spring forward (last Sunday of March, 02:00 → 03:00): a local time in the gap does not
 *   exist; it is read as the same wall-clock reading before the change, i.e. shifted forward by
 *   the hour (02:30 → 03:30 CEST), as the TC39 Temporal "compatible" disambiguation does;
 * - fall back (last Sunday of October, 03:00 → 02:00): a local time in the repeated hour exists
 *   twice; the earlier instant is taken (again Temporal's "compatible").
 */
import { SchedulingError } from './errors';

export const DEPARTMENT_TIME_ZONE = 'Europe/Paris';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

export interface LocalDateTime {
  /** YYYY-MM-DD */
  readonly date: string;
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  /** ISO weekday: Monday 1 … Sunday 7. */
  readonly weekday: number;
  /** Minutes since local midnight. */
  readonly minuteOfDay: number;
  /** Offset of local time from UTC at that instant, minutes (Paris: 60 or 120). */
  readonly offsetMin: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-GB', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      });
    } catch {
      throw new SchedulingError({
        field: 'timeZone',
        reason: `${JSON.stringify(timeZone)} is not an IANA time zone`,
        expected: 'e.g. Europe/Paris',
      });
    }
    formatters.set(timeZone, f);
  }
  return f;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
export const formatLocalDate = (year: number, month: number, day: number): string => `${pad(year, 4)}-${pad(month)}-${pad(day)}`;

/** ISO weekday (1 = Monday) of a calendar date. */
export function weekdayOf(date: string): number {
  const { year, month, day } = parseLocalDate(date);
  const w = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return w === 0 ? 7 : w;
}

// Offsets change at most at quarter-hour instants (every IANA zone in current use; Paris at 01:00
// UTC), so the offset read by Intl for a quarter hour holds for all of it. Reading Intl once per
// quarter hour, not per call, is what makes a year of bookings cheap to check.
const QUARTER_MS = 15 * MINUTE_MS;
const offsets = new Map<string, number>();

function offsetAt(instantMs: number, timeZone: string): number {
  const bucket = Math.floor(instantMs / QUARTER_MS);
  const key = `${timeZone}|${bucket}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    const t = bucket * QUARTER_MS;
    const parts: Record<string, number> = {};
    for (const p of formatterFor(timeZone).formatToParts(t)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
    const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
    offset = Math.round((asUtc - t) / MINUTE_MS);
    if (offsets.size > 200_000) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}

/** The wall-clock reading of an instant in a time zone. */
export function toLocal(instantMs: number, timeZone = DEPARTMENT_TIME_ZONE): LocalDateTime {
  if (!Number.isFinite(instantMs)) throw new SchedulingError({ field: 'instant', reason: `${instantMs} is not an instant` });
  const offsetMin = offsetAt(instantMs, timeZone);
  // Seconds are dropped: the department's clock has minute resolution.
  const wall = new Date(Math.floor(instantMs / MINUTE_MS) * MINUTE_MS + offsetMin * MINUTE_MS);
  const year = wall.getUTCFullYear();
  const month = wall.getUTCMonth() + 1;
  const day = wall.getUTCDate();
  const hour = wall.getUTCHours();
  const minute = wall.getUTCMinutes();
  const w = wall.getUTCDay();
  return {
    date: formatLocalDate(year, month, day),
    year,
    month,
    day,
    hour,
    minute,
    weekday: w === 0 ? 7 : w,
    minuteOfDay: hour * 60 + minute,
    offsetMin,
  };
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A calendar date YYYY-MM-DD; an impossible date is refused. */
export function parseLocalDate(date: string, field = 'date'): { year: number; month: number; day: number } {
  const m = typeof date === 'string' ? DATE.exec(date) : null;
  const year = Number(m?.[1]);
  const month = Number(m?.[2]);
  const day = Number(m?.[3]);
  const valid = m !== null && month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (!valid) throw new SchedulingError({ field, reason: `${JSON.stringify(date)} is not a calendar date`, expected: 'YYYY-MM-DD' });
  return { year, month, day };
}

const TIME = /^(\d{2}):(\d{2})$/;
/** "HH:MM" → minutes since midnight; "24:00" (end of day) is accepted when `allowEndOfDay`. */
export function parseLocalTime(time: string, field = 'time', allowEndOfDay = false): number {
  const m = typeof time === 'string' ? TIME.exec(time) : null;
  const h = Number(m?.[1]);
  const min = Number(m?.[2]);
  const ok = m !== null && min <= 59 && (h <= 23 || (allowEndOfDay && h === 24 && min === 0));
  if (!ok)
    throw new SchedulingError({
      field,
      reason: `${JSON.stringify(time)} is not a time of day`,
      expected: allowEndOfDay ? 'HH:MM, 00:00 to 24:00' : 'HH:MM, 00:00 to 23:59',
    });
  return h * 60 + min;
}

/** Calendar arithmetic on dates (no clock involved: a day is a day whatever its length). */
export function addDays(date: string, days: number): string {
  const { year, month, day } = parseLocalDate(date);
  const d = new Date(Date.UTC(year, month - 1, day) + days * DAY_MS);
  return formatLocalDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const a = parseLocalDate(from, 'from');
  const b = parseLocalDate(to, 'to');
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / DAY_MS);
}

/**
 * The instant at which the wall clock in `timeZone` reads `date` + `minuteOfDay` (0 … 1440;
 * 1440 is the next midnight). Gaps and repeats are resolved as described at the top.
 */
export function localToInstant(date: string, minuteOfDay: number, timeZone = DEPARTMENT_TIME_ZONE): number {
  const { year, month, day } = parseLocalDate(date);
  if (!(Number.isInteger(minuteOfDay) && minuteOfDay >= 0 && minuteOfDay <= 1440)) {
    throw new SchedulingError({ field: 'minuteOfDay', reason: `${minuteOfDay} is not a minute of the day`, expected: '0 to 1440' });
  }
  if (minuteOfDay === 1440) return localToInstant(addDays(date, 1), 0, timeZone);
  const wall = Date.UTC(year, month - 1, day, Math.floor(minuteOfDay / 60), minuteOfDay % 60);
  // The offsets in force a day before and a day after bracket any single transition.
  const before = toLocal(wall - DAY_MS, timeZone).offsetMin;
  const after = toLocal(wall + DAY_MS, timeZone).offsetMin;
  const candidates = [...new Set([before, after])]
    .map((offset) => wall - offset * MINUTE_MS)
    .filter((t) => {
      const l = toLocal(t, timeZone);
      return l.date === date && l.minuteOfDay === minuteOfDay;
    })
    .sort((a, b) => a - b);
  // Repeated hour: the earlier instant. Gap: the pre-transition offset, i.e. shifted forward.
  return candidates[0] ?? wall - before * MINUTE_MS;
}

/** Local midnight to the next local midnight: 23, 24 or 25 hours. */
export function localDayBounds(date: string, timeZone = DEPARTMENT_TIME_ZONE): { startMs: number; endMs: number } {
  return { startMs: localToInstant(date, 0, timeZone), endMs: localToInstant(addDays(date, 1), 0, timeZone) };
}

/** "HH:MM" of a local minute of day. */
export const formatMinuteOfDay = (m: number): string => `${pad(Math.floor(m / 60))}:${pad(m % 60)}`;

/** "2025-03-04 09:30" in the department's time zone: how reasons show instants to people. */
export function formatLocal(instantMs: number, timeZone = DEPARTMENT_TIME_ZONE): string {
  const l = toLocal(instantMs, timeZone);
  return `${l.date} ${formatMinuteOfDay(l.minuteOfDay)}`;
}
