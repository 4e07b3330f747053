/**
 * annotate(records, { tumourType, kb }) — one object per reportable alteration with its
 * normalised form, the evidence by source (level, therapies, direction, citations), a
 * suggested ESCAT tier, and the germline / clonal-haematopoiesis flags. This is what
 * `continuum annotate FILE --tumor-type CODE --format json` prints.
 *
 * Reportable: protein-altering mutations (and TERT promoter variants), high-level
 * amplifications and deep deletions, fusions and rearrangements, MSI-H and TMB-high.
 * Synonymous, intronic and other non-coding calls, gains and shallow losses are left out
 * unless `all` is set.
 */
import type { AlterationClass } from '../model/patient';
import { suggestEscat, type EscatSuggestion } from './escat';
import { flagsFor, type Flag, type FlagThresholds } from './flags';
import { isOncoKbStandardLevel } from './oncokb';
import type { GeneResolution } from './genes';
import { formatProteinChange } from './hgvs-protein';
import type { EvidenceItem, KnowledgeBase } from './knowledge-base';
import type { GenomicRecord, ParsedGenomicFile, RecordSource } from './records';
import { classifyAcquiredAlteration, type ResistanceCall, type ResistanceContext, type ResistanceReferenceRow } from './resistance';
import { isProteinAltering, type AlterationCategory } from './variant-class';
import type { QueryAlteration } from './variant-spec';

export interface AnnotateOptions {
  /** Patient's OncoTree code, e.g. "LUAD". */
  tumourType: string;
  kb: KnowledgeBase;
  /** Defaults to the file's specimen. */
  specimen?: 'tissue' | 'ctdna';
  /** Only this sample's records (multi-sample MAF). */
  sampleId?: string;
  /** TMB at or above this (mut/Mb) is TMB-high; 10 is the FDA-approved cut-off. */
  tmbHighThreshold?: number;
  /** 'relevant' (default): same tumour and pan-cancer evidence, other tumours only A/B/approved. */
  evidence?: 'relevant' | 'all';
  /** Include non-reportable calls too. */
  all?: boolean;
  flagThresholds?: FlagThresholds;
  /** When given, each alteration is also classified as a possible acquired-resistance mechanism. */
  resistance?: { reference: readonly ResistanceReferenceRow[] } & ResistanceContext;
}

export interface AlterationAnnotation {
  gene: string;
  /** The symbol as the file wrote it, when normalisation changed it or could not resolve it. */
  geneAsReported?: string;
  geneStatus: GeneResolution['status'] | 'not_checked';
  geneSuggestions?: string[];
  /** Normalised alteration: "p.V600E", "amplification", "EML4-ALK fusion", "MSI-H". */
  alteration: string;
  alterationClass: AlterationClass | 'biomarker';
  category: AlterationCategory | 'biomarker';
  sampleId?: string;
  hgvsp?: string;
  hgvsc?: string;
  vaf?: number;
  copyNumber?: number;
  source?: RecordSource;
  evidence: EvidenceItem[];
  escat: EscatSuggestion;
  flags: Flag[];
  resistance?: ResistanceCall[];
}

const TERT_PROMOTER = new Set(['TERT']);

function reportable(r: GenomicRecord): boolean {
  switch (r.kind) {
    case 'variant':
      return (
        isProteinAltering(r.effect) ||
        (TERT_PROMOTER.has(r.gene) && r.effect === 'noncoding') ||
        (r.effect === 'unknown' && r.protein !== undefined)
      );
    case 'copy_number':
      return r.call === 'amplification' || r.call === 'homozygous_deletion';
    case 'fusion':
      return true;
  }
}

/** Whether annotate reports a record (protein-altering, high-level CNA, fusion) — what is worth asking a source about. */
export const isReportableRecord = reportable;

function resolveGene(
  kb: KnowledgeBase,
  symbol: string,
): { gene: string; status: AlterationAnnotation['geneStatus']; suggestions?: string[]; candidates?: string[] } {
  if (!kb.genes) return { gene: symbol, status: 'not_checked' };
  const r = kb.genes.resolve(symbol);
  if ('symbol' in r) return { gene: r.symbol, status: r.status };
  if (r.status === 'ambiguous') return { gene: symbol, status: 'ambiguous', candidates: r.candidates };
  return { gene: symbol, status: 'unknown', suggestions: r.suggestions };
}

/** A record as the knowledge base queries it, with its gene(s) normalised. */
export function toQueryAlteration(record: GenomicRecord, normalise: (s: string) => string = (s) => s): QueryAlteration {
  switch (record.kind) {
    case 'variant':
      return {
        gene: normalise(record.gene),
        kind: 'mutation',
        ...(record.protein ? { protein: record.protein } : {}),
        effect: record.effect,
        ...(record.exon !== undefined ? { exon: record.exon } : {}),
        ...(record.intron !== undefined ? { intron: record.intron } : {}),
        ...(record.hgvsc !== undefined ? { hgvsc: record.hgvsc } : {}),
      };
    case 'copy_number':
      return {
        gene: normalise(record.gene),
        kind: record.call === 'amplification' || record.call === 'gain' ? 'amplification' : 'deletion',
      };
    case 'fusion':
      return {
        gene: normalise(record.gene),
        kind: record.alterationClass === 'fusion' ? 'fusion' : 'structural_variant',
        ...(record.gene5 ? { gene5: normalise(record.gene5) } : {}),
        ...(record.gene3 ? { gene3: normalise(record.gene3) } : {}),
      };
  }
}

function describe(record: GenomicRecord, q: QueryAlteration): string {
  switch (record.kind) {
    case 'variant':
      return (
        record.hgvsp ??
        (record.protein ? formatProteinChange(record.protein) : (record.hgvsc ?? `${record.mafClassification ?? record.effect} variant`))
      );
    case 'copy_number':
      return record.call === 'amplification'
        ? 'amplification'
        : record.call === 'homozygous_deletion'
          ? 'deletion'
          : record.call.replace(/_/g, ' ');
    case 'fusion':
      return q.gene5 && q.gene3
        ? q.gene5 === q.gene3
          ? `${q.gene5} intragenic rearrangement`
          : `${q.gene5}-${q.gene3} fusion`
        : `${q.gene} rearrangement`;
  }
}

const LEVEL_ORDER = ['approved', 'A', 'B', 'C', 'D', 'E'];
const RELATION_ORDER = ['same', 'pan_cancer', 'other', 'unmapped'];

function sortEvidence(items: EvidenceItem[]): EvidenceItem[] {
  const rank = (l: string) => {
    const i = LEVEL_ORDER.indexOf(l);
    return i < 0 ? LEVEL_ORDER.length : i;
  };
  return items.sort(
    (a, b) =>
      RELATION_ORDER.indexOf(a.disease.relation) - RELATION_ORDER.indexOf(b.disease.relation) ||
      rank(a.level) - rank(b.level) ||
      b.specificity - a.specificity ||
      (a.id ?? '').localeCompare(b.id ?? ''),
  );
}

function relevant(e: EvidenceItem): boolean {
  if (e.disease.relation === 'same' || e.disease.relation === 'pan_cancer') return true;
  return e.level === 'approved' || e.level === 'A' || e.level === 'B' || isOncoKbStandardLevel(e.level);
}

/** Tier-I references for other alterations of the same gene and kind, in this tumour (ESCAT III-B). */
function sameGeneTierI(kb: KnowledgeBase, q: QueryAlteration, tumourType: string): string[] {
  const out: string[] = [];
  for (const source of kb.sources) {
    if (source.tierIReferences) out.push(...source.tierIReferences(q.gene, q.kind, tumourType, kb.tumours));
  }
  return out;
}

export function annotate(input: ParsedGenomicFile | readonly GenomicRecord[], options: AnnotateOptions): AlterationAnnotation[] {
  const parsed = Array.isArray(input) ? undefined : (input as ParsedGenomicFile);
  const allRecords: readonly GenomicRecord[] = parsed ? parsed.records : (input as readonly GenomicRecord[]);
  const records = options.sampleId === undefined ? allRecords : allRecords.filter((r) => r.sampleId === options.sampleId);
  const tumourType = options.tumourType.toUpperCase();
  options.kb.oncotree.require(tumourType);
  const specimen = options.specimen ?? parsed?.specimen;
  const kb = options.kb;

  const chosen = options.all ? records : records.filter(reportable);
  const resolved = chosen.map((r) => ({ record: r, gene: resolveGene(kb, r.gene) }));
  const normalise = (s: string) => resolveGene(kb, s).gene;
  const queries = resolved.map(({ record }) => toQueryAlteration(record, normalise));

  // Report-level biomarkers become alterations of their own.
  const biomarkers: { q: QueryAlteration; label: string }[] = [];
  if (parsed?.msi === 'MSI-H') biomarkers.push({ q: { gene: 'MSI', kind: 'biomarker', biomarker: 'MSI-H' }, label: 'MSI-H' });
  const tmbCut = options.tmbHighThreshold ?? 10;
  if (parsed?.tmb !== undefined && parsed.tmb >= tmbCut) {
    biomarkers.push({ q: { gene: 'TMB', kind: 'biomarker', biomarker: 'TMB-H' }, label: `TMB-H (${parsed.tmb} mut/Mb)` });
  }
  const context = [...queries, ...biomarkers.map((b) => b.q)];

  const finish = (q: QueryAlteration, evidenceAll: EvidenceItem[]) => {
    const evidence = sortEvidence(options.evidence === 'all' ? evidenceAll : evidenceAll.filter(relevant));
    let escat = suggestEscat(evidenceAll);
    if (escat.tier === 'X' || escat.tier.startsWith('IV')) {
      const refs = sameGeneTierI(kb, q, tumourType);
      if (refs.length > 0) {
        const iiib = suggestEscat([], { sameGeneTierI: refs });
        escat = escat.tier === 'X' ? iiib : escat;
      }
    }
    return { evidence, escat };
  };

  const out: AlterationAnnotation[] = resolved.map(({ record, gene }, i) => {
    const q = queries[i]!;
    const others = context.filter((_, j) => j !== i);
    const { evidence, escat } = finish(q, kb.query({ alteration: q, tumourType, context: others }));
    const flags = flagsFor(
      {
        gene: q.gene,
        kind: q.kind,
        ...(record.kind === 'variant' && record.vaf !== undefined ? { vaf: record.vaf } : {}),
        ...(q.protein ? { protein: q.protein } : {}),
        ...(record.kind === 'variant' && record.origin ? { origin: record.origin } : {}),
        ...(record.kind === 'variant' && record.filter ? { filter: record.filter } : {}),
        ...(specimen ? { specimen } : {}),
      },
      options.flagThresholds,
    );
    const resistance = options.resistance ? classifyAcquiredAlteration(q, options.resistance.reference, options.resistance) : undefined;
    return {
      gene: gene.gene,
      ...(gene.gene !== record.gene || gene.status === 'unknown' || gene.status === 'ambiguous' ? { geneAsReported: record.gene } : {}),
      geneStatus: gene.status,
      ...(gene.suggestions && gene.suggestions.length > 0 ? { geneSuggestions: gene.suggestions } : {}),
      ...(gene.candidates ? { geneSuggestions: gene.candidates } : {}),
      alteration: describe(record, q),
      alterationClass: record.alterationClass,
      category: record.category,
      ...(record.sampleId !== undefined ? { sampleId: record.sampleId } : {}),
      ...(record.kind === 'variant' && record.hgvsp !== undefined ? { hgvsp: record.hgvsp } : {}),
      ...(record.kind === 'variant' && record.hgvsc !== undefined ? { hgvsc: record.hgvsc } : {}),
      ...(record.kind === 'variant' && record.vaf !== undefined ? { vaf: record.vaf } : {}),
      ...(record.kind === 'copy_number' && record.copyNumber !== undefined ? { copyNumber: record.copyNumber } : {}),
      source: record.source,
      evidence,
      escat,
      flags,
      ...(resistance && resistance.length > 0 ? { resistance } : {}),
    };
  });

  for (const b of biomarkers) {
    const { evidence, escat } = finish(b.q, kb.query({ alteration: b.q, tumourType, context }));
    out.push({
      gene: b.q.gene,
      geneStatus: 'not_checked',
      alteration: b.label,
      alterationClass: 'biomarker',
      category: 'biomarker',
      ...(parsed ? { source: { file: parsed.file } } : {}),
      evidence,
      escat,
      flags: [],
    });
  }
  return out;
}

/** Unknown gene symbols in a parsed file, with suggestions and the lines they occur on (for import errors). */
export function unknownGenes(
  parsed: ParsedGenomicFile,
  kb: Pick<KnowledgeBase, 'genes'>,
): { symbol: string; suggestions: string[]; lines: number[] }[] {
  if (!kb.genes) return [];
  const found = new Map<string, { suggestions: string[]; lines: number[] }>();
  for (const r of parsed.records) {
    const symbols = r.kind === 'fusion' ? [r.gene5, r.gene3].filter((g): g is string => g !== undefined) : [r.gene];
    for (const s of symbols) {
      if (s === '' || s.toUpperCase() === 'UNKNOWN' || s.startsWith('Entrez:')) continue;
      const res = kb.genes.resolve(s);
      if (res.status !== 'unknown' && res.status !== 'ambiguous') continue;
      const entry = found.get(s) ?? { suggestions: res.status === 'unknown' ? res.suggestions : res.candidates, lines: [] };
      if (r.source.line !== undefined) entry.lines.push(r.source.line);
      found.set(s, entry);
    }
  }
  return [...found.entries()].map(([symbol, v]) => ({ symbol, ...v }));
}
