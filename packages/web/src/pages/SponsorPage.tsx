import { api } from '../api/endpoints';
import type { TrialKpi } from '../api/types';
import { useApi } from '../api/useApi';
import { BarChart, type Bar } from '../components/BarChart';
import { DataTable } from '../components/DataTable';
import { ErrorBanner } from '../components/ErrorBanner';
import { SlotsBar } from '../components/SlotsBar';
import { formatPercent, MISSING } from '../lib/format';
import { usePageTitle } from '../lib/usePageTitle';

function barsOf(k: TrialKpi): Bar[] {
  return [
    { label: 'Pre-screened', value: k.preScreened, tone: 'info' },
    { label: 'Screening', value: k.screening, tone: 'info-dark' },
    { label: 'Enrolled', value: k.enrolled, tone: 'good' },
    { label: 'Screen failures', value: k.screenFailures, tone: 'bad' },
  ];
}

const trialName = (k: TrialKpi) => (k.acronym ? `${k.protocolNumber} — ${k.acronym}` : k.protocolNumber);

/** Aggregates only: the sponsor never sees a patient, only counts per trial. */
export function SponsorPage() {
  usePageTitle('Sponsor KPIs');
  const { data, error, loading, reload } = useApi('kpis', (signal) => api.sponsorKpis({ signal }));
  const kpis = data?.trials ?? [];
  const max = Math.max(0, ...kpis.flatMap((k) => barsOf(k).map((b) => b.value)));

  return (
    <section aria-labelledby="kpi-title">
      <h1 id="kpi-title">Trial KPIs</h1>
      <p className="muted">Aggregated recruitment figures for your trials. No patient-level data is shown.</p>
      <ErrorBanner error={error} context="Could not load the KPIs" onRetry={reload} />
      {loading && !data && <p role="status">Loading KPIs…</p>}
      {data && kpis.length === 0 && <p>No trial is attached to your account yet.</p>}
      <div className="kpi-grid">
        {kpis.map((k) => (
          <figure key={k.id} className="kpi-card">
            <figcaption>
              <strong>{trialName(k)}</strong>
              {k.title && <span className="muted small"> {k.title}</span>}
            </figcaption>
            <BarChart title={`Recruitment for ${trialName(k)}`} bars={barsOf(k)} max={max} />
            {k.slotsTotal != null && (
              <div className="kpi-slots small">
                <span className="muted">Slots used / total</span>
                <SlotsBar used={k.slotsUsed ?? 0} total={k.slotsTotal} label={`${k.protocolNumber} slots`} />
              </div>
            )}
          </figure>
        ))}
      </div>
      {kpis.length > 0 && (
        <DataTable
          caption="KPIs per trial"
          rows={kpis}
          rowKey={(k) => k.id}
          testId="kpis"
          columns={[
            { key: 'trial', header: 'Trial', rowHeader: true, cell: trialName },
            { key: 'pre', header: 'Pre-screened', className: 'num', cell: (k) => k.preScreened },
            { key: 'scr', header: 'Screening', className: 'num', cell: (k) => k.screening },
            { key: 'enr', header: 'Enrolled', className: 'num', cell: (k) => k.enrolled },
            { key: 'sf', header: 'Screen failures', className: 'num', cell: (k) => k.screenFailures },
            { key: 'sfr', header: 'Screen-failure rate', className: 'num', cell: (k) => formatPercent(k.screenFailureRate, 0) },
            {
              key: 'slots',
              header: 'Slots used / total',
              className: 'num',
              cell: (k) => (k.slotsTotal != null ? `${k.slotsUsed ?? 0} / ${k.slotsTotal}` : MISSING),
            },
          ]}
        />
      )}
    </section>
  );
}
