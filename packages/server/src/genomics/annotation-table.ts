/**
 * `continuum annotate --format table`: a summary table (one row per alteration), then each
 * alteration's evidence grouped by source, level, direction, therapies and tumour type — CIViC
 * often holds a dozen items that differ only by citation, which a reader wants counted, not
 * repeated. The JSON format keeps every item.
 */
import type { AlterationAnnotation, EvidenceItem } from '@continuum/core';

const MAX_CELL = 44;
const MAX_EVIDENCE_ROWS = 12;

function cell(text: string, max = MAX_CELL): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Left-aligned columns, two spaces apart, no trailing blanks. */
export function alignedTable(header: readonly string[], rows: readonly (readonly string[])[], indent = ''): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]) =>
    indent +
    r
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

const FLAG_LABELS: Record<string, string> = {
  possible_germline: 'possible germline',
  reported_germline: 'germline (reported)',
  possible_clonal_haematopoiesis: 'possible CH',
  filtered_call: 'filtered call',
};

function tumourOf(e: EvidenceItem): string {
  return `${e.disease.oncotree ?? e.disease.name} (${e.disease.relation.replace('_', '-')})`;
}

interface EvidenceGroup {
  source: string;
  level: string;
  direction: string;
  therapies: string;
  tumour: string;
  ids: string[];
}

export function groupEvidence(items: readonly EvidenceItem[]): EvidenceGroup[] {
  const groups = new Map<string, EvidenceGroup>();
  for (const e of items) {
    // CIViC "Does Not Support" items: evidence that the association does not hold.
    const direction = `${e.supports ? '' : 'no '}${e.direction.replace(/_/g, ' ')}`;
    const therapies = e.therapies.join(' + ') || '—';
    const tumour = tumourOf(e);
    const key = [e.source, e.level, direction, therapies, tumour].join('\u0000');
    const g = groups.get(key) ?? { source: e.source, level: e.level, direction, therapies, tumour, ids: [] };
    if (e.id) g.ids.push(e.id);
    groups.set(key, g);
  }
  return [...groups.values()];
}

function percent(vaf: number | undefined): string {
  return vaf === undefined ? '' : `${(vaf * 100).toFixed(1)}%`;
}

export function formatAnnotationTable(annotations: readonly AlterationAnnotation[], heading: string): string {
  const out: string[] = [heading, ''];
  if (annotations.length === 0) {
    out.push('No reportable alteration (protein-altering variant, amplification, deep deletion, fusion, MSI-H, TMB-high) in the file.');
    return out.join('\n') + '\n';
  }
  const multiSample = new Set(annotations.map((a) => a.sampleId).filter((s) => s !== undefined)).size > 1;
  out.push(
    alignedTable(
      ['#', ...(multiSample ? ['SAMPLE'] : []), 'GENE', 'ALTERATION', 'CLASS', 'VAF', 'ESCAT', 'THERAPIES (ESCAT)', 'FLAGS'],
      annotations.map((a, i) => [
        String(i + 1),
        ...(multiSample ? [a.sampleId ?? ''] : []),
        a.gene + (a.geneAsReported && a.geneAsReported !== a.gene ? ` (as ${a.geneAsReported})` : ''),
        cell(a.alteration, 28),
        a.alterationClass,
        percent(a.vaf),
        a.escat.tier,
        cell(a.escat.therapies.join(', ') || '—', 36),
        a.flags.map((f) => FLAG_LABELS[f.kind] ?? f.kind).join(', '),
      ]),
    ),
  );
  annotations.forEach((a, i) => {
    out.push(
      '',
      `${i + 1}. ${a.gene} ${a.alteration}${a.sampleId ? ` [${a.sampleId}]` : ''} — ESCAT ${a.escat.tier} suggested: ${a.escat.rule}`,
    );
    if (a.geneStatus === 'unknown' || a.geneStatus === 'ambiguous') {
      out.push(
        `   gene symbol "${a.geneAsReported ?? a.gene}" is ${a.geneStatus}${a.geneSuggestions?.length ? `; did you mean ${a.geneSuggestions.join(', ')}?` : ''}`,
      );
    }
    const groups = groupEvidence(a.evidence);
    if (groups.length === 0) {
      out.push('   no evidence in the knowledge base for this alteration and tumour type');
    } else {
      const shown = groups.slice(0, MAX_EVIDENCE_ROWS);
      out.push(
        alignedTable(
          ['SOURCE', 'LEVEL', 'DIRECTION', 'THERAPIES', 'TUMOUR (RELATION)', 'REFERENCES'],
          shown.map((g) => [
            g.source,
            g.level,
            g.direction,
            cell(g.therapies, 40),
            cell(g.tumour, 32),
            cell(g.ids.length > 3 ? `${g.ids.slice(0, 3).join(', ')} +${g.ids.length - 3}` : g.ids.join(', '), 48),
          ]),
          '   ',
        ),
      );
      if (groups.length > shown.length)
        out.push(`   … ${groups.length - shown.length} more groups of evidence (--format json lists every item)`);
    }
    for (const f of a.flags) out.push(`   flag: ${FLAG_LABELS[f.kind] ?? f.kind} — ${f.reason}; ${f.action}`);
  });
  return out.join('\n') + '\n';
}
