import type { AlterationView, MolecularReportView } from '../../api/types';
import { specimenLabel } from '../../lib/clinical';
import { factAnchor } from '../../lib/evidence';
import { useFactHighlight } from '../../lib/factHighlight';
import { formatDate, formatNumber, formatPercent, humanise, MISSING, timeOf } from '../../lib/format';
import { DataTable } from '../DataTable';
import { ProvenanceTip } from '../ProvenanceTip';

export function MolecularReports({ reports }: { reports: MolecularReportView[] }) {
  const highlighted = useFactHighlight();
  if (reports.length === 0) return <p className="muted">No molecular report recorded.</p>;
  const rows = [...reports].sort((a, b) => timeOf(b.reportedAt) - timeOf(a.reportedAt));
  return (
    <div className="reports">
      {rows.map((r) => {
        const title = `${specimenLabel(r.specimen)} — ${r.panel} — ${formatDate(r.reportedAt)}`;
        return (
          <article
            key={r.id ?? `${r.reportedAt}-${r.panel}-${r.specimen}`}
            id={r.id ? factAnchor(r.id) : undefined}
            className={r.id && r.id === highlighted ? 'report fact-target' : 'report'}
            tabIndex={r.id && r.id === highlighted ? -1 : undefined}
            aria-current={r.id && r.id === highlighted ? 'location' : undefined}
          >
            <h3>
              {title} <ProvenanceTip provenance={r.provenance} subject={`report ${title}`} />
            </h3>
            <dl className="facts">
              <div>
                <dt>TMB</dt>
                <dd>{r.tmb != null ? `${formatNumber(r.tmb, 1)} mut/Mb` : MISSING}</dd>
              </div>
              <div>
                <dt>MSI</dt>
                <dd>{r.msi ?? MISSING}</dd>
              </div>
              <div>
                <dt>Tumour fraction</dt>
                <dd>{formatPercent(r.tumourFraction)}</dd>
              </div>
            </dl>
            <AlterationsTable alterations={r.alterations} caption={`Alterations — ${title}`} />
          </article>
        );
      })}
    </div>
  );
}

function AlterationsTable({ alterations, caption }: { alterations: AlterationView[]; caption: string }) {
  return (
    <DataTable
      caption={caption}
      captionHidden
      rows={alterations}
      rowKey={(a) => a.id ?? `${a.gene}-${a.alterationClass}-${a.hgvsProtein ?? a.hgvsCdna ?? a.fusionPartner ?? ''}`}
      factId={(a) => a.id}
      empty="No reportable alteration."
      columns={[
        { key: 'gene', header: 'Gene', rowHeader: true, cell: (a) => <span className="gene">{a.gene}</span> },
        { key: 'class', header: 'Class', cell: (a) => humanise(a.alterationClass) },
        { key: 'p', header: 'HGVS p.', cell: (a) => <span className="code">{a.hgvsProtein ?? MISSING}</span> },
        { key: 'c', header: 'HGVS c.', cell: (a) => <span className="code">{a.hgvsCdna ?? MISSING}</span> },
        { key: 'vaf', header: 'VAF %', className: 'num', cell: (a) => (a.vaf != null ? (a.vaf * 100).toFixed(1) : MISSING) },
        { key: 'cn', header: 'Copy number', className: 'num', cell: (a) => formatNumber(a.copyNumber) },
        { key: 'partner', header: 'Partner', cell: (a) => a.fusionPartner ?? MISSING },
      ]}
    />
  );
}
