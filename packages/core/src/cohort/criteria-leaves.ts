/**
 * Building blocks of protocol eligibility, in the synthetic cohort's vocabulary: the LOINC codes
 * and UCUM units of codes/loinc.ts, the drug classes of regimens.ts, and the gene symbols and
 * one-letter HGVS protein changes of alterations.ts. Written that way, criteria written for the
 * catalogue are met, failed or left unknown by generated patients exactly as real ones would be.
 *
 * Only leaves whose every field survives a CTML round trip carry a label (alteration, MMR and
 * `continuum` leaves); CTML has nowhere to put a label on age, diagnosis or sex.
 */
import type { Comparator, Criterion, FreeTextCriterion, LeafCriterion } from '../eligibility/criteria';
import { anyOf } from '../eligibility/criteria';
import type {
  AgeCriterion,
  BrainMetastasesCriterion,
  DiagnosisCriterion,
  DrugCriterion,
  EcogCriterion,
  LabCriterion,
  PriorLinesCriterion,
  ReceptorCriterion,
  StageCriterion,
  TherapySetting,
  WashoutCriterion,
} from '../eligibility/criteria-clinical';
import type { AlterationCriterion, MmrCriterion, TmbCriterion } from '../eligibility/criteria-genomic';
import { loincByKey, type LabKey } from '../codes/loinc';

// ---- Clinical --------------------------------------------------------------------------------

export const age = (op: Comparator, years: number): AgeCriterion => ({ kind: 'age', op, years });
export const ADULT = age('>=', 18);

export const dx = (oncotree: string): DiagnosisCriterion => ({ kind: 'diagnosis', oncotree });
/** Any of these OncoTree nodes (each with its descendants). */
export const dxAny = (...codes: string[]): Criterion => (codes.length === 1 ? dx(codes[0]!) : anyOf(...codes.map(dx)));
export const SOLID_TUMOUR = dx('_SOLID_');

export const stage = (...stages: string[]): StageCriterion => ({ kind: 'stage', stages });
export const ecog = (max: number, withinDays?: number): EcogCriterion =>
  withinDays === undefined ? { kind: 'ecog', max } : { kind: 'ecog', max, withinDays };
export const receptor = (r: ReceptorCriterion['receptor'], positive: boolean): ReceptorCriterion => ({
  kind: 'receptor',
  receptor: r,
  positive,
});

/** Lines of systemic therapy for advanced disease (metastatic and maintenance lines). */
export const ADVANCED: TherapySetting[] = ['metastatic', 'maintenance'];
export const priorLines = (op: Comparator, count: number, settings: TherapySetting[] = ADVANCED): PriorLinesCriterion => ({
  kind: 'priorLines',
  op,
  count,
  settings,
});

export const priorClass = (...drugClasses: string[]): DrugCriterion => ({ kind: 'drug', mode: 'prior', drugClasses });
export const priorDrug = (...drugs: string[]): DrugCriterion => ({ kind: 'drug', mode: 'prior', drugs });
export const requiredClasses = (...drugClasses: string[]): DrugCriterion => ({ kind: 'drug', mode: 'required', drugClasses });
export const excludedClass = (...drugClasses: string[]): DrugCriterion => ({ kind: 'drug', mode: 'excluded', drugClasses });
export const excludedDrug = (...drugs: string[]): DrugCriterion => ({ kind: 'drug', mode: 'excluded', drugs });
export const washout = (days: number, ...drugClasses: string[]): WashoutCriterion =>
  drugClasses.length ? { kind: 'washout', days, drugClasses } : { kind: 'washout', days };

/** "No untreated or progressing brain metastases" (treated, stable ones are allowed). */
export const NO_ACTIVE_BRAIN_METASTASES: BrainMetastasesCriterion = { kind: 'brainMetastases', present: false, activeOnly: true };

export const freeText = (text: string): FreeTextCriterion => ({ kind: 'freeText', text });

/** The anti-PD-(L)1 classes together, as protocols name them. */
export const PD1_PDL1 = ['anti-PD-1', 'anti-PD-L1'];
/** Androgen-receptor pathway inhibitors. */
export const ARPI = ['AR inhibitor', 'androgen synthesis inhibitor'];

// ---- Laboratory thresholds -------------------------------------------------------------------

const LAB_NAMES: Partial<Record<LabKey, string>> = {
  neutrophils: 'ANC',
  platelets: 'platelets',
  hemoglobin: 'haemoglobin',
  creatinine: 'creatinine',
  bilirubinTotal: 'total bilirubin',
  ast: 'AST',
  alt: 'ALT',
  egfr: 'eGFR (CKD-EPI)',
  albumin: 'albumin',
};

/** An absolute threshold, in the unit the LOINC table gives the lab. */
export function labAtLeast(key: LabKey, value: number, withinDays: number, op: Comparator = '>='): LabCriterion {
  const l = loincByKey(key);
  return { kind: 'lab', loinc: l.code, display: LAB_NAMES[key] ?? key, op, value, unit: l.unit, withinDays };
}

/** A threshold as a multiple of the reporting lab's upper limit of normal. */
export function labTimesUln(key: LabKey, timesUln: number, withinDays: number): LabCriterion {
  const l = loincByKey(key);
  return { kind: 'lab', loinc: l.code, display: LAB_NAMES[key] ?? key, op: '<=', timesUln, withinDays };
}

export interface OrganFunction {
  /** Freshness window of every result, days before the reference date (14 for phase I, 28 often later). */
  withinDays: number;
  /** 10*3/uL (= G/L). */
  anc?: number;
  platelets?: number;
  /** g/dL. */
  haemoglobin?: number;
  /** × ULN. */
  creatinine?: number;
  bilirubin?: number;
  transaminases?: number;
  /** mL/min/1.73 m2, instead of or besides creatinine. */
  egfr?: number;
}

/** The usual "adequate organ function" block: ANC ≥ 1.5 G/L, platelets ≥ 100 G/L, Hb ≥ 9 g/dL, creatinine and bilirubin ≤ 1.5 × ULN, AST/ALT ≤ 2.5 × ULN. */
export function organFunction(o: OrganFunction): LeafCriterion[] {
  const w = o.withinDays;
  const out: LeafCriterion[] = [
    labAtLeast('neutrophils', o.anc ?? 1.5, w),
    labAtLeast('platelets', o.platelets ?? 100, w),
    labAtLeast('hemoglobin', o.haemoglobin ?? 9, w),
  ];
  if (o.creatinine !== 0) out.push(labTimesUln('creatinine', o.creatinine ?? 1.5, w));
  if (o.egfr !== undefined) out.push(labAtLeast('egfr', o.egfr, w));
  out.push(labTimesUln('bilirubinTotal', o.bilirubin ?? 1.5, w));
  const t = o.transaminases ?? 2.5;
  out.push(labTimesUln('ast', t, w), labTimesUln('alt', t, w));
  return out;
}

// ---- Genomic ---------------------------------------------------------------------------------

const labelled = (x: AlterationCriterion, label?: string): AlterationCriterion => (label ? { ...x, label } : x);

/** A mutation in the gene, optionally one exact protein change (one-letter HGVS, as reports give it). */
export const mutation = (gene: string, proteinChange?: string, label?: string): AlterationCriterion =>
  labelled({ kind: 'alteration', gene, category: 'mutation', ...(proteinChange ? { proteinChange } : {}) }, label);
/** Any single amino-acid substitution at a codon (BRAF p.V600 admits p.V600E and p.V600K). */
export const codon = (gene: string, codonText: string, label?: string): AlterationCriterion =>
  labelled({ kind: 'alteration', gene, category: 'mutation', codon: codonText }, label);
export const amplification = (gene: string, label?: string): AlterationCriterion =>
  labelled({ kind: 'alteration', gene, category: 'cnv', cnvCall: 'amplification' }, label);
export const deletion = (gene: string, label?: string): AlterationCriterion =>
  labelled({ kind: 'alteration', gene, category: 'cnv', cnvCall: 'homozygous_deletion' }, label);
/** A fusion or rearrangement of the gene, with any partner unless one is named. */
export const fusion = (gene: string, partner?: string, label?: string): AlterationCriterion =>
  labelled({ kind: 'alteration', gene, category: 'structural_variant', ...(partner ? { partner } : {}) }, label);

export const MSI_HIGH: MmrCriterion = { kind: 'mmr', deficient: true, label: 'MSI-H / dMMR' };
export const tmbAtLeast = (value: number): TmbCriterion => ({ kind: 'tmb', op: '>=', value });

/**
 * EGFR exon 19 deletions: the common in-frame deletions by protein change, or any in-frame
 * deletion a report places in exon 19.
 */
export const EGFR_EXON19_DELETION: Criterion = anyOf(
  mutation('EGFR', 'p.E746_A750del'),
  mutation('EGFR', 'p.L747_P753delinsS'),
  mutation('EGFR', 'p.E746_S752delinsV'),
  mutation('EGFR', 'p.L747_A750delinsP'),
  mutation('EGFR', 'p.L747_T751del'),
  labelled(
    { kind: 'alteration', gene: 'EGFR', category: 'mutation', exon: 19, variantClassification: 'In_Frame_Del' },
    'EGFR exon 19 in-frame deletion',
  ),
);
/** EGFR-sensitising mutations: exon 19 deletion or p.L858R. */
export const EGFR_SENSITISING: Criterion = anyOf(EGFR_EXON19_DELETION, mutation('EGFR', 'p.L858R'));
export const KRAS_G12C = mutation('KRAS', 'p.G12C', 'KRAS p.G12C');
export const BRCA1_2 = anyOf(mutation('BRCA1'), mutation('BRCA2'));
