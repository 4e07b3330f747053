/**
 * The naive evaluator: every criterion of every trial level for every patient, by walking each
 * level's criterion tree with `evaluate` (explanations included), with no index, no shared memo
 * and no early exit. It is the reference the indexed matchers are tested against, and the
 * baseline the matching benchmark measures them against.
 *
 * The status is the tree's. The unknown count and best path are read off the compiled match
 * paths using the leaf answers of that same tree walk (no leaf is asked twice for them).
 */
import type { Criterion } from '../eligibility/criteria';
import type { Evaluation, EvaluationContext } from '../eligibility/evaluation';
import { evaluate } from '../eligibility/evaluate';
import type { PatientFacts } from '../eligibility/facts';
import type { Truth } from '../eligibility/truth';
import type { CohortMatch } from './cohort-match';
import type { CompiledLevel, CompiledTrial, MatchOptions } from './trials';

export type NaiveMatch = Omit<CohortMatch, 'patient'>;

/** The criterion tree a compiled level came from. */
function treeOf(trial: CompiledTrial, level: CompiledLevel): Criterion | undefined {
  return level.kind === 'trial' ? trial.trial.match : level.level?.match;
}

function collectLeaves(e: Evaluation, into: Map<object, Truth>): void {
  if (e.children) for (const c of e.children) collectLeaves(c, into);
  else into.set(e.criterion, e.status);
}

export function naiveMatchPatient(
  trials: readonly CompiledTrial[],
  patient: PatientFacts,
  ctx: EvaluationContext,
  options: MatchOptions = {},
): NaiveMatch[] {
  if (!options.includeDeceased && patient.vitalStatus?.value === 'deceased') return [];
  const keep = options.keep ?? 'potential';
  const out: NaiveMatch[] = [];
  for (const t of trials) {
    if (!options.includeClosed && t.trial.status !== 'open') continue;
    for (const level of t.levels) {
      if (!options.includeClosed && level.availability === 'closed') continue;
      const tree = treeOf(t, level);
      if (!tree) continue;
      const evaluation = evaluate(tree, patient, ctx);
      const status = evaluation.status;
      if (status === 'not_met' ? keep !== 'all' : status === 'unknown' && keep === 'met') continue;
      const leaves = new Map<object, Truth>();
      collectLeaves(evaluation, leaves);
      const best = bestPath(level, leaves);
      out.push({ patientId: patient.id, level, status, availability: level.availability, ...best });
    }
  }
  return out;
}

/** First met path, else the first with fewest unknown literals; -1 when every path fails. */
function bestPath(level: CompiledLevel, leaves: Map<object, Truth>): { unknown: number; path: number } {
  let best = { unknown: 0, path: -1 };
  level.paths.forEach((p, index) => {
    if (best.path >= 0 && best.unknown === 0) return;
    let failed = false;
    let unknown = 0;
    for (const l of p.literals) {
      const s = leaves.get(l.leaf);
      if (s === undefined) throw new Error(`naive evaluator: leaf of path ${index} missing from the tree walk`);
      const v = l.negated ? (s === 'met' ? 'not_met' : s === 'not_met' ? 'met' : s) : s;
      if (v === 'not_met') failed = true;
      if (v === 'unknown') unknown++;
    }
    if (failed) return;
    if (best.path < 0 || unknown < best.unknown) best = { unknown, path: index };
  });
  return best;
}
