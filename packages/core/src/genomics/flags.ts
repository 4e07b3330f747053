/**
 * Flags an MTB must see before acting on a finding:
 *
 * - possible germline: a variant in a cancer-predisposition gene at a VAF near 50 % (0.40–0.60)
 *   or near 100 % (≥ 0.90) may be inherited, whatever the report calls it → offer genetic
 *   counselling and germline testing. Tumour-only sequencing cannot tell; the flag says "possible".
 * - possible clonal haematopoiesis (CH): in plasma (ctDNA), variants in genes that mutate in
 *   blood cells with age (DNMT3A, TET2, ASXL1, PPM1D, JAK2 V617F, ...) may come from white cells,
 *   not the tumour (Razavi et al., Nat Med 2019). TP53, ATM and CHEK2 variants at low VAF are
 *   flagged too. Confirm with matched white-blood-cell sequencing before acting.
 */
import type { ProteinChange } from './hgvs-protein';

export type FlagKind = 'possible_germline' | 'reported_germline' | 'possible_clonal_haematopoiesis' | 'filtered_call';

export interface Flag {
  kind: FlagKind;
  /** What to do about it. */
  action: string;
  reason: string;
}

/**
 * Cancer-predisposition genes whose tumour findings warrant a germline question — genes most
 * guidelines on germline follow-up of tumour sequencing name (hereditary breast/ovarian, Lynch,
 * polyposis, Li-Fraumeni, von Hippel-Lindau, MEN, paraganglioma, etc.).
 */
export const PREDISPOSITION_GENES: ReadonlySet<string> = new Set([
  'APC',
  'ATM',
  'BAP1',
  'BARD1',
  'BMPR1A',
  'BRCA1',
  'BRCA2',
  'BRIP1',
  'CDH1',
  'CDK4',
  'CDKN2A',
  'CHEK2',
  'DICER1',
  'EPCAM',
  'FH',
  'FLCN',
  'MEN1',
  'MLH1',
  'MSH2',
  'MSH6',
  'MUTYH',
  'NF1',
  'NF2',
  'PALB2',
  'PMS2',
  'POLD1',
  'POLE',
  'PTEN',
  'RAD51C',
  'RAD51D',
  'RB1',
  'RET',
  'SDHA',
  'SDHAF2',
  'SDHB',
  'SDHC',
  'SDHD',
  'SMAD4',
  'SMARCA4',
  'SMARCB1',
  'STK11',
  'SUFU',
  'TP53',
  'TSC1',
  'TSC2',
  'VHL',
  'WT1',
]);

/** Genes commonly mutated in clonal haematopoiesis and seen in plasma cfDNA. */
export const CH_GENES: ReadonlySet<string> = new Set([
  'DNMT3A',
  'TET2',
  'ASXL1',
  'PPM1D',
  'SF3B1',
  'SRSF2',
  'U2AF1',
  'ZRSR2',
  'CBL',
  'GNB1',
  'GNAS',
  'BCORL1',
  'STAG2',
  'IDH2',
]);

/** CH genes flagged only at low VAF, where tumour origin is otherwise likely. */
export const CH_LOW_VAF_GENES: ReadonlySet<string> = new Set(['TP53', 'ATM', 'CHEK2']);

export interface FlagThresholds {
  germlineHeterozygous: readonly [number, number];
  germlineHomozygous: number;
  /** Below this VAF a TP53/ATM/CHEK2 plasma variant is flagged as possible CH. */
  chLowVaf: number;
}

export const DEFAULT_FLAG_THRESHOLDS: FlagThresholds = {
  germlineHeterozygous: [0.4, 0.6],
  germlineHomozygous: 0.9,
  chLowVaf: 0.1,
};

export interface FlagInput {
  gene: string;
  kind: 'mutation' | 'amplification' | 'deletion' | 'fusion' | 'structural_variant' | 'biomarker';
  vaf?: number;
  protein?: ProteinChange;
  origin?: 'somatic' | 'germline' | 'unknown';
  filter?: string;
  specimen?: 'tissue' | 'ctdna';
}

export function flagsFor(input: FlagInput, thresholds: FlagThresholds = DEFAULT_FLAG_THRESHOLDS): Flag[] {
  const flags: Flag[] = [];
  if (input.kind !== 'mutation') return flags;
  const { gene, vaf } = input;

  if (input.origin === 'germline') {
    flags.push({
      kind: 'reported_germline',
      action: 'genetic counselling and confirmatory germline testing',
      reason: 'the report marks this variant germline',
    });
  } else if (PREDISPOSITION_GENES.has(gene) && vaf !== undefined) {
    const [lo, hi] = thresholds.germlineHeterozygous;
    if ((vaf >= lo && vaf <= hi) || vaf >= thresholds.germlineHomozygous) {
      flags.push({
        kind: 'possible_germline',
        action: 'genetic counselling; germline testing',
        reason: `${gene} is a cancer-predisposition gene and the VAF ${(vaf * 100).toFixed(1)} % is ${vaf >= thresholds.germlineHomozygous ? `≥ ${thresholds.germlineHomozygous * 100} % (homozygous-like)` : `within ${lo * 100}–${hi * 100} % (heterozygous-like)`}`,
      });
    }
  }

  if (input.specimen === 'ctdna') {
    const isJak2V617F =
      gene === 'JAK2' &&
      input.protein?.kind === 'substitution' &&
      input.protein.position === 617 &&
      input.protein.ref === 'V' &&
      input.protein.alt === 'F';
    if (CH_GENES.has(gene) || isJak2V617F) {
      flags.push({
        kind: 'possible_clonal_haematopoiesis',
        action: 'confirm tumour origin (matched white-blood-cell sequencing or tissue) before acting',
        reason: isJak2V617F
          ? 'JAK2 V617F is a hallmark clonal haematopoiesis variant'
          : `${gene} is frequently mutated in clonal haematopoiesis`,
      });
    } else if (CH_LOW_VAF_GENES.has(gene) && vaf !== undefined && vaf < thresholds.chLowVaf) {
      flags.push({
        kind: 'possible_clonal_haematopoiesis',
        action: 'confirm tumour origin (matched white-blood-cell sequencing or tissue) before acting',
        reason: `${gene} at VAF ${(vaf * 100).toFixed(1)} % (< ${thresholds.chLowVaf * 100} %) in plasma may come from clonal haematopoiesis`,
      });
    }
  }

  if (input.filter !== undefined && input.filter !== 'PASS') {
    flags.push({ kind: 'filtered_call', action: 'check the call before use', reason: `the caller's FILTER is "${input.filter}"` });
  }
  return flags;
}
