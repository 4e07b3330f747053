/**
 * "Today" is the department's day, Europe/Paris, while instants are stored in UTC: the board
 * of 00:30 Paris time in summer shows the preparations of that Paris day, not of the UTC day.
 */
export const DEPARTMENT_TIME_ZONE = 'Europe/Paris';

const fmt = new Intl.DateTimeFormat('en-CA', {
  timeZone: DEPARTMENT_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

function wallClock(ms: number): { date: string; asUtcMs: number } {
  const p: Record<string, string> = {};
  for (const part of fmt.formatToParts(ms)) p[part.type] = part.value;
  const date = `${p.year}-${p.month}-${p.day}`;
  return { date, asUtcMs: Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute)) };
}

/** Minutes the Paris clock is ahead of UTC at `ms` (60 or 120). */
const offsetMin = (ms: number) => Math.round((wallClock(ms).asUtcMs - Math.floor(ms / 60_000) * 60_000) / 60_000);

/** The Paris date of an instant, YYYY-MM-DD. */
export const departmentDate = (at: Date): string => wallClock(at.getTime()).date;

/** The UTC instants of the Paris midnights that open and close `date` (23 to 25 hours apart). */
export function departmentDayBounds(date: string): { start: Date; end: Date } {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const midnight = (day: number) => {
    const wall = Date.UTC(y, m - 1, day);
    // Midnight is never inside a Paris DST transition (they happen at 02:00/03:00), so one correction suffices.
    const guess = wall - offsetMin(wall) * 60_000;
    return new Date(wall - offsetMin(guess) * 60_000);
  };
  return { start: midnight(d), end: midnight(d + 1) };
}
