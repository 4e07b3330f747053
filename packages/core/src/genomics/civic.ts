/**
 * CIViC (Clinical Interpretation of Variants in Cancer, CC0) predictive evidence.
 *
 * The product ships a compact extract of the 2021-08-01 monthly dump (accepted predictive
 * evidence only, data/genomics/civic_predictive_evidence.tsv); `compactCivicEvidence` is how
 * that extract is made from the dump's ClinicalEvidenceSummaries.tsv, so it can be re-made from
 * a newer dump. Both the 2021 column names (drugs, clinical_significance, variant) and the
 * current ones (therapies, significance, molecular_profile) are accepted.
 */
import { GenomicsParseError } from './errors';
import { TsvTable } from './text';

export const CIVIC_VERSION = '2021-08-01';

export type EvidenceDirection = 'sensitivity' | 'resistance' | 'reduced_sensitivity' | 'adverse_response';

export interface CivicEvidence {
  evidenceId: string;
  gene: string;
  variant: string;
  disease: string;
  doid?: string;
  therapies: string[];
  /** How several therapies combine: "Combination", "Substitutes" (any one of them) or "Sequential". */
  interaction?: string;
  /** A-E. */
  level: string;
  /** Whether the item supports or refutes the stated significance ("Does Not Support"). */
  supports: boolean;
  direction: EvidenceDirection;
  /** 1-5 stars. */
  rating?: number;
  /** "PMID:24583796" or "ASCO:..." */
  citations: string[];
  citation?: string;
  nctIds: string[];
  variantOrigin?: string;
}

/** Columns of the compact file, in order. */
export const CIVIC_COMPACT_COLUMNS = [
  'evidence_id',
  'gene',
  'variant',
  'disease',
  'doid',
  'therapies',
  'interaction',
  'level',
  'direction',
  'significance',
  'rating',
  'citation_id',
  'source_type',
  'citation',
  'nct_ids',
  'variant_origin',
] as const;

function pick(table: TsvTable, row: { cells: string[] }, ...names: string[]): string | undefined {
  for (const n of names) {
    const v = table.get(row, n);
    if (v !== undefined) return v;
  }
  return undefined;
}

const SIGNIFICANCE: Readonly<Record<string, EvidenceDirection>> = {
  'sensitivity/response': 'sensitivity',
  sensitivity: 'sensitivity',
  sensitivityresponse: 'sensitivity',
  resistance: 'resistance',
  'reduced sensitivity': 'reduced_sensitivity',
  reduced_sensitivity: 'reduced_sensitivity',
  'adverse response': 'adverse_response',
  adverse_response: 'adverse_response',
};

/**
 * Dump → compact TSV: accepted, predictive items only; tabs and newlines stripped from text.
 * Rows are kept in evidence-id order so the file diffs cleanly between dumps.
 */
export function compactCivicEvidence(dumpText: string, file = 'ClinicalEvidenceSummaries.tsv'): string {
  const table = new TsvTable(file, dumpText);
  table.requireColumns(['gene', 'evidence_type', 'evidence_level', 'evidence_id']);
  const out: string[][] = [];
  for (const row of table.rows) {
    if (table.get(row, 'evidence_type') !== 'Predictive') continue;
    const status = pick(table, row, 'evidence_status', 'status');
    if (status !== undefined && status !== 'accepted') continue;
    const cell = (...names: string[]) => (pick(table, row, ...names) ?? '').replace(/[\t\r\n]+/g, ' ');
    out.push([
      cell('evidence_id'),
      cell('gene'),
      cell('variant', 'molecular_profile'),
      cell('disease'),
      cell('doid'),
      cell('drugs', 'therapies'),
      cell('drug_interaction_type', 'therapy_interaction_type'),
      cell('evidence_level'),
      cell('evidence_direction'),
      cell('clinical_significance', 'significance'),
      cell('rating'),
      cell('citation_id'),
      cell('source_type'),
      cell('citation'),
      cell('nct_ids'),
      cell('variant_origin'),
    ]);
  }
  out.sort((a, b) => Number(a[0]) - Number(b[0]));
  return [CIVIC_COMPACT_COLUMNS.join('\t'), ...out.map((r) => r.join('\t'))].join('\n') + '\n';
}

/** Reads the compact file (or a dump: the column names are looked up, not assumed). */
export function parseCivicEvidence(text: string, file: string): CivicEvidence[] {
  const table = new TsvTable(file, text);
  const items: CivicEvidence[] = [];
  for (const row of table.rows) {
    const type = table.get(row, 'evidence_type');
    if (type !== undefined && type !== 'Predictive') continue;
    const at = (field: string) => ({ file, line: row.line, field });
    const id = pick(table, row, 'evidence_id');
    const gene = pick(table, row, 'gene');
    const variant = pick(table, row, 'variant', 'molecular_profile');
    if (!id || !gene || !variant) throw new GenomicsParseError(at(!id ? 'evidence_id' : !gene ? 'gene' : 'variant'), 'required');
    const level = pick(table, row, 'level', 'evidence_level');
    if (!level || !/^[A-E]$/.test(level))
      throw new GenomicsParseError(at('level'), `expected an evidence level A-E, found "${level ?? ''}"`);
    const sigText = (pick(table, row, 'significance', 'clinical_significance') ?? '').toLowerCase();
    const direction = SIGNIFICANCE[sigText];
    if (!direction) {
      // Predictive items with significance "N/A" say nothing about response; they are left out.
      if (sigText === 'n/a' || sigText === '') continue;
      throw new GenomicsParseError(at('significance'), `unknown predictive significance "${sigText}"`);
    }
    const evDirection = pick(table, row, 'direction', 'evidence_direction') ?? 'Supports';
    const citationId = pick(table, row, 'citation_id');
    const sourceType = pick(table, row, 'source_type') ?? 'PubMed';
    const therapies = (pick(table, row, 'therapies', 'drugs') ?? '')
      .split(',')
      .map((d) => d.trim())
      .filter((d) => d !== '');
    const rating = pick(table, row, 'rating');
    const doid = pick(table, row, 'doid');
    const interaction = pick(table, row, 'interaction', 'drug_interaction_type', 'therapy_interaction_type');
    const citation = pick(table, row, 'citation');
    const origin = pick(table, row, 'variant_origin');
    items.push({
      evidenceId: id,
      gene,
      variant,
      disease: pick(table, row, 'disease') ?? '',
      ...(doid ? { doid } : {}),
      therapies,
      ...(interaction ? { interaction } : {}),
      level,
      supports: evDirection !== 'Does Not Support',
      direction,
      ...(rating && /^\d+$/.test(rating) ? { rating: Number(rating) } : {}),
      citations: citationId ? [`${/pubmed/i.test(sourceType) ? 'PMID' : sourceType.toUpperCase()}:${citationId}`] : [],
      ...(citation ? { citation } : {}),
      nctIds: (pick(table, row, 'nct_ids') ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== ''),
      ...(origin ? { variantOrigin: origin } : {}),
    });
  }
  return items;
}

/** A CIViC evidence item's public page. */
export function civicEvidenceUrl(id: string): string {
  return `https://civicdb.org/links/evidence/${id}`;
}
