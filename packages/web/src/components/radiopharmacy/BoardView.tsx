import { Link } from 'react-router-dom';
import type { Board, BoardBatch } from '../../api/radiopharmacy';
import { BatchStatusBadge } from './BatchStatusBadge';
import { Countdown } from './Countdown';
import { formatClock, formatDayClock, formatDeviation, formatMBq } from './format';

/** Today's preparations by hot cell: activity now and at injection, live countdown to expiry. */
export function BoardView({ board, fetchedAtMs }: { board: Board; fetchedAtMs: number }) {
  const t = board.totals;
  return (
    <>
      <dl className="rp-totals" aria-label="Today's totals">
        <div>
          <dt>Batches</dt>
          <dd>{t.batches}</dd>
        </div>
        <div>
          <dt>Released</dt>
          <dd>{t.released}</dd>
        </div>
        <div>
          <dt>QC pending</dt>
          <dd>{t.qcPending}</dd>
        </div>
        <div>
          <dt>In preparation</dt>
          <dd>{t.inPreparation}</dd>
        </div>
        <div>
          <dt>Rejected</dt>
          <dd>{t.rejected}</dd>
        </div>
        <div>
          <dt>Doses drawn</dt>
          <dd>{t.doses}</dd>
        </div>
        <div>
          <dt>Staff dose today</dt>
          <dd>{t.staffDoseUSv.toLocaleString('en-GB', { maximumFractionDigits: 1 })} µSv</dd>
        </div>
      </dl>
      <div className="rp-cells" data-testid="rp-board">
        {board.hotCells.map((cell) => (
          <section key={cell.id} className="rp-cell" aria-labelledby={`cell-${cell.id}`} data-testid={`cell-${cell.id}`}>
            <h2 id={`cell-${cell.id}`}>{cell.name}</h2>
            <p className="hint">
              {cell.id} · {cell.nuclides.join(', ')}
            </p>
            {cell.batches.length === 0 ? (
              <p className="muted">No preparation today.</p>
            ) : (
              cell.batches.map((b) => <BatchOnBoard key={b.id} batch={b} fetchedAtMs={fetchedAtMs} />)
            )}
          </section>
        ))}
      </div>
    </>
  );
}

function BatchOnBoard({ batch, fetchedAtMs }: { batch: BoardBatch; fetchedAtMs: number }) {
  const live = batch.status !== 'rejected' && batch.status !== 'expired';
  return (
    <article className="rp-batch" aria-label={`Batch ${batch.batchNumber}`}>
      <div className="rp-batch-head">
        <Link to={`/radiopharmacy/batches/${batch.id}`}>
          <strong>{batch.batchNumber}</strong>
        </Link>
        <span>{batch.product.name}</span>
        <BatchStatusBadge status={batch.status} />
        {batch.product.investigational && <span className="badge badge-warn">Investigational</span>}
      </div>
      <dl className="rp-figures">
        <div>
          <dt>Activity now</dt>
          <dd>{live ? formatMBq(batch.activityNowMBq) : '—'}</dd>
        </div>
        <div>
          <dt>Left in vial</dt>
          <dd>{live ? formatMBq(batch.remainingNowMBq) : '—'}</dd>
        </div>
        <div>
          <dt>Next injection</dt>
          <dd>{batch.nextInjection ? `${formatClock(batch.nextInjection.at)} · ${formatMBq(batch.nextInjection.activityMBq)}` : '—'}</dd>
        </div>
        <div>
          <dt>Expires {batch.secondsToExpiry > 12 * 3600 ? formatDayClock(batch.expiresAt) : formatClock(batch.expiresAt)}</dt>
          <dd>{batch.status === 'rejected' ? '—' : <Countdown secondsAtFetch={batch.secondsToExpiry} fetchedAtMs={fetchedAtMs} />}</dd>
        </div>
      </dl>
      {batch.status === 'rejected' && batch.rejectionReason && <p className="small">Rejected: {batch.rejectionReason}</p>}
      {batch.status === 'qc-pending' && !batch.qc.releasable && (
        <p className="small">
          {batch.qc.failing.length > 0 ? `Failing: ${batch.qc.failing.join(', ')}. ` : ''}
          {batch.qc.missing > 0 ? `${batch.qc.missing} required test(s) to record.` : ''}
        </p>
      )}
      {batch.doses.length > 0 && (
        <ul className="rp-doses" aria-label={`Doses from ${batch.batchNumber}`}>
          {batch.doses.map((d) => (
            <li key={d.id}>
              <Link to={`/patients/${d.patientId}?tab=theranostics`}>{d.pseudonym}</Link> — injection {formatClock(d.plannedInjectionAt)}:{' '}
              {formatMBq(d.activityAtInjectionMBq)} ({formatDeviation(d.deviationPct)}
              {d.outOfTolerance ? ', override' : ''}) · <BatchStatusBadge status={d.status} />
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
