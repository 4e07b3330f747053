import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError, isApiError, problemSummary } from '../../api/client';
import { genomicsApi, MECHANISM_LABELS, type AcquiredAlteration, type Mechanism } from '../../api/genomics';

const MECHANISMS: Mechanism[] = ['on_target', 'bypass', 'lineage', 'reversion'];
const FIELDS = ['decision', 'mechanism', 'note', 'alterationId', 'therapyLineId'];

interface Props {
  patientId: string;
  acquired: AcquiredAlteration;
  onSaved: (message: string) => void;
  onCancel: () => void;
}

/**
 * The MTB's decision on one classification: confirm it (with the mechanism as confirmed, which
 * may differ from the suggestion) or reject it, and why — the note is the audit entry's reason.
 */
export function ReviewForm({ patientId, acquired, onSaved, onCancel }: Props) {
  const id = useId();
  const existing = acquired.review;
  const suggested = acquired.mechanism === 'unclassified' ? undefined : acquired.mechanism;
  const [decision, setDecision] = useState<'confirmed' | 'rejected'>(existing?.decision ?? (suggested ? 'confirmed' : 'rejected'));
  const [mechanism, setMechanism] = useState<Mechanism | ''>(existing?.mechanism ?? suggested ?? '');
  const [note, setNote] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const missing = [
      ...(decision === 'confirmed' && !mechanism ? [{ path: 'body.mechanism', message: 'Choose the mechanism you confirm.' }] : []),
      ...(note.trim().length < 3 ? [{ path: 'body.note', message: 'Say why (at least 3 characters): it goes to the audit trail.' }] : []),
    ];
    if (missing.length > 0) {
      setError(new ApiError({ status: 0, title: 'Please complete the form', errors: missing }));
      return;
    }
    const body = { decision, ...(decision === 'confirmed' && mechanism ? { mechanism } : {}), note: note.trim() };
    setBusy(true);
    setError(null);
    try {
      if (existing) await genomicsApi.updateReview(patientId, existing.id, { ...body, version: existing.version });
      else
        await genomicsApi.createReview(patientId, {
          ...body,
          alterationId: acquired.alterationId,
          therapyLineId: acquired.attribution.lineId,
        });
      onSaved(`${acquired.label}: classification ${decision === 'confirmed' ? 'confirmed' : 'rejected'}.`);
    } catch (err) {
      setError(isApiError(err) ? err : new ApiError({ status: 0, title: String(err) }));
    } finally {
      setBusy(false);
    }
  }

  const fieldError = (f: string) => error?.fieldMessage(f);
  return (
    <form className="review-form" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-legend`} data-testid="review-form">
      <p id={`${id}-legend`} className="review-form-title">
        Review the classification of <strong>{acquired.label}</strong>
      </p>
      {error && (
        <div className="banner banner-error" role="alert">
          <p className="banner-title">{problemSummary(error, FIELDS)}</p>
        </div>
      )}
      <div className="form-grid">
        <fieldset className="field">
          <legend>Decision</legend>
          <label className="check-field">
            <input
              type="radio"
              name={`${id}-decision`}
              value="confirmed"
              checked={decision === 'confirmed'}
              onChange={() => setDecision('confirmed')}
            />
            Confirm as a resistance mechanism
          </label>
          <label className="check-field">
            <input
              type="radio"
              name={`${id}-decision`}
              value="rejected"
              checked={decision === 'rejected'}
              onChange={() => setDecision('rejected')}
            />
            Reject (artefact, clonal haematopoiesis, passenger…)
          </label>
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-mechanism`}>Mechanism as confirmed</label>
          <select
            id={`${id}-mechanism`}
            value={decision === 'confirmed' ? mechanism : ''}
            disabled={decision !== 'confirmed'}
            onChange={(e) => setMechanism(e.target.value as Mechanism | '')}
            aria-invalid={fieldError('mechanism') ? true : undefined}
            aria-describedby={fieldError('mechanism') ? `${id}-mechanism-error` : `${id}-mechanism-hint`}
          >
            <option value="">Choose…</option>
            {MECHANISMS.map((m) => (
              <option key={m} value={m}>
                {MECHANISM_LABELS[m]}
                {m === suggested ? ' (suggested)' : ''}
              </option>
            ))}
          </select>
          <p id={`${id}-mechanism-hint`} className="hint">
            Suggested: {MECHANISM_LABELS[acquired.mechanism]}
            {acquired.mechanismClass ? ` (${acquired.mechanismClass})` : ''}
          </p>
          {fieldError('mechanism') && (
            <p id={`${id}-mechanism-error`} className="field-error">
              {fieldError('mechanism')}
            </p>
          )}
        </div>
        <div className="field field-full">
          <label htmlFor={`${id}-note`}>Note: why (recorded in the audit trail)</label>
          <textarea
            id={`${id}-note`}
            rows={2}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            aria-invalid={fieldError('note') ? true : undefined}
            aria-describedby={fieldError('note') ? `${id}-note-error` : undefined}
          />
          {fieldError('note') && (
            <p id={`${id}-note-error`} className="field-error">
              {fieldError('note')}
            </p>
          )}
        </div>
      </div>
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save review'}
        </button>
        <button type="button" className="button-secondary" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
