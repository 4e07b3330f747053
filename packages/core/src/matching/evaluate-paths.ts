/** Evaluates compiled match paths for one patient, asking each distinct leaf once. */
import type { LeafCriterion } from '../eligibility/criteria';
import type { Evaluation, EvaluationContext } from '../eligibility/evaluation';
import { evaluateLeaf } from '../eligibility/evaluate';
import type { PatientFacts } from '../eligibility/facts';
import { disjunction, negateTruth, type Truth } from '../eligibility/truth';
import type { Literal, MatchPath } from './compile';

export interface LiteralOutcome {
  literal: Literal;
  /** After the literal's negation. */
  status: Truth;
  /** The leaf's own evaluation (before negation): its reason and evidence. */
  leaf: Evaluation;
}

export interface PathOutcome {
  index: number;
  path: MatchPath;
  status: Truth;
  /** Literals evaluated, in order; evaluation stops at the first not_met one. */
  literals: LiteralOutcome[];
}

export interface ClauseOutcome {
  status: Truth;
  paths: PathOutcome[];
}

/** Leaf evaluations of one patient, shared across every path and level of every trial. */
export type LeafMemo = Map<string, Evaluation>;

export function evaluateLiteral(literal: Literal, patient: PatientFacts, ctx: EvaluationContext, memo: LeafMemo): LiteralOutcome {
  let leaf = memo.get(literal.key);
  if (!leaf) {
    leaf = evaluateLeaf(literal.leaf, patient, ctx);
    memo.set(literal.key, leaf);
  } else if (leaf.criterion !== literal.leaf) {
    // The same question written elsewhere (another level or trial): its answer holds, but the
    // explanation must name this leaf — its label (which the reason quotes) and its source —
    // whichever level happened to ask first.
    leaf =
      (leaf.criterion as LeafCriterion).label === literal.leaf.label
        ? { ...leaf, criterion: literal.leaf }
        : evaluateLeaf(literal.leaf, patient, ctx);
  }
  return { literal, status: literal.negated ? negateTruth(leaf.status) : leaf.status, leaf };
}

export function evaluatePath(path: MatchPath, index: number, patient: PatientFacts, ctx: EvaluationContext, memo: LeafMemo): PathOutcome {
  const literals: LiteralOutcome[] = [];
  let status: Truth = 'met';
  for (const lit of path.literals) {
    const o = evaluateLiteral(lit, patient, ctx, memo);
    literals.push(o);
    if (o.status === 'not_met') {
      status = 'not_met';
      break;
    }
    if (o.status === 'unknown') status = 'unknown';
  }
  return { index, path, status, literals };
}

export function evaluatePaths(
  paths: readonly MatchPath[],
  patient: PatientFacts,
  ctx: EvaluationContext,
  memo: LeafMemo = new Map(),
): ClauseOutcome {
  const outcomes = paths.map((p, i) => evaluatePath(p, i, patient, ctx, memo));
  return { status: disjunction(outcomes.map((o) => o.status)), paths: outcomes };
}
