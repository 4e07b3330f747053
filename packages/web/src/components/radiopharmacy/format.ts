import type { Role } from '@continuum/core';

/** Who prepares, tests, releases and dispenses (the server decides; this only shapes the page). */
export const PREPARERS: readonly Role[] = ['radiopharmacist', 'admin'];

/** The department's clock: times on the board read as the wall clock in the hot lab does. */
export const DEPARTMENT_TIME_ZONE = 'Europe/Paris';

const clock = new Intl.DateTimeFormat('en-GB', { timeZone: DEPARTMENT_TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const dayClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: DEPARTMENT_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "14:05" in Paris time. */
export const formatClock = (iso: string | null | undefined): string => (iso ? clock.format(new Date(iso)) : '—');

/** "2026-03-04 14:05" in Paris time. */
export function formatDayClock(iso: string | null | undefined): string {
  if (!iso) return '—';
  const p: Record<string, string> = {};
  for (const part of dayClock.formatToParts(new Date(iso))) p[part.type] = part.value;
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** Activities as a dose calibrator shows them: whole MBq from 100 MBq up, three figures below; GBq from 10 GBq. */
export function formatMBq(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  if (value >= 10_000) return `${(value / 1000).toLocaleString('en-GB', { maximumFractionDigits: 2 })} GBq`;
  if (value >= 100) return `${Math.round(value).toLocaleString('en-GB')} MBq`;
  return `${value.toPrecision(3)} MBq`;
}

/** Signed deviation, one decimal: "+3.2 %", "−4.0 %". */
export function formatDeviation(pct: number): string {
  const r = Math.round(pct * 10) / 10;
  return `${r > 0 ? '+' : r < 0 ? '−' : ''}${Math.abs(r).toFixed(1)} %`;
}

/** "1 h 04 min 09 s", "12 min 03 s", "2 d 03 h". */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (d > 0) return `${d} d ${pad(h)} h`;
  if (h > 0) return `${h} h ${pad(m)} min ${pad(sec)} s`;
  return `${m} min ${pad(sec)} s`;
}

/** The value of a <input type="datetime-local"> for an instant, in this browser's zone. */
export function toLocalInput(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A datetime-local value (this browser's zone) as an ISO instant with offset, or null when empty/invalid. */
export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** A number typed in a form; null when empty or not a number. */
export function numberOrNull(text: string): number | null {
  if (text.trim() === '') return null;
  const n = Number(text.replace(',', '.'));
  return Number.isFinite(n) ? n : null;
}

export const STATUS_LABEL: Record<string, string> = {
  'in-preparation': 'In preparation',
  'qc-pending': 'QC pending',
  released: 'Released',
  rejected: 'Rejected',
  expired: 'Expired',
  drawn: 'Drawn',
  administered: 'Administered',
  discarded: 'Discarded',
};
