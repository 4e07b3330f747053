import { useMemo, useRef, type KeyboardEvent } from 'react';
import type { Booking, Calendar } from '../../api/scheduling';
import { humanise } from '../../lib/format';
import { addDays, dayLabel, localDateTimeOf, localDayBounds, localTimeOf } from './time';

export type CalendarView = 'day' | 'week';

interface Column {
  key: string;
  label: string;
  sub: string;
  date: string;
  resourceId: string;
}

const PX_PER_MIN = 1.1;
const KIND_CLASS: Record<string, string> = {
  'pet-scan': 'sc-pet',
  scintigraphy: 'sc-scinti',
  'therapy-admission': 'sc-therapy',
  preparation: 'sc-prep',
  maintenance: 'sc-maint',
};

/** A short line for a booking: who (pseudonym) or what (product) it is for. */
export const bookingTitle = (b: Booking): string =>
  [b.pseudonym ?? (b.kind === 'preparation' ? 'Preparation' : humanise(b.kind)), b.productName ?? b.productId].filter(Boolean).join(' · ');

export const bookingLabel = (b: Booking, resourceName: string): string =>
  `${resourceName}: ${humanise(b.kind)} ${localDateTimeOf(b.startsAt)} to ${localDateTimeOf(b.endsAt)}${b.pseudonym ? `, patient ${b.pseudonym}` : ''}${
    b.productName ? `, ${b.productName}` : ''
  }, ${b.status}`;

/**
 * Day view: one column per resource; week view: one column per day of one resource. Each column
 * is a strip of local time (Europe/Paris) with closed hours hatched and bookings placed by their
 * minutes. Bookings are buttons: Tab walks them in order, the arrow keys move up and down a
 * column and across columns, Home/End jump within a column.
 */
export function ResourceCalendar({
  calendar,
  view,
  date,
  resourceId,
  selectedId,
  onSelect,
}: {
  calendar: Calendar;
  view: CalendarView;
  date: string;
  resourceId?: string;
  selectedId?: string | null;
  onSelect: (b: Booking) => void;
}) {
  const gridRef = useRef<HTMLDivElement>(null);
  const columns: Column[] = useMemo(() => {
    if (view === 'day') return calendar.resources.map((r) => ({ key: r.id, label: r.id, sub: r.name, date, resourceId: r.id }));
    const r = calendar.resources.find((x) => x.id === resourceId) ?? calendar.resources[0];
    if (!r) return [];
    return Array.from({ length: 7 }, (_, i) => addDays(date, i)).map((d) => ({
      key: d,
      label: dayLabel(d),
      sub: r.id,
      date: d,
      resourceId: r.id,
    }));
  }, [calendar, view, date, resourceId]);

  // The window shown: from the earliest opening (or booking) to the latest, in minutes after local midnight.
  const { fromMin, toMin } = useMemo(() => {
    let lo = Infinity;
    let hi = -Infinity;
    for (const c of columns) {
      const day = localDayBounds(c.date);
      const res = calendar.resources.find((r) => r.id === c.resourceId);
      for (const p of [...(res?.openPeriods ?? []), ...(res?.bookings ?? [])]) {
        const s = Math.max(Date.parse(p.startsAt), day.startMs);
        const e = Math.min(Date.parse(p.endsAt), day.endMs);
        if (e <= s) continue;
        lo = Math.min(lo, (s - day.startMs) / 60_000);
        hi = Math.max(hi, (e - day.startMs) / 60_000);
      }
    }
    if (!Number.isFinite(lo)) return { fromMin: 7 * 60, toMin: 19 * 60 };
    return { fromMin: Math.floor(lo / 60) * 60, toMin: Math.ceil(hi / 60) * 60 };
  }, [columns, calendar]);
  const height = (toMin - fromMin) * PX_PER_MIN;
  const hours = Array.from({ length: Math.max(0, (toMin - fromMin) / 60) + 1 }, (_, i) => fromMin + i * 60);

  const place = (c: Column, startsAt: string, endsAt: string) => {
    const day = localDayBounds(c.date);
    const s = Math.max(Date.parse(startsAt), day.startMs);
    const e = Math.min(Date.parse(endsAt), day.endMs);
    if (e <= s) return null;
    const top = Math.max(0, ((s - day.startMs) / 60_000 - fromMin) * PX_PER_MIN);
    const bottom = Math.min(height, ((e - day.startMs) / 60_000 - fromMin) * PX_PER_MIN);
    return bottom > top ? { top, height: Math.max(bottom - top, 14) } : null;
  };

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const target = e.target as HTMLElement;
    const col = target.dataset.col;
    const idx = target.dataset.idx;
    if (col === undefined || idx === undefined) return;
    const grid = gridRef.current;
    if (!grid) return;
    const inCol = (c: string) => [...grid.querySelectorAll<HTMLButtonElement>(`button[data-col="${c}"]`)];
    const here = inCol(col);
    const i = Number(idx);
    let next: HTMLButtonElement | undefined;
    if (e.key === 'ArrowDown') next = here[i + 1];
    else if (e.key === 'ArrowUp') next = here[i - 1];
    else if (e.key === 'Home') next = here[0];
    else if (e.key === 'End') next = here[here.length - 1];
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      const step = e.key === 'ArrowRight' ? 1 : -1;
      const top = target.offsetTop;
      for (let c = Number(col) + step; c >= 0 && c < columns.length; c += step) {
        const candidates = inCol(String(c));
        if (candidates.length === 0) continue;
        next = candidates.reduce((best, b) => (Math.abs(b.offsetTop - top) < Math.abs(best.offsetTop - top) ? b : best));
        break;
      }
    } else return;
    e.preventDefault();
    next?.focus();
  }

  const resourceName = (id: string) => calendar.resources.find((r) => r.id === id)?.name ?? id;

  return (
    <div className="sc-calendar-wrap">
      <p id="sc-keys" className="hint">
        Times are Europe/Paris. Bookings are buttons: Tab moves through them; ↑ ↓ within a column, ← → across columns, Home/End to the first
        and last; Enter opens one. Hatched time is closed.
      </p>
      <div
        ref={gridRef}
        className="sc-calendar"
        role="group"
        aria-label={
          view === 'day'
            ? `Calendar of ${date}, one column per resource`
            : `Week of ${date} for ${columns[0]?.sub ?? ''}, one column per day`
        }
        aria-describedby="sc-keys"
        style={{ gridTemplateColumns: `3.5rem repeat(${columns.length}, minmax(7.5rem, 1fr))` }}
        onKeyDown={onKeyDown}
        data-testid="resource-calendar"
      >
        <div className="sc-corner" aria-hidden="true" />
        {columns.map((c) => (
          <div key={`h-${c.key}`} className="sc-colhead">
            <strong>{c.label}</strong>
            <span className="small muted">{view === 'day' ? resourceName(c.resourceId) : c.sub}</span>
          </div>
        ))}
        <div className="sc-axis" style={{ height }} aria-hidden="true">
          {hours.map((m) => (
            <span key={m} style={{ top: (m - fromMin) * PX_PER_MIN }}>
              {String(Math.floor(m / 60) % 24).padStart(2, '0')}:00
            </span>
          ))}
        </div>
        {columns.map((c, ci) => {
          const res = calendar.resources.find((r) => r.id === c.resourceId);
          const bookings = (res?.bookings ?? [])
            .map((b) => ({ b, pos: place(c, b.startsAt, b.endsAt) }))
            .filter((x): x is { b: Booking; pos: { top: number; height: number } } => x.pos !== null);
          return (
            <div
              key={c.key}
              className="sc-column"
              style={{ height }}
              role="list"
              aria-label={`${c.label} ${view === 'day' ? c.sub : ''}: ${bookings.length} booking(s)`}
            >
              {hours.map((m) => (
                <div key={m} className="sc-hourline" style={{ top: (m - fromMin) * PX_PER_MIN }} aria-hidden="true" />
              ))}
              {(res?.openPeriods ?? []).map((p) => {
                const pos = place(c, p.startsAt, p.endsAt);
                return pos ? (
                  <div key={p.startsAt} className="sc-open" style={{ top: pos.top, height: pos.height }} aria-hidden="true" />
                ) : null;
              })}
              {bookings.map(({ b, pos }, bi) => (
                <div key={b.id} role="listitem" className="sc-slot" style={{ top: pos.top, height: pos.height }}>
                  <button
                    type="button"
                    className={`sc-booking ${KIND_CLASS[b.kind] ?? ''} ${b.status === 'done' ? 'sc-done' : ''} ${selectedId === b.id ? 'sc-selected' : ''}`}
                    aria-label={bookingLabel(b, resourceName(b.resourceId))}
                    aria-pressed={selectedId === b.id}
                    data-col={ci}
                    data-idx={bi}
                    onClick={() => onSelect(b)}
                  >
                    <span className="sc-time">{localTimeOf(b.startsAt)}</span> {bookingTitle(b)}
                  </button>
                </div>
              ))}
            </div>
          );
        })}
      </div>
      <details className="sc-table">
        <summary>The same bookings as a table</summary>
        <table>
          <caption className="visually-hidden">Bookings shown in the calendar</caption>
          <thead>
            <tr>
              <th scope="col">Resource</th>
              <th scope="col">Start</th>
              <th scope="col">End</th>
              <th scope="col">Kind</th>
              <th scope="col">Patient</th>
              <th scope="col">Product</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {calendar.resources
              .filter((r) => columns.some((c) => c.resourceId === r.id))
              .flatMap((r) => r.bookings)
              .map((b) => (
                <tr key={b.id}>
                  <th scope="row">{b.resourceId}</th>
                  <td className="nowrap">{localDateTimeOf(b.startsAt)}</td>
                  <td className="nowrap">{localDateTimeOf(b.endsAt)}</td>
                  <td>{humanise(b.kind)}</td>
                  <td>{b.pseudonym ?? '—'}</td>
                  <td>{b.productName ?? b.productId ?? '—'}</td>
                  <td>{b.status}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
