import { useId, useState } from 'react';
import { api } from '../api/endpoints';
import type { AuditEntry } from '../api/types';
import { useApi } from '../api/useApi';
import { AuditDiff } from '../components/AuditDiff';
import { DataTable, type Column } from '../components/DataTable';
import { ErrorBanner } from '../components/ErrorBanner';
import { FilterBar } from '../components/FilterBar';
import { Pagination } from '../components/Pagination';
import { formatInstantUtc, MISSING } from '../lib/format';
import { usePageTitle } from '../lib/usePageTitle';
import { useListParams } from '../lib/useListParams';

const FILTERS = ['user', 'patient', 'from', 'to'] as const;

export function AuditPage() {
  usePageTitle('Audit trail');
  const list = useListParams(FILTERS);
  const { data, error, loading, reload } = useApi(
    list.key,
    (signal) => api.audit({ ...list.filters, page: list.page, pageSize: list.pageSize }, { signal }),
    { keepPrevious: true },
  );
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const ids = { user: useId(), patient: useId(), from: useId(), to: useId() };

  const toggle = (key: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  const columns: Column<AuditEntry>[] = [
    {
      key: 'at',
      header: 'Time (UTC)',
      className: 'date',
      rowHeader: true,
      cell: (e) => <time dateTime={e.at}>{formatInstantUtc(e.at)}</time>,
    },
    { key: 'user', header: 'User', cell: (e) => e.actorUsername },
    { key: 'role', header: 'Role', cell: (e) => e.actorRole },
    { key: 'action', header: 'Action', cell: (e) => <span className="code">{e.action}</span> },
    {
      key: 'entity',
      header: 'Entity',
      cell: (e) => (
        <>
          {e.entityType}
          {e.entityId && <span className="muted code"> {e.entityId}</span>}
        </>
      ),
    },
    { key: 'patient', header: 'Patient', cell: (e) => e.patientPseudonym ?? MISSING },
    { key: 'reason', header: 'Reason', cell: (e) => e.reason ?? MISSING },
    {
      key: 'changes',
      header: 'Before / after',
      cell: (e) => {
        const key = String(e.seq);
        const expanded = open.has(key);
        return (
          <button type="button" className="button-secondary" aria-expanded={expanded} onClick={() => toggle(key)}>
            {expanded ? 'Hide changes' : 'Show changes'}
            <span className="visually-hidden"> of entry {key}</span>
          </button>
        );
      },
    },
  ];

  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">Audit trail</h1>
      <p className="muted">Append-only record of every read of a patient record and every change, with its reason.</p>
      <FilterBar key={list.key} label="Audit filters" keys={FILTERS} onApply={list.setFilters}>
        <div className="field">
          <label htmlFor={ids.user}>User</label>
          <input id={ids.user} name="user" defaultValue={list.filters.user} autoCapitalize="none" spellCheck={false} />
        </div>
        <div className="field">
          <label htmlFor={ids.patient}>Patient pseudonym</label>
          <input id={ids.patient} name="patient" defaultValue={list.filters.patient} spellCheck={false} />
        </div>
        <div className="field">
          <label htmlFor={ids.from}>From (UTC date)</label>
          <input id={ids.from} name="from" type="date" defaultValue={list.filters.from} />
        </div>
        <div className="field">
          <label htmlFor={ids.to}>To (UTC date)</label>
          <input id={ids.to} name="to" type="date" defaultValue={list.filters.to} />
        </div>
      </FilterBar>
      <ErrorBanner error={error} context="Could not load the audit trail" onRetry={reload} />
      <DataTable
        caption="Audit entries"
        captionHidden
        columns={columns}
        rows={data?.items ?? []}
        rowKey={(e) => String(e.seq)}
        loading={loading}
        empty="No audit entry matches these filters."
        testId="audit"
        expansion={(e) => (open.has(String(e.seq)) ? <AuditDiff before={e.before} after={e.after} /> : null)}
      />
      {data && <Pagination page={data.page} pageSize={data.pageSize} total={data.total} onChange={list.setPage} noun="entries" />}
    </section>
  );
}
