import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { isApiError } from '../../api/client';
import { mtbApi, type CaseAlteration, type CaseView, type Recommendation } from '../../api/mtb';
import { formatInstantUtc } from '../../lib/format';
import { EscatBadge, kindLabel } from './labels';
import { RecommendationForm } from './RecommendationForm';

interface Props {
  caseView: CaseView;
  alteration: CaseAlteration;
  recommendations: Recommendation[];
  canEdit: boolean;
  onChanged: (message: string) => void;
}

/** The board's recommendations on one alteration; while unsigned, each can be changed or withdrawn (with a reason). */
export function RecommendationList({ caseView, alteration, recommendations, canEdit, onChanged }: Props) {
  if (recommendations.length === 0) return <p className="muted">No recommendation recorded on this alteration.</p>;
  return (
    <ul className="mtb-recs">
      {recommendations.map((r) => (
        <RecommendationItem key={r.id} caseView={caseView} alteration={alteration} rec={r} canEdit={canEdit} onChanged={onChanged} />
      ))}
    </ul>
  );
}

function RecommendationItem({ caseView, alteration, rec, canEdit, onChanged }: Omit<Props, 'recommendations'> & { rec: Recommendation }) {
  const id = useId();
  const [mode, setMode] = useState<'view' | 'edit' | 'withdraw'>('view');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function withdraw(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (reason.trim().length < 3) {
      setError('Say why the recommendation is withdrawn (at least 3 characters).');
      return;
    }
    try {
      await mtbApi.deleteRecommendation(caseView.id, rec.id, { version: rec.version, reason: reason.trim() });
      onChanged(`Recommendation withdrawn (${kindLabel(rec.kind)}).`);
    } catch (err) {
      setError(isApiError(err) ? (err.detail ?? err.title) : String(err));
    }
  }

  if (mode === 'edit') {
    return (
      <li>
        <RecommendationForm
          caseView={caseView}
          alteration={alteration}
          existing={rec}
          onSaved={(m) => {
            setMode('view');
            onChanged(m);
          }}
          onCancel={() => setMode('view')}
        />
      </li>
    );
  }
  return (
    <li data-testid="recommendation">
      <p className="mtb-rec-head">
        <strong>{kindLabel(rec.kind)}</strong>
        {rec.therapy && <> — {rec.therapy}</>}
        {rec.trial && (
          <>
            {' '}
            — trial {rec.trial.protocolNumber ?? rec.trial.id}
            {rec.trial.title ? ` (${rec.trial.title})` : ''}
          </>
        )}{' '}
        <EscatBadge tier={rec.escatDecided} prefix="ESCAT decided" /> <span className="muted small">suggested {rec.escatSuggested}</span>
      </p>
      <p className="mtb-rationale">{rec.rationale}</p>
      <p className="muted small">
        Recorded by {rec.authorName ?? rec.author}, {formatInstantUtc(rec.updatedAt)}
      </p>
      {canEdit && mode === 'view' && (
        <div className="form-actions">
          <button type="button" className="button-secondary button-small" onClick={() => setMode('edit')}>
            Change
          </button>
          <button type="button" className="button-secondary button-small" onClick={() => setMode('withdraw')}>
            Withdraw
          </button>
        </div>
      )}
      {mode === 'withdraw' && (
        <form onSubmit={withdraw} className="mtb-inline-form" noValidate>
          <div className="field">
            <label htmlFor={`${id}-reason`}>Why is it withdrawn?</label>
            <input
              id={`${id}-reason`}
              value={reason}
              autoFocus
              onChange={(e) => setReason(e.target.value)}
              aria-invalid={Boolean(error) || undefined}
              aria-describedby={error ? `${id}-error` : undefined}
            />
            {error && (
              <p id={`${id}-error`} className="field-error" role="alert">
                {error}
              </p>
            )}
          </div>
          <div className="form-actions">
            <button type="submit" className="button-danger button-small">
              Withdraw the recommendation
            </button>
            <button type="button" className="button-secondary button-small" onClick={() => setMode('view')}>
              Keep it
            </button>
          </div>
        </form>
      )}
    </li>
  );
}
