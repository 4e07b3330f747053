import type { ArmStatus, ClinicalDocument, TrialArm, TrialParticipationStatus, TrialPhase, TrialStatus } from '@continuum/core';

/**
 * Value lists for pickers, checked against the unions in @continuum/core: a value core adds
 * or drops makes this file stop compiling instead of silently vanishing from a filter.
 */
function every<T extends string>() {
  return <const L extends readonly T[]>(
    list: L & ([Exclude<T, L[number]>] extends [never] ? unknown : { missing: Exclude<T, L[number]> }),
  ): L => list;
}

export const PARTICIPATION_STATUSES = every<TrialParticipationStatus>()([
  'pre-screened',
  'screening',
  'consented',
  'screen-failure',
  'enrolled',
  'on-treatment',
  'follow-up',
  'off-study',
]);

export const TRIAL_STATUSES = every<TrialStatus>()(['in-preparation', 'open', 'suspended', 'closed-to-accrual', 'completed']);

export const TRIAL_PHASES = every<TrialPhase>()(['I', 'I/II', 'II', 'II/III', 'III', 'IV']);

export const ARM_STATUSES = every<ArmStatus>()(['open', 'suspended', 'closed']);

export const DOCUMENT_KINDS: Record<ClinicalDocument['kind'], string> = {
  consultation: 'Consultation note',
  pathology: 'Pathology report',
  imaging: 'Imaging report',
  mtb: 'MTB report',
  discharge: 'Discharge summary',
  other: 'Document',
};

export const ARM_KIND_LABELS: Record<TrialArm['kind'], string> = {
  arm: 'Arm',
  cohort: 'Cohort',
  'dose-level': 'Dose level',
  step: 'Step',
};
