import { Link } from 'react-router-dom';
import type { BatchDetail, QcTestEvaluation, TracedDose } from '../../api/radiopharmacy';
import { DataTable, type Column } from '../DataTable';
import { BatchStatusBadge } from './BatchStatusBadge';
import { Countdown } from './Countdown';
import { formatDayClock, formatDeviation, formatMBq } from './format';

/** A batch as the radiopharmacist and a recall need it: figures, QC against the specification, the signature, and who got what. */
export function BatchDetailView({ batch, fetchedAtMs }: { batch: BatchDetail; fetchedAtMs: number }) {
  const live = batch.status !== 'rejected' && batch.status !== 'expired';
  const qcColumns: Column<QcTestEvaluation>[] = [
    { key: 'test', header: 'Test', rowHeader: true, cell: (t) => t.label },
    {
      key: 'result',
      header: 'Result',
      cell: (t) => (t.status === 'missing' ? '—' : (t.outcome ?? `${t.value}${t.unit && t.unit !== 'pH' ? ` ${t.unit}` : ''}`)),
    },
    { key: 'limit', header: 'Limit', cell: (t) => `${t.limit}${t.required ? '' : ' (after release)'}` },
    {
      key: 'status',
      header: 'Verdict',
      cell: (t) => (
        <span className={`badge badge-${t.status === 'pass' ? 'good' : t.status === 'fail' ? 'bad' : 'neutral'}`}>
          {t.status === 'missing' ? 'Not recorded' : t.status === 'pass' ? 'Pass' : 'Fail'}
        </span>
      ),
    },
    { key: 'ref', header: 'Reference', cell: (t) => <span className="small">{t.reference}</span> },
  ];
  const doseColumns: Column<TracedDose>[] = [
    {
      key: 'patient',
      header: 'Patient',
      rowHeader: true,
      cell: (d) => <Link to={`/patients/${d.patient.id}?tab=theranostics`}>{d.patient.pseudonym}</Link>,
    },
    { key: 'drawn', header: 'Drawn', cell: (d) => `${formatMBq(d.drawnMBq)} at ${formatDayClock(d.drawnAt)}` },
    { key: 'injection', header: 'Planned injection', cell: (d) => formatDayClock(d.plannedInjectionAt) },
    { key: 'atInjection', header: 'At injection', className: 'num', cell: (d) => formatMBq(d.activityAtInjectionMBq) },
    {
      key: 'deviation',
      header: 'Deviation',
      className: 'num',
      cell: (d) => (
        <>
          {formatDeviation(d.deviationPct)}
          {d.outOfTolerance && (
            <span className="badge badge-warn" title={d.overrideReason ?? ''}>
              {' '}
              override
            </span>
          )}
        </>
      ),
    },
    { key: 'status', header: 'Status', cell: (d) => <BatchStatusBadge status={d.status} /> },
    {
      key: 'admin',
      header: 'Administered',
      cell: (d) =>
        d.administration ? `${formatMBq(d.administration.activityMBq)} at ${formatDayClock(d.administration.administeredAt)}` : '—',
    },
  ];

  return (
    <>
      <dl className="facts">
        <div>
          <dt>Status</dt>
          <dd>
            <BatchStatusBadge status={batch.status} />
          </dd>
        </div>
        <div>
          <dt>Hot cell</dt>
          <dd>{batch.hotCell.name}</dd>
        </div>
        <div>
          <dt>Origin</dt>
          <dd>
            {batch.origin}
            {batch.supplierLot ? ` (lot ${batch.supplierLot})` : ''}
            {batch.carrierAdded ? ', carrier-added' : ''}
          </dd>
        </div>
        <div>
          <dt>Calibration</dt>
          <dd>
            {formatMBq(batch.activityMBq)} at {formatDayClock(batch.calibratedAt)}
          </dd>
        </div>
        <div>
          <dt>Activity now</dt>
          <dd>{live ? formatMBq(batch.activityNowMBq) : '—'}</dd>
        </div>
        <div>
          <dt>Left in vial</dt>
          <dd>{live ? formatMBq(batch.remainingNowMBq) : '—'}</dd>
        </div>
        <div>
          <dt>Expires {formatDayClock(batch.expiresAt)}</dt>
          <dd>{batch.status === 'rejected' ? '—' : <Countdown secondsAtFetch={batch.secondsToExpiry} fetchedAtMs={fetchedAtMs} />}</dd>
        </div>
        <div>
          <dt>Prepared</dt>
          <dd>
            {batch.preparedBy}, {formatDayClock(batch.preparedAt)}
            {batch.staffDoseUSv !== null ? ` — operator dose ${batch.staffDoseUSv} µSv` : ''}
          </dd>
        </div>
      </dl>
      {batch.rejectionReason && (
        <p className="banner banner-error" role="status">
          Rejected: {batch.rejectionReason}
        </p>
      )}
      {batch.qc.postReleaseFailures.length > 0 && (
        <p className="banner banner-error" role="alert">
          A post-release test failed ({batch.qc.postReleaseFailures.join(', ')}): trace the patients below.
        </p>
      )}

      <h2>Quality control</h2>
      <DataTable
        caption={`QC of ${batch.batchNumber} against the specification of ${batch.product.name}`}
        columns={qcColumns}
        rows={batch.qc.tests}
        rowKey={(t) => t.test}
        testId="qc-table"
      />

      <h2>Release</h2>
      {batch.release.signed ? (
        <div data-testid="release-signature">
          <p>
            Released by <strong>{batch.release.signed.by}</strong> on {formatDayClock(batch.release.signed.at)}:
          </p>
          <blockquote className="rp-meaning">{batch.release.signed.meaning}</blockquote>
          <p className="small">
            SHA-256 of batch and QC: <span className="rp-hash">{batch.release.signed.hash}</span>{' '}
            {batch.release.signed.hashValid ? (
              <span className="badge badge-good">matches the record</span>
            ) : (
              <span className="badge badge-bad">does NOT match the record</span>
            )}
          </p>
        </div>
      ) : (
        <p className="muted">Not released.</p>
      )}

      <h2>Traceability: doses, patients, administrations</h2>
      {batch.recall.toStop.length > 0 && batch.status === 'rejected' && (
        <p className="banner banner-error" role="alert">
          Recall: {batch.recall.toStop.length} dose(s) not yet injected must not be given; {batch.recall.administered} patient(s) already
          injected need follow-up.
        </p>
      )}
      <DataTable
        caption={`Doses drawn from ${batch.batchNumber}`}
        columns={doseColumns}
        rows={batch.doses}
        rowKey={(d) => d.id}
        empty="No dose drawn from this batch yet."
        testId="batch-doses"
      />

      {batch.waste.length > 0 && (
        <>
          <h2>Waste in decay-in-storage</h2>
          <ul>
            {batch.waste.map((w) => (
              <li key={w.id}>
                {w.container}: {formatMBq(w.activityMBq)} {w.nuclide} measured {formatDayClock(w.measuredAt)}, release from{' '}
                {formatDayClock(w.releaseAt)} ({w.halfLives ?? 10} half-lives of {w.governingNuclide}){w.note ? ` — ${w.note}` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
