import { useId } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../api/endpoints';
import type { PatientSummary } from '../api/types';
import { useApi } from '../api/useApi';
import { DataTable, type Column } from '../components/DataTable';
import { ErrorBanner } from '../components/ErrorBanner';
import { FilterBar } from '../components/FilterBar';
import { Pagination } from '../components/Pagination';
import { StatusBadge } from '../components/StatusBadge';
import { humanise, MISSING } from '../lib/format';
import { useOncoTree } from '../lib/oncotree';
import { usePageTitle } from '../lib/usePageTitle';
import { useListParams } from '../lib/useListParams';
import { PARTICIPATION_STATUSES } from '../lib/vocab';

const FILTERS = ['q', 'tumourType', 'biomarker', 'trialStatus'] as const;

export function PatientsPage() {
  usePageTitle('Patients');
  const list = useListParams(FILTERS);
  const { nodes, byCode } = useOncoTree();
  const { data, error, loading, reload } = useApi(
    list.key,
    (signal) => api.patients({ ...list.filters, page: list.page, pageSize: list.pageSize }, { signal }),
    { keepPrevious: true },
  );
  const ids = { q: useId(), tumour: useId(), oncotree: useId(), biomarker: useId(), trial: useId() };

  const columns: Column<PatientSummary>[] = [
    {
      key: 'pseudonym',
      header: 'Pseudonym',
      rowHeader: true,
      className: 'nowrap',
      cell: (p) => <Link to={`/patients/${encodeURIComponent(p.id)}`}>{p.pseudonym}</Link>,
    },
    { key: 'sex', header: 'Sex', cell: (p) => humanise(p.sex) },
    { key: 'birthYear', header: 'Birth year', className: 'num', cell: (p) => p.birthYear ?? '—' },
    {
      key: 'diagnosis',
      header: 'Primary diagnosis',
      cell: (p) => {
        const dx = p.primaryDiagnosis;
        if (!dx) return MISSING;
        const name = dx.name ?? byCode.get(dx.oncotreeCode)?.name;
        return (
          <>
            <abbr title={name} className="code">
              {dx.oncotreeCode}
            </abbr>
            {name && <span className="muted"> {name}</span>}
          </>
        );
      },
    },
    { key: 'stage', header: 'Stage', cell: (p) => p.primaryDiagnosis?.stage ?? MISSING },
    { key: 'ecog', header: 'ECOG', className: 'num', cell: (p) => p.ecog ?? MISSING },
    {
      key: 'biomarkers',
      header: 'Biomarkers',
      cell: (p) =>
        p.biomarkers?.length ? (
          <ul className="chips">
            {p.biomarkers.map((b) => (
              <li key={b}>{b}</li>
            ))}
          </ul>
        ) : (
          MISSING
        ),
    },
    { key: 'trialStatus', header: 'Trial status', cell: (p) => <StatusBadge status={p.trialStatus} /> },
  ];

  return (
    <section aria-labelledby="patients-title">
      <h1 id="patients-title">Patients</h1>
      <FilterBar key={list.key} label="Patient filters" keys={FILTERS} onApply={list.setFilters}>
        <div className="field">
          <label htmlFor={ids.q}>Pseudonym</label>
          <input id={ids.q} name="q" type="search" defaultValue={list.filters.q} placeholder="CTM-000123" />
        </div>
        <div className="field">
          <label htmlFor={ids.tumour}>Tumour type (OncoTree, with subtypes)</label>
          <input
            id={ids.tumour}
            name="tumourType"
            list={ids.oncotree}
            defaultValue={list.filters.tumourType}
            placeholder="e.g. NSCLC"
            autoCapitalize="characters"
            spellCheck={false}
          />
          <datalist id={ids.oncotree}>
            {nodes.map((n) => (
              <option key={n.code} value={n.code} label={`${n.code} — ${n.name}`} />
            ))}
          </datalist>
        </div>
        <div className="field">
          <label htmlFor={ids.biomarker}>Biomarker</label>
          <input
            id={ids.biomarker}
            name="biomarker"
            defaultValue={list.filters.biomarker}
            placeholder="KRAS or KRAS p.G12C"
            spellCheck={false}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.trial}>Trial status</label>
          <select id={ids.trial} name="trialStatus" defaultValue={list.filters.trialStatus}>
            <option value="">Any</option>
            {PARTICIPATION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {humanise(s)}
              </option>
            ))}
          </select>
        </div>
      </FilterBar>
      <ErrorBanner error={error} context="Could not load patients" onRetry={reload} />
      <DataTable
        caption="Patients matching the filters"
        captionHidden
        columns={columns}
        rows={data?.items ?? []}
        rowKey={(p) => p.id}
        loading={loading}
        empty="No patient matches these filters."
        testId="patients"
      />
      {data && <Pagination page={data.page} pageSize={data.pageSize} total={data.total} onChange={list.setPage} noun="patients" />}
    </section>
  );
}
