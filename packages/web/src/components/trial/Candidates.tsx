import { useId } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/endpoints';
import type { CandidateView, CriteriaLevel, TrialView } from '../../api/types';
import { useApi } from '../../api/useApi';
import { evidenceTarget } from '../../lib/evidence';
import { useListParams } from '../../lib/useListParams';
import { useSeenOnLeave } from '../../lib/useSeenOnLeave';
import { useUrlSet } from '../../lib/useUrlSet';
import { DataTable, type Column } from '../DataTable';
import { ErrorBanner } from '../ErrorBanner';
import { FilterBar } from '../FilterBar';
import { MatchDetails } from '../matching/MatchDetails';
import { AvailabilityBadge, MatchStatusBadge, NewBadge, RiskBadge, unknownSummary } from '../matching/MatchBadges';
import { Pagination } from '../Pagination';

const FILTERS = ['status', 'level', 'newOnly', 'includeClosed'] as const;
const PAGE_PARAMS = ['tab'];

/**
 * The trial's pre-screening list: candidate patients ranked as the server ranks them,
 * filterable by status, level and "new since my last visit", each with the same explanation
 * as on the patient's page. Leaving the tab after viewing the list marks the candidates seen.
 */
export function Candidates({ trial, levels }: { trial: TrialView; levels: readonly CriteriaLevel[] | undefined }) {
  const list = useListParams(FILTERS, PAGE_PARAMS);
  const [expanded, setExpanded] = useUrlSet('open');
  const ids = { status: useId(), level: useId(), fresh: useId(), closed: useId() };
  // The fetch depends on the filters and the page only, not on which rows are expanded.
  const fetchKey = JSON.stringify([trial.id, list.filters, list.page, list.pageSize]);
  const { data, error, loading, reload } = useApi(
    fetchKey,
    (signal) =>
      api.candidates(
        trial.id,
        {
          status: list.filters.status,
          level: list.filters.level,
          newOnly: list.filters.newOnly === 'true' ? 'true' : undefined,
          includeClosed: list.filters.includeClosed === 'true' ? 'true' : undefined,
          page: list.page,
          pageSize: list.pageSize,
        },
        { signal },
      ),
    { keepPrevious: true },
  );

  // Leaving the tab (or the page) after the list was on screen marks the candidates seen.
  useSeenOnLeave(data !== undefined, () => api.candidatesSeen(trial.id));

  const levelOptions = (levels ?? []).filter((l) => l.kind !== 'trial');
  const selectedLevelMissing = list.filters.level !== '' && !levelOptions.some((l) => l.path === list.filters.level);

  const columns: Column<CandidateView>[] = [
    {
      key: 'patient',
      header: 'Patient',
      rowHeader: true,
      className: 'nowrap',
      cell: (c) => (
        <>
          <Link to={`/patients/${encodeURIComponent(c.patientId)}?tab=trials`}>{c.pseudonym}</Link>
          {c.isNew && (
            <>
              {' '}
              <NewBadge />
            </>
          )}
        </>
      ),
    },
    { key: 'level', header: 'Level', cell: (c) => <span className="name-cell">{c.levelLabel}</span> },
    { key: 'status', header: 'Status', cell: (c) => <MatchStatusBadge status={c.status} /> },
    { key: 'availability', header: 'Availability', cell: (c) => <AvailabilityBadge availability={c.availability} /> },
    { key: 'unknown', header: 'Unknowns', className: 'num', cell: (c) => <span title={unknownSummary(c)}>{c.unknownCount}</span> },
    { key: 'risk', header: 'Screen-failure risk', cell: (c) => <RiskBadge risk={c.risk} /> },
    {
      key: 'explain',
      header: <span className="visually-hidden">Explanation</span>,
      cell: (c) => {
        const open = expanded.has(c.id);
        return (
          <button type="button" className="button-secondary" aria-expanded={open} onClick={() => setExpanded(c.id, !open)}>
            {open ? 'Hide explanation' : 'Explain'}
            <span className="visually-hidden">
              {' '}
              for {c.pseudonym}, {c.levelLabel}
            </span>
          </button>
        );
      },
    },
  ];

  return (
    <section aria-labelledby="candidates-title">
      <h2 id="candidates-title">Candidates</h2>
      <FilterBar key={JSON.stringify(list.filters)} label="Candidate filters" keys={FILTERS} onApply={list.setFilters}>
        <div className="field">
          <label htmlFor={ids.status}>Status</label>
          <select id={ids.status} name="status" defaultValue={list.filters.status}>
            <option value="">Any</option>
            <option value="eligible">Eligible</option>
            <option value="potential">Potentially eligible</option>
          </select>
        </div>
        <div className="field field-wide">
          <label htmlFor={ids.level}>Level</label>
          <select id={ids.level} name="level" defaultValue={list.filters.level}>
            <option value="">Any level</option>
            {levelOptions.map((l) => (
              <option key={l.path} value={l.path}>
                {l.label}
              </option>
            ))}
            {selectedLevelMissing && <option value={list.filters.level}>{list.filters.level}</option>}
          </select>
        </div>
        <div className="field field-check">
          <span className="check-field">
            <input id={ids.fresh} type="checkbox" name="newOnly" value="true" defaultChecked={list.filters.newOnly === 'true'} />
            <label htmlFor={ids.fresh}>New since my last visit only</label>
          </span>
        </div>
        <div className="field field-check">
          <span className="check-field">
            <input
              id={ids.closed}
              type="checkbox"
              name="includeClosed"
              value="true"
              defaultChecked={list.filters.includeClosed === 'true'}
            />
            <label htmlFor={ids.closed}>Include closed and waitlisted levels</label>
          </span>
        </div>
      </FilterBar>
      <ErrorBanner error={error} context="Could not load the candidates" onRetry={reload} />
      <DataTable
        caption={`Candidate patients for ${trial.protocolNumber}, ranked`}
        captionHidden
        columns={columns}
        rows={data?.items ?? []}
        rowKey={(c) => c.id}
        loading={loading}
        testId="candidates"
        empty={
          Object.values(list.filters).some(Boolean)
            ? 'No candidate matches these filters.'
            : 'No patient fits this trial’s open levels yet.'
        }
        expansion={(c) =>
          expanded.has(c.id) ? (
            <MatchDetails match={c} subject={`patient ${c.pseudonym}`} linkFor={(e) => evidenceTarget(e, c.patientId)} />
          ) : null
        }
      />
      {data && <Pagination page={data.page} pageSize={data.pageSize} total={data.total} onChange={list.setPage} noun="candidates" />}
    </section>
  );
}
