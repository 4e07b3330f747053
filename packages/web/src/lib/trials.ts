import type { ArmView, TrialView } from '../api/types';

/** Slots across arms that still recruit; a closed or suspended arm offers no open slot. */
export function slotTotals(trial: TrialView): { open: number; total: number } | null {
  if (trial.arms && trial.arms.length > 0) {
    let open = 0;
    let total = 0;
    for (const arm of trial.arms) {
      total += arm.slotsTotal;
      if (arm.status === 'open') open += Math.max(0, arm.slotsTotal - arm.slotsUsed);
    }
    return { open, total };
  }
  if (trial.slotsTotal != null) return { open: trial.slotsOpen ?? 0, total: trial.slotsTotal };
  return null;
}

export function armKey(arm: ArmView): string {
  return arm.id ?? arm.code;
}

export function clinicalTrialsUrl(nctId: string): string {
  return `https://clinicaltrials.gov/study/${encodeURIComponent(nctId)}`;
}
