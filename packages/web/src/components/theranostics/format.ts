const PARIS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** An instant in the department's clock (Europe/Paris), "2026-11-02 10:00". */
export function formatParis(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = Object.fromEntries(PARIS.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

export const formatMBq = (mbq: number | null | undefined): string =>
  mbq === null || mbq === undefined ? '—' : `${mbq.toLocaleString('en-GB', { maximumFractionDigits: 1 })} MBq`;
