import { useId, useState } from 'react';
import type { AdministrationView, CumulativeView, LimitStatus, StudyView } from '../../api/theranostics';
import { DataTable, type Column } from '../DataTable';
import { sig } from './chart-scale';
import { CumulativeChart, type Projection } from './CumulativeChart';
import { formatMBq, formatParis } from './format';
import { TacChart } from './TacChart';

const QUANTITY = { bed: 'BED', 'absorbed-dose': 'absorbed dose' } as const;
const ORGAN = { kidneys: 'Kidneys', 'red-marrow': 'Red marrow' } as const;

function projectionFor(c: CumulativeView, organ: LimitStatus['organ'], quantity: LimitStatus['quantity']): Projection | null {
  const next = c.nextCycle;
  const check = next?.check.checks.find((x) => x.organ === organ && x.quantity === quantity);
  if (!next || !check) return null;
  return {
    cycle: next.cycle,
    activityMBq: next.activityMBq,
    plannedGy: check.plannedGy,
    projectedGy: check.projectedGy,
    verdict: check.verdict,
  };
}

function LimitsTable({ cumulative }: { cumulative: CumulativeView }) {
  const columns: Column<LimitStatus>[] = [
    { key: 'what', header: 'Organ at risk', rowHeader: true, cell: (l) => `${ORGAN[l.organ]}, ${QUANTITY[l.quantity]}` },
    { key: 'sum', header: 'Cumulative (Gy)', className: 'num', cell: (l) => sig(l.cumulativeGy) },
    { key: 'limit', header: 'Limit (Gy)', className: 'num', cell: (l) => l.limitGy },
    {
      key: 'status',
      header: 'Status',
      cell: (l) => (
        <>
          <span className={`badge ${l.exceeded ? 'badge-bad' : 'badge-good'}`}>{l.exceeded ? 'Exceeded' : 'Within'}</span>{' '}
          {(l.fractionOfLimit * 100).toFixed(0)} %
          {l.missingCycles.length > 0 && <span className="badge badge-warn"> no figure for cycle {l.missingCycles.join(', ')}</span>}
        </>
      ),
    },
    { key: 'ref', header: 'Reference', cell: (l) => <span className="hint">{l.reference}</span> },
  ];
  return (
    <DataTable
      caption="Cumulative organ-at-risk doses against their limits"
      columns={columns}
      rows={cumulative.limits}
      rowKey={(l) => `${l.organ}-${l.quantity}`}
    />
  );
}

/** Per-administration dosimetry: the cycles with their doses and methods, the cumulative limits, the fitted curves. */
export function DosimetrySection({
  studies,
  administrations,
  cumulative,
}: {
  studies: readonly StudyView[];
  administrations: readonly AdministrationView[];
  cumulative: CumulativeView;
}) {
  const id = useId();
  const [selected, setSelected] = useState<string | null>(null);
  const byAdministration = new Map(administrations.map((a) => [a.id, a]));
  const study = studies.find((s) => s.id === selected) ?? studies.at(-1);
  const bed = cumulative.limits.find((l) => l.organ === 'kidneys' && l.quantity === 'bed');
  const marrow = cumulative.limits.find((l) => l.organ === 'red-marrow');

  const columns: Column<StudyView>[] = [
    { key: 'cycle', header: 'Cycle', rowHeader: true, cell: (s) => s.cycleNumber },
    { key: 'when', header: 'Administered (Paris)', cell: (s) => formatParis(s.administeredAt) },
    {
      key: 'product',
      header: 'Product, batch',
      cell: (s) => {
        const a = s.administrationId ? byAdministration.get(s.administrationId) : undefined;
        return a ? `${a.productName}, ${a.batchNumber}` : s.nuclide;
      },
    },
    { key: 'injected', header: 'Injected', className: 'num', cell: (s) => formatMBq(s.injectedMBq) },
    {
      key: 'kidney',
      header: 'Kidney dose Gy (Gy/GBq)',
      className: 'num',
      cell: (s) => (s.kidneyDoseGy === null ? '—' : `${sig(s.kidneyDoseGy)} (${sig(s.kidneyDoseGyPerGBq)})`),
    },
    { key: 'bed', header: 'Kidney BED Gy', className: 'num', cell: (s) => sig(s.kidneyBedGy) },
    { key: 'marrow', header: 'Red marrow Gy', className: 'num', cell: (s) => sig(s.redMarrowDoseGy, 2) },
    {
      key: 'methods',
      header: 'Methods',
      cell: (s) => (
        <details>
          <summary>Methods</summary>
          <p>
            <strong>Kidneys:</strong> {s.kidneyMethod ?? 'not computed'}
          </p>
          <p>
            <strong>Kidney BED:</strong> {s.kidneyBedMethod ?? 'not computed'}
          </p>
          <p>
            <strong>Red marrow:</strong> {s.redMarrowMethod ?? 'not computed'}
          </p>
          {s.notes.map((n) => (
            <p key={n} className="hint">
              {n}
            </p>
          ))}
          <p className="hint">
            Computed by {s.computedBy} on {formatParis(s.computedAt)} (version {s.version}).
          </p>
        </details>
      ),
    },
    {
      key: 'pdf',
      header: 'Report',
      cell: (s) => (
        <a
          href={s.reportUrl}
          target="_blank"
          rel="noopener"
          aria-label={`Dosimetry report, cycle ${s.cycleNumber} (PDF)`}
          data-testid="dosimetry-pdf"
        >
          PDF
        </a>
      ),
    },
  ];

  return (
    <section aria-labelledby="th-dosimetry-title" className="th-section">
      <h2 id="th-dosimetry-title">Dosimetry per administration</h2>
      {studies.length === 0 ? (
        <p className="muted">No dosimetry recorded for this patient.</p>
      ) : (
        <>
          <DataTable
            caption="Dosimetry of each administration"
            captionHidden
            columns={columns}
            rows={studies}
            rowKey={(s) => s.id}
            testId="dosimetry-cycles"
          />
          <h3>Cumulative doses against the limits</h3>
          <p>{cumulative.riskFactorsNote}.</p>
          <div className="th-charts">
            {bed && (
              <CumulativeChart
                title="Cumulative kidney BED"
                quantity="BED (Gy)"
                limitGy={bed.limitGy}
                reference={`${bed.reference}. ${bed.method}.`}
                perCycle={bed.perCycle}
                projection={projectionFor(cumulative, 'kidneys', 'bed')}
                testId="bed-chart"
              />
            )}
            {marrow && (
              <CumulativeChart
                title="Cumulative red-marrow dose"
                quantity="Absorbed dose (Gy)"
                limitGy={marrow.limitGy}
                reference={`${marrow.reference}. ${marrow.method}.`}
                perCycle={marrow.perCycle}
                projection={projectionFor(cumulative, 'red-marrow', 'absorbed-dose')}
                testId="marrow-chart"
              />
            )}
          </div>
          {cumulative.nextCycle && (
            <p
              className={`banner ${cumulative.nextCycle.check.verdict === 'exceeds' ? 'banner-warn' : 'banner-info'}`}
              data-testid="next-cycle"
            >
              Next: cycle {cumulative.nextCycle.cycle}, {sig(cumulative.nextCycle.activityMBq / 1000)} GBq ({cumulative.nextCycle.source}) —{' '}
              {cumulative.nextCycle.check.checks
                .filter((c) => c.verdict === 'exceeds')
                .map(
                  (c) =>
                    `would take ${ORGAN[c.organ].toLowerCase()} ${QUANTITY[c.quantity]} to ${sig(c.projectedGy)} Gy, over ${c.limitGy} Gy (at most ${c.maxActivityMBq === null ? '—' : sig(c.maxActivityMBq / 1000)} GBq stays within)`,
                )
                .join('; ') || (cumulative.nextCycle.check.verdict === 'within' ? 'within every limit' : 'some limits cannot be checked')}
              .
            </p>
          )}
          <LimitsTable cumulative={cumulative} />
          {study && (
            <>
              <h3>Time-activity curves</h3>
              <div className="field th-select">
                <label htmlFor={`${id}-cycle`}>Administration</label>
                <select id={`${id}-cycle`} value={study.id} onChange={(e) => setSelected(e.target.value)}>
                  {studies.map((s) => (
                    <option key={s.id} value={s.id}>
                      Cycle {s.cycleNumber}, {formatParis(s.administeredAt)}, {formatMBq(s.injectedMBq)}
                    </option>
                  ))}
                </select>
              </div>
              <TacChart
                key={study.id}
                regions={study.regions}
                caption={`Cycle ${study.cycleNumber}: fitted time-activity curves over the measured points (${study.phantom} phantom; ${study.method})`}
              />
            </>
          )}
        </>
      )}
    </section>
  );
}
