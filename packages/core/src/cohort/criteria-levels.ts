/**
 * A catalogue trial's arms as eligibility levels (CTML step → arm → dose level).
 *
 * One step holds the trial's arms and cohorts, in catalogue order. Dose levels (and step-up
 * dosing schedules, which enrol the same way) become the dose levels of one "escalation" arm
 * placed where the first of them was: the arm only groups them and has no clause of its own, so
 * a patient matches the dose level that is open, not the escalation as a whole. Statuses and
 * slot counts are the catalogue's; a suspended arm is closed.
 */
import type { Criterion } from '../eligibility/criteria';
import type { EligibilityTrial, TrialLevel } from '../eligibility/trial';
import type { Trial, TrialArm, TrialStatus } from '../model/trial';

const STATUS_TEXT: Record<TrialStatus, string> = {
  open: 'Open to Accrual',
  'in-preparation': 'In Preparation',
  suspended: 'Suspended',
  'closed-to-accrual': 'Closed to Accrual',
  completed: 'Completed',
};

export function eligibilityTrial(trial: Trial, clause: (arm: TrialArm) => Criterion): EligibilityTrial {
  const step: TrialLevel = { level: 'step', code: '1', internalId: 1, status: 'open', path: 'treatment_list.step.0', children: [] };
  let escalation: TrialLevel | undefined;
  const level = (arm: TrialArm, kind: 'arm' | 'dose_level', path: string, internalId: number): TrialLevel => ({
    level: kind,
    code: arm.code,
    internalId,
    description: arm.summary ? `${arm.name} (${arm.summary})` : arm.name,
    status: arm.status === 'open' ? 'open' : 'closed',
    slots: { total: arm.slotsTotal, used: arm.slotsUsed },
    match: clause(arm),
    path,
    children: [],
  });
  for (const arm of trial.arms) {
    if (arm.kind === 'dose-level' || arm.kind === 'step') {
      if (!escalation) {
        const a = step.children.length;
        escalation = {
          level: 'arm',
          code: arm.kind === 'step' ? 'STEP-UP' : 'ESCALATION',
          internalId: 100 + a + 1,
          description: arm.kind === 'step' ? 'Step-up dosing schedules' : 'Dose escalation',
          status: 'closed',
          path: `${step.path}.arm.${a}`,
          children: [],
        };
        step.children.push(escalation);
      }
      const d = escalation.children.length;
      escalation.children.push(
        level(arm, 'dose_level', `${escalation.path}.dose_level.${d}`, (escalation.internalId as number) * 10 + d + 1),
      );
      // The escalation enrols while one of its levels does.
      if (arm.status === 'open') escalation.status = 'open';
    } else {
      const a = step.children.length;
      step.children.push(level(arm, 'arm', `${step.path}.arm.${a}`, 100 + a + 1));
    }
  }
  return {
    protocolNo: trial.protocolNumber,
    ...(trial.nctId ? { nctId: trial.nctId } : {}),
    title: trial.title,
    status: trial.status === 'open' ? 'open' : 'closed',
    statusText: STATUS_TEXT[trial.status],
    steps: [step],
    extras: { phase: trial.phase, ...(trial.acronym ? { acronym: trial.acronym } : {}) },
  };
}
