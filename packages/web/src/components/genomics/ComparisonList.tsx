import { useState } from 'react';
import {
  MECHANISM_LABELS,
  STATE_LABELS,
  type AcquiredAlteration,
  type GenomicSample,
  type LineComparison,
  type ReviewStatus,
} from '../../api/genomics';
import { DataTable } from '../DataTable';
import { formatDate, formatInstantUtc, MISSING } from '../../lib/format';
import { ReviewForm } from './ReviewForm';
import { percent } from './scales';

interface Props {
  patientId: string;
  comparisons: readonly LineComparison[];
  samples: readonly GenomicSample[];
  canReview: boolean;
  onReviewed: (message: string) => void;
}

const TONE: Record<ReviewStatus, string> = { 'needs review': 'warn', confirmed: 'good', rejected: 'neutral' };

export function ReviewBadge({ status }: { status: ReviewStatus }) {
  return (
    <span className={`badge badge-${TONE[status]}`} data-testid="review-status">
      {status === 'needs review' ? 'Needs review' : status === 'confirmed' ? 'Confirmed' : 'Rejected'}
    </span>
  );
}

/**
 * Per line of therapy that ended in progression: the baseline sample against the samples at
 * progression, the alterations acquired (each with its suggested mechanism, what it rests on,
 * its flags and the MTB's review) and those lost.
 */
export function ComparisonList({ patientId, comparisons, samples, canReview, onReviewed }: Props) {
  const [open, setOpen] = useState<string | null>(null);
  const sampleLabel = (id: string | null) => {
    const s = samples.find((x) => x.id === id);
    return s ? `${s.specimen === 'ctdna' ? 'ctDNA' : 'tissue'} ${formatDate(s.reportedAt)}` : MISSING;
  };
  if (comparisons.length === 0) {
    return <p className="muted">No line of therapy has both a sample before it and a sample at its progression.</p>;
  }
  return (
    <>
      {comparisons.map((c) => (
        <section key={c.lineId} className="comparison" aria-labelledby={`cmp-${c.lineId}`} data-testid="comparison">
          <h3 id={`cmp-${c.lineId}`}>
            Line {c.lineNumber}: {c.label}
          </h3>
          <p className="small">
            Baseline <strong>{sampleLabel(c.baselineSampleId)}</strong> · at progression{' '}
            <strong>{c.progressionSampleIds.map(sampleLabel).join(', ')}</strong>
            {c.baselineSampleId && <span className="muted"> · {c.persistent} alterations found before and at progression</span>}
          </p>
          {c.note && <p className="banner banner-info">{c.note}</p>}
          {c.baselineSampleId && (
            <DataTable
              caption={`Acquired at progression on line ${c.lineNumber}`}
              rows={c.acquired}
              rowKey={(a) => a.key}
              testId="acquired"
              empty="Nothing acquired."
              expansion={(a) =>
                open === `${c.lineId}/${a.key}` ? (
                  <ReviewForm
                    patientId={patientId}
                    acquired={a}
                    onCancel={() => setOpen(null)}
                    onSaved={(m) => {
                      setOpen(null);
                      onReviewed(m);
                    }}
                  />
                ) : null
              }
              columns={[
                {
                  key: 'alteration',
                  header: 'Alteration',
                  rowHeader: true,
                  cell: (a) => (
                    <>
                      {a.label}
                      <span className="muted small">
                        {' '}
                        {a.vaf !== undefined ? `VAF ${percent(a.vaf)}` : a.copyNumber !== undefined ? `CN ${a.copyNumber}` : ''}
                      </span>
                    </>
                  ),
                },
                { key: 'found', header: 'Found in', cell: (a) => a.sampleIds.map(sampleLabel).join(', ') },
                {
                  key: 'before',
                  header: 'Before the line',
                  cell: (a) => (
                    <>
                      {STATE_LABELS[a.baselineState]}
                      {!a.baselineInformative && (
                        <span className="muted small"> — no informative earlier sample: not known to be acquired</span>
                      )}
                    </>
                  ),
                },
                { key: 'mechanism', header: 'Suggested mechanism', cell: (a) => <Mechanism a={a} /> },
                { key: 'basis', header: 'Rests on', cell: (a) => <Basis a={a} /> },
                {
                  key: 'flags',
                  header: 'Flags',
                  cell: (a) =>
                    a.flags.length === 0
                      ? MISSING
                      : a.flags.map((f) => (
                          <span key={f.kind} className="badge badge-info" title={`${f.reason} → ${f.action}`}>
                            {f.kind === 'possible_clonal_haematopoiesis' ? 'possible CH' : f.kind.replace(/_/g, ' ')}
                          </span>
                        )),
                },
                {
                  key: 'status',
                  header: 'Status',
                  cell: (a) => (
                    <>
                      <ReviewBadge status={a.status} />
                      {a.review && (
                        <span className="small muted">
                          {' '}
                          {a.review.decision === 'confirmed' && a.review.mechanism ? `${MECHANISM_LABELS[a.review.mechanism]} · ` : ''}
                          {a.review.reviewedBy}, {formatInstantUtc(a.review.reviewedAt)} — “{a.review.note}”
                        </span>
                      )}
                    </>
                  ),
                },
                ...(canReview
                  ? [
                      {
                        key: 'review',
                        header: 'Review',
                        cell: (a: AcquiredAlteration) => (
                          <button
                            type="button"
                            className="button-secondary button-small"
                            aria-expanded={open === `${c.lineId}/${a.key}`}
                            aria-label={`${a.review ? 'Change the review of' : 'Review'} ${a.label}`}
                            onClick={() => setOpen(open === `${c.lineId}/${a.key}` ? null : `${c.lineId}/${a.key}`)}
                          >
                            {a.review ? 'Change' : 'Review'}
                          </button>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          )}
          {c.lost.length > 0 && (
            <>
              <h4>Lost at progression</h4>
              <ul className="lost-list" data-testid="lost">
                {c.lost.map((l) => (
                  <li key={l.key}>
                    {l.label}
                    {l.caveat && <span className="muted small"> — {l.caveat}</span>}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      ))}
    </>
  );
}

function Mechanism({ a }: { a: AcquiredAlteration }) {
  return (
    <>
      <strong>{MECHANISM_LABELS[a.mechanism]}</strong>
      {a.mechanismClass && <span className="muted small"> ({a.mechanismClass})</span>}
      <br />
      <span className="small">
        on {a.attribution.drug?.name ?? 'line ' + a.attribution.lineNumber} · {a.attribution.drugClass} · target {a.attribution.target}
      </span>
    </>
  );
}

function Basis({ a }: { a: AcquiredAlteration }) {
  if (a.calls.length === 0 && a.civic.length === 0) return <span className="muted">no reference row, no CIViC item</span>;
  return (
    <ul className="basis-list small">
      {a.calls.map((c) => (
        <li key={`ref-${c.referenceLine}`}>
          Reference row {c.referenceLine}: {c.drugOrClass} → {c.referenceAlteration} ({c.mechanismClass}; CIViC 2021:{' '}
          {c.civicSupport || 'n/a'})
        </li>
      ))}
      {a.civic.length > 0 && (
        <li>
          CIViC resistance:{' '}
          {a.civic.slice(0, 6).map((e, i) => (
            <span key={e.id ?? i}>
              {i > 0 ? ', ' : ''}
              {e.url ? (
                <a href={e.url} target="_blank" rel="noreferrer">
                  {e.id}
                </a>
              ) : (
                e.id
              )}{' '}
              ({e.level}, {e.therapies.join('+')})
            </span>
          ))}
          {a.civic.length > 6 ? ` and ${a.civic.length - 6} more` : ''}
        </li>
      )}
    </ul>
  );
}
