/**
 * Optional fields eligibility can use beyond the platform's PatientRecord. They are additions
 * (every one optional), so any PatientRecord is an EligibilityRecord.
 */
import type { Alteration, MolecularReport, PatientRecord } from '../model/patient';
import type { Provenance } from '../model/provenance';
import type { CnvCall } from './criteria-genomic';
import type { Truth } from './truth';

export interface EligibilityAlteration extends Alteration {
  exon?: number;
  /** MAF Variant_Classification, e.g. "In_Frame_Del". */
  variantClassification?: string;
  /** Copy-number call when the report distinguishes gain from amplification, shallow from deep deletion. */
  cnvCall?: CnvCall;
}

export interface EligibilityMolecularReport extends MolecularReport {
  alterations: EligibilityAlteration[];
  /** Mutational signatures the report states as present or absent. */
  signatures?: Array<{ signature: string; present: boolean }>;
  /** Genes the panel covers; without it, a gene with nothing reported is taken as wild type. */
  genesTested?: string[];
}

export interface EligibilityRecord extends PatientRecord {
  molecularReports: EligibilityMolecularReport[];
  brainMetastases?: { present: boolean; active?: boolean; provenance: Provenance };
  measurableDisease?: { present: boolean; provenance: Provenance };
  receptors?: Array<{ receptor: 'ER' | 'PR' | 'HER2'; positive: boolean; provenance: Provenance }>;
  /**
   * Theranostic eligibility (core theranostics: patientTheranosticEligibility), one entry per rule
   * evaluated on a PET read; the read's provenance, and its id to link explanations to it.
   */
  theranosticEligibility?: Array<{
    rule: string;
    verdict: Truth;
    reasons: string[];
    tracer?: string;
    petReadId?: string;
    provenance: Provenance;
  }>;
}
