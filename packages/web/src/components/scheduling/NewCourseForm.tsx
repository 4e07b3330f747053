import { useId, useState, type FormEvent } from 'react';
import { schedulingApi, type Regimen } from '../../api/scheduling';
import { ConflictBanner } from './ConflictBanner';
import { formatMBq, isValidDate, todayLocal } from './time';

/** Plan a radioligand course from a regimen; an investigational one takes its protocol's activities. */
export function NewCourseForm({ patientId, regimens, onCreated }: { patientId: string; regimens: Regimen[]; onCreated: () => void }) {
  const id = useId();
  const [regimenId, setRegimenId] = useState(regimens[0]?.id ?? '');
  const [startedOn, setStartedOn] = useState(todayLocal());
  const [risk, setRisk] = useState(false);
  const [activities, setActivities] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const regimen = regimens.find((r) => r.id === regimenId);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const list = activities
      .split(/[,;\s]+/)
      .filter(Boolean)
      .map(Number);
    if (!regimen || !isValidDate(startedOn) || reason.trim().length < 3 || list.some((a) => !(a > 0))) {
      setError(new Error('Choose a regimen, a start date, activities > 0 MBq (or none) and give a reason.'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await schedulingApi.createCourse(patientId, {
        regimenId,
        startedOn,
        kidneyRiskFactors: risk,
        ...(list.length > 0 ? { protocol: { activitiesMBq: list } } : {}),
        reason: reason.trim(),
      });
      setReason('');
      setActivities('');
      onCreated();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card" onSubmit={onSubmit} aria-labelledby={`${id}-title`} noValidate>
      <h3 id={`${id}-title`}>Plan a treatment course</h3>
      <ConflictBanner error={error} context="Course not planned" />
      <fieldset disabled={busy}>
        <div className="form-grid">
          <div className="field">
            <label htmlFor={`${id}-regimen`}>Regimen</label>
            <select
              id={`${id}-regimen`}
              value={regimenId}
              onChange={(e) => setRegimenId(e.target.value)}
              aria-describedby={`${id}-regimen-hint`}
            >
              {regimens.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </select>
            {regimen && (
              <p id={`${id}-regimen-hint`} className="hint">
                {formatMBq(regimen.activityMBq)} every {regimen.intervalWeeks} weeks × {regimen.cycles}
                {regimen.investigational ? ' (investigational: per protocol)' : ''}. {regimen.reference}
              </p>
            )}
          </div>
          <div className="field">
            <label htmlFor={`${id}-start`}>First cycle on</label>
            <input id={`${id}-start`} type="date" value={startedOn} onChange={(e) => setStartedOn(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-activities`}>Activities per cycle (MBq, optional)</label>
            <input
              id={`${id}-activities`}
              value={activities}
              onChange={(e) => setActivities(e.target.value)}
              aria-describedby={`${id}-activities-hint`}
            />
            <p id={`${id}-activities-hint`} className="hint">
              e.g. “1850, 5550”: the last repeats. Approved regimens: reductions only.
            </p>
          </div>
        </div>
        <label className="field-check">
          <input type="checkbox" checked={risk} onChange={(e) => setRisk(e.target.checked)} /> Kidney risk factors (kidney BED limit 28 Gy
          instead of 40 Gy)
        </label>
        <div className="field">
          <label htmlFor={`${id}-reason`}>Reason</label>
          <input id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} />
        </div>
        <button type="submit" className="button-primary">
          {busy ? 'Planning…' : 'Plan course'}
        </button>
      </fieldset>
    </form>
  );
}
