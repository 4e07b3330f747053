import { availability, levelsOf, type Availability, type EligibilityTrial, type TrialLevel } from '@continuum/core';

/** A trial_arm row, as far as matching cares: its code links it to a level of the criteria. */
export interface ArmRow {
  id: string;
  code: string;
  name: string;
  kind: string;
  status: string;
  slots_total: number;
  slots_used: number;
  version: number;
}

/** The key of the trial-wide clause (CTML top-level `match`), beside the levels' dotted paths. */
export const TRIAL_LEVEL = 'trial';

/** One level that can carry criteria, with the cohort row it is and what a match on it leads to. */
export interface LevelInfo {
  path: string;
  kind: 'trial' | TrialLevel['level'];
  code: string | null;
  label: string;
  arm: ArmRow | null;
  availability: Availability;
  hasCriteria: boolean;
}

const KIND_LABEL: Record<TrialLevel['level'], string> = { step: 'Step', arm: 'Arm', dose_level: 'Dose level' };

/** An arm that only groups dose levels may have no cohort row: its dose levels are the cohorts. */
const isGroup = (l: TrialLevel) => l.level === 'arm' && l.children.length > 0;

/**
 * The cohort row a level is: arms and dose levels by code. Steps are never cohorts (a step "1"
 * and an arm "1" of the same trial are different things).
 */
const rowOf = (l: TrialLevel, byCode: ReadonlyMap<string, ArmRow>) => (l.level !== 'step' && l.code !== undefined ? byCode.get(l.code) : undefined);

/** "Step 1 › Arm B › Dose level 2": the chain of a level, by kind and code (and its cohort's name when it has one). */
export function labelOf(chain: readonly TrialLevel[], arms: ReadonlyMap<string, ArmRow> = new Map()): string {
  return chain
    .map((l, i) => {
      const arm = rowOf(l, arms);
      const kind = arm?.kind === 'cohort' ? 'Cohort' : KIND_LABEL[l.level];
      const code = l.code ?? String(i + 1);
      // The last level carries its cohort's name when it says more than the code.
      const name = i === chain.length - 1 && arm && arm.name !== arm.code ? ` — ${arm.name}` : '';
      return `${kind} ${code}${name}`;
    })
    .join(' › ');
}

/**
 * The trial with the centre's live state laid over its criteria: the trial's status and each
 * cohort row's status and slots replace what the criteria document says, because PATCH on a
 * trial or a cohort is where enrolment opens and closes. A cohort with no slots recorded
 * (0 total, 0 used) is not slot-limited. An arm with no cohort row of its own that groups dose
 * levels (the catalogue's "ESCALATION" arm) enrols while one of its dose levels does.
 */
export function overlay(trial: EligibilityTrial, trialStatus: string, arms: readonly ArmRow[]): EligibilityTrial {
  const byCode = new Map(arms.map((a) => [a.code, a]));
  const level = (l: TrialLevel): TrialLevel => {
    const arm = rowOf(l, byCode);
    const out: TrialLevel = { ...l, children: l.children.map(level) };
    if (arm) {
      out.status = arm.status === 'open' ? 'open' : 'closed';
      if (arm.slots_total > 0 || arm.slots_used > 0) out.slots = { total: arm.slots_total, used: arm.slots_used };
      else delete out.slots;
    } else if (isGroup(l)) {
      out.status = out.children.some((c) => c.status === 'open') ? 'open' : 'closed';
      delete out.slots;
    }
    return out;
  };
  return { ...trial, status: trialStatus === 'open' ? 'open' : 'closed', steps: trial.steps.map(level) };
}

/** Every level of the trial (the trial-wide clause first when there is one), with its cohort row and availability. */
export function levelInfos(trial: EligibilityTrial, trialStatus: string, arms: readonly ArmRow[]): LevelInfo[] {
  const live = overlay(trial, trialStatus, arms);
  const byCode = new Map(arms.map((a) => [a.code, a]));
  const out: LevelInfo[] = [];
  if (live.match) {
    out.push({
      path: TRIAL_LEVEL, kind: 'trial', code: null, label: 'Whole trial', arm: null,
      availability: live.status === 'open' ? 'open' : 'closed', hasCriteria: true,
    });
  }
  for (const { level, chain } of levelsOf(live)) {
    out.push({
      path: level.path,
      kind: level.level,
      code: level.code ?? null,
      label: labelOf(chain, byCode),
      arm: rowOf(level, byCode) ?? null,
      availability: availability(live, chain),
      hasCriteria: level.match !== undefined,
    });
  }
  return out;
}

/** A level that does not agree with the trial's cohort rows, and where. */
export interface LevelProblem {
  /** Dotted level path, or the cohort code for a cohort no level names. */
  at: string;
  message: string;
}

/**
 * The criteria and the cohort rows must describe the same trial: every cohort row is a level
 * (level code = arm code), every arm and dose level is a cohort row, and no code is used twice.
 * Steps need no row (they have no status or slots of their own), nor do arms that group dose
 * levels (their availability follows their dose levels).
 */
export function checkLevelsAgree(trial: EligibilityTrial, arms: readonly ArmRow[]): LevelProblem[] {
  const problems: LevelProblem[] = [];
  const armCodes = new Set(arms.map((a) => a.code));
  const seen = new Map<string, string>();
  for (const { level } of levelsOf(trial)) {
    if (level.level === 'step') continue;
    if (level.code === undefined) {
      problems.push({ at: level.path, message: `a ${KIND_LABEL[level.level].toLowerCase()} needs a code naming its cohort (one of ${[...armCodes].join(', ')})` });
      continue;
    }
    const first = seen.get(level.code);
    if (first) problems.push({ at: level.path, message: `code "${level.code}" is already used by ${first}` });
    seen.set(level.code, level.path);
    if (!isGroup(level) && !armCodes.has(level.code)) {
      problems.push({ at: level.path, message: `code "${level.code}" names no cohort of this trial (cohorts: ${[...armCodes].join(', ') || 'none'})` });
    }
  }
  for (const a of arms) {
    if (!seen.has(a.code)) problems.push({ at: a.code, message: `cohort "${a.code}" (${a.name}) has no level in the criteria` });
  }
  return problems;
}
