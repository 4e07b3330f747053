/**
 * A stored molecular report, annotated and ranked for the MTB: the report's alteration rows are
 * turned back into core's genomic records and passed through core's `annotate` with the shipped
 * knowledge base (CIViC + regulatory approvals), in the patient's tumour type. Report-level
 * MSI-H and TMB-high become alterations of their own, as `annotate` makes them.
 */
import {
  annotate,
  compareTiers,
  effectFromProtein,
  formatProteinChange,
  tryParseProteinChange,
  type AlterationAnnotation,
  type EscatSuggestion,
  type EvidenceItem,
  type Flag,
  type GenomicRecord,
  type GenomicsKnowledge,
  type ParsedGenomicFile,
} from '@continuum/core';

export interface StoredReport {
  id: string;
  specimen: 'tissue' | 'ctdna';
  panel: string;
  reported_at: string;
  tmb: number | null;
  msi: 'MSI-H' | 'MSS' | 'indeterminate' | null;
  tumour_fraction: number | null;
  source: string;
}

export interface StoredAlteration {
  id: string;
  gene: string;
  alteration_class: 'mutation' | 'amplification' | 'deletion' | 'fusion' | 'structural_variant';
  hgvs_protein: string | null;
  hgvs_cdna: string | null;
  vaf: number | null;
  copy_number: number | null;
  fusion_partner: string | null;
}

/** Evidence items that differ only by record and citation, counted once (CIViC often repeats one finding). */
export interface EvidenceGroup {
  source: string;
  version: string;
  level: string;
  direction: string;
  /** False for CIViC "Does Not Support" items: evidence that the association does not hold. */
  supports: boolean;
  therapies: string[];
  disease: string;
  oncotreeCode: string | null;
  relation: string;
  items: { id: string | null; url: string | null; citations: string[]; date: string | null; indication: string | null }[];
}

export interface RankedAlteration {
  /** The alteration row id, or "MSI-H" / "TMB-H" for a report-level biomarker. */
  key: string;
  alterationId: string | null;
  biomarker: 'MSI-H' | 'TMB-H' | null;
  rank: number;
  gene: string;
  /** Normalised: "p.V600E", "amplification", "EML4-ALK fusion", "MSI-H". */
  alteration: string;
  alterationClass: string;
  hgvsCdna: string | null;
  vaf: number | null;
  copyNumber: number | null;
  fusionPartner: string | null;
  escat: EscatSuggestion;
  evidence: EvidenceGroup[];
  flags: Flag[];
}

/** The shape `annotate` reads a stored row as; the row id travels in the record's source path. */
export function storedToRecord(a: StoredAlteration, file: string): GenomicRecord {
  const source = { file, path: `alteration/${a.id}` };
  switch (a.alteration_class) {
    case 'mutation': {
      const protein = tryParseProteinChange(a.hgvs_protein ?? undefined);
      return {
        kind: 'variant',
        gene: a.gene,
        alterationClass: 'mutation',
        category: 'mutation',
        // A stored mutation with no protein change (gene-level truncating calls) has an unknown effect.
        effect: effectFromProtein(protein),
        ...(protein ? { protein, hgvsp: formatProteinChange(protein) } : a.hgvs_protein ? { hgvspRaw: a.hgvs_protein } : {}),
        ...(a.hgvs_cdna ? { hgvsc: a.hgvs_cdna } : {}),
        ...(a.vaf !== null ? { vaf: a.vaf } : {}),
        source,
      };
    }
    case 'amplification':
    case 'deletion':
      return {
        kind: 'copy_number',
        gene: a.gene,
        alterationClass: a.alteration_class,
        category: 'cnv',
        call: a.alteration_class === 'amplification' ? 'amplification' : 'homozygous_deletion',
        ...(a.copy_number !== null ? { copyNumber: a.copy_number } : {}),
        source,
      };
    case 'fusion':
    case 'structural_variant':
      // The row keeps the driver gene and its partner, not their 5'/3' order; knowledge-base
      // fusion rules match either order, and the label reads partner first (EML4-ALK).
      return {
        kind: 'fusion',
        gene: a.gene,
        alterationClass: a.alteration_class,
        category: 'structural_variant',
        ...(a.fusion_partner ? { gene5: a.fusion_partner, gene3: a.gene } : { gene5: a.gene }),
        name: a.fusion_partner ? `${a.fusion_partner}-${a.gene}` : `${a.gene} rearrangement`,
        source,
      };
  }
}

export function groupEvidence(items: readonly EvidenceItem[]): EvidenceGroup[] {
  const groups = new Map<string, EvidenceGroup>();
  for (const e of items) {
    const therapies = e.therapies;
    const key = [e.source, e.level, e.direction, e.supports, therapies.join('+'), e.disease.oncotree ?? e.disease.name].join('\u0000');
    let g = groups.get(key);
    if (!g) {
      g = {
        source: e.source,
        version: e.version,
        level: e.level,
        direction: e.direction,
        supports: e.supports,
        therapies,
        disease: e.disease.name,
        oncotreeCode: e.disease.oncotree ?? null,
        relation: e.disease.relation,
        items: [],
      };
      groups.set(key, g);
    }
    g.items.push({
      id: e.id ?? null,
      url: e.url ?? null,
      citations: e.citations,
      date: e.date ?? null,
      indication: e.indication ?? null,
    });
  }
  return [...groups.values()];
}

const FLAG_WEIGHT = (flags: readonly Flag[]) => (flags.some((f) => f.kind === 'possible_clonal_haematopoiesis') ? 1 : 0);

/**
 * Most actionable first: the suggested ESCAT tier (I-A … X), then alterations with sensitivity
 * evidence in this tumour, then possible clonal haematopoiesis last within a tier (it may not be
 * the tumour's), then gene and alteration for a stable order.
 */
function compareActionability(a: AlterationAnnotation, b: AlterationAnnotation): number {
  const sameTumourSensitivity = (x: AlterationAnnotation) =>
    x.evidence.some((e) => e.supports && e.direction === 'sensitivity' && e.disease.relation !== 'other') ? 0 : 1;
  return (
    compareTiers(a.escat.tier, b.escat.tier) ||
    sameTumourSensitivity(a) - sameTumourSensitivity(b) ||
    FLAG_WEIGHT(a.flags) - FLAG_WEIGHT(b.flags) ||
    a.gene.localeCompare(b.gene) ||
    a.alteration.localeCompare(b.alteration)
  );
}

/**
 * Annotates a stored report in `tumourType` (an OncoTree code known to the tree; the caller
 * falls back to the root "TISSUE" when the diagnosis is unknown, so that only pan-cancer and
 * tier A/B/approved evidence from other tumours shows).
 */
export function annotateStoredReport(
  knowledge: Pick<GenomicsKnowledge, 'kb'>,
  report: StoredReport,
  alterations: readonly StoredAlteration[],
  tumourType: string,
): RankedAlteration[] {
  const file = report.source;
  const byId = new Map(alterations.map((a) => [a.id, a]));
  const parsed: ParsedGenomicFile = {
    file,
    format: 'panel_json',
    buildCheck: { evidence: [], mismatch: false },
    records: alterations.map((a) => storedToRecord(a, file)),
    samples: [],
    specimen: report.specimen,
    ...(report.tmb !== null ? { tmb: report.tmb } : {}),
    ...(report.msi !== null ? { msi: report.msi } : {}),
    ...(report.tumour_fraction !== null ? { tumourFraction: report.tumour_fraction } : {}),
    warnings: [],
  };
  // `all`: every stored row is reportable by construction (genomics/stored-records.ts), including
  // gene-level mutations whose effect the row does not record.
  const annotations = annotate(parsed, { tumourType, kb: knowledge.kb, specimen: report.specimen, all: true });
  return annotations.sort(compareActionability).map((a, i) => {
    const rowId = a.source?.path?.startsWith('alteration/') ? a.source.path.slice('alteration/'.length) : null;
    const row = rowId ? byId.get(rowId) : undefined;
    const biomarker = a.alterationClass === 'biomarker' ? (a.gene === 'MSI' ? 'MSI-H' : 'TMB-H') : null;
    return {
      key: row?.id ?? biomarker ?? `${a.gene} ${a.alteration}`,
      alterationId: row?.id ?? null,
      biomarker,
      rank: i + 1,
      gene: a.gene,
      alteration: a.alteration,
      alterationClass: a.alterationClass,
      hgvsCdna: row?.hgvs_cdna ?? null,
      vaf: row?.vaf ?? null,
      copyNumber: row?.copy_number ?? null,
      fusionPartner: row?.fusion_partner ?? null,
      escat: a.escat,
      evidence: groupEvidence(a.evidence),
      flags: a.flags,
    };
  });
}
