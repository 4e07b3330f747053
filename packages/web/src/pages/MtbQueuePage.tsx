import { useId } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { mtbApi, type CaseSummary } from '../api/mtb';
import { useApi } from '../api/useApi';
import { can, MTB_WRITERS } from '../auth/roles';
import { useUser } from '../auth/session';
import { DataTable, type Column } from '../components/DataTable';
import { ErrorBanner } from '../components/ErrorBanner';
import { FilterBar } from '../components/FilterBar';
import { alterationName, CaseStatusBadge, EscatBadge } from '../components/mtb/labels';
import { MeetingForm } from '../components/mtb/MeetingForm';
import { Pagination } from '../components/Pagination';
import { formatDate, formatInstantUtc, MISSING } from '../lib/format';
import { usePageTitle } from '../lib/usePageTitle';
import { useListParams } from '../lib/useListParams';

const FILTERS = ['status', 'q'] as const;

const STATUS_OPTIONS = [
  { value: '', label: 'Any' },
  { value: 'open', label: 'Not signed yet' },
  { value: 'queued', label: 'Queued' },
  { value: 'scheduled', label: 'On an agenda' },
  { value: 'discussed', label: 'Discussed, not signed' },
  { value: 'signed', label: 'Signed' },
];

/** The MTB's home: upcoming meetings, and the queue of molecular reports waiting for the board. */
export function MtbQueuePage() {
  usePageTitle('Molecular Tumour Board');
  const user = useUser();
  const navigate = useNavigate();
  const canWrite = can(user.role, MTB_WRITERS);
  const list = useListParams(FILTERS);
  const ids = { status: useId(), q: useId() };
  const cases = useApi(list.key, (signal) => mtbApi.cases({ ...list.filters, page: list.page, pageSize: list.pageSize }, { signal }), {
    keepPrevious: true,
  });
  const meetings = useApi('mtb-upcoming', (signal) => mtbApi.meetings({ when: 'upcoming', pageSize: 10 }, { signal }));

  const columns: Column<CaseSummary>[] = [
    {
      key: 'patient',
      header: 'Patient',
      rowHeader: true,
      className: 'nowrap',
      cell: (c) => (
        <Link to={`/mtb/cases/${encodeURIComponent(c.id)}`} aria-label={`Open the MTB case of ${c.patient.pseudonym}`}>
          {c.patient.pseudonym}
        </Link>
      ),
    },
    {
      key: 'diagnosis',
      header: 'Diagnosis',
      cell: (c) =>
        c.patient.diagnosis ? (
          <abbr title={c.patient.diagnosis.name} className="code">
            {c.patient.diagnosis.oncotreeCode}
          </abbr>
        ) : (
          MISSING
        ),
    },
    {
      key: 'report',
      header: 'Report',
      cell: (c) => (
        <>
          {c.report.specimen === 'ctdna' ? 'ctDNA' : 'Tissue'}, {formatDate(c.report.reportedAt)}
          <div className="small muted">{c.report.panel}</div>
        </>
      ),
    },
    {
      key: 'top',
      header: 'Most actionable',
      cell: (c) =>
        c.top ? (
          <>
            <span className="gene">{alterationName(c.top)}</span> <EscatBadge tier={c.top.escat} />
          </>
        ) : (
          <span className="muted">no evidence ({c.alterationCount} alteration(s))</span>
        ),
    },
    { key: 'recs', header: 'Recommendations', className: 'num', cell: (c) => c.recommendationCount },
    { key: 'status', header: 'Status', cell: (c) => <CaseStatusBadge status={c.status} /> },
    {
      key: 'meeting',
      header: 'Meeting',
      className: 'nowrap',
      cell: (c) =>
        c.meeting ? <Link to={`/mtb/meetings/${encodeURIComponent(c.meeting.id)}`}>{formatDate(c.meeting.scheduledAt)}</Link> : MISSING,
    },
    { key: 'queued', header: 'Queued', className: 'date', cell: (c) => formatDate(c.queuedAt) },
  ];

  return (
    <section aria-labelledby="mtb-title">
      <h1 id="mtb-title">Molecular Tumour Board</h1>
      <section aria-labelledby="mtb-meetings-title">
        <h2 id="mtb-meetings-title">Upcoming meetings</h2>
        <ErrorBanner error={meetings.error} context="Could not load the meetings" onRetry={meetings.reload} />
        {meetings.data && meetings.data.items.length === 0 && <p className="muted">No meeting scheduled.</p>}
        <ul className="mtb-meetings">
          {(meetings.data?.items ?? []).map((m) => (
            <li key={m.id}>
              <Link to={`/mtb/meetings/${encodeURIComponent(m.id)}`}>{m.title}</Link> — {formatInstantUtc(m.scheduledAt)} · chair{' '}
              {m.chair.displayName} · {m.agendaCount} case(s) on the agenda, {m.signedCount} signed
            </li>
          ))}
        </ul>
        {canWrite && (
          <details className="mtb-details">
            <summary>Schedule a meeting</summary>
            <MeetingForm onCreated={(m) => navigate(`/mtb/meetings/${encodeURIComponent(m.id)}`)} />
          </details>
        )}
      </section>
      <section aria-labelledby="mtb-queue-title">
        <h2 id="mtb-queue-title">Cases</h2>
        <p className="hint">Every imported molecular report with a reportable alteration, MSI-H or TMB ≥ 10 mut/Mb queues a case.</p>
        <FilterBar key={list.key} label="Case filters" keys={FILTERS} onApply={list.setFilters}>
          <div className="field">
            <label htmlFor={ids.status}>Status</label>
            <select id={ids.status} name="status" defaultValue={list.filters.status}>
              {STATUS_OPTIONS.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.q}>Pseudonym</label>
            <input id={ids.q} name="q" type="search" defaultValue={list.filters.q} placeholder="CTM-000123" />
          </div>
        </FilterBar>
        <ErrorBanner error={cases.error} context="Could not load the MTB cases" onRetry={cases.reload} />
        <DataTable
          caption="MTB cases"
          captionHidden
          columns={columns}
          rows={cases.data?.items ?? []}
          rowKey={(c) => c.id}
          loading={cases.loading}
          empty="No case matches these filters."
          testId="mtb-cases"
        />
        {cases.data && (
          <Pagination page={cases.data.page} pageSize={cases.data.pageSize} total={cases.data.total} onChange={list.setPage} noun="cases" />
        )}
      </section>
    </section>
  );
}
