import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { ResourceKind } from '@continuum/core';
import { schedulingApi, type Booking } from '../api/scheduling';
import { useApi } from '../api/useApi';
import { can, SCHEDULERS } from '../auth/roles';
import { useUser } from '../auth/session';
import { ErrorBanner } from '../components/ErrorBanner';
import { BookingDetails } from '../components/scheduling/BookingDetails';
import { BookingForm } from '../components/scheduling/BookingForm';
import { ResourceCalendar, type CalendarView } from '../components/scheduling/ResourceCalendar';
import '../components/scheduling/scheduling.css';
import { addDays, isValidDate, mondayOf, todayLocal } from '../components/scheduling/time';
import { usePageTitle } from '../lib/usePageTitle';

const KINDS: { value: ResourceKind | ''; label: string }[] = [
  { value: '', label: 'All resources' },
  { value: 'pet-scanner', label: 'PET scanners' },
  { value: 'gamma-camera', label: 'Gamma cameras' },
  { value: 'shielded-room', label: 'Shielded rooms' },
  { value: 'hot-cell', label: 'Hot cells' },
];

/** Resource calendars of the nuclear-medicine department (Europe/Paris), by day or by week, and booking. */
export function SchedulingPage() {
  usePageTitle('Scheduling');
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const view: CalendarView = params.get('view') === 'week' ? 'week' : 'day';
  const rawDate = params.get('date') ?? '';
  const date = isValidDate(rawDate) ? rawDate : todayLocal();
  const kind = (KINDS.find((k) => k.value === params.get('kind'))?.value ?? '') as ResourceKind | '';
  const resourceParam = params.get('resource') ?? '';
  const [selected, setSelected] = useState<Booking | null>(null);

  const set = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };

  const resources = useApi('scheduling-resources', (signal) => schedulingApi.resources({ signal }));
  const products = useApi('scheduling-products', (signal) => schedulingApi.products({ signal }));
  const all = resources.data?.items ?? [];
  const weekResource = all.find((r) => r.id === resourceParam) ?? all.find((r) => !kind || r.kind === kind);
  const from = view === 'week' ? mondayOf(date) : date;
  const to = view === 'week' ? addDays(from, 6) : date;
  const query = view === 'week' ? { from, to, resourceId: weekResource?.id } : { from, to, ...(kind ? { kind } : {}) };
  const key = view === 'week' && !weekResource ? null : `cal:${JSON.stringify(query)}`;
  const calendar = useApi(key, (signal) => schedulingApi.calendar(query, { signal }), { keepPrevious: true });
  const step = view === 'week' ? 7 : 1;
  const preparationsOnly = user.role === 'radiopharmacist';
  const canBook = can(user.role, SCHEDULERS) || preparationsOnly;
  const current = selected ? (calendar.data?.resources.flatMap((r) => r.bookings).find((b) => b.id === selected.id) ?? selected) : null;

  return (
    <section aria-labelledby="scheduling-title">
      <h1 id="scheduling-title">Scheduling</h1>
      <p className="lead">PET scanners, gamma cameras, shielded rooms and hot cells. Times are Europe/Paris.</p>
      <form className="sc-toolbar" onSubmit={(e) => e.preventDefault()} aria-label="Calendar controls">
        <fieldset className="segmented">
          <legend className="visually-hidden">View</legend>
          {(['day', 'week'] as const).map((v) => (
            <label key={v} className="segment">
              <input type="radio" name="sc-view" value={v} checked={view === v} onChange={() => set({ view: v === 'day' ? null : v })} />
              {v === 'day' ? 'Day' : 'Week'}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="sc-date">Date</label>
          <input id="sc-date" type="date" value={date} onChange={(e) => isValidDate(e.target.value) && set({ date: e.target.value })} />
        </div>
        <button type="button" className="button-secondary" onClick={() => set({ date: addDays(date, -step) })}>
          ← Previous {view}
        </button>
        <button type="button" className="button-secondary" onClick={() => set({ date: null })}>
          Today
        </button>
        <button type="button" className="button-secondary" onClick={() => set({ date: addDays(date, step) })}>
          Next {view} →
        </button>
        {view === 'day' ? (
          <div className="field">
            <label htmlFor="sc-kind">Resources</label>
            <select id="sc-kind" value={kind} onChange={(e) => set({ kind: e.target.value || null })}>
              {KINDS.map((k) => (
                <option key={k.value} value={k.value}>
                  {k.label}
                </option>
              ))}
            </select>
          </div>
        ) : (
          <div className="field">
            <label htmlFor="sc-resource">Resource</label>
            <select id="sc-resource" value={weekResource?.id ?? ''} onChange={(e) => set({ resource: e.target.value })}>
              {all.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.id} — {r.name}
                </option>
              ))}
            </select>
          </div>
        )}
      </form>
      <ErrorBanner error={resources.error ?? calendar.error} context="Could not load the calendar" onRetry={calendar.reload} />
      <div className="sc-layout">
        <div aria-busy={calendar.loading || undefined}>
          {calendar.data ? (
            <ResourceCalendar
              calendar={calendar.data}
              view={view}
              date={from}
              resourceId={weekResource?.id}
              selectedId={current?.id ?? null}
              onSelect={setSelected}
            />
          ) : (
            <p className="muted">Loading the calendar…</p>
          )}
        </div>
        <div>
          {current && (
            <BookingDetails
              booking={current}
              canCancel={can(user.role, SCHEDULERS) || (preparationsOnly && current.kind === 'preparation')}
              onChanged={calendar.reload}
            />
          )}
          {canBook && resources.data && products.data && (
            <BookingForm
              resources={all}
              products={products.data.items}
              defaultDate={date}
              preparationsOnly={preparationsOnly}
              onBooked={(b) => {
                setSelected(b);
                calendar.reload();
              }}
            />
          )}
        </div>
      </div>
    </section>
  );
}
