import { Link } from 'react-router-dom';
import type { RelatedTrial } from '../../api/mtb';
import { humanise } from '../../lib/format';

const RELATION: Record<RelatedTrial['relation'], string> = {
  'criterion-met': 'a criterion is met by this alteration',
  'criterion-names-gene': 'a criterion names this gene',
};

/**
 * The patient's stored trial matches (eligible or potentially eligible, as matching computed
 * them) whose criteria concern this alteration, with the criteria that relate them.
 */
export function RelatedTrials({ trials, patientId }: { trials: RelatedTrial[]; patientId: string }) {
  if (trials.length === 0) {
    return <p className="muted">No stored trial match of this patient has a criterion about this alteration.</p>;
  }
  return (
    <ul className="mtb-trials">
      {trials.map((t) => (
        <li key={t.matchId} data-testid="related-trial">
          <Link to={`/trials/${encodeURIComponent(t.trialId)}`}>
            {t.protocolNumber}
            {t.acronym ? ` (${t.acronym})` : ''}
          </Link>{' '}
          — {t.title}{' '}
          <span className="muted">
            · phase {t.phase} · {t.levelLabel}
          </span>{' '}
          <span className={`badge badge-${t.status === 'eligible' ? 'good' : 'info'}`}>
            {t.status === 'eligible' ? 'Eligible' : 'Potentially eligible'}
          </span>{' '}
          {t.availability !== 'open' && <span className="badge badge-neutral">{humanise(t.availability)}</span>}
          <div className="small">
            Related because {RELATION[t.relation]}:{' '}
            {t.criteria.map((c, i) => (
              <span key={i}>
                {i > 0 && '; '}
                <q>{c.text}</q> ({c.status.replace('_', ' ')}: {c.reason})
              </span>
            ))}
            {t.unknownCount > 0 && <> · {t.unknownCount} criteria still unknown</>}{' '}
            <Link to={`/patients/${encodeURIComponent(patientId)}?tab=trials`}>all matches</Link>
          </div>
        </li>
      ))}
    </ul>
  );
}
