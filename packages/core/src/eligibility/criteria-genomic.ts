/** Genomic leaves of the criterion tree. */
import type { Comparator, LeafBase } from './criteria';

/** How an alteration was called. `mutation_or_cnv` is CTML's "Any Variation" (it leaves out SVs). */
export type VariantCategory = 'mutation' | 'cnv' | 'structural_variant';
export type VariantCategoryCriterion = VariantCategory | 'mutation_or_cnv';

/** Copy-number calls: high-level amplification, low-level gain, deep and shallow deletions. */
export type CnvCall = 'amplification' | 'gain' | 'homozygous_deletion' | 'heterozygous_deletion';
export const CNV_CALLS: readonly CnvCall[] = ['amplification', 'gain', 'homozygous_deletion', 'heterozygous_deletion'];

/** Gene placeholders: any gene at all, or no gene (the intergenic side of a rearrangement). */
export const ANY_GENE = 'any_gene';
export const INTERGENIC = 'intergenic';

/**
 * "The patient has an alteration such that ...": every field given must hold for one and the
 * same alteration. Fields left out are not constrained.
 */
export interface AlterationCriterion extends LeafBase {
  kind: 'alteration';
  /** HGNC symbol, or `any_gene`; for an SV, either partner (see `partner`). */
  gene?: string;
  category?: VariantCategoryCriterion;
  /** Exact HGVS protein change, e.g. "p.V600E" (three-letter forms are accepted). */
  proteinChange?: string;
  /** Codon wildcard: "p.V600" matches any single amino-acid substitution at V600 (p.V600E, p.V600K...). */
  codon?: string;
  exon?: number;
  /** MAF Variant_Classification, e.g. "In_Frame_Del", "Missense_Mutation". */
  variantClassification?: string;
  cnvCall?: CnvCall;
  /** SV/fusion partner: a gene, `any_gene` or `intergenic`. Partner order does not matter. */
  partner?: string;
  /** Minimum variant allele fraction, 0..1. */
  minVaf?: number;
}

/** Tumour mutational burden in mutations per megabase. */
export interface TmbCriterion extends LeafBase {
  kind: 'tmb';
  op: Comparator;
  value: number;
}

/** MSI-high / MMR-deficient (`deficient: true`) or MSS / MMR-proficient (`false`). */
export interface MmrCriterion extends LeafBase {
  kind: 'mmr';
  deficient: boolean;
}

/** Mutational signature present or explicitly absent, e.g. APOBEC, POLE, tobacco, UVA, temozolomide. */
export interface SignatureCriterion extends LeafBase {
  kind: 'signature';
  signature: string;
  present: boolean;
}

/** ctDNA tumour fraction, 0..1. */
export interface TumourFractionCriterion extends LeafBase {
  kind: 'tumourFraction';
  op: Comparator;
  value: number;
}

export type GenomicCriterion = AlterationCriterion | TmbCriterion | MmrCriterion | SignatureCriterion | TumourFractionCriterion;
