/** Clinical leaves of the criterion tree. Units are in the field names (days, years). */
import type { Comparator, LeafBase } from './criteria';

/** Age at the evaluation's reference date, compared on exact age (a birthday counts from its day). */
export interface AgeCriterion extends LeafBase {
  kind: 'age';
  op: Comparator;
  /** Years; fractions are months (0.5 = 6 months), as CTML writes them. */
  years: number;
}

export interface SexCriterion extends LeafBase {
  kind: 'sex';
  sex: 'female' | 'male';
}

/**
 * Primary diagnosis within an OncoTree node, its descendants included. `_SOLID_` and
 * `_LIQUID_` name MatchMiner's two groups.
 */
export interface DiagnosisCriterion extends LeafBase {
  kind: 'diagnosis';
  oncotree: string;
}

/** AJCC stage group: `III` admits IIIA/IIIB/IIIC, `IIIA` admits only IIIA. */
export interface StageCriterion extends LeafBase {
  kind: 'stage';
  stages: string[];
}

/** Most recent ECOG performance status at most `max`, optionally no older than `withinDays`. */
export interface EcogCriterion extends LeafBase {
  kind: 'ecog';
  max: number;
  withinDays?: number;
}

export type TherapySetting = 'neoadjuvant' | 'adjuvant' | 'metastatic' | 'maintenance';

/** Number of prior lines of therapy (optionally only those of some settings). */
export interface PriorLinesCriterion extends LeafBase {
  kind: 'priorLines';
  op: Comparator;
  count: number;
  settings?: TherapySetting[];
}

/**
 * Drugs or drug classes in the patient's treatment history.
 * - `prior`: at least one of them was given;
 * - `required`: every one of them was given (e.g. "prior platinum and prior anti-PD-1");
 * - `excluded`: none of them was given.
 */
export interface DrugCriterion extends LeafBase {
  kind: 'drug';
  mode: 'prior' | 'required' | 'excluded';
  drugs?: string[];
  drugClasses?: string[];
}

/** At least `days` since the end of the last therapy (or of the last one using the listed drugs). */
export interface WashoutCriterion extends LeafBase {
  kind: 'washout';
  days: number;
  drugs?: string[];
  drugClasses?: string[];
}

/**
 * A lab threshold, absolute (`value` in `unit`) or relative to the lab's upper limit of
 * normal (`timesUln`). `withinDays` is the protocol's freshness window: an older result
 * makes the criterion unknown (to be repeated), never met or not met.
 */
export interface LabCriterion extends LeafBase {
  kind: 'lab';
  /** LOINC code, e.g. "2160-0" for serum creatinine. */
  loinc: string;
  display?: string;
  op: Comparator;
  /** Absolute threshold in `unit`. */
  value?: number;
  /** UCUM unit of `value`; a result in another unit is unknown (no silent conversion). */
  unit?: string;
  /** Threshold as a multiple of the upper limit of normal, e.g. 2.5 for "AST ≤ 2.5 × ULN". */
  timesUln?: number;
  withinDays?: number;
}

/** `present: false` = no brain metastases (or, with `activeOnly`, no active ones). */
export interface BrainMetastasesCriterion extends LeafBase {
  kind: 'brainMetastases';
  present: boolean;
  activeOnly?: boolean;
}

/** Measurable disease (RECIST) required (`present: true`) or not allowed. */
export interface MeasurableDiseaseCriterion extends LeafBase {
  kind: 'measurableDisease';
  present: boolean;
}

export interface VitalStatusCriterion extends LeafBase {
  kind: 'vitalStatus';
  status: 'alive' | 'deceased';
}

/** Hormone-receptor / HER2 status (CTML `er_status`, `pr_status`, `her2_status`). */
export interface ReceptorCriterion extends LeafBase {
  kind: 'receptor';
  receptor: 'ER' | 'PR' | 'HER2';
  positive: boolean;
}

/**
 * The patient's theranostic eligibility by a rule of core's theranostics module (e.g.
 * "vision-psma-pet"), as evaluated on the latest PET read of the rule's tracer: met, not met, or
 * unknown (no read, or the read leaves it open).
 */
export interface TheranosticEligibilityCriterion extends LeafBase {
  kind: 'theranosticEligibility';
  rule: string;
}

export type ClinicalCriterion =
  | AgeCriterion
  | SexCriterion
  | DiagnosisCriterion
  | StageCriterion
  | EcogCriterion
  | PriorLinesCriterion
  | DrugCriterion
  | WashoutCriterion
  | LabCriterion
  | BrainMetastasesCriterion
  | MeasurableDiseaseCriterion
  | VitalStatusCriterion
  | ReceptorCriterion
  | TheranosticEligibilityCriterion;
