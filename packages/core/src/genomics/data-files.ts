/**
 * The reference data the product ships for genomics (data/genomics/, see its SOURCES.md), and
 * one pure function that builds the knowledge base from their text. Core never reads files:
 * the server (or a test) reads them at these paths and passes the text in.
 */
import type { OncoTree } from '../codes/oncotree';
import { parseRegulatoryApprovals } from './approvals';
import { CIVIC_VERSION, parseCivicEvidence } from './civic';
import { loadGeneTable, type GeneTable } from './genes';
import { ApprovalsSource, CivicSource, DiseaseMap, KnowledgeBase } from './knowledge-base';
import { parseResistanceReference, type ResistanceReferenceRow } from './resistance';

/** Paths relative to the repository root. */
export const GENOMICS_DATA_PATHS = {
  civicEvidence: 'data/genomics/civic_predictive_evidence.tsv',
  civicDiseaseMap: 'data/genomics/civic_disease_oncotree.tsv',
  approvals: 'data/genomics/regulatory_approvals.tsv',
  resistance: 'data/genomics/acquired_resistance_reference.tsv',
  geneSymbols: 'data/genomics/gene_symbols.txt',
  geneAliases: 'data/genomics/gene_aliases.tsv',
} as const;

export type GenomicsDataTexts = { [K in keyof typeof GENOMICS_DATA_PATHS]: string };

/** Date the approvals table was last curated: its "version" in every evidence item it yields. */
export const APPROVALS_TABLE_VERSION = '2026-11-23';

export interface GenomicsKnowledge {
  kb: KnowledgeBase;
  genes: GeneTable;
  resistance: ResistanceReferenceRow[];
  civic: CivicSource;
}

export function loadGenomicsKnowledge(texts: GenomicsDataTexts, oncotree: OncoTree): GenomicsKnowledge {
  const genes = loadGeneTable(texts.geneSymbols, texts.geneAliases);
  const diseases = DiseaseMap.parse(texts.civicDiseaseMap, GENOMICS_DATA_PATHS.civicDiseaseMap);
  const civic = new CivicSource(parseCivicEvidence(texts.civicEvidence, GENOMICS_DATA_PATHS.civicEvidence), diseases, CIVIC_VERSION, genes);
  const approvals = new ApprovalsSource(parseRegulatoryApprovals(texts.approvals, GENOMICS_DATA_PATHS.approvals), APPROVALS_TABLE_VERSION);
  const resistance = parseResistanceReference(texts.resistance, GENOMICS_DATA_PATHS.resistance);
  return { kb: new KnowledgeBase(oncotree, [approvals, civic], genes), genes, resistance, civic };
}
