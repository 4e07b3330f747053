import { useId, useState, type FormEvent } from 'react';
import type { BookingKind, ResourceKind } from '@continuum/core';
import { ApiError, isApiError } from '../../api/client';
import { api } from '../../api/endpoints';
import { schedulingApi, type Booking, type ProductOption, type SchedulingResource } from '../../api/scheduling';
import { humanise } from '../../lib/format';
import { ConflictBanner } from './ConflictBanner';
import { instantAt, isValidDate, localDateOf, localTimeOf } from './time';

const KINDS_FOR: Record<ResourceKind, BookingKind[]> = {
  'pet-scanner': ['pet-scan', 'maintenance'],
  'gamma-camera': ['scintigraphy', 'maintenance'],
  'shielded-room': ['therapy-admission', 'maintenance'],
  'hot-cell': ['preparation', 'maintenance'],
};
const NEEDS_PATIENT = new Set<BookingKind>(['pet-scan', 'scintigraphy', 'therapy-admission']);
const DEFAULT_MIN: Record<BookingKind, number> = {
  'pet-scan': 20,
  scintigraphy: 30,
  'therapy-admission': 24 * 60,
  preparation: 45,
  maintenance: 60,
};

const productsFor = (kind: BookingKind, products: ProductOption[]) =>
  products.filter((p) =>
    kind === 'pet-scan'
      ? ['F-18', 'Ga-68'].includes(p.nuclide)
      : kind === 'scintigraphy'
        ? !['F-18', 'Ga-68'].includes(p.nuclide)
        : kind === 'therapy-admission'
          ? p.purpose === 'therapeutic'
          : true,
  );

/**
 * Book a resource. The server checks everything (opening hours in Europe/Paris, the resource,
 * the patient, the Ga-68 preparation window) and a refusal lists its reasons here; "next free
 * slot" asks the server for the first gap on the resource's kind.
 */
export function BookingForm({
  resources,
  products,
  defaultDate,
  preparationsOnly,
  onBooked,
}: {
  resources: SchedulingResource[];
  products: ProductOption[];
  defaultDate: string;
  preparationsOnly: boolean;
  onBooked: (b: Booking) => void;
}) {
  const id = useId();
  const usable = resources.filter((r) => r.active && (!preparationsOnly || r.kind === 'hot-cell'));
  const [resourceId, setResourceId] = useState(usable[0]?.id ?? '');
  const resource = usable.find((r) => r.id === resourceId);
  const kinds = resource ? KINDS_FOR[resource.kind].filter((k) => !preparationsOnly || k === 'preparation') : [];
  const [kind, setKind] = useState<BookingKind>(kinds[0] ?? 'pet-scan');
  const effectiveKind = kinds.includes(kind) ? kind : (kinds[0] ?? kind);
  const [pseudonym, setPseudonym] = useState('');
  const [productId, setProductId] = useState('');
  const [date, setDate] = useState(defaultDate);
  const [time, setTime] = useState('09:00');
  const [durationMin, setDurationMin] = useState(String(DEFAULT_MIN[effectiveKind]));
  const [activity, setActivity] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Booking | null>(null);
  const [slotNote, setSlotNote] = useState<string | null>(null);

  const productOptions = productsFor(effectiveKind, products);

  function chooseResource(next: string) {
    setResourceId(next);
    const r = usable.find((x) => x.id === next);
    const k = r ? KINDS_FOR[r.kind].filter((x) => !preparationsOnly || x === 'preparation')[0] : undefined;
    if (k) {
      setKind(k);
      setDurationMin(String(DEFAULT_MIN[k]));
    }
  }

  async function findSlot() {
    if (!resource || !isValidDate(date)) return;
    setSlotNote(null);
    try {
      const r = await schedulingApi.nextSlot({
        kind: resource.kind,
        durationMin: Number(durationMin) || DEFAULT_MIN[effectiveKind],
        notBefore: instantAt(date, time || '00:00'),
      });
      if (!r.slot) {
        setSlotNote(`No free slot on a ${humanise(resource.kind).toLowerCase()} within ${r.horizonDays} days.`);
        return;
      }
      setResourceId(r.slot.resourceId);
      setDate(localDateOf(r.slot.startsAt));
      setTime(localTimeOf(r.slot.startsAt));
      setSlotNote(`Next free slot: ${r.slot.resourceId} on ${localDateOf(r.slot.startsAt)} at ${localTimeOf(r.slot.startsAt)}.`);
    } catch (e) {
      setError(e);
    }
  }

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setDone(null);
    const problems: Record<string, string> = {};
    if (!resource) problems.resourceId = 'Choose a resource.';
    if (!isValidDate(date)) problems.startsAt = 'Give a date.';
    if (!/^\d{2}:\d{2}$/.test(time)) problems.startsAt = 'Give a start time (HH:MM).';
    const minutes = Number(durationMin);
    if (!(minutes >= 5)) problems.endsAt = 'At least 5 minutes.';
    if (NEEDS_PATIENT.has(effectiveKind) && !pseudonym.trim()) problems.patientId = 'This booking is for a patient: give the pseudonym.';
    if ((effectiveKind === 'pet-scan' || effectiveKind === 'preparation') && !productId)
      problems.productId = 'Choose the radiopharmaceutical.';
    if (activity && !(Number(activity) > 0)) problems.activityMBq = 'An activity > 0 MBq, or leave it empty.';
    setFieldErrors(problems);
    if (Object.keys(problems).length > 0) {
      setError(null);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      let patientId: string | null = null;
      if (NEEDS_PATIENT.has(effectiveKind)) {
        const found = await api.patients({ q: pseudonym.trim(), pageSize: 10 });
        const match = found.items.find((p) => p.pseudonym.toLowerCase() === pseudonym.trim().toLowerCase());
        if (!match) {
          setFieldErrors({ patientId: `No patient with the pseudonym ${pseudonym.trim()}.` });
          return;
        }
        patientId = match.id;
      }
      const startsAt = instantAt(date, time);
      const booked = await schedulingApi.book({
        resourceId,
        kind: effectiveKind,
        patientId,
        productId: productId || null,
        startsAt,
        endsAt: new Date(Date.parse(startsAt) + minutes * 60_000).toISOString(),
        activityMBq: activity ? Number(activity) : null,
        note: note.trim() || null,
      });
      setDone(booked);
      onBooked(booked);
    } catch (err) {
      setError(err);
      if (isApiError(err) && err.status === 400) {
        setFieldErrors(Object.fromEntries(err.errors.map((x) => [x.path.replace(/^body\./, ''), x.message])));
      }
    } finally {
      setBusy(false);
    }
  }

  const fieldError = (name: string) =>
    fieldErrors[name] ? (
      <p id={`${id}-${name}-error`} className="field-error">
        {fieldErrors[name]}
      </p>
    ) : null;
  const described = (name: string, hint?: string) =>
    [hint, fieldErrors[name] ? `${id}-${name}-error` : ''].filter(Boolean).join(' ') || undefined;

  return (
    <form className="card" onSubmit={onSubmit} aria-labelledby={`${id}-title`} noValidate data-testid="booking-form">
      <h2 id={`${id}-title`}>{preparationsOnly ? 'Book a preparation' : 'Book a resource'}</h2>
      {done && (
        <p className="banner banner-success" role="status">
          Booked: {done.resourceId} on {localDateOf(done.startsAt)} at {localTimeOf(done.startsAt)}
          {done.preparationId ? `, dose from preparation ${done.preparationId.slice(0, 8)}` : ''}.
        </p>
      )}
      <ConflictBanner
        error={error instanceof ApiError && error.status === 400 && Object.keys(fieldErrors).length > 0 ? null : error}
        context="Booking refused"
      />
      <fieldset disabled={busy}>
        <div className="form-grid">
          <div className="field">
            <label htmlFor={`${id}-resource`}>Resource</label>
            <select
              id={`${id}-resource`}
              value={resourceId}
              onChange={(e) => chooseResource(e.target.value)}
              aria-describedby={described('resourceId')}
            >
              {usable.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.id} — {r.name}
                </option>
              ))}
            </select>
            {fieldError('resourceId')}
          </div>
          <div className="field">
            <label htmlFor={`${id}-kind`}>Kind</label>
            <select
              id={`${id}-kind`}
              value={effectiveKind}
              onChange={(e) => {
                const k = e.target.value as BookingKind;
                setKind(k);
                setDurationMin(String(DEFAULT_MIN[k]));
              }}
            >
              {kinds.map((k) => (
                <option key={k} value={k}>
                  {humanise(k)}
                </option>
              ))}
            </select>
          </div>
          {NEEDS_PATIENT.has(effectiveKind) && (
            <div className="field">
              <label htmlFor={`${id}-patient`}>Patient pseudonym</label>
              <input
                id={`${id}-patient`}
                value={pseudonym}
                onChange={(e) => setPseudonym(e.target.value)}
                spellCheck={false}
                autoComplete="off"
                aria-invalid={Boolean(fieldErrors.patientId) || undefined}
                aria-describedby={described('patientId')}
              />
              {fieldError('patientId')}
            </div>
          )}
          <div className="field">
            <label htmlFor={`${id}-product`}>Radiopharmaceutical</label>
            <select
              id={`${id}-product`}
              value={productId}
              onChange={(e) => setProductId(e.target.value)}
              aria-invalid={Boolean(fieldErrors.productId) || undefined}
              aria-describedby={described('productId')}
            >
              <option value="">{effectiveKind === 'pet-scan' || effectiveKind === 'preparation' ? 'Choose…' : 'None'}</option>
              {productOptions.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
            {fieldError('productId')}
          </div>
        </div>
        <div className="form-grid">
          <div className="field">
            <label htmlFor={`${id}-date`}>Date</label>
            <input
              id={`${id}-date`}
              type="date"
              value={date}
              onChange={(e) => setDate(e.target.value)}
              aria-describedby={described('startsAt')}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-time`}>Start (Paris time)</label>
            <input
              id={`${id}-time`}
              type="time"
              value={time}
              onChange={(e) => setTime(e.target.value)}
              aria-invalid={Boolean(fieldErrors.startsAt) || undefined}
              aria-describedby={described('startsAt')}
            />
            {fieldError('startsAt')}
          </div>
          <div className="field">
            <label htmlFor={`${id}-duration`}>Duration (min)</label>
            <input
              id={`${id}-duration`}
              type="number"
              min={5}
              step={5}
              value={durationMin}
              onChange={(e) => setDurationMin(e.target.value)}
              aria-describedby={described('endsAt')}
            />
            {fieldError('endsAt')}
          </div>
          <div className="field">
            <label htmlFor={`${id}-activity`}>Activity (MBq)</label>
            <input
              id={`${id}-activity`}
              type="number"
              min={0}
              step="any"
              value={activity}
              onChange={(e) => setActivity(e.target.value)}
              aria-describedby={described('activityMBq', `${id}-activity-hint`)}
            />
            <p id={`${id}-activity-hint`} className="hint">
              {effectiveKind === 'preparation' ? 'Expected at end of synthesis.' : 'Prescribed at injection.'}
            </p>
            {fieldError('activityMBq')}
          </div>
        </div>
        <div className="field">
          <label htmlFor={`${id}-note`}>Note</label>
          <input id={`${id}-note`} value={note} onChange={(e) => setNote(e.target.value)} />
        </div>
        {slotNote && (
          <p className="hint" role="status">
            {slotNote}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button-primary">
            {busy ? 'Booking…' : 'Book'}
          </button>
          <button type="button" className="button-secondary" onClick={findSlot}>
            Next free slot
          </button>
        </div>
      </fieldset>
    </form>
  );
}
