/**
 * The tables the synthetic portfolio draws from: what each tumour group has usually received
 * before a trial (drug classes of regimens.ts), which drug class a targeted trial excludes,
 * tumour-agnostic biomarkers, and protocol sentences no one has made computable.
 */
import type { TrialPhase } from '../model/trial';
import type { TumourGroup } from './frequencies';
import { WeightedTable } from './random';

/** Drug classes a trial in this group may require as prior therapy (the standard lines before it). */
export const PRIOR_CLASSES: Readonly<Record<TumourGroup, readonly string[]>> = {
  nsclc: ['platinum', 'anti-PD-1', 'anti-PD-L1', 'taxane'],
  sclc: ['platinum', 'anti-PD-L1'],
  breast: ['CDK4/6 inhibitor', 'aromatase inhibitor', 'taxane', 'anti-HER2'],
  colorectal: ['fluoropyrimidine', 'anti-VEGF', 'anti-EGFR'],
  prostate: ['AR inhibitor', 'androgen synthesis inhibitor', 'taxane', 'GnRH agonist'],
  ovary: ['platinum', 'PARP inhibitor', 'anti-VEGF'],
  pancreas: ['antimetabolite', 'platinum', 'taxane'],
  melanoma: ['anti-PD-1', 'BRAF inhibitor', 'anti-CTLA-4'],
  'uveal-melanoma': ['gp100xCD3 bispecific', 'anti-PD-1'],
  'head-neck': ['platinum', 'anti-PD-1', 'anti-EGFR'],
  kidney: ['anti-PD-1', 'VEGFR TKI', 'multikinase inhibitor'],
  bladder: ['platinum', 'anti-PD-L1', 'anti-PD-1', 'anti-nectin-4 ADC'],
  endometrium: ['platinum', 'anti-PD-1', 'taxane'],
  'gastro-oesophageal': ['platinum', 'fluoropyrimidine', 'anti-PD-1'],
  'oesophageal-squamous': ['platinum', 'anti-PD-1'],
  biliary: ['platinum', 'antimetabolite', 'anti-PD-L1'],
  liver: ['anti-PD-L1', 'anti-VEGF', 'multikinase inhibitor'],
  glioblastoma: ['alkylating agent'],
  sarcoma: ['anthracycline', 'alkylating agent'],
  gist: ['KIT inhibitor', 'multikinase inhibitor'],
  net: ['somatostatin analogue', 'mTOR inhibitor'],
  thyroid: ['radioiodine', 'multikinase inhibitor'],
  'medullary-thyroid': ['RET inhibitor', 'multikinase inhibitor'],
  cervix: ['platinum', 'anti-PD-1', 'anti-VEGF'],
  cup: ['platinum', 'taxane'],
  'skin-other': ['anti-PD-1', 'anti-PD-L1'],
  salivary: ['platinum'],
  mesothelioma: ['anti-PD-1', 'anti-CTLA-4', 'platinum'],
  'germ-cell': ['platinum'],
  lymphoma: ['anti-CD20', 'alkylating agent'],
  cll: ['BTK inhibitor', 'BCL2 inhibitor', 'anti-CD20'],
  aml: ['hypomethylating agent', 'BCL2 inhibitor', 'antimetabolite'],
  myeloma: ['anti-CD38', 'immunomodulatory drug', 'proteasome inhibitor'],
};

/** The class of the trial's own drug, excluded as prior therapy, by the gene it targets. */
export const CLASS_FOR_GENE: Readonly<Record<string, string>> = {
  KRAS: 'KRAS G12C inhibitor',
  NRAS: 'MEK inhibitor',
  EGFR: 'EGFR TKI',
  ALK: 'ALK TKI',
  ROS1: 'ROS1/TRK TKI',
  RET: 'RET inhibitor',
  MET: 'MET inhibitor',
  BRAF: 'BRAF inhibitor',
  ERBB2: 'anti-HER2 ADC',
  BRCA1: 'PARP inhibitor',
  BRCA2: 'PARP inhibitor',
  PALB2: 'PARP inhibitor',
  ATM: 'ATR inhibitor',
  FGFR1: 'FGFR inhibitor',
  FGFR2: 'FGFR inhibitor',
  FGFR3: 'FGFR inhibitor',
  IDH1: 'IDH1 inhibitor',
  IDH2: 'IDH2 inhibitor',
  NTRK1: 'TRK inhibitor',
  NTRK3: 'TRK inhibitor',
  PIK3CA: 'PI3Kα inhibitor',
  ESR1: 'oral SERD',
  KIT: 'KIT inhibitor',
  PDGFRA: 'PDGFRA inhibitor',
  MDM2: 'MDM2 inhibitor',
  CDK4: 'CDK4/6 inhibitor',
  FLT3: 'FLT3 inhibitor',
};

/** Classes of untargeted investigational drugs (ADCs, immunotherapies) a trial may exclude. */
export const NOVEL_CLASSES: readonly string[] = [
  'anti-TROP2 ADC',
  'anti-HER2 ADC',
  'anti-PD-1',
  'anti-PD-L1',
  'anti-CTLA-4',
  'anti-LAG-3',
  'anti-TIGIT',
  'CD3 bispecific',
  'B7-H3 ADC',
  'CDH6 ADC',
];

/** Biomarkers of tumour-agnostic (basket) trials, with how often a basket selects on them. */
export type AgnosticBiomarker =
  | { kind: 'protein'; gene: string; protein: string }
  | { kind: 'codon'; gene: string; codon: string }
  | { kind: 'gene'; gene: string }
  | { kind: 'amp'; gene: string }
  | { kind: 'del'; gene: string }
  | { kind: 'fusion'; gene: string }
  | { kind: 'msi' }
  | { kind: 'tmb'; value: number };

export const AGNOSTIC_BIOMARKERS = new WeightedTable<AgnosticBiomarker[]>([
  [[{ kind: 'protein', gene: 'KRAS', protein: 'p.G12C' }], 4],
  [[{ kind: 'protein', gene: 'KRAS', protein: 'p.G12D' }], 2],
  [
    [
      { kind: 'gene', gene: 'KRAS' },
      { kind: 'gene', gene: 'NRAS' },
    ],
    2,
  ],
  [[{ kind: 'codon', gene: 'BRAF', codon: 'p.V600' }], 3],
  [
    [
      { kind: 'fusion', gene: 'NTRK1' },
      { kind: 'fusion', gene: 'NTRK3' },
    ],
    2,
  ],
  [[{ kind: 'fusion', gene: 'RET' }], 2],
  [
    [
      { kind: 'amp', gene: 'ERBB2' },
      { kind: 'gene', gene: 'ERBB2' },
    ],
    3,
  ],
  [[{ kind: 'msi' }], 3],
  [[{ kind: 'tmb', value: 10 }], 2],
  [
    [
      { kind: 'fusion', gene: 'FGFR2' },
      { kind: 'fusion', gene: 'FGFR3' },
      { kind: 'gene', gene: 'FGFR3' },
    ],
    2,
  ],
  [[{ kind: 'amp', gene: 'MDM2' }], 1],
  [[{ kind: 'gene', gene: 'PIK3CA' }], 2],
  [[{ kind: 'fusion', gene: 'NRG1' }], 1],
  [
    [
      { kind: 'gene', gene: 'BRCA1' },
      { kind: 'gene', gene: 'BRCA2' },
      { kind: 'gene', gene: 'PALB2' },
    ],
    2,
  ],
  [[{ kind: 'codon', gene: 'IDH1', codon: 'p.R132' }], 1],
  [[{ kind: 'amp', gene: 'MET' }], 1],
  [[{ kind: 'del', gene: 'CDKN2A' }], 1],
  [[{ kind: 'del', gene: 'PTEN' }], 1],
  [[{ kind: 'gene', gene: 'NF1' }], 1],
  [[{ kind: 'gene', gene: 'ARID1A' }], 1],
  [
    [
      { kind: 'gene', gene: 'KEAP1' },
      { kind: 'gene', gene: 'STK11' },
    ],
    1,
  ],
  [[{ kind: 'amp', gene: 'CCNE1' }], 1],
]);

/** Protocol criteria kept as text (they need a person, or data no record holds). */
export const FREE_TEXT: readonly string[] = [
  'Life expectancy of at least 12 weeks',
  'Able to swallow and retain oral medication',
  'Willing to undergo a fresh tumour biopsy at baseline and on treatment',
  'Archival tumour tissue available (at least 10 unstained slides)',
  'No history of non-infectious pneumonitis or interstitial lung disease requiring steroids',
  'No active autoimmune disease requiring systemic treatment in the past 2 years',
  'QTcF ≤ 470 ms on the screening ECG',
  'Left ventricular ejection fraction ≥ 50% by echocardiography or MUGA',
  'No major surgery within 4 weeks before the first dose',
  'No known active hepatitis B or C infection, or HIV infection with a detectable viral load',
  'Resolution of toxicities of prior therapy to grade ≤ 1 (alopecia excepted)',
  'No other malignancy requiring active treatment within the past 3 years',
];

export const PHASES = new WeightedTable<TrialPhase>([
  ['I', 0.18],
  ['I/II', 0.07],
  ['II', 0.35],
  ['III', 0.35],
  ['IV', 0.05],
]);

/** Fictional compound prefixes (no real sponsor's codes). */
export const COMPOUND_PREFIXES: readonly string[] = ['SYX', 'KVL', 'ORD', 'TMA', 'PHX', 'LUM', 'ZEN', 'BRX', 'QOR', 'VEL'];
