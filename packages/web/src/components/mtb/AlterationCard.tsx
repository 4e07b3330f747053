import { useId, useState } from 'react';
import type { CaseAlteration, CaseView } from '../../api/mtb';
import { formatNumber, formatPercent, humanise } from '../../lib/format';
import { EvidenceTable } from './EvidenceTable';
import { alterationName, EscatBadge, FLAG_LABELS } from './labels';
import { RecommendationForm } from './RecommendationForm';
import { RecommendationList } from './RecommendationList';
import { RelatedTrials } from './RelatedTrials';

interface Props {
  caseView: CaseView;
  alteration: CaseAlteration;
  canEdit: boolean;
  onChanged: (message: string) => void;
}

/** One alteration of the report: what it is, its suggested tier and why, the evidence, the related trials, and the board's recommendations. */
export function AlterationCard({ caseView, alteration: a, canEdit, onChanged }: Props) {
  const id = useId();
  const [adding, setAdding] = useState(false);
  const name = alterationName(a);
  const recs = caseView.recommendations.filter((r) => r.alterationKey === a.key);
  return (
    <article className="mtb-alteration" aria-labelledby={`${id}-title`} data-testid="alteration">
      <header className="mtb-alteration-head">
        <h3 id={`${id}-title`}>
          {a.rank}. <span className="gene">{name}</span>
        </h3>
        <EscatBadge tier={a.escat.tier} prefix="ESCAT suggested" />
        {a.flags.map((f) => (
          <span key={f.kind} className="badge badge-warn">
            {FLAG_LABELS[f.kind] ?? f.kind}
          </span>
        ))}
      </header>
      <dl className="facts">
        <div>
          <dt>Class</dt>
          <dd>{humanise(a.alterationClass)}</dd>
        </div>
        {a.hgvsCdna && (
          <div>
            <dt>HGVS c.</dt>
            <dd className="code">{a.hgvsCdna}</dd>
          </div>
        )}
        {a.vaf !== null && (
          <div>
            <dt>VAF</dt>
            <dd>{formatPercent(a.vaf)}</dd>
          </div>
        )}
        {a.copyNumber !== null && (
          <div>
            <dt>Copy number</dt>
            <dd>{formatNumber(a.copyNumber)}</dd>
          </div>
        )}
        {a.fusionPartner && (
          <div>
            <dt>Partner</dt>
            <dd>{a.fusionPartner}</dd>
          </div>
        )}
      </dl>
      <p className="small">
        <strong>Why {a.escat.tier}:</strong> {a.escat.rule}
        {a.escat.therapies.length > 0 && <> — {a.escat.therapies.join(', ')}</>}
      </p>
      {a.flags.map((f) => (
        <p key={f.kind} className="banner banner-warn small">
          <strong>{FLAG_LABELS[f.kind] ?? f.kind}:</strong> {f.reason}. {humanise(f.action)}.
        </p>
      ))}
      <h4>Evidence</h4>
      <EvidenceTable groups={a.evidence} caption={`Evidence for ${name}`} />
      <h4>Matching trials of this patient</h4>
      <RelatedTrials trials={a.trials} patientId={caseView.patient.id} />
      <h4>Recommendations</h4>
      <RecommendationList caseView={caseView} alteration={a} recommendations={recs} canEdit={canEdit} onChanged={onChanged} />
      {canEdit &&
        (adding ? (
          <RecommendationForm
            caseView={caseView}
            alteration={a}
            onSaved={(m) => {
              setAdding(false);
              onChanged(m);
            }}
            onCancel={() => setAdding(false)}
          />
        ) : (
          <button type="button" className="button-secondary" onClick={() => setAdding(true)}>
            Add a recommendation on {name}
          </button>
        ))}
    </article>
  );
}
