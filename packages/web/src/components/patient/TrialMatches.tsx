import { useId, useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../../api/endpoints';
import type { MatchView, PatientDetail } from '../../api/types';
import { useApi } from '../../api/useApi';
import { evidenceTarget, factTabs } from '../../lib/evidence';
import { useSeenOnLeave } from '../../lib/useSeenOnLeave';
import { useUrlSet } from '../../lib/useUrlSet';
import { ErrorBanner } from '../ErrorBanner';
import { MatchDetails } from '../matching/MatchDetails';
import { AvailabilityBadge, MatchStatusBadge, NewBadge, RiskBadge, unknownSummary } from '../matching/MatchBadges';

/**
 * The patient's ranked trial matches (eligible first, then potentially eligible, as the server
 * ranks them). Expanded matches and the "closed too" toggle live in the URL, so Back from an
 * evidence link returns to the same view. Leaving the tab after viewing the list marks the
 * matches seen; their "New" badges show for this visit and are gone on the next.
 */
export function TrialMatches({ patient }: { patient: PatientDetail }) {
  const [params, setParams] = useSearchParams();
  const includeClosed = params.get('closed') === '1';
  const [expanded, setExpanded] = useUrlSet('open');
  const toggleId = useId();
  const { data, error, loading, reload } = useApi(
    `${patient.id}|${includeClosed}`,
    (signal) => api.matches(patient.id, includeClosed, { signal }),
    { keepPrevious: true },
  );
  const known = useMemo(() => factTabs(patient), [patient]);

  // Leaving the tab (or the page) after the matches were on screen marks them seen.
  useSeenOnLeave(data !== undefined, () => api.matchesSeen(patient.id));

  function update(change: (p: URLSearchParams) => void) {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        change(next);
        return next;
      },
      { replace: true },
    );
  }

  const items = data?.items ?? [];
  const eligible = items.filter((m) => m.status === 'eligible').length;
  const fresh = items.filter((m) => m.isNew).length;

  return (
    <section aria-labelledby="matches-title" className="matches">
      <div className="section-head">
        <h2 id="matches-title">Trial matches</h2>
        <div className="toggle">
          <input
            id={toggleId}
            type="checkbox"
            checked={includeClosed}
            onChange={(e) =>
              update((p) => {
                if (e.target.checked) p.set('closed', '1');
                else p.delete('closed');
              })
            }
          />
          <label htmlFor={toggleId}>Include closed and waitlisted</label>
        </div>
      </div>
      <ErrorBanner error={error} context="Could not load the trial matches" onRetry={reload} />
      <p role="status" className="muted" aria-busy={loading || undefined}>
        {loading && !data
          ? 'Matching…'
          : data
            ? items.length === 0
              ? includeClosed
                ? 'No trial level fits this patient, open or not.'
                : 'No open trial level fits this patient. Include closed and waitlisted levels to see more.'
              : `${items.length} ${items.length === 1 ? 'match' : 'matches'}: ${eligible} eligible, ${items.length - eligible} potentially eligible${fresh ? ` · ${fresh} new since your last visit` : ''}.`
            : ''}
      </p>
      {items.length > 0 && (
        <ol className="match-list" aria-busy={loading || undefined} data-testid="matches">
          {items.map((m) => (
            <MatchCard
              key={m.id}
              match={m}
              open={expanded.has(m.id)}
              onToggle={(open) => setExpanded(m.id, open)}
              patient={patient}
              known={known}
            />
          ))}
        </ol>
      )}
    </section>
  );
}

interface CardProps {
  match: MatchView;
  open: boolean;
  onToggle: (open: boolean) => void;
  patient: PatientDetail;
  known: ReadonlyMap<string, string>;
}

function MatchCard({ match: m, open, onToggle, patient, known }: CardProps) {
  const id = useId();
  const name = `${m.protocolNumber}${m.acronym ? ` (${m.acronym})` : ''}, ${m.levelLabel}`;
  return (
    <li className={`match-card match-${m.status}`} data-testid="match">
      <article aria-labelledby={`${id}-title`}>
        <div className="match-head">
          <h3 id={`${id}-title`}>
            <Link to={`/trials/${encodeURIComponent(m.trialId)}`}>{m.protocolNumber}</Link>
            {m.acronym && <span className="h1-sub"> — {m.acronym}</span>}
            <span className="muted match-phase"> · Phase {m.phase}</span>
          </h3>
          {m.isNew && <NewBadge />}
        </div>
        <p className="match-title">{m.title}</p>
        <dl className="match-facts">
          <div>
            <dt>Level</dt>
            <dd>{m.levelLabel}</dd>
          </div>
          <div>
            <dt>Status</dt>
            <dd>
              <MatchStatusBadge status={m.status} />
            </dd>
          </div>
          <div>
            <dt>Availability</dt>
            <dd>
              <AvailabilityBadge availability={m.availability} />
            </dd>
          </div>
          <div>
            <dt>To verify</dt>
            <dd>{unknownSummary(m)}</dd>
          </div>
          <div>
            <dt>Screen-failure risk</dt>
            <dd>
              <RiskBadge risk={m.risk} />
            </dd>
          </div>
        </dl>
        <button
          type="button"
          className="button-secondary"
          aria-expanded={open}
          aria-controls={`${id}-details`}
          onClick={() => onToggle(!open)}
        >
          {open ? 'Hide explanation' : 'Show explanation'}
          <span className="visually-hidden"> for {name}</span>
        </button>
        <div id={`${id}-details`} hidden={!open}>
          {open && (
            <MatchDetails match={m} subject={`patient ${patient.pseudonym}`} linkFor={(e) => evidenceTarget(e, patient.id, known)} />
          )}
        </div>
      </article>
    </li>
  );
}
