import { useId } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { genomicsApi, MECHANISM_LABELS, type AtlasMechanism, type AtlasRow } from '../api/genomics';
import { useApi } from '../api/useApi';
import { DataTable, type Column } from '../components/DataTable';
import { ErrorBanner } from '../components/ErrorBanner';
import { ReviewBadge } from '../components/genomics/ComparisonList';
import '../components/genomics/genomics.css';
import { formatDate, formatInstantUtc } from '../lib/format';
import { usePageTitle } from '../lib/usePageTitle';

const STATUSES = [
  { value: '', label: 'All (not rejected)' },
  { value: 'needs review', label: 'Needs review' },
  { value: 'confirmed', label: 'Confirmed by the MTB' },
];

/**
 * The resistance atlas: alterations acquired at progression across patients, counted by the drug
 * class and target of the line they progressed on and by mechanism. Every count opens the cases
 * behind it, each linking to the patient's "Genomics over time" tab.
 */
export function ResistanceAtlasPage() {
  usePageTitle('Resistance atlas');
  const id = useId();
  const [params, setParams] = useSearchParams();
  const drugClass = params.get('drugClass') ?? '';
  const target = params.get('target') ?? '';
  const status = params.get('status') ?? '';
  const cell = params.get('mechanism')
    ? {
        drugClass: params.get('cellClass') ?? '',
        target: params.get('cellTarget') ?? '',
        mechanism: params.get('mechanism') as AtlasMechanism,
      }
    : null;

  const tableQuery = { drugClass: drugClass || undefined, target: target || undefined, status: status || undefined, limit: 0 };
  const table = useApi(`atlas:${JSON.stringify(tableQuery)}`, (signal) => genomicsApi.atlas(tableQuery, { signal }), {
    keepPrevious: true,
  });
  const casesQuery = cell
    ? { drugClass: cell.drugClass, target: cell.target, mechanism: cell.mechanism, status: status || undefined, limit: 5000 }
    : null;
  const cases = useApi(casesQuery ? `atlas-cases:${JSON.stringify(casesQuery)}` : null, (signal) =>
    genomicsApi.atlas(casesQuery!, { signal }),
  );

  const update = (changes: Record<string, string | null>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        return next;
      },
      { replace: false },
    );
  const clearCell = { mechanism: null, cellClass: null, cellTarget: null };

  const data = table.data;
  const drugClasses = [...new Set((data?.facets ?? []).map((f) => f.drugClass))];
  const targets = [...new Set((data?.facets ?? []).filter((f) => !drugClass || f.drugClass === drugClass).map((f) => f.target))];
  const mechanisms = data?.mechanisms ?? [];
  const selected = (r: AtlasRow, m: AtlasMechanism) =>
    cell !== null && cell.drugClass === r.drugClass && cell.target === r.target && cell.mechanism === m;

  const columns: Column<AtlasRow>[] = [
    { key: 'class', header: 'Drug class', rowHeader: true, cell: (r) => r.drugClass },
    { key: 'target', header: 'Target', cell: (r) => r.target },
    ...mechanisms.map(
      (m): Column<AtlasRow> => ({
        key: m,
        header: MECHANISM_LABELS[m],
        className: 'num',
        cell: (r) =>
          r.counts[m] === 0 ? (
            <span className="muted">0</span>
          ) : (
            <button
              type="button"
              className="button-secondary count-button"
              data-testid="atlas-count"
              data-mechanism={m}
              data-count={r.counts[m]}
              aria-pressed={selected(r, m)}
              aria-label={`${r.counts[m]} ${MECHANISM_LABELS[m].toLowerCase()} after ${r.drugClass} (${r.target}): show the cases`}
              onClick={() => update(selected(r, m) ? clearCell : { mechanism: m, cellClass: r.drugClass, cellTarget: r.target })}
            >
              {r.counts[m]}
            </button>
          ),
      }),
    ),
    { key: 'total', header: 'Total', className: 'num', cell: (r) => r.total },
    { key: 'patients', header: 'Patients', className: 'num', cell: (r) => r.patients },
  ];

  return (
    <section aria-labelledby="atlas-title">
      <h1 id="atlas-title">Resistance atlas</h1>
      <p className="muted">
        Alterations acquired at progression — absent from an informative sample before the line, present after it — by the drug class and
        target of the line they are read as resistance to, and by mechanism. A case counts under its suggested mechanism until the MTB
        reviews it, then under the mechanism the MTB confirmed; rejected cases are left out of the counts.
      </p>
      <ErrorBanner error={table.error} context="Could not load the atlas" onRetry={table.reload} />

      <form className="atlas-filters form-grid" onSubmit={(e) => e.preventDefault()} aria-label="Atlas filters">
        <div className="field">
          <label htmlFor={`${id}-class`}>Drug class</label>
          <select id={`${id}-class`} value={drugClass} onChange={(e) => update({ drugClass: e.target.value, target: null, ...clearCell })}>
            <option value="">All drug classes</option>
            {drugClasses.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-target`}>Target</label>
          <select id={`${id}-target`} value={target} onChange={(e) => update({ target: e.target.value, ...clearCell })}>
            <option value="">All targets</option>
            {targets.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-status`}>Review status</label>
          <select id={`${id}-status`} value={status} onChange={(e) => update({ status: e.target.value, ...clearCell })}>
            {STATUSES.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
      </form>

      {table.loading && !data && <p role="status">Computing the atlas…</p>}
      {data && (
        <>
          <p data-testid="atlas-summary">
            <strong>{data.total}</strong> acquired alterations in <strong>{data.patients}</strong> patients ({data.patientsScanned} patients
            with serial samples scanned): {data.confirmed} confirmed, {data.needsReview} awaiting review; {data.rejected} rejected and not
            counted.
            <span className="muted small">
              {' '}
              Computed {formatInstantUtc(data.computedAt)} in {(data.computeMs / 1000).toFixed(1)} s.
            </span>
          </p>
          <div className="atlas-table">
            <DataTable
              caption="Acquired alterations by drug class × mechanism (press a count to see its cases)"
              columns={columns}
              rows={data.rows}
              rowKey={(r) => `${r.drugClass}|${r.target}`}
              testId="atlas-table"
              loading={table.loading}
              empty="No acquired alteration matches these filters."
            />
          </div>
        </>
      )}

      {cell && (
        <section aria-labelledby={`${id}-cases`} data-testid="atlas-cases">
          <h2 id={`${id}-cases`}>
            Cases: {MECHANISM_LABELS[cell.mechanism]} after {cell.drugClass} ({cell.target}){cases.data ? ` — ${cases.data.total}` : ''}
          </h2>
          <ErrorBanner error={cases.error} context="Could not load the cases" onRetry={cases.reload} />
          <DataTable
            caption="The cases behind the count"
            captionHidden
            rows={cases.data?.cases ?? []}
            rowKey={(c) => c.key}
            loading={cases.loading}
            testId="atlas-case-table"
            columns={[
              {
                key: 'patient',
                header: 'Patient',
                rowHeader: true,
                cell: (c) => <Link to={`/patients/${encodeURIComponent(c.patientId)}?tab=genomics-over-time`}>{c.pseudonym}</Link>,
              },
              { key: 'tumour', header: 'Tumour', cell: (c) => <span className="code">{c.tumourType ?? '—'}</span> },
              { key: 'alteration', header: 'Acquired alteration', cell: (c) => c.alteration },
              {
                key: 'line',
                header: 'On line',
                cell: (c) => (
                  <>
                    L{c.lineNumber} {c.lineLabel}
                    {c.drug && c.drug !== c.lineLabel ? <span className="muted small"> (read as resistance to {c.drug})</span> : ''}
                  </>
                ),
              },
              { key: 'date', header: 'At progression', cell: (c) => formatDate(c.progressionDate) },
              {
                key: 'samples',
                header: 'Samples',
                className: 'num',
                cell: (c) => `1 baseline → ${c.progressionSampleIds.length} at progression`,
              },
              {
                key: 'suggested',
                header: 'Suggested',
                cell: (c) => (
                  <>
                    {MECHANISM_LABELS[c.suggestedMechanism]}
                    {c.mechanismClass && <span className="muted small"> ({c.mechanismClass})</span>}
                  </>
                ),
              },
              { key: 'status', header: 'Review', cell: (c) => <ReviewBadge status={c.status} /> },
            ]}
          />
        </section>
      )}
    </section>
  );
}
