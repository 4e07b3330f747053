/**
 * Opening hours of a resource, as stored in `resource.opening`:
 *   [{ "weekday": 1-7 (ISO, Monday = 1), "from": "07:30", "to": "19:00" }, …]
 * in the department's local time. "to" may be "24:00"; a resource open round the clock (a
 * shielded room, whose patient stays overnight) lists 00:00–24:00 for every day, and consecutive
 * open periods are merged, so a two-day stay lies inside one open period.
 */
import { addDays, DEPARTMENT_TIME_ZONE, formatLocal, localToInstant, parseLocalTime, toLocal, weekdayOf } from './department-time';
import { SchedulingError } from './errors';

export interface OpeningSlot {
  readonly weekday: number;
  readonly from: string;
  readonly to: string;
}

/** Opening hours checked once: per ISO weekday, sorted [fromMin, toMin) periods. */
export interface OpeningHours {
  readonly byWeekday: readonly (readonly (readonly [number, number])[])[];
  readonly slots: readonly OpeningSlot[];
}

export interface Period {
  readonly startMs: number;
  readonly endMs: number;
}

export function parseOpeningHours(slots: readonly OpeningSlot[], field = 'opening'): OpeningHours {
  if (!Array.isArray(slots))
    throw new SchedulingError({ field, reason: 'opening hours are not a list', expected: '[{ weekday, from, to }]' });
  const byWeekday: [number, number][][] = Array.from({ length: 8 }, () => []);
  slots.forEach((s, i) => {
    if (!Number.isInteger(s?.weekday) || s.weekday < 1 || s.weekday > 7) {
      throw new SchedulingError({
        field: `${field}[${i}].weekday`,
        reason: `${JSON.stringify(s?.weekday)} is not an ISO weekday`,
        expected: '1 (Monday) to 7 (Sunday)',
      });
    }
    const from = parseLocalTime(s.from, `${field}[${i}].from`);
    const to = parseLocalTime(s.to, `${field}[${i}].to`, true);
    if (to <= from)
      throw new SchedulingError({
        field: `${field}[${i}].to`,
        reason: `${s.to} is not after ${s.from}`,
        expected: `a time after ${s.from}`,
      });
    byWeekday[s.weekday]!.push([from, to]);
  });
  for (const day of byWeekday) day.sort((a, b) => a[0] - b[0]);
  return { byWeekday, slots };
}

/**
 * Open periods (UTC instants) of the local dates from `fromDate` to `toDate` inclusive, merged
 * where they touch, generated day by day: a caller that stops at the first fit computes no more
 * days than it needs.
 */
export function* eachOpenPeriod(hours: OpeningHours, fromDate: string, toDate: string, timeZone = DEPARTMENT_TIME_ZONE): Generator<Period> {
  let pending: Period | null = null;
  for (let date = fromDate; date <= toDate; date = addDays(date, 1)) {
    for (const [from, to] of hours.byWeekday[weekdayOf(date)] ?? []) {
      const startMs = localToInstant(date, from, timeZone);
      const endMs = localToInstant(date, to, timeZone);
      if (endMs <= startMs) continue;
      if (pending !== null && startMs <= pending.endMs) pending = { startMs: pending.startMs, endMs: Math.max(pending.endMs, endMs) };
      else {
        if (pending !== null) yield pending;
        pending = { startMs, endMs };
      }
    }
  }
  if (pending !== null) yield pending;
}

/** Open periods (UTC instants) of the local dates from `fromDate` to `toDate` inclusive, merged where they touch. */
export function openPeriods(hours: OpeningHours, fromDate: string, toDate: string, timeZone = DEPARTMENT_TIME_ZONE): Period[] {
  return [...eachOpenPeriod(hours, fromDate, toDate, timeZone)];
}

/** The open period containing [startMs, endMs) whole, or why there is none. */
export function withinOpeningHours(
  hours: OpeningHours,
  startMs: number,
  endMs: number,
  timeZone = DEPARTMENT_TIME_ZONE,
): { ok: true; period: Period } | { ok: false; reason: string } {
  const first = toLocal(startMs, timeZone).date;
  const last = toLocal(endMs - 1, timeZone).date;
  // The common case, a booking inside one day's hours, needs that day only.
  if (first === last) {
    const period = openPeriods(hours, first, first, timeZone).find((p) => p.startMs <= startMs && endMs <= p.endMs);
    if (period) return { ok: true, period };
  }
  // One day either side so that a period running past midnight is merged with its neighbours.
  const periods = openPeriods(hours, addDays(first, -1), addDays(last, 1), timeZone);
  const period = periods.find((p) => p.startMs <= startMs && endMs <= p.endMs);
  if (period) return { ok: true, period };
  const sameDay = periods.filter((p) => toLocal(p.startMs, timeZone).date === first || toLocal(p.endMs - 1, timeZone).date === first);
  const open =
    sameDay.length === 0
      ? 'closed that day'
      : `open ${sameDay.map((p) => `${formatLocal(p.startMs, timeZone).slice(11)}–${formatLocal(p.endMs, timeZone).slice(11)}`).join(', ')}`;
  return {
    ok: false,
    reason: `${formatLocal(startMs, timeZone)}–${formatLocal(endMs, timeZone).slice(11)} is outside opening hours (${first}: ${open}, ${timeZone})`,
  };
}

/** Minutes open between two instants (for utilisation). */
export function openMinutesBetween(hours: OpeningHours, startMs: number, endMs: number, timeZone = DEPARTMENT_TIME_ZONE): number {
  if (endMs <= startMs) return 0;
  const periods = openPeriods(hours, toLocal(startMs, timeZone).date, toLocal(endMs - 1, timeZone).date, timeZone);
  return periods.reduce((s, p) => s + Math.max(0, Math.min(p.endMs, endMs) - Math.max(p.startMs, startMs)), 0) / 60_000;
}
