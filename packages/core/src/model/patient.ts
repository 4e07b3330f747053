import type { Provenance } from './provenance';

/**
 * The pseudonymised clinical record of one patient, as the domain sees it.
 * Identity data (names, birth date, hospital number) is a separate type and table:
 * nothing here identifies a person.
 */
export type Sex = 'female' | 'male' | 'other' | 'unknown';
export type VitalStatus = 'alive' | 'deceased' | 'unknown';

export interface PatientIdentity {
  familyName: string;
  givenName: string;
  /** ISO date */
  birthDate: string;
  /** Hospital number (IPP in French hospitals). */
  hospitalNumber: string;
}

export interface Condition {
  kind: 'primary' | 'secondary';
  /** OncoTree code, e.g. "LUAD". */
  oncotreeCode: string;
  /** Body site for secondary (metastatic) conditions, e.g. "brain", "liver". */
  bodySite?: string;
  diagnosedAt: string;
  tnm?: { t?: string; n?: string; m?: string };
  /** AJCC stage group, e.g. "IV", "IIIA". */
  stage?: string;
  provenance: Provenance;
}

export interface PerformanceStatus {
  /** ECOG 0..5 */
  ecog: 0 | 1 | 2 | 3 | 4 | 5;
  provenance: Provenance;
}

export interface LabResult {
  /** LOINC code, e.g. "2160-0" (creatinine). */
  loinc: string;
  display: string;
  value: number;
  /** UCUM unit, e.g. "mg/dL". */
  unit: string;
  /** Upper limit of normal in the same unit, when the lab reports one. */
  upperLimitOfNormal?: number;
  lowerLimitOfNormal?: number;
  provenance: Provenance;
}

export interface Drug {
  name: string;
  /** Drug class, e.g. "EGFR TKI", "anti-PD-1", "platinum". */
  drugClass: string;
  /** ATC code when known. */
  atc?: string;
}

export type BestResponse = 'CR' | 'PR' | 'SD' | 'PD' | 'NE';

export interface TherapyLine {
  lineNumber: number;
  setting: 'neoadjuvant' | 'adjuvant' | 'metastatic' | 'maintenance';
  drugs: Drug[];
  startedAt: string;
  endedAt?: string;
  bestResponse?: BestResponse;
  /** Reason the line stopped, e.g. "progression", "toxicity". */
  stopReason?: string;
  provenance: Provenance;
}

export type AlterationClass =
  | 'mutation'
  | 'amplification'
  | 'deletion'
  | 'fusion'
  | 'structural_variant';

export interface Alteration {
  /** HGNC symbol. */
  gene: string;
  alterationClass: AlterationClass;
  /** HGVS protein, 1-letter, e.g. "p.V600E". */
  hgvsProtein?: string;
  /** HGVS cDNA, e.g. "c.1799T>A". */
  hgvsCdna?: string;
  /** Variant allele fraction 0..1. */
  vaf?: number;
  copyNumber?: number;
  fusionPartner?: string;
}

export interface MolecularReport {
  specimen: 'tissue' | 'ctdna';
  panel: string;
  reportedAt: string;
  /** Tumour mutational burden, mutations per megabase. */
  tmb?: number;
  msi?: 'MSI-H' | 'MSS' | 'indeterminate';
  /** ctDNA tumour fraction 0..1. */
  tumourFraction?: number;
  alterations: Alteration[];
  provenance: Provenance;
}

export interface ClinicalDocument {
  kind: 'consultation' | 'pathology' | 'imaging' | 'mtb' | 'discharge' | 'other';
  title: string;
  authoredAt: string;
  text: string;
  provenance: Provenance;
}

export type TrialParticipationStatus =
  | 'pre-screened'
  | 'screening'
  | 'consented'
  | 'screen-failure'
  | 'enrolled'
  | 'on-treatment'
  | 'follow-up'
  | 'off-study';

export interface TrialParticipation {
  /** Protocol number of the trial. */
  protocolNumber: string;
  status: TrialParticipationStatus;
  since: string;
  provenance: Provenance;
}

export interface PatientRecord {
  /** Pseudonym, e.g. "CTM-000123". */
  pseudonym: string;
  sex: Sex;
  /** Year of birth: enough for age-based eligibility without identifying; null when unknown (age criteria are then unknown). */
  birthYear: number | null;
  vitalStatus: VitalStatus;
  identity: PatientIdentity;
  conditions: Condition[];
  performance: PerformanceStatus[];
  labs: LabResult[];
  therapyLines: TherapyLine[];
  molecularReports: MolecularReport[];
  documents: ClinicalDocument[];
  participations: TrialParticipation[];
}
