/**
 * The department's clock in the browser: every time shown or typed on the scheduling pages is
 * Europe/Paris local time, whatever the reader's own zone — the same pure helpers the server's
 * rules use (core's department-time, Intl underneath).
 */
import {
  addDays,
  DEPARTMENT_TIME_ZONE,
  formatMinuteOfDay,
  localDayBounds,
  localToInstant,
  parseLocalTime,
  toLocal,
  weekdayOf,
} from '@continuum/core/operations/scheduling/department-time';

export { addDays, DEPARTMENT_TIME_ZONE, localDayBounds, weekdayOf };

export const localDateOf = (iso: string): string => toLocal(Date.parse(iso)).date;
export const localTimeOf = (iso: string): string => formatMinuteOfDay(toLocal(Date.parse(iso)).minuteOfDay);
export const localDateTimeOf = (iso: string): string => `${localDateOf(iso)} ${localTimeOf(iso)}`;
export const todayLocal = (): string => toLocal(Date.now()).date;

/** "2026-03-02" + "09:30" (Paris) → ISO instant in UTC. */
export function instantAt(date: string, hhmm: string): string {
  return new Date(localToInstant(date, parseLocalTime(hhmm))).toISOString();
}

/** The Monday of the week of a date. */
export const mondayOf = (date: string): string => addDays(date, 1 - weekdayOf(date));

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
export const dayLabel = (date: string): string => `${WEEKDAYS[weekdayOf(date) - 1]} ${date.slice(8, 10)}/${date.slice(5, 7)}`;

export const formatMBq = (v: number | null | undefined): string =>
  v === null || v === undefined
    ? '—'
    : v >= 1000
      ? `${(v / 1000).toLocaleString('en-GB', { maximumFractionDigits: 2 })} GBq`
      : `${Math.round(v)} MBq`;

export const isValidDate = (d: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(d));
