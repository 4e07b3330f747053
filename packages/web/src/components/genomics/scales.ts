/** Scales for the genomics charts: time (ISO dates → x) and log10 fractions (→ y). */

const DAY_MS = 86_400_000;
export const dayOf = (iso: string): number => Math.floor(Date.parse(iso.slice(0, 10)) / DAY_MS);
export const isoOfDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

export interface TimeScale {
  x: (iso: string) => number;
  xDay: (day: number) => number;
  start: number;
  end: number;
  /** Tick days: first of each year, or of each quarter when the span is short. */
  ticks: number[];
}

export function timeScale(days: readonly number[], left: number, right: number): TimeScale {
  const lo = Math.min(...days);
  const hi = Math.max(...days);
  // A margin of 3 % on each side (at least a week) keeps end points off the axes.
  const pad = Math.max(7, Math.round((hi - lo) * 0.03));
  const start = lo - pad;
  const end = hi + pad;
  const xDay = (day: number) => left + ((day - start) / Math.max(1, end - start)) * (right - left);
  const ticks: number[] = [];
  const first = new Date(start * DAY_MS);
  const months = end - start > 3 * 365 ? 12 : end - start > 365 ? 6 : 3;
  let y = first.getUTCFullYear();
  let m = Math.ceil(first.getUTCMonth() / months) * months;
  for (;;) {
    if (m >= 12) {
      y += Math.floor(m / 12);
      m %= 12;
    }
    const day = Date.UTC(y, m, 1) / DAY_MS;
    if (day > end) break;
    if (day >= start) ticks.push(day);
    m += months;
  }
  return { x: (iso) => xDay(dayOf(iso)), xDay, start, end, ticks };
}

export interface LogScale {
  y: (fraction: number) => number;
  /** Powers of ten from the lowest decade to 1. */
  decades: number[];
  min: number;
}

/** log10 from the decade below the smallest value (never below 0.01 %) to 100 %. */
export function logScale(values: readonly number[], top: number, bottom: number, floor = 0.0001): LogScale {
  const positive = values.filter((v) => v > 0);
  const smallest = positive.length > 0 ? Math.min(...positive) : 0.01;
  const min = Math.max(floor, 10 ** Math.floor(Math.log10(smallest)));
  const lo = Math.log10(min);
  const y = (f: number) => bottom - ((Math.log10(Math.max(min, Math.min(1, f))) - lo) / -lo) * (bottom - top);
  const decades: number[] = [];
  for (let e = Math.round(lo); e <= 0; e++) decades.push(10 ** e);
  return { y, decades, min };
}

/** 0.031 → "3.1 %", 0.0004 → "0.04 %". */
export function percent(f: number): string {
  const p = f * 100;
  return `${p >= 10 ? p.toFixed(0) : p >= 1 ? p.toFixed(1) : p >= 0.1 ? p.toFixed(2) : p.toFixed(3)} %`;
}

/** Eight colours distinguishable by most colour-vision types (Okabe & Ito 2008, plus two darks). */
export const SERIES_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#8C564B'];
/** Past eight series the dash pattern tells lines apart. */
export const SERIES_DASHES = ['', '6 3', '2 3', '8 3 2 3'];
