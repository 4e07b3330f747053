import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { schedulingApi, type Booking } from '../../api/scheduling';
import { humanise } from '../../lib/format';
import { ConflictBanner } from './ConflictBanner';
import { formatMBq, localDateTimeOf } from './time';

/** The selected booking, and its cancellation (with a reason, on the version read). */
export function BookingDetails({ booking, canCancel, onChanged }: { booking: Booking; canCancel: boolean; onChanged: () => void }) {
  const id = useId();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function cancel(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await schedulingApi.cancel(booking.id, booking.version, reason.trim());
      setReason('');
      onChanged();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="booking-details">
      <h2 id={`${id}-title`}>
        {humanise(booking.kind)} on {booking.resourceId}
      </h2>
      <dl className="facts">
        <dt>When (Paris)</dt>
        <dd>
          {localDateTimeOf(booking.startsAt)} – {localDateTimeOf(booking.endsAt)}
        </dd>
        <dt>Patient</dt>
        <dd>{booking.patientId ? <Link to={`/patients/${booking.patientId}`}>{booking.pseudonym ?? booking.patientId}</Link> : '—'}</dd>
        <dt>Radiopharmaceutical</dt>
        <dd>{booking.productName ?? booking.productId ?? '—'}</dd>
        <dt>Activity</dt>
        <dd>{formatMBq(booking.activityMBq)}</dd>
        {booking.preparationId && (
          <>
            <dt>Dose from preparation</dt>
            <dd>
              <code>{booking.preparationId.slice(0, 8)}</code>
            </dd>
          </>
        )}
        <dt>Status</dt>
        <dd>{humanise(booking.status)}</dd>
        <dt>Booked by</dt>
        <dd>{booking.createdBy}</dd>
        {booking.note && (
          <>
            <dt>Note</dt>
            <dd>{booking.note}</dd>
          </>
        )}
      </dl>
      {canCancel && booking.status === 'booked' && (
        <form onSubmit={cancel} noValidate>
          <ConflictBanner error={error} context="Not cancelled" />
          <div className="field">
            <label htmlFor={`${id}-reason`}>Reason for cancelling</label>
            <input id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} />
          </div>
          <button type="submit" className="button-danger" disabled={busy || reason.trim().length < 3}>
            Cancel booking
          </button>
        </form>
      )}
    </section>
  );
}
