/**
 * The actionability knowledge base: pluggable sources that, given one alteration and a tumour
 * type, return evidence items — each naming its source and version.
 *
 * Built-in sources: CIViC (bundled 2021-08-01 predictive evidence) and the curated regulatory
 * approvals table. A centre with an OncoKB licence (or any other source) plugs in by
 * implementing `KnowledgeSource`; nothing here calls a network.
 *
 * Tumour types: CIViC names diseases with the Disease Ontology, the platform with OncoTree. The
 * mapping table (data/genomics/civic_disease_oncotree.tsv) turns one into the other; an
 * evidence item then relates to the patient's tumour as `same` (the patient's code is the
 * evidence code or below it, or directly above it), `pan_cancer` (the evidence is for all
 * tumours) or `other`.
 */
import type { OncoTree } from '../codes/oncotree';
import type { RegulatoryApproval, TrialDesign } from './approvals';
import { CIVIC_VERSION, civicEvidenceUrl, type CivicEvidence, type EvidenceDirection } from './civic';
import { GenomicsParseError } from './errors';
import type { GeneTable } from './genes';
import { TsvTable } from './text';
import { parseVariantSpec, specMatches, specSpecificity, type QueryAlteration, type VariantSpec } from './variant-spec';

export type TumourRelation = 'same' | 'pan_cancer' | 'other' | 'unmapped';

export interface EvidenceItem {
  /** "CIViC", "FDA", "EMA", "OncoKB"... */
  source: string;
  version: string;
  /** Source's own level: CIViC A–E; "approved" for a regulatory approval; OncoKB LEVEL_1... */
  level: string;
  therapies: string[];
  direction: EvidenceDirection;
  /** False when the item reports that the association does NOT hold (CIViC "Does Not Support"). */
  supports: boolean;
  citations: string[];
  /** What the item is about, as the source names it ("V600E", "EXON 19 DELETION"). */
  alteration: string;
  disease: { name: string; oncotree?: string; relation: TumourRelation };
  /** Source record id and link. */
  id?: string;
  url?: string;
  /** Regulatory approvals: date, the design of the trial behind it, any randomised confirmation. */
  date?: string;
  trialDesign?: TrialDesign;
  randomisedTrial?: string;
  indication?: string;
  /** How specific the match is (exact change 5 … any mutation in the gene 1). */
  specificity: number;
}

export interface AnnotationQuery {
  alteration: QueryAlteration;
  /** Patient's OncoTree code. */
  tumourType: string;
  /** The sample's other alterations (for compound evidence such as "EML4-ALK L1196M"). */
  context: readonly QueryAlteration[];
}

/** Anything that can answer "what is known about this alteration in this tumour?". */
export interface KnowledgeSource {
  readonly name: string;
  readonly version: string;
  query(q: AnnotationQuery, tumours: TumourMatcher): EvidenceItem[];
  /**
   * Optional: labels of tier-I evidence (approval, or level-A equivalent) for any alteration of
   * `gene` of the same kind in this tumour type — what ESCAT III-B ("similar alteration") rests on.
   */
  tierIReferences?(gene: string, kind: QueryAlteration['kind'], tumourType: string, tumours: TumourMatcher): string[];
}

/** Which alteration kind a spec is about, for "same kind" comparisons. */
function specKind(spec: VariantSpec): QueryAlteration['kind'] | undefined {
  switch (spec.kind) {
    case 'amplification':
      return 'amplification';
    case 'deletion':
      return 'deletion';
    case 'fusion':
      return 'fusion';
    case 'biomarker':
      return 'biomarker';
    case 'unsupported':
      return undefined;
    case 'all_of':
    case 'any_of':
      return spec.specs.map(specKind).find((k) => k !== undefined);
    default:
      return 'mutation';
  }
}

/** OncoTree-aware comparison of the patient's tumour with an evidence item's. */
export class TumourMatcher {
  constructor(readonly oncotree: OncoTree) {}

  relation(patientCode: string, evidenceCode: string | undefined): TumourRelation {
    if (evidenceCode === undefined) return 'unmapped';
    const root = 'TISSUE';
    if (evidenceCode === root) return 'pan_cancer';
    const p = patientCode.toUpperCase();
    if (!this.oncotree.has(p) || !this.oncotree.has(evidenceCode)) return 'other';
    if (this.oncotree.isDescendantOf(p, evidenceCode)) return 'same';
    // Evidence for a subtype (LUAD) applies to a patient coded at its parent (NSCLC), not wider.
    if (this.oncotree.parent(evidenceCode) === p) return 'same';
    return 'other';
  }
}

/** CIViC disease → OncoTree code, by DOID first, then by name. */
export class DiseaseMap {
  private readonly byDoid = new Map<string, string>();
  private readonly byName = new Map<string, string>();

  static parse(text: string, file: string): DiseaseMap {
    const map = new DiseaseMap();
    const table = new TsvTable(file, text);
    table.requireColumns(['civic_disease', 'oncotree_code']);
    for (const row of table.rows) {
      const code = table.get(row, 'oncotree_code');
      const name = table.get(row, 'civic_disease');
      if (!code || !name)
        throw new GenomicsParseError({ file, line: row.line, field: !code ? 'oncotree_code' : 'civic_disease' }, 'required');
      const doid = table.get(row, 'doid');
      if (doid) map.byDoid.set(doid, code);
      map.byName.set(name.toLowerCase(), code);
    }
    return map;
  }

  get size(): number {
    return this.byName.size;
  }

  codeFor(disease: string, doid?: string): string | undefined {
    return (doid ? this.byDoid.get(doid) : undefined) ?? this.byName.get(disease.toLowerCase());
  }

  codes(): string[] {
    return [...new Set(this.byName.values())];
  }
}

interface IndexedCivic {
  item: CivicEvidence;
  spec: VariantSpec;
  oncotree?: string;
}

export class CivicSource implements KnowledgeSource {
  readonly name = 'CIViC';
  private readonly byGene = new Map<string, IndexedCivic[]>();
  readonly unsupportedVariants = new Set<string>();

  constructor(
    items: readonly CivicEvidence[],
    diseases: DiseaseMap,
    readonly version: string = CIVIC_VERSION,
    genes?: GeneTable,
  ) {
    const resolve = (s: string) => {
      if (!genes) return s;
      const r = genes.resolve(s);
      return 'symbol' in r ? r.symbol : s;
    };
    for (const item of items) {
      const gene = resolve(item.gene);
      const spec = parseVariantSpec(item.variant, resolve);
      if (spec.kind === 'unsupported') {
        this.unsupportedVariants.add(`${gene} ${item.variant}`);
        continue;
      }
      const oncotree = diseases.codeFor(item.disease, item.doid);
      const list = this.byGene.get(gene) ?? [];
      list.push({ item, spec, ...(oncotree ? { oncotree } : {}) });
      this.byGene.set(gene, list);
    }
  }

  /** Number of evidence items the source can match (variant names it understood). */
  get size(): number {
    let n = 0;
    for (const list of this.byGene.values()) n += list.length;
    return n;
  }

  query(q: AnnotationQuery, tumours: TumourMatcher): EvidenceItem[] {
    const out: EvidenceItem[] = [];
    const genes = new Set([q.alteration.gene, q.alteration.gene5, q.alteration.gene3].filter((g): g is string => g !== undefined));
    for (const gene of genes) {
      for (const { item, spec, oncotree } of this.byGene.get(gene) ?? []) {
        if (!specMatches(spec, gene, q.alteration, q.context)) continue;
        out.push({
          source: this.name,
          version: this.version,
          level: item.level,
          therapies: item.therapies,
          direction: item.direction,
          supports: item.supports,
          citations: item.citations,
          alteration: `${item.gene} ${item.variant}`,
          disease: { name: item.disease, ...(oncotree ? { oncotree } : {}), relation: tumours.relation(q.tumourType, oncotree) },
          id: `EID${item.evidenceId}`,
          url: civicEvidenceUrl(item.evidenceId),
          specificity: specSpecificity(spec),
        });
      }
    }
    return out;
  }

  tierIReferences(gene: string, kind: QueryAlteration['kind'], tumourType: string, tumours: TumourMatcher): string[] {
    return (this.byGene.get(gene) ?? [])
      .filter(
        ({ item, spec, oncotree }) =>
          item.level === 'A' &&
          item.supports &&
          item.direction === 'sensitivity' &&
          specSpecificity(spec) >= 3 &&
          specKind(spec) === kind &&
          tumours.relation(tumourType, oncotree) === 'same',
      )
      .map(({ item }) => `CIViC EID${item.evidenceId} level A: ${item.gene} ${item.variant} → ${item.therapies.join('+')}`);
  }
}

export class ApprovalsSource implements KnowledgeSource {
  readonly name = 'regulatory approvals';
  private readonly byGene = new Map<string, { row: RegulatoryApproval; spec: VariantSpec }[]>();

  /** `version` is the date the table was last curated. */
  constructor(
    rows: readonly RegulatoryApproval[],
    readonly version: string,
  ) {
    for (const row of rows) {
      const spec = parseVariantSpec(row.alteration);
      if (spec.kind === 'unsupported') {
        throw new GenomicsParseError(
          { file: 'regulatory approvals table', line: row.line, field: 'alteration' },
          `"${row.alteration}" not understood`,
        );
      }
      const list = this.byGene.get(row.gene) ?? [];
      list.push({ row, spec });
      this.byGene.set(row.gene, list);
    }
  }

  query(q: AnnotationQuery, tumours: TumourMatcher): EvidenceItem[] {
    const genes = new Set([q.alteration.gene, q.alteration.gene5, q.alteration.gene3].filter((g): g is string => g !== undefined));
    const out: EvidenceItem[] = [];
    for (const gene of genes) {
      for (const { row, spec } of this.byGene.get(gene) ?? []) {
        if (!specMatches(spec, gene, q.alteration, q.context)) continue;
        out.push({
          // Each approval names its agency as the source; the table's curation date is the version.
          source: row.agency,
          version: this.version,
          level: 'approved',
          therapies: row.therapies,
          direction: 'sensitivity',
          supports: true,
          citations: row.pmids.map((p) => `PMID:${p}`),
          alteration: `${row.gene} ${row.alteration}`,
          disease: { name: row.indication, oncotree: row.oncotree, relation: tumours.relation(q.tumourType, row.oncotree) },
          id: `${row.agency}:${row.date}:${row.therapies.join('+')}`,
          date: row.date,
          trialDesign: row.basisDesign,
          ...(row.randomisedTrial ? { randomisedTrial: row.randomisedTrial } : {}),
          indication: `${row.indication} (${row.approvalType} approval; ${row.basisTrial}; source: ${row.source})`,
          specificity: specSpecificity(spec),
        });
      }
    }
    return out;
  }

  tierIReferences(gene: string, kind: QueryAlteration['kind'], tumourType: string, tumours: TumourMatcher): string[] {
    return (this.byGene.get(gene) ?? [])
      .filter(
        ({ row, spec }) => specKind(spec) === kind && specSpecificity(spec) >= 3 && tumours.relation(tumourType, row.oncotree) === 'same',
      )
      .map(({ row }) => `${row.agency} ${row.date} ${row.therapies.join('+')} for ${row.gene} ${row.alteration} in ${row.oncotree}`);
  }
}

export class KnowledgeBase {
  readonly tumours: TumourMatcher;

  constructor(
    readonly oncotree: OncoTree,
    readonly sources: readonly KnowledgeSource[],
    readonly genes?: GeneTable,
  ) {
    this.tumours = new TumourMatcher(oncotree);
  }

  /** Same knowledge base with one more source (e.g. a licensed OncoKB adapter). */
  withSource(source: KnowledgeSource): KnowledgeBase {
    return new KnowledgeBase(this.oncotree, [...this.sources, source], this.genes);
  }

  query(q: AnnotationQuery): EvidenceItem[] {
    this.oncotree.require(q.tumourType.toUpperCase());
    return this.sources.flatMap((s) => s.query(q, this.tumours));
  }

  versions(): { source: string; version: string }[] {
    return this.sources.map((s) => ({ source: s.name, version: s.version }));
  }
}
