import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError, isApiError, problemSummary } from '../../api/client';
import { mtbApi, type MeetingDetail } from '../../api/mtb';
import { useApi } from '../../api/useApi';
import { useUser } from '../../auth/session';

const FIELDS = ['title', 'scheduledAt', 'chairId', 'reason'];

/** Schedules a meeting; the chair is the account that will sign its cases. */
export function MeetingForm({ onCreated }: { onCreated: (m: MeetingDetail) => void }) {
  const id = useId();
  const user = useUser();
  const chairs = useApi('mtb-chairs', (signal) => mtbApi.chairs({ signal }));
  const [title, setTitle] = useState('Molecular Tumour Board');
  const [when, setWhen] = useState('');
  const [chairId, setChairId] = useState('');
  const [reason, setReason] = useState('Weekly board');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const chair = chairId || chairs.data?.items.find((c) => c.id === user.id)?.id || '';

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    // datetime-local is the user's local time; the server stores an instant.
    const at = when ? new Date(when) : null;
    if (!at || Number.isNaN(at.getTime()) || !chair) {
      setError(
        new ApiError({
          status: 0,
          title: 'Please complete the form',
          errors: [
            ...(!at || Number.isNaN(at.getTime()) ? [{ path: 'body.scheduledAt', message: 'Give the date and time.' }] : []),
            ...(!chair ? [{ path: 'body.chairId', message: 'Choose the chair.' }] : []),
          ],
        }),
      );
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onCreated(await mtbApi.createMeeting({ title: title.trim(), scheduledAt: at.toISOString(), chairId: chair, reason: reason.trim() }));
    } catch (err) {
      setError(isApiError(err) ? err : new ApiError({ status: 0, title: String(err) }));
    } finally {
      setBusy(false);
    }
  }

  const msg = (f: string) => error?.fieldMessage(f);
  return (
    <form className="card" onSubmit={onSubmit} aria-labelledby={`${id}-title`} noValidate>
      <h2 id={`${id}-title`}>Schedule a meeting</h2>
      {error && (
        <div className="banner banner-error" role="alert">
          <p className="banner-title">{problemSummary(error, FIELDS)}</p>
        </div>
      )}
      <fieldset disabled={busy}>
        <div className="form-grid">
          {(
            [
              ['title', 'Title', <input key="i" id={`${id}-title-input`} value={title} onChange={(e) => setTitle(e.target.value)} />],
              [
                'scheduledAt',
                'Date and time (your time zone)',
                <input
                  key="i"
                  id={`${id}-scheduledAt-input`}
                  type="datetime-local"
                  value={when}
                  onChange={(e) => setWhen(e.target.value)}
                />,
              ],
              [
                'chairId',
                'Chair (signs the cases)',
                <select key="i" id={`${id}-chairId-input`} value={chair} onChange={(e) => setChairId(e.target.value)}>
                  <option value="">Choose…</option>
                  {(chairs.data?.items ?? []).map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.displayName} ({c.username}, {c.role})
                    </option>
                  ))}
                </select>,
              ],
              [
                'reason',
                'Reason (audit trail)',
                <input key="i" id={`${id}-reason-input`} value={reason} onChange={(e) => setReason(e.target.value)} />,
              ],
            ] as const
          ).map(([field, label, control]) => (
            <div className="field" key={field}>
              <label htmlFor={`${id}-${field}-input`}>{label}</label>
              {control}
              {msg(field) && <p className="field-error">{msg(field)}</p>}
            </div>
          ))}
        </div>
        <button type="submit" className="button-primary">
          {busy ? 'Scheduling…' : 'Schedule the meeting'}
        </button>
      </fieldset>
    </form>
  );
}
