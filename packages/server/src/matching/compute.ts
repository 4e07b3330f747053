import { assessMatch, evaluate, matchPatient, type CompiledLevel, type CompiledTrial, type EvaluationContext } from '@continuum/core';
import { checklistView, explanationOf } from './explain';
import type { LoadedPatient } from './patient-facts';
import type { TrialContext } from './trials';

/** One stored match, as written to trial_match (snake case: it travels through json_to_recordset). */
export interface MatchRow {
  patient_id: string;
  trial_id: string;
  level_path: string;
  level_code: string | null;
  level_label: string;
  arm_id: string | null;
  status: 'eligible' | 'potential';
  availability: string;
  unknown_count: number;
  stale_count: number;
  borderline_count: number;
  genomic_strength: number;
  risk_score: number;
  risk_level: string;
  checklist: unknown;
  explanation: unknown;
  facts_version: number;
  criteria_version: number;
  arm_version: number | null;
}

/** Trials to match against, with the way back from a compiled level to its trial; built once per re-match. */
export interface MatchPlan {
  trials: readonly TrialContext[];
  compiled: CompiledTrial[];
  trialOf: Map<CompiledLevel, TrialContext>;
}

export function matchPlan(trials: readonly TrialContext[]): MatchPlan {
  return {
    trials,
    compiled: trials.map((t) => t.compiled),
    trialOf: new Map(trials.flatMap((t) => t.compiled.levels.map((l) => [l, t] as const))),
  };
}

/**
 * Matches one patient against the plan's trials with core's engine and turns each eligible or
 * potential level into a row. Every level is evaluated, closed and full ones included, so
 * availability can change later without re-evaluating anyone; deceased patients get no matches.
 */
export function matchRows(patient: LoadedPatient, plan: MatchPlan, ctx: EvaluationContext): MatchRow[] {
  const rows: MatchRow[] = [];
  for (const m of matchPatient(plan.compiled, patient.facts, ctx, { includeClosed: true, keep: 'potential' })) {
    const trial = plan.trialOf.get(m.level)!;
    const level = trial.levelOf.get(m.level)!;
    const ranked = assessMatch(m)!;
    // The path explains why it ranks; the whole tree explains the decision criterion by criterion.
    const tree = m.level.level?.match ?? trial.eligibility.match!;
    rows.push({
      patient_id: patient.id,
      trial_id: trial.id,
      level_path: level.path,
      level_code: level.code,
      level_label: level.label,
      arm_id: level.arm?.id ?? null,
      status: ranked.tier,
      availability: level.availability,
      unknown_count: ranked.risk.unknown,
      stale_count: ranked.risk.stale,
      borderline_count: ranked.risk.borderline,
      genomic_strength: ranked.genomicStrength,
      risk_score: ranked.risk.score,
      risk_level: ranked.risk.level,
      checklist: checklistView(ranked.checklist),
      explanation: explanationOf(evaluate(tree, patient.facts, ctx)),
      facts_version: patient.factsVersion,
      criteria_version: trial.criteriaVersion,
      arm_version: level.arm?.version ?? null,
    });
  }
  return rows;
}
