import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError, isApiError, problemSummary } from '../api/client';
import { api } from '../api/endpoints';
import { useApi } from '../api/useApi';

/**
 * A referring physician proposes a patient for a trial. Referrers may not list trials, so
 * the trial is picked from open trials when the server allows it and typed otherwise.
 */
export function ReferralForm({ onSent }: { onSent: () => void }) {
  const id = useId();
  const trials = useApi('open-trials', (signal) => api.trials({ status: 'open', pageSize: 200 }, { signal }));
  const [trialId, setTrialId] = useState('');
  const [summary, setSummary] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setSent(false);
    if (!trialId.trim() || !summary.trim()) {
      setError(
        new ApiError({
          status: 0,
          title: 'Please complete the form',
          errors: [
            ...(!trialId.trim() ? [{ path: 'body.trialId', message: 'Choose the trial.' }] : []),
            ...(!summary.trim() ? [{ path: 'body.summary', message: 'Write a clinical summary.' }] : []),
          ],
        }),
      );
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.createReferral(trialId.trim(), summary.trim());
      setTrialId('');
      setSummary('');
      setSent(true);
      onSent();
    } catch (err) {
      setError(isApiError(err) ? err : new ApiError({ status: 0, title: String(err) }));
    } finally {
      setBusy(false);
    }
  }

  const options = trials.data?.items ?? [];
  const trialError = error?.fieldMessage('trialId');
  const summaryError = error?.fieldMessage('summary');

  return (
    <form className="card" onSubmit={onSubmit} aria-labelledby={`${id}-title`} noValidate>
      <h2 id={`${id}-title`}>Refer a patient</h2>
      {sent && (
        <p className="banner banner-success" role="status">
          Referral sent. The trial team will contact you.
        </p>
      )}
      {error && (
        <div className="banner banner-error" role="alert">
          <p className="banner-title">{problemSummary(error, ['trialId', 'summary'])}</p>
        </div>
      )}
      <fieldset disabled={busy}>
        <div className="field">
          <label htmlFor={`${id}-trial`}>Trial</label>
          {options.length > 0 ? (
            <select
              id={`${id}-trial`}
              value={trialId}
              onChange={(e) => setTrialId(e.target.value)}
              aria-invalid={Boolean(trialError) || undefined}
              aria-describedby={trialError ? `${id}-trial-error` : undefined}
            >
              <option value="">Choose an open trial…</option>
              {options.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.protocolNumber}
                  {t.acronym ? ` — ${t.acronym}` : ''} (phase {t.phase})
                </option>
              ))}
            </select>
          ) : (
            <>
              <input
                id={`${id}-trial`}
                value={trialId}
                onChange={(e) => setTrialId(e.target.value)}
                spellCheck={false}
                aria-invalid={Boolean(trialError) || undefined}
                aria-describedby={[`${id}-trial-hint`, trialError ? `${id}-trial-error` : ''].join(' ').trim()}
              />
              <p id={`${id}-trial-hint`} className="hint">
                The trial identifier given to you by the centre's trial team.
              </p>
            </>
          )}
          {trialError && (
            <p id={`${id}-trial-error`} className="field-error">
              {trialError}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${id}-summary`}>Clinical summary</label>
          <textarea
            id={`${id}-summary`}
            rows={6}
            value={summary}
            onChange={(e) => setSummary(e.target.value)}
            aria-invalid={Boolean(summaryError) || undefined}
            aria-describedby={[`${id}-summary-hint`, summaryError ? `${id}-summary-error` : ''].join(' ').trim()}
          />
          <p id={`${id}-summary-hint`} className="hint">
            Tumour type, stage, biomarkers, previous lines of therapy, ECOG. Leave out names and hospital numbers: the trial team will ask
            for them when needed.
          </p>
          {summaryError && (
            <p id={`${id}-summary-error`} className="field-error">
              {summaryError}
            </p>
          )}
        </div>
        <button type="submit" className="button-primary">
          {busy ? 'Sending…' : 'Send referral'}
        </button>
      </fieldset>
    </form>
  );
}
