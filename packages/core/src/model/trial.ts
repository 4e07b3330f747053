/** A clinical trial and its arms/cohorts, as the research platform tracks them. */
export type TrialPhase = 'I' | 'I/II' | 'II' | 'II/III' | 'III' | 'IV';
export type TrialStatus =
  | 'in-preparation'
  | 'open'
  | 'suspended'
  | 'closed-to-accrual'
  | 'completed';
export type ArmStatus = 'open' | 'closed' | 'suspended';

export interface TrialArm {
  /** Short code unique within the trial, e.g. "A", "COHORT-2", "DL3". */
  code: string;
  name: string;
  kind: 'arm' | 'cohort' | 'dose-level' | 'step';
  status: ArmStatus;
  slotsTotal: number;
  slotsUsed: number;
  /** Free text summary of the cohort's key eligibility (structured criteria come with issue 3). */
  summary?: string;
}

export interface Trial {
  /** The centre's protocol number, unique. */
  protocolNumber: string;
  /** ClinicalTrials.gov identifier when the trial is registered there. */
  nctId?: string;
  title: string;
  acronym?: string;
  phase: TrialPhase;
  status: TrialStatus;
  sponsor: string;
  /** The centre committee that follows the trial (e.g. "Early phase (DITEP)", "Thoracic"). */
  committee: string;
  /** OncoTree codes the trial targets; empty = tumour-agnostic. */
  oncotreeCodes: string[];
  /** Biomarkers the trial asks for, as gene or gene+change, e.g. "KRAS p.G12C". */
  biomarkers: string[];
  arms: TrialArm[];
}
