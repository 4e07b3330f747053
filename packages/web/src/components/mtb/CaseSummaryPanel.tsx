import type { CaseView } from '../../api/mtb';
import { formatDate, formatInstantUtc, formatNumber, formatPercent, humanise, MISSING } from '../../lib/format';

/** The patient and the report as the board needs them, pseudonymised. */
export function CaseSummaryPanel({ c }: { c: CaseView }) {
  const p = c.patient;
  const r = c.report;
  return (
    <section aria-labelledby="mtb-summary-title" className="record-header">
      <h2 id="mtb-summary-title" className="visually-hidden">
        Patient and report
      </h2>
      <dl className="facts">
        <div>
          <dt>Diagnosis (OncoTree)</dt>
          <dd>
            {p.diagnosis ? (
              <>
                {p.diagnosis.name} <span className="code">{p.diagnosis.oncotreeCode}</span>
              </>
            ) : (
              MISSING
            )}
          </dd>
        </div>
        <div>
          <dt>Stage</dt>
          <dd>{p.diagnosis?.stage ?? MISSING}</dd>
        </div>
        <div>
          <dt>ECOG</dt>
          <dd>{p.ecog ? `${p.ecog.value} (${formatDate(p.ecog.observedAt)})` : MISSING}</dd>
        </div>
        <div>
          <dt>Sex, birth year</dt>
          <dd>
            {humanise(p.sex)}, {p.birthYear ?? 'birth year unknown'}
          </dd>
        </div>
        <div>
          <dt>Report</dt>
          <dd>
            {r.panel} — {r.specimen === 'ctdna' ? 'plasma ctDNA' : 'tissue'}, {formatDate(r.reportedAt)}
          </dd>
        </div>
        <div>
          <dt>TMB / MSI</dt>
          <dd>
            {r.tmb !== null ? `${formatNumber(r.tmb, 1)} mut/Mb` : MISSING} / {r.msi ?? MISSING}
          </dd>
        </div>
        {r.specimen === 'ctdna' && (
          <div>
            <dt>Tumour fraction</dt>
            <dd>{formatPercent(r.tumourFraction)}</dd>
          </div>
        )}
        <div>
          <dt>Evidence read for</dt>
          <dd>
            {c.tumourType.name} <span className="code">{c.tumourType.code}</span> <span className="muted">({c.tumourType.basis})</span>
          </dd>
        </div>
      </dl>
      <h3 className="small">Lines of therapy ({p.therapyLines.length})</h3>
      {p.therapyLines.length === 0 ? (
        <p className="muted">None recorded.</p>
      ) : (
        <ol className="mtb-lines">
          {p.therapyLines.map((l) => (
            <li key={`${l.lineNumber}-${l.startedAt}`}>
              {l.drugs.join(' + ') || MISSING}{' '}
              <span className="muted">
                ({humanise(l.setting)}, {formatDate(l.startedAt)}–{l.endedAt ? formatDate(l.endedAt) : 'ongoing'}
                {l.bestResponse ? `, best response ${l.bestResponse}` : ''})
              </span>
            </li>
          ))}
        </ol>
      )}
      <p className="small muted">
        Report source: {r.source} · queued {formatInstantUtc(c.queuedAt)} by {c.queuedBy} · knowledge:{' '}
        {c.knowledgeBase.map((k) => `${k.source} ${k.version}`).join('; ')}
      </p>
    </section>
  );
}
