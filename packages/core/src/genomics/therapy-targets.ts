/**
 * What a drug class acts on: the molecular target the resistance atlas groups by, and the genes
 * an acquired alteration must fall in to be "on target" when only CIViC (which names no
 * mechanism) supports the call. Pharmacology facts (mechanism of action from the products'
 * labels), keyed by the drug-class names the platform's therapy lines use
 * (cohort/regimens.ts DRUGS) plus common synonyms. Genes are HGNC symbols.
 */
import type { Drug } from '../model/patient';

export interface TherapyTarget {
  /** What the atlas shows, e.g. "EGFR", "aromatase (CYP19A1)". */
  label: string;
  /** HGNC symbols of the target's genes; empty for cytotoxics and other untargeted classes. */
  genes: readonly string[];
}

const t = (label: string, ...genes: string[]): TherapyTarget => ({ label, genes });
const CYTOTOXIC = t('cytotoxic (no molecular target)');

export const DRUG_CLASS_TARGETS: Readonly<Record<string, TherapyTarget>> = {
  'egfr tki': t('EGFR', 'EGFR'),
  'anti-egfr': t('EGFR', 'EGFR'),
  'anti-egfr mab': t('EGFR', 'EGFR'),
  'egfr-met bispecific': t('EGFR + MET', 'EGFR', 'MET'),
  'alk tki': t('ALK', 'ALK'),
  'alk/ros1/met tki': t('ALK / ROS1 / MET', 'ALK', 'ROS1', 'MET'),
  'ros1/trk tki': t('ROS1 / TRK', 'ROS1', 'NTRK1', 'NTRK2', 'NTRK3'),
  'trk inhibitor': t('TRK (NTRK1-3)', 'NTRK1', 'NTRK2', 'NTRK3'),
  'ret inhibitor': t('RET', 'RET'),
  'met inhibitor': t('MET', 'MET'),
  'kras g12c inhibitor': t('KRAS G12C', 'KRAS'),
  'braf inhibitor': t('BRAF V600', 'BRAF'),
  'mek inhibitor': t('MEK1/2', 'MAP2K1', 'MAP2K2'),
  'her2 tki': t('HER2', 'ERBB2'),
  'anti-her2': t('HER2', 'ERBB2'),
  'anti-her2 adc': t('HER2', 'ERBB2'),
  'cdk4/6 inhibitor': t('CDK4/6', 'CDK4', 'CDK6'),
  'pi3kα inhibitor': t('PI3Kα (PIK3CA)', 'PIK3CA'),
  'pi3k inhibitor': t('PI3Kα (PIK3CA)', 'PIK3CA'),
  'akt inhibitor': t('AKT', 'AKT1', 'AKT2', 'AKT3'),
  'mtor inhibitor': t('mTOR', 'MTOR'),
  'parp inhibitor': t('PARP1/2', 'PARP1', 'PARP2'),
  'fgfr inhibitor': t('FGFR1-4', 'FGFR1', 'FGFR2', 'FGFR3', 'FGFR4'),
  'idh1 inhibitor': t('mutant IDH1', 'IDH1'),
  'idh2 inhibitor': t('mutant IDH2', 'IDH2'),
  'kit inhibitor': t('KIT / PDGFRA', 'KIT', 'PDGFRA'),
  'pdgfra inhibitor': t('PDGFRA', 'PDGFRA'),
  'btk inhibitor': t('BTK', 'BTK'),
  'flt3 inhibitor': t('FLT3', 'FLT3'),
  'bcl2 inhibitor': t('BCL2', 'BCL2'),
  'aromatase inhibitor': t('aromatase (CYP19A1)', 'CYP19A1'),
  serm: t('oestrogen receptor (ESR1)', 'ESR1'),
  serd: t('oestrogen receptor (ESR1)', 'ESR1'),
  'oral serd': t('oestrogen receptor (ESR1)', 'ESR1'),
  'ar inhibitor': t('androgen receptor (AR)', 'AR'),
  'androgen synthesis inhibitor': t('CYP17A1', 'CYP17A1'),
  'gnrh agonist': t('GnRH receptor', 'GNRHR'),
  'anti-pd-1': t('PD-1', 'PDCD1'),
  'anti-pd-l1': t('PD-L1', 'CD274'),
  'anti-ctla-4': t('CTLA-4', 'CTLA4'),
  'anti-vegf': t('VEGF-A', 'VEGFA'),
  'anti-vegfr2': t('VEGFR2', 'KDR'),
  'vegfr tki': t('VEGFR1-3', 'FLT1', 'KDR', 'FLT4'),
  'multikinase inhibitor': t('multiple kinases (VEGFR, KIT, PDGFR …)'),
  'psma radioligand': t('PSMA (FOLH1)', 'FOLH1'),
  'sstr radioligand': t('SSTR2', 'SSTR2'),
  'anti-cd20': t('CD20', 'MS4A1'),
  'anti-cd38': t('CD38', 'CD38'),
  platinum: CYTOTOXIC,
  antifolate: CYTOTOXIC,
  fluoropyrimidine: CYTOTOXIC,
  antimetabolite: CYTOTOXIC,
  taxane: CYTOTOXIC,
  'topoisomerase i inhibitor': CYTOTOXIC,
  'topoisomerase ii inhibitor': CYTOTOXIC,
  'alkylating agent': CYTOTOXIC,
  anthracycline: CYTOTOXIC,
  'vinca alkaloid': CYTOTOXIC,
  'microtubule inhibitor': CYTOTOXIC,
  'cytotoxic antibiotic': CYTOTOXIC,
};

/** Given with a regimen but not what the line is "on" (leucovorin, steroids): never a line's principal drug. */
const COMPANION_CLASSES = new Set(['folate analogue', 'corticosteroid']);
/** Continued underneath the next agent (androgen deprivation in prostate cancer): principal only when given alone. */
const BACKBONE_CLASSES = new Set(['gnrh agonist']);

export function targetOfDrugClass(drugClass: string): TherapyTarget | undefined {
  return DRUG_CLASS_TARGETS[drugClass.trim().toLowerCase()];
}

/**
 * The drug a line is "on", for grouping what progressed on it: the first drug with a molecular
 * target (the targeted agent of "letrozole + palbociclib" is letrozole, listed first; of
 * "FOLFOX + panitumumab", panitumumab; of "leuprorelin + enzalutamide", enzalutamide — androgen
 * deprivation is the backbone), else the first drug that is not a companion.
 */
export function principalDrug(drugs: readonly Drug[]): Drug | undefined {
  const targeted = (d: Drug) => (targetOfDrugClass(d.drugClass)?.genes.length ?? 0) > 0;
  const cls = (d: Drug) => d.drugClass.toLowerCase();
  return (
    drugs.find((d) => targeted(d) && !BACKBONE_CLASSES.has(cls(d))) ??
    drugs.find(targeted) ??
    drugs.find((d) => !COMPANION_CLASSES.has(cls(d))) ??
    drugs[0]
  );
}

/** The atlas's target label of a drug; unknown classes show as themselves. */
export function targetLabel(drug: Drug): string {
  return targetOfDrugClass(drug.drugClass)?.label ?? `not tabulated (${drug.drugClass})`;
}
