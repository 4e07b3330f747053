/**
 * The patient as the evaluator sees it: every fact with its provenance.
 *
 * Absence is meaningful and three-way, because it decides between `not_met` and `unknown`:
 * - a list left `undefined` means "never recorded" (criteria about it are unknown);
 * - an empty list means "recorded, and there is none" (e.g. treatment-naive);
 * - inside an alteration, a field set to `null` means "reported as absent" and `undefined`
 *   means "not reported".
 */
import type { Provenance } from '../model/provenance';
import type { Sex, VitalStatus } from '../model/patient';
import type { CnvCall, VariantCategory } from './criteria-genomic';
import type { TherapySetting } from './criteria-clinical';
import type { Truth } from './truth';

export interface Fact<T> {
  value: T;
  provenance: Provenance;
  /** Id of the fact in its source (genomic row, lab result...), to link explanations to evidence. */
  id?: string;
}

export interface DiagnosisFact {
  /** OncoTree code (or name, with a name-keyed hierarchy). */
  oncotree: string;
  kind: 'primary' | 'secondary';
  /** AJCC stage group, e.g. "IV", "IIIA". */
  stage?: string;
  bodySite?: string;
}

export interface LabFact {
  loinc: string;
  display?: string;
  value: number;
  unit: string;
  upperLimitOfNormal?: number;
  lowerLimitOfNormal?: number;
}

export interface TherapyLineFact {
  lineNumber: number;
  setting: TherapySetting;
  drugs: Array<{ name: string; drugClass?: string }>;
  startedAt: string;
  /** Absent while the line is ongoing. */
  endedAt?: string;
}

export interface BrainMetastasesFact {
  present: boolean;
  /** Untreated or progressing; undefined when the record does not say. */
  active?: boolean;
}

export interface ReceptorFact {
  receptor: 'ER' | 'PR' | 'HER2';
  positive: boolean;
}

export interface AlterationFact {
  category: VariantCategory;
  /** HGNC symbol; for an SV the left (5') partner, `null` when intergenic. */
  gene?: string | null;
  /** SV right (3') partner, `null` when intergenic. */
  partner?: string | null;
  proteinChange?: string | null;
  variantClassification?: string | null;
  exon?: number | null;
  cnvCall?: CnvCall | null;
  /** Variant allele fraction, 0..1. */
  vaf?: number | null;
  /** SV type as reported, e.g. "Structural Variation", "Fusion". */
  svType?: string;
  /** An SV known only from free text ("... EML4-ALK fusion ..."): matched on the genes it names. */
  text?: string;
}

/** A theranostic eligibility rule's verdict on the patient's latest PET read of its tracer. */
export interface TheranosticEligibilityFact {
  /** Rule id, e.g. "vision-psma-pet". */
  rule: string;
  verdict: Truth;
  reasons: string[];
  tracer?: string;
}

export type MmrStatus = 'deficient' | 'proficient' | 'indeterminate';

export interface SignatureFact {
  signature: string;
  present: boolean;
}

export interface GenomicFacts {
  alterations: Array<Fact<AlterationFact>>;
  /**
   * Genes the assays covered. Absent: every gene a criterion names is taken as covered, so a
   * gene with nothing reported is wild type (not_met), as MatchMiner assumes.
   */
  genesTested?: string[];
  tmb?: Array<Fact<number>>;
  mmr?: Array<Fact<MmrStatus>>;
  signatures?: Array<Fact<SignatureFact>>;
  tumourFraction?: Array<Fact<number>>;
}

export interface PatientFacts {
  /** Pseudonym (or MatchMiner sample id). */
  id: string;
  /** ISO date; when only the year is known use `birthYear` and ages become ranges. */
  birthDate?: Fact<string>;
  birthYear?: Fact<number>;
  sex?: Fact<Sex>;
  vitalStatus?: Fact<VitalStatus>;
  diagnoses?: Array<Fact<DiagnosisFact>>;
  ecog?: Array<Fact<number>>;
  labs?: Array<Fact<LabFact>>;
  therapyLines?: Array<Fact<TherapyLineFact>>;
  brainMetastases?: Fact<BrainMetastasesFact>;
  measurableDisease?: Fact<boolean>;
  receptors?: Array<Fact<ReceptorFact>>;
  /** Verdicts of theranostic eligibility rules; undefined (or no entry for a rule): no PET read evaluated. */
  theranosticEligibility?: Array<Fact<TheranosticEligibilityFact>>;
  /** Undefined: no molecular testing on record (every genomic criterion is unknown). */
  genomics?: GenomicFacts;
}

/** The fact observed last (ties: the last listed), or undefined for an empty or missing list. */
export function latestFact<T>(facts: ReadonlyArray<Fact<T>> | undefined): Fact<T> | undefined {
  let best: Fact<T> | undefined;
  for (const f of facts ?? []) {
    if (best === undefined || f.provenance.observedAt >= best.provenance.observedAt) best = f;
  }
  return best;
}
