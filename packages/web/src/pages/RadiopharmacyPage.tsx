import { useEffect, useState } from 'react';
import { Link, Route, Routes, useNavigate, useParams } from 'react-router-dom';
import { radiopharmacyApi, type BatchDetail, type DrawnDose } from '../api/radiopharmacy';
import { useApi } from '../api/useApi';
import { can } from '../auth/roles';
import { useUser } from '../auth/session';
import { ErrorBanner } from '../components/ErrorBanner';
import { BatchDetailView } from '../components/radiopharmacy/BatchDetailView';
import { BoardView } from '../components/radiopharmacy/BoardView';
import { CreateBatchForm } from '../components/radiopharmacy/CreateBatchForm';
import { DrawDoseForm } from '../components/radiopharmacy/DrawDoseForm';
import { formatDeviation, formatMBq, PREPARERS } from '../components/radiopharmacy/format';
import { QcForm } from '../components/radiopharmacy/QcForm';
import '../components/radiopharmacy/radiopharmacy.css';
import { RejectForm } from '../components/radiopharmacy/RejectForm';
import { ReleaseForm } from '../components/radiopharmacy/ReleaseForm';
import { usePageTitle } from '../lib/usePageTitle';

/** The radiopharmacy: today's board, preparing a batch, and each batch's QC, release, doses and traceability. */
export function RadiopharmacyPage() {
  return (
    <Routes>
      <Route index element={<BoardPage />} />
      <Route path="new" element={<NewBatchPage />} />
      <Route path="batches/:id" element={<BatchPage />} />
    </Routes>
  );
}

/** Activities change by the minute: the board is reloaded every minute, the countdowns tick every second. */
const BOARD_REFRESH_MS = 60_000;

function BoardPage() {
  usePageTitle('Radiopharmacy');
  const user = useUser();
  const [fetchedAt, setFetchedAt] = useState(() => Date.now());
  const { data, error, loading, reload } = useApi(
    'rp-board',
    async (signal) => {
      const board = await radiopharmacyApi.board({ signal });
      setFetchedAt(Date.now());
      return board;
    },
    { keepPrevious: true },
  );
  useEffect(() => {
    const t = setInterval(reload, BOARD_REFRESH_MS);
    return () => clearInterval(t);
  }, [reload]);

  return (
    <section aria-labelledby="rp-title">
      <div className="section-head">
        <h1 id="rp-title">Radiopharmacy — today{data ? ` (${data.day}, Paris time)` : ''}</h1>
        {can(user.role, PREPARERS) && (
          <Link className="button-primary" to="/radiopharmacy/new">
            Prepare a batch
          </Link>
        )}
      </div>
      <ErrorBanner error={error} context="Could not load the board" onRetry={reload} />
      {!data && loading && <p role="status">Loading the board…</p>}
      {data && <BoardView board={data} fetchedAtMs={fetchedAt} />}
    </section>
  );
}

function NewBatchPage() {
  usePageTitle('Prepare a batch');
  const navigate = useNavigate();
  return (
    <section aria-labelledby="rp-new-title">
      <p className="breadcrumb">
        <Link to="/radiopharmacy">← Radiopharmacy board</Link>
      </p>
      <h1 id="rp-new-title" className="visually-hidden">
        Prepare a batch
      </h1>
      <CreateBatchForm onCreated={(b) => navigate(`/radiopharmacy/batches/${b.id}`)} />
    </section>
  );
}

function BatchPage() {
  const { id = '' } = useParams();
  const user = useUser();
  const [fetchedAt, setFetchedAt] = useState(() => Date.now());
  const [fresh, setFresh] = useState<BatchDetail | null>(null);
  const [lastDose, setLastDose] = useState<DrawnDose | null>(null);
  const { data, error, loading, reload } = useApi(`rp-batch:${id}`, async (signal) => {
    const b = await radiopharmacyApi.batch(id, { signal });
    setFetchedAt(Date.now());
    setFresh(null);
    return b;
  });
  const batch = fresh && fresh.id === id ? fresh : data;
  usePageTitle(batch ? `Batch ${batch.batchNumber}` : 'Batch');
  const update = (b: BatchDetail) => {
    setFresh(b);
    setFetchedAt(Date.now());
  };

  if (error) return <ErrorBanner error={error} context="Could not open the batch" onRetry={reload} />;
  if (!batch) return loading ? <p role="status">Loading the batch…</p> : null;
  const preparer = can(user.role, PREPARERS);
  return (
    <article aria-labelledby="rp-batch-title">
      <p className="breadcrumb">
        <Link to="/radiopharmacy">← Radiopharmacy board</Link>
      </p>
      <h1 id="rp-batch-title">
        Batch <span data-testid="batch-number">{batch.batchNumber}</span> — {batch.product.name}
      </h1>
      {lastDose && (
        <p className="banner banner-success" role="status">
          Dose dispensed: {formatMBq(lastDose.drawnMBq)} drawn, {formatMBq(lastDose.activityAtInjectionMBq)} at injection (
          {formatDeviation(lastDose.tolerance.deviationPct)}
          {lastDose.outOfTolerance ? ', dispensed with an override' : ''}).
        </p>
      )}
      <BatchDetailView batch={batch} fetchedAtMs={fetchedAt} />
      {preparer && (
        <>
          {(batch.status === 'in-preparation' || batch.status === 'qc-pending' || batch.status === 'released') && (
            <QcForm
              key={`qc-${batch.version}`}
              batch={batch}
              onSaved={(b) => {
                setLastDose(null);
                update(b);
              }}
            />
          )}
          {/* Release is the radiopharmacist's signature alone (server: BATCH_RELEASERS). */}
          {batch.status === 'qc-pending' && user.role === 'radiopharmacist' && <ReleaseForm batch={batch} onReleased={update} />}
          {batch.status === 'released' && (
            <DrawDoseForm
              batch={batch}
              onDrawn={(dose) => {
                setLastDose(dose);
                reload();
              }}
            />
          )}
          {(batch.status === 'in-preparation' || batch.status === 'qc-pending' || batch.status === 'released') && (
            <RejectForm batch={batch} onRejected={update} />
          )}
        </>
      )}
    </article>
  );
}
