/**
 * How much of its open time each resource is booked, per local calendar month: booked minutes
 * (bookings clipped to the month and to the open periods) over open minutes.
 */
import { addDays, DEPARTMENT_TIME_ZONE, formatLocalDate, localToInstant, parseLocalDate } from './department-time';
import type { Booking, SchedulingResource } from './model';
import { openPeriods, type Period } from './opening-hours';

export interface MonthlyUtilisation {
  readonly resourceId: string;
  /** YYYY-MM, local. */
  readonly month: string;
  readonly openMinutes: number;
  readonly bookedMinutes: number;
  readonly bookings: number;
  /** bookedMinutes / openMinutes (0 when the resource never opened). */
  readonly fraction: number;
}

const overlapMs = (a: Period, startMs: number, endMs: number) => Math.max(0, Math.min(a.endMs, endMs) - Math.max(a.startMs, startMs));

/** Months from the month of `fromDate` to the month of `toDate`, inclusive. */
function monthsBetween(fromDate: string, toDate: string): { month: string; first: string; next: string }[] {
  const a = parseLocalDate(fromDate, 'fromDate');
  const b = parseLocalDate(toDate, 'toDate');
  const out: { month: string; first: string; next: string }[] = [];
  for (let y = a.year, m = a.month; y < b.year || (y === b.year && m <= b.month); m === 12 ? (y++, (m = 1)) : m++) {
    const first = formatLocalDate(y, m, 1);
    out.push({ month: first.slice(0, 7), first, next: m === 12 ? formatLocalDate(y + 1, 1, 1) : formatLocalDate(y, m + 1, 1) });
  }
  return out;
}

export function utilisationByMonth(input: {
  resources: readonly SchedulingResource[];
  bookings: Iterable<Booking>;
  fromDate: string;
  toDate: string;
  timeZone?: string;
}): MonthlyUtilisation[] {
  const tz = input.timeZone ?? DEPARTMENT_TIME_ZONE;
  const months = monthsBetween(input.fromDate, input.toDate);
  const bounds = months.map((m) => ({ ...m, startMs: localToInstant(m.first, 0, tz), endMs: localToInstant(m.next, 0, tz) }));
  const byResource = new Map<string, Booking[]>();
  for (const b of input.bookings) {
    const list = byResource.get(b.resourceId);
    if (list) list.push(b);
    else byResource.set(b.resourceId, [b]);
  }
  const out: MonthlyUtilisation[] = [];
  for (const r of input.resources) {
    const bookings = byResource.get(r.id) ?? [];
    for (const m of bounds) {
      const periods = openPeriods(r.opening, m.first, addDays(m.next, -1), tz)
        .map((p) => ({ startMs: Math.max(p.startMs, m.startMs), endMs: Math.min(p.endMs, m.endMs) }))
        .filter((p) => p.endMs > p.startMs);
      const openMs = periods.reduce((s, p) => s + (p.endMs - p.startMs), 0);
      let bookedMs = 0;
      let count = 0;
      for (const b of bookings) {
        if (b.endsAtMs <= m.startMs || b.startsAtMs >= m.endMs) continue;
        if (b.startsAtMs >= m.startMs) count++;
        for (const p of periods) bookedMs += overlapMs(p, b.startsAtMs, b.endsAtMs);
      }
      out.push({
        resourceId: r.id,
        month: m.month,
        openMinutes: openMs / 60_000,
        bookedMinutes: bookedMs / 60_000,
        bookings: count,
        fraction: openMs > 0 ? bookedMs / openMs : 0,
      });
    }
  }
  return out;
}
