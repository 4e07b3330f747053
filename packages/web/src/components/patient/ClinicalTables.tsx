import type { ConditionView, DocumentView, LabView, ParticipationView, PerformanceView, TherapyLineView } from '../../api/types';
import { Link } from 'react-router-dom';
import { labFlag, referenceRange, tnmText } from '../../lib/clinical';
import { formatDate, formatNumber, humanise, MISSING, timeOf } from '../../lib/format';
import { DataTable } from '../DataTable';
import { ProvenanceTip } from '../ProvenanceTip';
import { StatusBadge } from '../StatusBadge';
import { DOCUMENT_KINDS } from '../../lib/vocab';
import { factAnchor } from '../../lib/evidence';
import { useFactHighlight } from '../../lib/factHighlight';

type NameOf = (code: string) => string | undefined;

const byDate =
  <T,>(at: (x: T) => string) =>
  (a: T, b: T) =>
    timeOf(at(a)) - timeOf(at(b));

export function ConditionsTable({ conditions, nameOf }: { conditions: ConditionView[]; nameOf: NameOf }) {
  const rows = [...conditions].sort(byDate((c) => c.diagnosedAt));
  return (
    <DataTable
      caption="Conditions"
      factId={(r) => r.id}
      rows={rows}
      rowKey={(c) => c.id ?? `${c.kind}-${c.oncotreeCode}-${c.diagnosedAt}-${c.bodySite ?? ''}`}
      empty="No condition recorded."
      columns={[
        { key: 'date', header: 'Diagnosed', className: 'date', cell: (c) => formatDate(c.diagnosedAt) },
        { key: 'kind', header: 'Kind', cell: (c) => humanise(c.kind) },
        {
          key: 'code',
          header: 'OncoTree',
          rowHeader: true,
          cell: (c) => (
            <>
              <span className="code">{c.oncotreeCode}</span> <span className="muted">{c.oncotreeName ?? nameOf(c.oncotreeCode) ?? ''}</span>
            </>
          ),
        },
        { key: 'site', header: 'Body site', cell: (c) => c.bodySite ?? MISSING },
        { key: 'stage', header: 'Stage', cell: (c) => c.stage ?? MISSING },
        { key: 'tnm', header: 'TNM', cell: (c) => tnmText(c.tnm) },
        {
          key: 'prov',
          header: 'Provenance',
          cell: (c) => <ProvenanceTip provenance={c.provenance} subject={`diagnosis ${c.oncotreeCode}`} />,
        },
      ]}
    />
  );
}

export function TherapyTable({ lines }: { lines: TherapyLineView[] }) {
  const rows = [...lines].sort((a, b) => a.lineNumber - b.lineNumber || timeOf(a.startedAt) - timeOf(b.startedAt));
  return (
    <DataTable
      caption="Lines of therapy"
      factId={(r) => r.id}
      rows={rows}
      rowKey={(t) => t.id ?? `${t.lineNumber}-${t.startedAt}`}
      empty="No line of therapy recorded."
      columns={[
        { key: 'line', header: 'Line', className: 'num', rowHeader: true, cell: (t) => t.lineNumber },
        { key: 'setting', header: 'Setting', cell: (t) => humanise(t.setting) },
        {
          key: 'drugs',
          header: 'Drugs (class)',
          cell: (t) =>
            t.drugs.length ? (
              <ul className="plain">
                {t.drugs.map((d) => (
                  <li key={d.name}>
                    {d.name} <span className="muted">({d.drugClass})</span>
                  </li>
                ))}
              </ul>
            ) : (
              MISSING
            ),
        },
        { key: 'start', header: 'Started', className: 'date', cell: (t) => formatDate(t.startedAt) },
        { key: 'end', header: 'Ended', className: 'date', cell: (t) => (t.endedAt ? formatDate(t.endedAt) : 'Ongoing') },
        {
          key: 'best',
          header: 'Best response',
          cell: (t) => <abbr title={responseName(t.bestResponse)}>{t.bestResponse ?? MISSING}</abbr>,
        },
        { key: 'stop', header: 'Stop reason', cell: (t) => t.stopReason ?? MISSING },
        { key: 'prov', header: 'Provenance', cell: (t) => <ProvenanceTip provenance={t.provenance} subject={`line ${t.lineNumber}`} /> },
      ]}
    />
  );
}

function responseName(r: TherapyLineView['bestResponse']): string | undefined {
  const names = { CR: 'Complete response', PR: 'Partial response', SD: 'Stable disease', PD: 'Progressive disease', NE: 'Not evaluable' };
  return r ? names[r] : undefined;
}

export function LabsTable({ labs }: { labs: LabView[] }) {
  const rows = [...labs].sort(byDate((l) => l.provenance.observedAt)).reverse();
  return (
    <DataTable
      caption="Laboratory results, most recent first"
      factId={(r) => r.id}
      rows={rows}
      rowKey={(l) => l.id ?? `${l.loinc}-${l.provenance.observedAt}-${l.value}`}
      empty="No laboratory result recorded."
      columns={[
        { key: 'date', header: 'Observed', className: 'date', cell: (l) => formatDate(l.provenance.observedAt) },
        {
          key: 'test',
          header: 'Test',
          rowHeader: true,
          cell: (l) => (
            <>
              <span className="name-cell">{l.display}</span>
              <span className="muted code small block">LOINC {l.loinc}</span>
            </>
          ),
        },
        { key: 'value', header: 'Value', className: 'num', cell: (l) => formatNumber(l.value, 3) },
        { key: 'unit', header: 'Unit', cell: (l) => l.unit },
        { key: 'range', header: 'Reference range', cell: (l) => referenceRange(l) },
        { key: 'flag', header: 'Flag', cell: (l) => <LabFlagCell lab={l} /> },
        { key: 'prov', header: 'Provenance', cell: (l) => <ProvenanceTip provenance={l.provenance} subject={l.display} /> },
      ]}
    />
  );
}

function LabFlagCell({ lab }: { lab: LabView }) {
  const flag = labFlag(lab);
  if (!flag) return <span className="muted">Normal</span>;
  return <span className={`flag flag-${flag}`}>{flag === 'high' ? 'High (H)' : 'Low (L)'}</span>;
}

export function PerformanceTable({ statuses }: { statuses: PerformanceView[] }) {
  const rows = [...statuses].sort(byDate((s) => s.provenance.observedAt)).reverse();
  return (
    <DataTable
      caption="ECOG performance status, most recent first"
      factId={(r) => r.id}
      rows={rows}
      rowKey={(s) => s.id ?? `${s.provenance.observedAt}-${s.ecog}`}
      empty="No ECOG recorded."
      columns={[
        { key: 'date', header: 'Observed', className: 'date', rowHeader: true, cell: (s) => formatDate(s.provenance.observedAt) },
        { key: 'ecog', header: 'ECOG', className: 'num', cell: (s) => s.ecog },
        { key: 'prov', header: 'Provenance', cell: (s) => <ProvenanceTip provenance={s.provenance} subject={`ECOG ${s.ecog}`} /> },
      ]}
    />
  );
}

export function ParticipationsTable({ participations }: { participations: ParticipationView[] }) {
  const rows = [...participations].sort(byDate((t) => t.since));
  return (
    <DataTable
      caption="Trial participations"
      rows={rows}
      rowKey={(t) => t.id ?? `${t.protocolNumber}-${t.since}`}
      empty="Not taking part in any trial."
      columns={[
        {
          key: 'trial',
          header: 'Protocol number',
          rowHeader: true,
          // Without the trial's id, fall back to a search by protocol number.
          cell: (t) => (
            <Link to={t.trialId ? `/trials/${encodeURIComponent(t.trialId)}` : `/trials?q=${encodeURIComponent(t.protocolNumber)}`}>
              {t.protocolNumber}
            </Link>
          ),
        },
        { key: 'acronym', header: 'Acronym', cell: (t) => t.acronym ?? MISSING },
        { key: 'status', header: 'Status', cell: (t) => <StatusBadge status={t.status} /> },
        { key: 'since', header: 'Since', className: 'date', cell: (t) => formatDate(t.since) },
        {
          key: 'prov',
          header: 'Provenance',
          cell: (t) => <ProvenanceTip provenance={t.provenance} subject={`participation in ${t.protocolNumber}`} />,
        },
      ]}
    />
  );
}

export function DocumentsList({ documents }: { documents: DocumentView[] }) {
  const highlighted = useFactHighlight();
  const rows = [...documents].sort(byDate((d) => d.authoredAt)).reverse();
  if (rows.length === 0) return <p className="muted">No document recorded.</p>;
  return (
    <ul className="documents">
      {rows.map((d) => (
        <li
          key={d.id ?? `${d.authoredAt}-${d.title}`}
          id={d.id ? factAnchor(d.id) : undefined}
          className={d.id && d.id === highlighted ? 'fact-target' : undefined}
          tabIndex={d.id && d.id === highlighted ? -1 : undefined}
        >
          <details open={(d.id && d.id === highlighted) || undefined}>
            <summary>
              <span className="kind-tag kind-document">{DOCUMENT_KINDS[d.kind] ?? humanise(d.kind)}</span> {d.title}{' '}
              <span className="muted">— {formatDate(d.authoredAt)}</span>
            </summary>
            <div className="document-text">{d.text}</div>
          </details>
          <ProvenanceTip provenance={d.provenance} subject={d.title} />
        </li>
      ))}
    </ul>
  );
}
