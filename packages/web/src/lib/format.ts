/** Shown wherever a value is absent, so "missing" never looks like zero or "no". */
export const MISSING = '—';

/** Dates as ISO YYYY-MM-DD: unambiguous for a team that mixes French and English habits. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return MISSING;
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toISOString().slice(0, 10);
}

/** Audit and provenance instants, always in UTC so two readers in different zones agree. */
export function formatInstantUtc(iso: string | null | undefined): string {
  if (!iso) return MISSING;
  // A date-only fact (a biopsy day) must not gain an invented midnight.
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** A fraction 0..1 as a percentage, e.g. 0.123 → "12.3 %". */
export function formatPercent(fraction: number | null | undefined, digits = 1): string {
  if (fraction === null || fraction === undefined || Number.isNaN(fraction)) return MISSING;
  return `${(fraction * 100).toFixed(digits)} %`;
}

export function formatNumber(value: number | null | undefined, maxDigits = 2): string {
  if (value === null || value === undefined || Number.isNaN(value)) return MISSING;
  return value.toLocaleString('en-GB', { maximumFractionDigits: maxDigits });
}

/** "closed-to-accrual" → "Closed to accrual"; codes stay codes elsewhere. */
export function humanise(code: string | null | undefined): string {
  if (!code) return MISSING;
  const words = code.replace(/[-_]/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Sort key for ISO strings that may be dates or instants. */
export function timeOf(iso: string | null | undefined): number {
  if (!iso) return Number.NaN;
  return new Date(iso).getTime();
}
