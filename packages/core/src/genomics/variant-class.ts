/**
 * Variant classes: the three vocabularies files use (MAF Variant_Classification, Sequence
 * Ontology consequence terms from VEP, SnpEff annotation terms) mapped onto the platform's
 * alteration classes (model/patient.ts) and the variant categories eligibility compares.
 *
 * The MAF mapping follows the GDC/TCGA MAF specification and the conversion vcf2maf applies
 * (its readme, vep_maf_readme.txt, lists the MAF values): the most severe consequence decides,
 * frameshift and in-frame indels are split into _Del/_Ins by the variant type.
 */
import type { AlterationClass } from '../model/patient';

/** MAF Variant_Classification values (GDC MAF specification). */
export const MAF_VARIANT_CLASSIFICATIONS = [
  'Frame_Shift_Del',
  'Frame_Shift_Ins',
  'In_Frame_Del',
  'In_Frame_Ins',
  'Missense_Mutation',
  'Nonsense_Mutation',
  'Silent',
  'Splice_Site',
  'Translation_Start_Site',
  'Nonstop_Mutation',
  "3'UTR",
  "3'Flank",
  "5'UTR",
  "5'Flank",
  'IGR',
  'Intron',
  'RNA',
  'Targeted_Region',
  'De_novo_Start_InFrame',
  'De_novo_Start_OutOfFrame',
  'Splice_Region',
  'Unknown',
] as const;
export type MafVariantClassification = (typeof MAF_VARIANT_CLASSIFICATIONS)[number];

/** How eligibility groups calls (criteria-genomic.ts): sequence variants, copy number, rearrangements. */
export type AlterationCategory = 'mutation' | 'cnv' | 'structural_variant';

/** What a sequence variant does to the protein, coarse enough to match on. */
export type MutationEffect =
  | 'missense'
  | 'nonsense'
  | 'frameshift'
  | 'inframe_deletion'
  | 'inframe_insertion'
  | 'splice_site'
  | 'splice_region'
  | 'start_loss'
  | 'stop_loss'
  | 'synonymous'
  | 'noncoding'
  | 'unknown';

/** MAF Variant_Type from the reference and alternate alleles (MAF style, "-" for none). */
export type MafVariantType = 'SNP' | 'DNP' | 'TNP' | 'ONP' | 'INS' | 'DEL';

export function mafVariantType(ref: string, alt: string): MafVariantType {
  const r = ref === '-' ? '' : ref;
  const a = alt === '-' ? '' : alt;
  if (r.length === a.length) {
    return r.length === 1 ? 'SNP' : r.length === 2 ? 'DNP' : r.length === 3 ? 'TNP' : 'ONP';
  }
  return r.length < a.length ? 'INS' : 'DEL';
}

/**
 * Sequence Ontology consequence terms, most severe first (Ensembl VEP's ranking). SnpEff-only
 * spellings are folded onto these by `canonicalConsequence`.
 */
export const CONSEQUENCE_SEVERITY: readonly string[] = [
  'transcript_ablation',
  'splice_acceptor_variant',
  'splice_donor_variant',
  'stop_gained',
  'frameshift_variant',
  'stop_lost',
  'start_lost',
  'transcript_amplification',
  'feature_elongation',
  'feature_truncation',
  'inframe_insertion',
  'inframe_deletion',
  'missense_variant',
  'protein_altering_variant',
  'splice_donor_5th_base_variant',
  'splice_region_variant',
  'splice_donor_region_variant',
  'splice_polypyrimidine_tract_variant',
  'incomplete_terminal_codon_variant',
  'start_retained_variant',
  'stop_retained_variant',
  'synonymous_variant',
  'coding_sequence_variant',
  'mature_miRNA_variant',
  '5_prime_UTR_variant',
  '3_prime_UTR_variant',
  'non_coding_transcript_exon_variant',
  'intron_variant',
  'NMD_transcript_variant',
  'non_coding_transcript_variant',
  'coding_transcript_variant',
  'upstream_gene_variant',
  'downstream_gene_variant',
  'TFBS_ablation',
  'TFBS_amplification',
  'TF_binding_site_variant',
  'regulatory_region_ablation',
  'regulatory_region_amplification',
  'regulatory_region_variant',
  'intergenic_variant',
  'sequence_variant',
];

/** SnpEff and older VEP spellings → the SO term VEP uses today. */
const CONSEQUENCE_SYNONYMS: Readonly<Record<string, string>> = {
  disruptive_inframe_deletion: 'inframe_deletion',
  conservative_inframe_deletion: 'inframe_deletion',
  disruptive_inframe_insertion: 'inframe_insertion',
  conservative_inframe_insertion: 'inframe_insertion',
  initiator_codon_variant: 'start_lost',
  non_canonical_start_codon: 'start_lost',
  start_retained: 'start_retained_variant',
  exon_loss_variant: 'transcript_ablation',
  exon_loss: 'transcript_ablation',
  intragenic_variant: 'intron_variant',
  INTRAGENIC: 'intron_variant',
  intergenic_region: 'intergenic_variant',
  conserved_intergenic_variant: 'intergenic_variant',
  conserved_intron_variant: 'intron_variant',
  '5_prime_UTR_premature_start_codon_gain_variant': '5_prime_UTR_variant',
  '5_prime_UTR_truncation': '5_prime_UTR_variant',
  '3_prime_UTR_truncation': '3_prime_UTR_variant',
  non_coding_exon_variant: 'non_coding_transcript_exon_variant',
  nc_transcript_variant: 'non_coding_transcript_variant',
  rare_amino_acid_variant: 'missense_variant',
  conservative_missense_variant: 'missense_variant',
  regulatory_region: 'regulatory_region_variant',
  TF_binding_site: 'TF_binding_site_variant',
  splice_branch_variant: 'splice_region_variant',
  exon_variant: 'non_coding_transcript_exon_variant',
};

/** Rearrangement terms (SnpEff ANN on SV calls): a fusion, not a sequence variant. */
const FUSION_TERMS = new Set(['gene_fusion', 'bidirectional_gene_fusion', 'feature_fusion']);

export function canonicalConsequence(term: string): string {
  const t = term.trim();
  return CONSEQUENCE_SYNONYMS[t] ?? t;
}

/** Splits "missense_variant&splice_region_variant" (VEP/SnpEff) or "a,b" (MAF column) into terms. */
export function splitConsequences(text: string): string[] {
  return text
    .split(/[&,]/)
    .map((t) => t.trim())
    .filter((t) => t !== '');
}

/** The most severe term of a consequence list (unknown terms rank last, in their given order). */
export function mostSevereConsequence(terms: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestRank = Infinity;
  for (const raw of terms) {
    const term = canonicalConsequence(raw);
    // Fusions outrank everything (the call is a rearrangement); unknown terms rank last.
    const index = CONSEQUENCE_SEVERITY.indexOf(term);
    const r = FUSION_TERMS.has(term) ? -1 : index === -1 ? CONSEQUENCE_SEVERITY.length : index;
    if (r < bestRank) {
      best = term;
      bestRank = r;
    }
  }
  return best;
}

/**
 * SO consequence (one term or a list) + variant type → MAF Variant_Classification.
 * `inframe` overrides the length rule for protein_altering_variant when the caller knows better.
 */
export function consequenceToMafClassification(
  consequence: string | readonly string[],
  variantType: MafVariantType,
  inframe?: boolean,
): MafVariantClassification {
  const terms = typeof consequence === 'string' ? splitConsequences(consequence) : consequence;
  const term = mostSevereConsequence(terms);
  const isIns = variantType === 'INS';
  const isDel = variantType === 'DEL';
  switch (term) {
    case 'splice_acceptor_variant':
    case 'splice_donor_variant':
    case 'transcript_ablation':
      return 'Splice_Site';
    case 'stop_gained':
      return 'Nonsense_Mutation';
    case 'frameshift_variant':
      return isIns ? 'Frame_Shift_Ins' : isDel ? 'Frame_Shift_Del' : 'Unknown';
    case 'protein_altering_variant':
      if (inframe === false) return isIns ? 'Frame_Shift_Ins' : isDel ? 'Frame_Shift_Del' : 'Missense_Mutation';
      return isIns ? 'In_Frame_Ins' : isDel ? 'In_Frame_Del' : 'Missense_Mutation';
    case 'inframe_insertion':
    case 'inframe_deletion':
      return isIns ? 'In_Frame_Ins' : isDel ? 'In_Frame_Del' : 'Missense_Mutation';
    case 'stop_lost':
      return 'Nonstop_Mutation';
    case 'start_lost':
      return 'Translation_Start_Site';
    case 'missense_variant':
    case 'coding_sequence_variant':
      return 'Missense_Mutation';
    case 'transcript_amplification':
    case 'intron_variant':
      return 'Intron';
    case 'splice_region_variant':
    case 'splice_donor_5th_base_variant':
    case 'splice_donor_region_variant':
    case 'splice_polypyrimidine_tract_variant':
      return 'Splice_Region';
    case 'incomplete_terminal_codon_variant':
    case 'synonymous_variant':
    case 'stop_retained_variant':
    case 'start_retained_variant':
    case 'NMD_transcript_variant':
      return 'Silent';
    case 'mature_miRNA_variant':
    case 'non_coding_transcript_exon_variant':
    case 'non_coding_transcript_variant':
      return 'RNA';
    case '5_prime_UTR_variant':
      return "5'UTR";
    case '3_prime_UTR_variant':
      return "3'UTR";
    case 'TF_binding_site_variant':
    case 'TFBS_ablation':
    case 'TFBS_amplification':
    case 'regulatory_region_variant':
    case 'regulatory_region_ablation':
    case 'regulatory_region_amplification':
    case 'intergenic_variant':
      return 'IGR';
    case 'upstream_gene_variant':
      return "5'Flank";
    case 'downstream_gene_variant':
      return "3'Flank";
    default:
      return 'Unknown';
  }
}

const MAF_TO_EFFECT: Readonly<Record<MafVariantClassification, MutationEffect>> = {
  Frame_Shift_Del: 'frameshift',
  Frame_Shift_Ins: 'frameshift',
  In_Frame_Del: 'inframe_deletion',
  In_Frame_Ins: 'inframe_insertion',
  Missense_Mutation: 'missense',
  Nonsense_Mutation: 'nonsense',
  Silent: 'synonymous',
  Splice_Site: 'splice_site',
  Translation_Start_Site: 'start_loss',
  Nonstop_Mutation: 'stop_loss',
  "3'UTR": 'noncoding',
  "3'Flank": 'noncoding',
  "5'UTR": 'noncoding',
  "5'Flank": 'noncoding',
  IGR: 'noncoding',
  Intron: 'noncoding',
  RNA: 'noncoding',
  Targeted_Region: 'unknown',
  De_novo_Start_InFrame: 'noncoding',
  De_novo_Start_OutOfFrame: 'noncoding',
  Splice_Region: 'splice_region',
  Unknown: 'unknown',
};

export function isMafVariantClassification(value: string): value is MafVariantClassification {
  return (MAF_VARIANT_CLASSIFICATIONS as readonly string[]).includes(value);
}

export function mafClassificationToEffect(value: MafVariantClassification): MutationEffect {
  return MAF_TO_EFFECT[value];
}

/**
 * Effects that change the protein sequence — what actionability and eligibility look at.
 * Splice-site changes count (they usually disrupt the transcript); splice-region ones do not.
 */
export function isProteinAltering(effect: MutationEffect): boolean {
  return !['synonymous', 'noncoding', 'splice_region', 'unknown'].includes(effect);
}

/** Truncating effects: what "loss-of-function" evidence in a tumour suppressor refers to. */
export function isTruncating(effect: MutationEffect): boolean {
  return effect === 'nonsense' || effect === 'frameshift' || effect === 'splice_site' || effect === 'start_loss';
}

/** Everything a sequence variant is, in the three vocabularies at once. */
export interface VariantClassInfo {
  alterationClass: AlterationClass;
  category: AlterationCategory;
  effect: MutationEffect;
  mafClassification: MafVariantClassification;
}

export function classifySequenceVariant(consequence: string | readonly string[], variantType: MafVariantType): VariantClassInfo {
  const terms = typeof consequence === 'string' ? splitConsequences(consequence) : consequence;
  const top = mostSevereConsequence(terms);
  if (top !== undefined && FUSION_TERMS.has(top)) {
    return { alterationClass: 'fusion', category: 'structural_variant', effect: 'unknown', mafClassification: 'Unknown' };
  }
  const maf = consequenceToMafClassification(terms, variantType);
  return { alterationClass: 'mutation', category: 'mutation', effect: mafClassificationToEffect(maf), mafClassification: maf };
}

export function classifyMafClassification(value: MafVariantClassification): VariantClassInfo {
  return { alterationClass: 'mutation', category: 'mutation', effect: mafClassificationToEffect(value), mafClassification: value };
}

/** cBioPortal discrete copy number (GISTIC): -2 deep deletion … 2 high-level amplification. */
export type GisticCall = -2 | -1 | 0 | 1 | 2;
export type CopyNumberCall = 'amplification' | 'gain' | 'homozygous_deletion' | 'heterozygous_deletion' | 'neutral';

export function gisticToCnvCall(value: GisticCall): CopyNumberCall {
  switch (value) {
    case 2:
      return 'amplification';
    case 1:
      return 'gain';
    case 0:
      return 'neutral';
    case -1:
      return 'heterozygous_deletion';
    case -2:
      return 'homozygous_deletion';
  }
}

/**
 * Only high-level amplifications and deep deletions are alterations in the platform's sense
 * (gains and shallow losses are too common to act on); they keep their call for matching.
 */
export function cnvCallToAlterationClass(call: CopyNumberCall): AlterationClass | undefined {
  if (call === 'amplification') return 'amplification';
  if (call === 'homozygous_deletion') return 'deletion';
  return undefined;
}
