/** Numeric comparisons and calendar arithmetic shared by the leaf evaluators. */
import type { Comparator } from './criteria';
import { COMPARATORS } from './criteria';

export function compare(value: number, op: Comparator, threshold: number): boolean {
  switch (op) {
    case '>=':
      return value >= threshold;
    case '>':
      return value > threshold;
    case '<=':
      return value <= threshold;
    case '<':
      return value < threshold;
    case '==':
      return value === threshold;
  }
}

/** The comparator that holds exactly when `op` does not: what `not` of a numeric leaf means. */
export function complement(op: Comparator): Comparator | undefined {
  const map: Partial<Record<Comparator, Comparator>> = { '>=': '<', '>': '<=', '<=': '>', '<': '>=' };
  return map[op];
}

/** Within `fraction` of the threshold (relative), so a repeat measurement could flip it. */
export function isBorderline(value: number, threshold: number, fraction: number): boolean {
  if (threshold === 0) return value === 0;
  return Math.abs(value - threshold) <= Math.abs(threshold) * fraction;
}

/** Parses "≥18", ">= 18", "<.5", "==40" into a comparator and a number; undefined if malformed. */
export function parseComparison(text: string): { op: Comparator; value: number } | undefined {
  const m = /^\s*(>=|<=|==|>|<|=|≥|≤)\s*(\d+(?:\.\d*)?|\.\d+)\s*$/.exec(text);
  if (!m) return undefined;
  const symbol = m[1]!;
  const op = (symbol === '≥' ? '>=' : symbol === '≤' ? '<=' : symbol === '=' ? '==' : symbol) as Comparator;
  if (!COMPARATORS.includes(op)) return undefined;
  return { op, value: Number(m[2]) };
}

export function formatComparison(op: Comparator, value: number): string {
  const symbol = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '==': '=' }[op];
  return `${symbol} ${value}`;
}

/** A calendar date as [year, month 1-12, day]; accepts ISO dates and instants. */
export function dateParts(iso: string): [number, number, number] | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return undefined;
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** yyyymmdd as a number, which orders like the date. */
export function dateKey(parts: [number, number, number]): number {
  return parts[0] * 10000 + parts[1] * 100 + parts[2];
}

/**
 * `date` moved back by whole years and months, clamping the day to the target month's length
 * (29 Feb minus one year is 28 Feb), as calendar libraries do.
 */
export function minusYearsMonths(date: [number, number, number], years: number, months: number): [number, number, number] {
  const total = date[0] * 12 + (date[1] - 1) - years * 12 - months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return [year, month, Math.min(date[2], lastDay)];
}

/** Whole days from `from` to `to` (both ISO dates or instants; only the date part counts). */
export function daysBetween(from: string, to: string): number | undefined {
  const a = dateParts(from);
  const b = dateParts(to);
  if (!a || !b) return undefined;
  return Math.round((Date.UTC(b[0], b[1] - 1, b[2]) - Date.UTC(a[0], a[1] - 1, a[2])) / 86_400_000);
}

/** Years and months of a CTML age: 0.5 → 0 years 6 months (months rounded to the nearest). */
export function splitYears(years: number): { years: number; months: number } {
  const whole = Math.floor(years);
  let months = Math.round((years - whole) * 12);
  let y = whole;
  if (months === 12) {
    y += 1;
    months = 0;
  }
  return { years: y, months };
}
