import { useId } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../api/endpoints';
import type { TrialView } from '../api/types';
import { useApi } from '../api/useApi';
import { DataTable, type Column } from '../components/DataTable';
import { ErrorBanner } from '../components/ErrorBanner';
import { FilterBar } from '../components/FilterBar';
import { Pagination } from '../components/Pagination';
import { StatusBadge } from '../components/StatusBadge';
import { humanise, MISSING } from '../lib/format';
import { clinicalTrialsUrl, slotTotals } from '../lib/trials';
import { usePageTitle } from '../lib/usePageTitle';
import { useListParams } from '../lib/useListParams';
import { TRIAL_PHASES, TRIAL_STATUSES } from '../lib/vocab';

const FILTERS = ['q', 'status', 'phase'] as const;

const columns: Column<TrialView>[] = [
  {
    key: 'protocol',
    header: 'Protocol number',
    rowHeader: true,
    className: 'nowrap',
    cell: (t) => <Link to={`/trials/${encodeURIComponent(t.id)}`}>{t.protocolNumber}</Link>,
  },
  {
    key: 'nct',
    header: 'NCT id',
    cell: (t) =>
      t.nctId ? (
        <a href={clinicalTrialsUrl(t.nctId)} target="_blank" rel="noopener noreferrer" className="code">
          {t.nctId}
          <span className="visually-hidden"> (ClinicalTrials.gov, opens in a new tab)</span>
        </a>
      ) : (
        MISSING
      ),
  },
  {
    key: 'title',
    header: 'Acronym / title',
    cell: (t) => (
      <>
        {t.acronym && <strong>{t.acronym} </strong>}
        <span className="title-cell">{t.title}</span>
      </>
    ),
  },
  { key: 'phase', header: 'Phase', cell: (t) => t.phase },
  { key: 'status', header: 'Status', cell: (t) => <StatusBadge status={t.status} /> },
  { key: 'sponsor', header: 'Sponsor', cell: (t) => t.sponsor },
  { key: 'committee', header: 'Committee', cell: (t) => t.committee },
  {
    key: 'slots',
    header: 'Open slots / total',
    className: 'num',
    cell: (t) => {
      const s = slotTotals(t);
      return s ? `${s.open} / ${s.total}` : MISSING;
    },
  },
];

export function TrialsPage() {
  usePageTitle('Trials');
  const list = useListParams(FILTERS);
  const { data, error, loading, reload } = useApi(
    list.key,
    (signal) => api.trials({ ...list.filters, page: list.page, pageSize: list.pageSize }, { signal }),
    { keepPrevious: true },
  );
  const ids = { q: useId(), status: useId(), phase: useId() };

  return (
    <section aria-labelledby="trials-title">
      <h1 id="trials-title">Trials</h1>
      <FilterBar key={list.key} label="Trial filters" keys={FILTERS} onApply={list.setFilters}>
        <div className="field field-wide">
          <label htmlFor={ids.q}>Search</label>
          <input id={ids.q} name="q" type="search" defaultValue={list.filters.q} placeholder="Protocol number, NCT id, acronym or title" />
        </div>
        <div className="field">
          <label htmlFor={ids.status}>Status</label>
          <select id={ids.status} name="status" defaultValue={list.filters.status}>
            <option value="">Any</option>
            {TRIAL_STATUSES.map((s) => (
              <option key={s} value={s}>
                {humanise(s)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.phase}>Phase</label>
          <select id={ids.phase} name="phase" defaultValue={list.filters.phase}>
            <option value="">Any</option>
            {TRIAL_PHASES.map((p) => (
              <option key={p} value={p}>
                Phase {p}
              </option>
            ))}
          </select>
        </div>
      </FilterBar>
      <ErrorBanner error={error} context="Could not load trials" onRetry={reload} />
      <DataTable
        caption="Trials matching the filters"
        captionHidden
        columns={columns}
        rows={data?.items ?? []}
        rowKey={(t) => t.id}
        loading={loading}
        empty="No trial matches these filters."
        testId="trials"
      />
      {data && <Pagination page={data.page} pageSize={data.pageSize} total={data.total} onChange={list.setPage} noun="trials" />}
    </section>
  );
}
