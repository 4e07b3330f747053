import { Link } from 'react-router-dom';
import type { EvidenceView } from '../../api/types';
import { TAB_NAMES, type EvidenceTarget } from '../../lib/evidence';
import { formatDate } from '../../lib/format';

/** One fact behind a decision: a link to its row on the patient's page when it has one. */
export function EvidenceItem({ evidence: e, target }: { evidence: EvidenceView; target: EvidenceTarget | null }) {
  const meta = [
    e.observedAt ? `observed ${formatDate(e.observedAt)}` : '',
    e.source ? `source ${e.source}` : '',
    e.recordedBy ? `recorded by ${e.recordedBy}` : '',
  ].filter(Boolean);
  return (
    <li className="evidence-item">
      <span className="evidence-tag" aria-hidden="true">
        ↳
      </span>{' '}
      {target ? (
        <Link to={{ pathname: target.pathname, search: target.search, hash: target.hash }} className="evidence-link">
          {e.label}
          <span className="visually-hidden"> (show in {TAB_NAMES[target.tab] ?? target.tab})</span>
        </Link>
      ) : (
        <span>{e.label}</span>
      )}
      {meta.length > 0 && <span className="muted small"> — {meta.join(' · ')}</span>}
    </li>
  );
}
