/**
 * Trials compiled once into per-level match paths, and patients matched against them.
 * Each level (the trial itself, a step, an arm, a dose level) is matched on its own criteria,
 * as in CTML, where curators write each level's clause in full.
 */
import type { EvaluationContext } from '../eligibility/evaluation';
import type { PatientFacts } from '../eligibility/facts';
import {
  availability,
  levelsOf,
  type Availability,
  type EligibilityTrial,
  type LevelKind,
  type LevelStatus,
  type TrialLevel,
} from '../eligibility/trial';
import type { Truth } from '../eligibility/truth';
import { compileMatchPaths, type MatchPath } from './compile';
import { evaluatePaths, type ClauseOutcome, type LeafMemo } from './evaluate-paths';

export interface CompiledLevel {
  protocolNo: string;
  /** `trial` for the trial-wide clause. */
  kind: LevelKind | 'trial';
  /** Undefined for the trial-wide clause. */
  level?: TrialLevel;
  /** The level and its ancestors, from the step down. */
  chain: TrialLevel[];
  /** Dotted CTML path of the clause, e.g. "treatment_list.step.0.arm.1.match". */
  matchPath: string;
  paths: MatchPath[];
  availability: Availability;
  trialStatus: LevelStatus;
}

export interface CompiledTrial {
  trial: EligibilityTrial;
  levels: CompiledLevel[];
}

export function compileTrial(trial: EligibilityTrial): CompiledTrial {
  const levels: CompiledLevel[] = [];
  if (trial.match) {
    levels.push({
      protocolNo: trial.protocolNo,
      kind: 'trial',
      chain: [],
      matchPath: 'match',
      paths: compileMatchPaths(trial.match),
      availability: trial.status === 'open' ? 'open' : 'closed',
      trialStatus: trial.status,
    });
  }
  for (const { level, chain } of levelsOf(trial)) {
    if (!level.match) continue;
    levels.push({
      protocolNo: trial.protocolNo,
      kind: level.level,
      level,
      chain,
      matchPath: `${level.path}.match`,
      paths: compileMatchPaths(level.match),
      availability: availability(trial, chain),
      trialStatus: trial.status,
    });
  }
  return { trial, levels };
}

export interface MatchOptions {
  /** Also match closed trials and closed levels (shown as closed). MatchMiner's `match_on_closed`. */
  includeClosed?: boolean;
  /** Also match deceased patients. MatchMiner's `match_on_deceased`. */
  includeDeceased?: boolean;
  /** Which results to keep: met only, met and unknown (default), or everything. */
  keep?: 'met' | 'potential' | 'all';
}

export interface LevelMatch {
  patientId: string;
  level: CompiledLevel;
  status: Truth;
  availability: Availability;
  outcome: ClauseOutcome;
}

export interface TrialMatches {
  protocolNo: string;
  matches: LevelMatch[];
}

function kept(status: Truth, keep: MatchOptions['keep']): boolean {
  if (keep === 'all') return true;
  if (keep === 'met') return status === 'met';
  return status !== 'not_met';
}

/** Matches one patient against the given trials; a shared memo asks each distinct leaf once. */
export function matchPatient(
  trials: readonly CompiledTrial[],
  patient: PatientFacts,
  ctx: EvaluationContext,
  options: MatchOptions = {},
): LevelMatch[] {
  if (!options.includeDeceased && patient.vitalStatus?.value === 'deceased') return [];
  const memo: LeafMemo = new Map();
  const out: LevelMatch[] = [];
  for (const t of trials) {
    if (!options.includeClosed && t.trial.status !== 'open') continue;
    for (const level of t.levels) {
      if (!options.includeClosed && level.availability === 'closed') continue;
      const outcome = evaluatePaths(level.paths, patient, ctx, memo);
      if (kept(outcome.status, options.keep))
        out.push({ patientId: patient.id, level, status: outcome.status, availability: level.availability, outcome });
    }
  }
  return out;
}

/** Every trial's matches over a population; a trial skipped as closed is absent from the result. */
export function matchTrials(
  trials: readonly CompiledTrial[],
  patients: readonly PatientFacts[],
  ctx: EvaluationContext,
  options: MatchOptions = {},
): Map<string, TrialMatches> {
  const result = new Map<string, TrialMatches>();
  for (const t of trials) {
    if (!options.includeClosed && t.trial.status !== 'open') continue;
    if (!result.has(t.trial.protocolNo)) result.set(t.trial.protocolNo, { protocolNo: t.trial.protocolNo, matches: [] });
  }
  for (const p of patients) {
    for (const m of matchPatient(trials, p, ctx, options)) result.get(m.level.protocolNo)!.matches.push(m);
  }
  return result;
}
