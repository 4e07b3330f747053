import type { AlterationSeries, GenomicSample, SeriesPoint } from '../../api/genomics';
import { DataTable, type Column } from '../DataTable';
import { formatDate, MISSING } from '../../lib/format';
import { percent } from './scales';

interface Row {
  key: string;
  label: string;
  cells: Map<string, string>;
}

const SHORT: Record<SeriesPoint['state'], string> = {
  detected: 'detected',
  not_detected: 'ND',
  not_covered: 'not covered',
  uninformative_low_tumour_fraction: 'uninformative',
};

function cellText(p: SeriesPoint): string {
  if (p.state !== 'detected') return SHORT[p.state];
  if (p.vaf !== undefined) return percent(p.vaf);
  if (p.copyNumber !== undefined) return `CN ${p.copyNumber}`;
  return 'detected';
}

/** Every alteration × every sample in words and figures: the chart's accessible counterpart, CNAs and fusions included. */
export function VafTable({ samples, series }: { samples: readonly GenomicSample[]; series: readonly AlterationSeries[] }) {
  const rows: Row[] = [
    {
      key: '__tf',
      label: 'Tumour fraction (ctDNA)',
      cells: new Map(samples.map((s) => [s.id, s.tumourFraction !== undefined ? percent(s.tumourFraction) : MISSING])),
    },
    ...series.map((s) => ({ key: s.key, label: s.label, cells: new Map(s.points.map((p) => [p.sampleId, cellText(p)])) })),
  ];
  const columns: Column<Row>[] = [
    { key: 'alteration', header: 'Alteration', rowHeader: true, cell: (r) => r.label },
    ...samples.map(
      (s): Column<Row> => ({
        key: s.id,
        header: (
          <>
            {formatDate(s.reportedAt)}
            <br />
            <span className="muted small">{s.specimen === 'ctdna' ? 'ctDNA' : 'tissue'}</span>
          </>
        ),
        className: 'num',
        cell: (r) => r.cells.get(s.id) ?? MISSING,
      }),
    ),
  ];
  return (
    <DataTable
      caption="Variant allele fraction (or copy number) of each alteration in each sample; ND = not detected"
      columns={columns}
      rows={rows}
      rowKey={(r) => r.key}
      testId="vaf-table"
    />
  );
}
