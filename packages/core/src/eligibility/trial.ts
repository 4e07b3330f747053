/**
 * A trial as eligibility sees it: step → arm → dose level, each with its own status, slots and
 * criterion tree. This is what the CTML codec reads and writes.
 */
import type { Criterion } from './criteria';

export type LevelKind = 'step' | 'arm' | 'dose_level';
export type LevelStatus = 'open' | 'closed';
/** What a match on a level can lead to: enrolment, a waiting list (no free slot), or nothing (closed). */
export type Availability = 'open' | 'waitlist' | 'closed';

export interface Slots {
  total: number;
  used: number;
}

export interface TrialLevel {
  level: LevelKind;
  code?: string;
  /** CTML `*_internal_id`; kept as written (numbers in older files, strings in the schema). */
  internalId?: string | number;
  description?: string;
  status: LevelStatus;
  slots?: Slots;
  /** No tree: nothing to match at this level (CTML `match: []` or no `match`). */
  match?: Criterion;
  /** Dotted path of the level in its CTML document, e.g. "treatment_list.step.0.arm.1". */
  path: string;
  /** Arms of a step, dose levels of an arm. */
  children: TrialLevel[];
  /** CTML fields the model does not interpret, written back on export. */
  extras?: Record<string, unknown>;
}

export interface EligibilityTrial {
  protocolNo: string;
  nctId?: string;
  title?: string;
  status: LevelStatus;
  /** Status as written in the source, e.g. "Open to Accrual". */
  statusText?: string;
  /** Trial-wide criteria (CTML top-level `match`). */
  match?: Criterion;
  steps: TrialLevel[];
  extras?: Record<string, unknown>;
}

/**
 * A level's own status, read as MatchMiner does for steps: a step whose arms are all closed is
 * closed (it has nothing left to enrol into); arms and dose levels have their own flag.
 */
export function ownStatus(level: TrialLevel): LevelStatus {
  if (level.status === 'closed') return 'closed';
  if (level.level === 'step' && level.children.length > 0 && level.children.every((a) => a.status === 'closed')) return 'closed';
  return 'open';
}

/**
 * Availability of the last level of `chain` (step, arm, dose level from the top): closed when
 * the trial or any level on the way is closed, waitlist when any has no free slot.
 */
export function availability(trial: EligibilityTrial, chain: readonly TrialLevel[]): Availability {
  if (trial.status === 'closed' || chain.some((l) => ownStatus(l) === 'closed')) return 'closed';
  if (chain.some((l) => l.slots !== undefined && l.slots.used >= l.slots.total)) return 'waitlist';
  return 'open';
}

/** Every level with its chain of ancestors, depth first: steps, then their arms, then dose levels. */
export function levelsOf(trial: EligibilityTrial): Array<{ level: TrialLevel; chain: TrialLevel[] }> {
  const out: Array<{ level: TrialLevel; chain: TrialLevel[] }> = [];
  const walk = (l: TrialLevel, above: TrialLevel[]) => {
    const chain = [...above, l];
    out.push({ level: l, chain });
    for (const c of l.children) walk(c, chain);
  };
  for (const s of trial.steps) walk(s, []);
  return out;
}
