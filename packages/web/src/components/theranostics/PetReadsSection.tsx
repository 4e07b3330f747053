import { useState } from 'react';
import type { PetLesionView, PetReadView, RuleEvaluation } from '../../api/theranostics';
import { can, PET_READ_WRITERS } from '../../auth/roles';
import { useUser } from '../../auth/session';
import { factAnchor } from '../../lib/evidence';
import { useFactHighlight } from '../../lib/factHighlight';
import { humanise } from '../../lib/format';
import { DataTable, type Column } from '../DataTable';
import { sig } from './chart-scale';
import { formatParis } from './format';
import { PetReadForm } from './PetReadForm';

const lesionColumns = (sstr: boolean): Column<PetLesionView>[] => [
  { key: 'site', header: 'Lesion', rowHeader: true, cell: (l) => l.site },
  { key: 'region', header: 'Region', cell: (l) => humanise(l.region) },
  { key: 'suv', header: 'SUVmax', className: 'num', cell: (l) => sig(l.suvMax) },
  {
    key: 'liver',
    header: 'Against liver',
    cell: (l) => (l.aboveLiver === null ? 'liver not measured' : l.aboveLiver ? 'above' : 'at or below'),
  },
  { key: 'axis', header: 'Short axis (mm)', className: 'num', cell: (l) => (l.shortAxisMm === null ? '—' : sig(l.shortAxisMm)) },
  { key: 'ct', header: 'Measurable on CT', cell: (l) => (l.ctMeasurable === null ? 'not stated' : l.ctMeasurable ? 'yes' : 'no') },
  ...(sstr
    ? [
        {
          key: 'krenning',
          header: 'Krenning score',
          cell: (l: PetLesionView) => (l.krenning ? <span title={l.krenning.reason}>{l.krenning.label}</span> : '—'),
        },
      ]
    : []),
];

function PetReadCard({ read }: { read: PetReadView }) {
  const highlighted = useFactHighlight() === read.id;
  const organ = (v: number | null) => (v === null ? 'not measured' : sig(v));
  return (
    <article
      className={`th-read${highlighted ? ' fact-target' : ''}`}
      id={factAnchor(read.id)}
      tabIndex={highlighted ? -1 : undefined}
      aria-labelledby={`th-read-${read.id}`}
      data-testid="pet-read"
    >
      <h3 id={`th-read-${read.id}`}>
        {read.tracer} <span className="muted">— {formatParis(read.scannedAt)}</span>
      </h3>
      <dl className="facts">
        <div>
          <dt>Liver SUVmean</dt>
          <dd>{organ(read.reference.liverSuvMean)}</dd>
        </div>
        <div>
          <dt>Parotid SUVmean</dt>
          <dd>{organ(read.reference.parotidSuvMean)}</dd>
        </div>
        <div>
          <dt>Spleen SUVmean</dt>
          <dd>{organ(read.reference.spleenSuvMean)}</dd>
        </div>
      </dl>
      {read.conclusion && <p>{read.conclusion}</p>}
      <DataTable
        caption={`Lesions on the ${read.tracer} PET of ${formatParis(read.scannedAt)}`}
        captionHidden
        columns={lesionColumns(read.target === 'sstr')}
        rows={read.lesions}
        rowKey={(l) => l.id}
        empty="No lesion: a negative read."
      />
      <p className="hint">
        Recorded by {read.provenance.recordedBy} on {formatParis(read.provenance.recordedAt)} ({read.provenance.source}).
      </p>
    </article>
  );
}

/** The patient's PET reads, newest first, and — for the nuclear-medicine physician — the form to record one. */
export function PetReadsSection({
  patientId,
  reads,
  onRecorded,
}: {
  patientId: string;
  reads: readonly PetReadView[];
  onRecorded: (e: RuleEvaluation[]) => void;
}) {
  const user = useUser();
  const [open, setOpen] = useState(false);
  return (
    <section aria-labelledby="th-reads-title" className="th-section">
      <h2 id="th-reads-title">PET reads</h2>
      {can(user.role, PET_READ_WRITERS) && (
        <p>
          <button
            type="button"
            className="button-secondary"
            aria-expanded={open}
            aria-controls="th-pet-form"
            onClick={() => setOpen((o) => !o)}
          >
            {open ? 'Close the PET read form' : 'Record a PET read'}
          </button>
        </p>
      )}
      {open && (
        <div id="th-pet-form">
          <PetReadForm patientId={patientId} onRecorded={onRecorded} />
        </div>
      )}
      {reads.length === 0 ? <p className="muted">No PET read on record.</p> : reads.map((r) => <PetReadCard key={r.id} read={r} />)}
    </section>
  );
}
