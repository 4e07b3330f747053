import { useState } from 'react';
import { Link } from 'react-router-dom';
import { radiopharmacyApi, type TracedDose } from '../../api/radiopharmacy';
import { useApi } from '../../api/useApi';
import { can, RADIOPHARMACY_USERS } from '../../auth/roles';
import { useUser } from '../../auth/session';
import { DataTable, type Column } from '../DataTable';
import { ErrorBanner } from '../ErrorBanner';
import { RadiationProtection } from '../radiation/RadiationProtection';
import { BatchStatusBadge } from './BatchStatusBadge';
import { formatDayClock, formatDeviation, formatMBq } from './format';

/** The patient's radiopharmaceutical doses and administrations, each traced back to its batch. */
export function PatientDoses({ patientId }: { patientId: string }) {
  const user = useUser();
  const { data, error, loading, reload } = useApi(`rp-patient-doses:${patientId}`, (signal) =>
    radiopharmacyApi.patientDoses(patientId, { signal }),
  );
  // The batch page is the radiopharmacy's; other readers see the number without a dead link.
  const linkBatches = can(user.role, RADIOPHARMACY_USERS);

  const columns: Column<TracedDose>[] = [
    { key: 'when', header: 'Planned injection', rowHeader: true, cell: (d) => formatDayClock(d.plannedInjectionAt) },
    { key: 'product', header: 'Product', cell: (d) => d.batch.productName },
    {
      key: 'batch',
      header: 'Batch',
      cell: (d) =>
        linkBatches ? (
          <Link className="nowrap" to={`/radiopharmacy/batches/${d.batch.id}`}>
            {d.batch.batchNumber}
          </Link>
        ) : (
          <span className="code nowrap">{d.batch.batchNumber}</span>
        ),
    },
    { key: 'prescribed', header: 'Prescribed', className: 'num', cell: (d) => formatMBq(d.prescribedMBq) },
    {
      key: 'atInjection',
      header: 'At injection',
      className: 'num',
      cell: (d) => (
        <>
          {formatMBq(d.activityAtInjectionMBq)} ({formatDeviation(d.deviationPct)})
          {d.outOfTolerance && <span className="badge badge-warn"> override: {d.overrideReason}</span>}
        </>
      ),
    },
    { key: 'status', header: 'Status', cell: (d) => <BatchStatusBadge status={d.status} /> },
    {
      key: 'administered',
      header: 'Administered',
      cell: (d) =>
        d.administration
          ? `${formatMBq(d.administration.activityMBq)} at ${formatDayClock(d.administration.administeredAt)} by ${d.administration.administeredBy}`
          : '—',
    },
  ];

  return (
    <section aria-labelledby="patient-doses-title">
      <h2 id="patient-doses-title">Radiopharmaceutical doses</h2>
      <ErrorBanner error={error} context="Could not load the doses" onRetry={reload} />
      <DataTable
        caption="Doses drawn for this patient, with their batches and administrations (Paris time)"
        captionHidden
        columns={columns}
        rows={data?.doses ?? []}
        rowKey={(d) => d.id}
        loading={loading}
        empty="No radiopharmaceutical dose for this patient."
        testId="patient-doses"
      />
      {(data?.doses ?? [])
        .filter((d) => d.administration)
        .map((d) => (
          <AdministrationProtection
            key={d.id}
            administrationId={d.administration!.id}
            label={`${d.batch.productName}, ${formatDayClock(d.administration!.administeredAt)}`}
          />
        ))}
    </section>
  );
}

/** Radiation protection after one administration, loaded when the reader opens it. */
function AdministrationProtection({ administrationId, label }: { administrationId: string; label: string }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="administration-protection" onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>Radiation protection after {label}</summary>
      {open ? <RadiationProtection administrationId={administrationId} /> : null}
    </details>
  );
}
