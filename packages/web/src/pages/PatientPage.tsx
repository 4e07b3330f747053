import { useEffect, useMemo } from 'react';
import { Link, useLocation, useParams, useSearchParams } from 'react-router-dom';
import { api } from '../api/endpoints';
import type { PatientDetail } from '../api/types';
import { useApi } from '../api/useApi';
import { can, IDENTITY_READERS } from '../auth/roles';
import { useUser } from '../auth/session';
import { ErrorBanner } from '../components/ErrorBanner';
import { GenomicsOverTimePanel } from '../components/genomics/GenomicsOverTimePanel';
import { IdentityPanel } from '../components/patient/IdentityPanel';
import {
  ConditionsTable,
  DocumentsList,
  LabsTable,
  ParticipationsTable,
  PerformanceTable,
  TherapyTable,
} from '../components/patient/ClinicalTables';
import { MolecularReports } from '../components/patient/MolecularReports';
import { TrialMatches } from '../components/patient/TrialMatches';
import { Tabs, type Tab } from '../components/Tabs';
import { TheranosticsPanel } from '../components/theranostics/TheranosticsPanel';
import { Timeline } from '../components/Timeline';
import { primaryCondition } from '../lib/clinical';
import { factAnchor, factIdFromHash } from '../lib/evidence';
import { FactHighlightContext } from '../lib/factHighlight';
import { formatDate, humanise, MISSING } from '../lib/format';
import { useOncoTree } from '../lib/oncotree';
import { buildTimeline } from '../lib/timeline';
import { usePageTitle } from '../lib/usePageTitle';

export function PatientPage() {
  const { id = '' } = useParams();
  const { data, error, loading, reload } = useApi(id, (signal) => api.patient(id, { signal }));
  usePageTitle(data ? `Patient ${data.pseudonym}` : 'Patient');

  if (error) {
    return (
      <>
        <p>
          <Link to="/patients">← Patients</Link>
        </p>
        <ErrorBanner error={error} context="Could not open the patient record" onRetry={reload} />
      </>
    );
  }
  if (loading || !data) return <p role="status">Loading the patient record…</p>;
  // Keyed by id: nothing (identity shown, tab state) carries over from one patient to the next.
  return <PatientRecordView key={data.id} patient={data} />;
}

function PatientRecordView({ patient }: { patient: PatientDetail }) {
  const user = useUser();
  const { byCode } = useOncoTree();
  const nameOf = (code: string) => byCode.get(code)?.name;
  const [params, setParams] = useSearchParams();
  const events = useMemo(() => buildTimeline(patient, (code) => byCode.get(code)?.name), [patient, byCode]);
  const primary = primaryCondition(patient.conditions);
  const selected = params.get('tab') ?? 'timeline';
  // An evidence link of a match opens a tab at "#fact-<id>": bring that row into view and
  // give it focus, so keyboard and screen-reader users land on the fact too.
  const { hash } = useLocation();
  const factId = factIdFromHash(hash);
  useEffect(() => {
    if (!factId) return;
    const frame = requestAnimationFrame(() => {
      const el = document.getElementById(factAnchor(factId));
      if (!el) return;
      el.scrollIntoView({ block: 'center' });
      el.focus({ preventScroll: true });
    });
    return () => cancelAnimationFrame(frame);
  }, [factId, selected]);

  const tabs: Tab[] = [
    { id: 'timeline', label: 'Timeline', panel: () => <Timeline events={events} /> },
    { id: 'conditions', label: 'Conditions', panel: () => <ConditionsTable conditions={patient.conditions ?? []} nameOf={nameOf} /> },
    { id: 'therapy', label: 'Therapy lines', panel: () => <TherapyTable lines={patient.therapyLines ?? []} /> },
    { id: 'molecular', label: 'Molecular reports', panel: () => <MolecularReports reports={patient.molecularReports ?? []} /> },
    { id: 'genomics-over-time', label: 'Genomics over time', panel: () => <GenomicsOverTimePanel patientId={patient.id} /> },
    { id: 'labs', label: 'Labs', panel: () => <LabsTable labs={patient.labs ?? []} /> },
    { id: 'ecog', label: 'ECOG', panel: () => <PerformanceTable statuses={patient.performance ?? []} /> },
    { id: 'theranostics', label: 'Theranostics', panel: () => <TheranosticsPanel patientId={patient.id} /> },
    { id: 'documents', label: 'Documents', panel: () => <DocumentsList documents={patient.documents ?? []} /> },
    {
      id: 'trials',
      label: 'Trials',
      panel: () => (
        <>
          <TrialMatches patient={patient} />
          <section aria-labelledby="participations-title">
            <h2 id="participations-title">Trial participations</h2>
            <ParticipationsTable participations={patient.participations ?? []} />
          </section>
        </>
      ),
    },
  ];

  return (
    <article aria-labelledby="patient-title">
      <p className="breadcrumb">
        <Link to="/patients">← Patients</Link>
      </p>
      <header className="record-header">
        <h1 id="patient-title">
          Patient <span data-testid="pseudonym">{patient.pseudonym}</span>
        </h1>
        <dl className="facts">
          <div>
            <dt>Sex</dt>
            <dd>{humanise(patient.sex)}</dd>
          </div>
          <div>
            <dt>Birth year</dt>
            <dd>{patient.birthYear ?? 'unknown'}</dd>
          </div>
          <div>
            <dt>Vital status</dt>
            <dd>{humanise(patient.vitalStatus)}</dd>
          </div>
          <div>
            <dt>Primary diagnosis</dt>
            <dd>
              {primary ? (
                <>
                  <span className="code">{primary.oncotreeCode}</span> {primary.oncotreeName ?? nameOf(primary.oncotreeCode) ?? ''}
                  {primary.stage ? `, stage ${primary.stage}` : ''}
                  <span className="muted"> (diagnosed {formatDate(primary.diagnosedAt)})</span>
                </>
              ) : (
                MISSING
              )}
            </dd>
          </div>
        </dl>
        {/* Not offered to roles that may not see identity (the server refuses them anyway). */}
        {can(user.role, IDENTITY_READERS) && <IdentityPanel patientId={patient.id} />}
      </header>
      <FactHighlightContext.Provider value={factId}>
        <Tabs
          label="Patient record sections"
          tabs={tabs}
          selected={selected}
          // Replace rather than push: switching tabs should not fill the Back button's history.
          onSelect={(tab) =>
            setParams(
              (prev) => {
                const next = new URLSearchParams(prev);
                if (tab === 'timeline') next.delete('tab');
                else next.set('tab', tab);
                return next;
              },
              { replace: true },
            )
          }
        />
      </FactHighlightContext.Provider>
    </article>
  );
}
