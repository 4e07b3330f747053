import { useId, useState, type FormEvent } from 'react';
import { schedulingApi, type CycleView, type SchedulingResource } from '../../api/scheduling';
import { useApi } from '../../api/useApi';
import { ConflictBanner } from './ConflictBanner';
import { largestActivityWithin, LimitCheckView } from './LimitCheckView';
import { formatMBq, instantAt, isValidDate } from './time';

/** Who may schedule past a crossed organ-at-risk limit (the server decides; this only explains). */
const OVERRIDERS = ['investigator', 'admin'];

/**
 * Schedule one cycle: the organ-at-risk check at the activity entered is shown as it changes
 * (computed by the server from the stored dosimetry); the shielded room is booked for the stay.
 */
export function ScheduleCycleForm({
  cycle,
  role,
  rooms,
  onDone,
  onCancel,
}: {
  cycle: CycleView;
  role: string;
  rooms: SchedulingResource[];
  onDone: () => void;
  onCancel: () => void;
}) {
  const id = useId();
  const [date, setDate] = useState(cycle.plannedOn);
  const [time, setTime] = useState('09:00');
  const [roomId, setRoomId] = useState('');
  const [stayHours, setStayHours] = useState('24');
  const [activity, setActivity] = useState(String(cycle.prescribedMBq));
  const [overrideReason, setOverrideReason] = useState('');
  const [reason, setReason] = useState(`Cycle ${cycle.cycleNumber}`);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const mbq = Number(activity);
  const check = useApi(mbq > 0 ? `limit:${cycle.id}:${mbq}` : null, (signal) => schedulingApi.limitCheck(cycle.id, mbq, { signal }));
  const exceeds = check.data?.verdict === 'exceeds';
  const mayOverride = OVERRIDERS.includes(role);
  const within = check.data ? largestActivityWithin(check.data) : null;

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!isValidDate(date) || !/^\d{2}:\d{2}$/.test(time) || !(mbq > 0)) {
      setError(new Error('Give a date, a start time and an activity > 0 MBq.'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await schedulingApi.scheduleCycle(cycle.id, {
        version: cycle.version,
        startsAt: instantAt(date, time),
        ...(roomId ? { resourceId: roomId } : {}),
        stayHours: Number(stayHours) || 24,
        ...(mbq !== cycle.prescribedMBq ? { prescribedMBq: mbq } : {}),
        ...(overrideReason.trim() ? { overrideReason: overrideReason.trim() } : {}),
        reason: reason.trim(),
      });
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} aria-labelledby={`${id}-title`} noValidate data-testid="schedule-cycle-form">
      <h4 id={`${id}-title`}>Schedule cycle {cycle.cycleNumber}</h4>
      <ConflictBanner error={error} context="Not scheduled" />
      <fieldset disabled={busy}>
        <div className="form-grid">
          <div className="field">
            <label htmlFor={`${id}-date`}>Admission date</label>
            <input id={`${id}-date`} type="date" value={date} onChange={(e) => setDate(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-time`}>Time (Paris)</label>
            <input id={`${id}-time`} type="time" value={time} onChange={(e) => setTime(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-room`}>Shielded room</label>
            <select id={`${id}-room`} value={roomId} onChange={(e) => setRoomId(e.target.value)}>
              <option value="">First free room</option>
              {rooms.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.id} — {r.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-stay`}>Stay (hours)</label>
            <input id={`${id}-stay`} type="number" min={1} max={120} value={stayHours} onChange={(e) => setStayHours(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-activity`}>Activity (MBq)</label>
            <input id={`${id}-activity`} type="number" min={1} step="any" value={activity} onChange={(e) => setActivity(e.target.value)} />
          </div>
        </div>
        <div aria-live="polite" className="field">
          <span className="small muted">Organ-at-risk check at {formatMBq(mbq > 0 ? mbq : null)}:</span>
          {check.loading && !check.data ? <span className="muted">checking…</span> : <LimitCheckView check={check.data ?? null} />}
          {exceeds && within !== null && within > 0 && (
            <button type="button" className="button-secondary button-small" onClick={() => setActivity(String(within))}>
              Use {formatMBq(within)} (largest within every limit)
            </button>
          )}
        </div>
        {exceeds && (
          <div className="field">
            <label htmlFor={`${id}-override`}>Override reason (to schedule past the limit)</label>
            <textarea
              id={`${id}-override`}
              rows={2}
              value={overrideReason}
              onChange={(e) => setOverrideReason(e.target.value)}
              disabled={!mayOverride}
              aria-describedby={`${id}-override-hint`}
            />
            <p id={`${id}-override-hint`} className="hint">
              {mayOverride
                ? 'Recorded in the audit trail with the check.'
                : 'Only an investigator (the nuclear-medicine physician) may schedule past a limit: reduce the activity, or ask one.'}
            </p>
          </div>
        )}
        <div className="field">
          <label htmlFor={`${id}-reason`}>Reason</label>
          <input id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} />
        </div>
        <div className="form-actions">
          <button type="submit" className="button-primary">
            {busy ? 'Scheduling…' : exceeds && overrideReason.trim() ? 'Schedule with override' : 'Schedule'}
          </button>
          <button type="button" className="button-secondary" onClick={onCancel}>
            Close
          </button>
        </div>
      </fieldset>
    </form>
  );
}
