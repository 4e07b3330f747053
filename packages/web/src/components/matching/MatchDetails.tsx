import { useId } from 'react';
import type { EvidenceView, MatchView } from '../../api/types';
import type { EvidenceTarget } from '../../lib/evidence';
import { formatInstantUtc } from '../../lib/format';
import { Explanation } from './Explanation';
import { Checklist } from './MatchBadges';

interface Props {
  match: MatchView;
  /** Who the match is for, in the tree's accessible name ("patient CTM-000123"). */
  subject: string;
  linkFor: (e: EvidenceView) => EvidenceTarget | null;
}

/** The expanded part of a match: what to verify, then the criterion-by-criterion explanation. */
export function MatchDetails({ match, subject, linkFor }: Props) {
  const id = useId();
  return (
    <div className="match-details">
      <Checklist items={match.checklist} headingId={`${id}-verify`} linkFor={linkFor} />
      <section aria-labelledby={`${id}-explain`}>
        <h4 id={`${id}-explain`}>Criterion by criterion</h4>
        <Explanation
          node={match.explanation}
          linkFor={linkFor}
          label={`Criteria of ${match.protocolNumber}, ${match.levelLabel}, for ${subject}`}
        />
      </section>
      <p className="muted small">Computed {formatInstantUtc(match.computedAt)}.</p>
    </div>
  );
}
