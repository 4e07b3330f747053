import type { EscatTier } from '@continuum/core';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError, isApiError, problemSummary } from '../../api/client';
import {
  ESCAT_TIERS,
  mtbApi,
  RECOMMENDATION_KINDS,
  type CaseAlteration,
  type CaseView,
  type Recommendation,
  type RecommendationKind,
} from '../../api/mtb';
import { alterationName } from './labels';

interface Props {
  caseView: CaseView;
  alteration: CaseAlteration;
  /** Present when editing. */
  existing?: Recommendation;
  onSaved: (message: string) => void;
  onCancel: () => void;
}

const FIELDS = ['kind', 'therapy', 'trialId', 'escatDecided', 'rationale', 'reason', 'alterationKey'];

/**
 * One recommendation on one alteration: what the board recommends, its ESCAT decision next to the
 * tier the evidence suggests, and why. Labelled fields in reading order; Enter in a field submits.
 */
export function RecommendationForm({ caseView, alteration, existing, onSaved, onCancel }: Props) {
  const id = useId();
  const name = alterationName(alteration);
  const [kind, setKind] = useState<RecommendationKind>(
    existing?.kind ?? (alteration.escat.therapies.length > 0 ? 'targeted-therapy' : 'no-action'),
  );
  const [therapy, setTherapy] = useState(existing?.therapy ?? alteration.escat.therapies[0] ?? '');
  const [trialId, setTrialId] = useState(existing?.trial?.id ?? alteration.trials[0]?.trialId ?? '');
  const [escat, setEscat] = useState<EscatTier>(existing?.escatDecided ?? alteration.escat.tier);
  const [rationale, setRationale] = useState(existing?.rationale ?? '');
  const [reason, setReason] = useState(existing ? '' : caseView.meeting ? `Decision of the MTB meeting "${caseView.meeting.title}"` : '');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const therapies = [
    ...new Set([
      ...alteration.escat.therapies,
      ...alteration.evidence.filter((g) => g.supports && g.direction === 'sensitivity').flatMap((g) => g.therapies),
    ]),
  ];
  const related = new Set(alteration.trials.map((t) => t.trialId));
  const trialOptions = [
    ...alteration.trials
      .filter((t, i, all) => all.findIndex((x) => x.trialId === t.trialId) === i)
      .map((t) => ({ id: t.trialId, label: `${t.protocolNumber} — ${t.title} (related)` })),
    ...caseView.otherTrials
      .filter((t) => !related.has(t.trialId))
      .map((t) => ({ id: t.trialId, label: `${t.protocolNumber} — ${t.title}` })),
  ];
  const needsTherapy = kind === 'targeted-therapy';
  const needsTrial = kind === 'clinical-trial';

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const missing = [
      ...(needsTherapy && !therapy.trim() ? [{ path: 'body.therapy', message: 'Name the therapy.' }] : []),
      ...(needsTrial && !trialId ? [{ path: 'body.trialId', message: 'Choose the trial.' }] : []),
      ...(rationale.trim().length < 3 ? [{ path: 'body.rationale', message: 'Give the rationale.' }] : []),
      ...(reason.trim().length < 3
        ? [{ path: 'body.reason', message: 'Say why (at least 3 characters): it goes to the audit trail.' }]
        : []),
    ];
    if (missing.length > 0) {
      setError(new ApiError({ status: 0, title: 'Please complete the form', errors: missing }));
      return;
    }
    const body = {
      kind,
      // Only what the visible field says: a therapy typed before switching to "No action" is not kept.
      therapy: (needsTherapy || kind === 'further-testing') && therapy.trim() ? therapy.trim() : null,
      trialId: needsTrial ? trialId : null,
      escatDecided: escat,
      rationale: rationale.trim(),
      reason: reason.trim(),
    };
    setBusy(true);
    setError(null);
    try {
      if (existing) await mtbApi.updateRecommendation(caseView.id, existing.id, { ...body, version: existing.version });
      else await mtbApi.addRecommendation(caseView.id, { ...body, alterationKey: alteration.key });
      onSaved(existing ? `Recommendation on ${name} updated.` : `Recommendation on ${name} recorded.`);
    } catch (err) {
      setError(isApiError(err) ? err : new ApiError({ status: 0, title: String(err) }));
    } finally {
      setBusy(false);
    }
  }

  const fieldError = (f: string) => error?.fieldMessage(f);
  const describedBy = (f: string, hint?: boolean) =>
    [hint ? `${id}-${f}-hint` : '', fieldError(f) ? `${id}-${f}-error` : ''].filter(Boolean).join(' ') || undefined;
  const errorLine = (f: string) =>
    fieldError(f) ? (
      <p id={`${id}-${f}-error`} className="field-error">
        {fieldError(f)}
      </p>
    ) : null;

  return (
    <form className="mtb-form" onSubmit={onSubmit} aria-labelledby={`${id}-title`} noValidate data-testid="recommendation-form">
      <h4 id={`${id}-title`}>{existing ? `Change the recommendation on ${name}` : `Recommendation on ${name}`}</h4>
      {error && (
        <div className="banner banner-error" role="alert">
          <p className="banner-title">{problemSummary(error, FIELDS)}</p>
        </div>
      )}
      <fieldset disabled={busy}>
        <div className="form-grid">
          <div className="field">
            <label htmlFor={`${id}-kind`}>Recommendation</label>
            <select id={`${id}-kind`} value={kind} autoFocus onChange={(e) => setKind(e.target.value as RecommendationKind)}>
              {RECOMMENDATION_KINDS.map((k) => (
                <option key={k.value} value={k.value}>
                  {k.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-escat`}>ESCAT tier decided</label>
            <select
              id={`${id}-escat`}
              value={escat}
              onChange={(e) => setEscat(e.target.value as EscatTier)}
              aria-describedby={`${id}-escat-hint`}
            >
              {ESCAT_TIERS.map((t) => (
                <option key={t} value={t}>
                  {t}
                  {t === alteration.escat.tier ? ' (suggested)' : ''}
                </option>
              ))}
            </select>
            <p id={`${id}-escat-hint`} className="hint">
              Suggested from the evidence: {alteration.escat.tier}. The board decides.
            </p>
          </div>
          {(needsTherapy || kind === 'further-testing') && (
            <div className="field field-wide">
              <label htmlFor={`${id}-therapy`}>{needsTherapy ? 'Therapy' : 'Test or note (optional)'}</label>
              <input
                id={`${id}-therapy`}
                value={therapy}
                list={`${id}-therapies`}
                onChange={(e) => setTherapy(e.target.value)}
                aria-invalid={Boolean(fieldError('therapy')) || undefined}
                aria-describedby={describedBy('therapy')}
                autoComplete="off"
              />
              <datalist id={`${id}-therapies`}>
                {therapies.map((t) => (
                  <option key={t} value={t} />
                ))}
              </datalist>
              {errorLine('therapy')}
            </div>
          )}
          {needsTrial && (
            <div className="field field-wide">
              <label htmlFor={`${id}-trial`}>Trial</label>
              <select
                id={`${id}-trial`}
                value={trialId}
                onChange={(e) => setTrialId(e.target.value)}
                aria-invalid={Boolean(fieldError('trialId')) || undefined}
                aria-describedby={describedBy('trialId', true)}
              >
                <option value="">Choose a trial…</option>
                {trialOptions.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.label}
                  </option>
                ))}
              </select>
              <p id={`${id}-trialId-hint`} className="hint">
                The patient&apos;s matched trials; those whose criteria concern this alteration first.
              </p>
              {errorLine('trialId')}
            </div>
          )}
          <div className="field field-full">
            <label htmlFor={`${id}-rationale`}>Rationale</label>
            <textarea
              id={`${id}-rationale`}
              rows={3}
              value={rationale}
              onChange={(e) => setRationale(e.target.value)}
              aria-invalid={Boolean(fieldError('rationale')) || undefined}
              aria-describedby={describedBy('rationale')}
            />
            {errorLine('rationale')}
          </div>
          <div className="field field-full">
            <label htmlFor={`${id}-reason`}>Reason for the record (audit trail)</label>
            <input
              id={`${id}-reason`}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              aria-invalid={Boolean(fieldError('reason')) || undefined}
              aria-describedby={describedBy('reason')}
            />
            {errorLine('reason')}
          </div>
        </div>
        <div className="form-actions">
          <button type="submit" className="button-primary">
            {busy ? 'Saving…' : existing ? 'Save the change' : 'Record the recommendation'}
          </button>
          <button type="button" className="button-secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </fieldset>
    </form>
  );
}
