/**
 * Compiles a criterion tree into match paths: a disjunction of AND-only conjunctions of
 * (possibly negated) leaves. Compiled once per trial level, then every patient is asked the
 * same flat questions, which is what lets an engine index patients by what trials ask.
 *
 * Negations are pushed to the leaves first (De Morgan), then AND distributes over OR. Both
 * steps hold in three-valued (Kleene) logic, so a level's status computed from its paths is
 * the status of its tree.
 */
import type { Criterion, LeafCriterion } from '../eligibility/criteria';
import { canonicalJson, hash53 } from './canonical';

export interface Literal {
  leaf: LeafCriterion;
  negated: boolean;
  /** Identity of the question asked, whatever its position in the tree (source, id, label ignored). */
  key: string;
  /** Number of all/any nodes above the leaf in the tree. */
  depth: number;
}

export interface MatchPath {
  literals: Literal[];
  /** Hash of the path's questions (MatchMiner's `query_hash`). */
  key: string;
}

export class MatchPathLimitError extends Error {
  override readonly name = 'MatchPathLimitError';
}

/** Key of a leaf as a question: the same criterion written twice is asked once. */
export function leafKey(leaf: LeafCriterion): string {
  const { source: _s, id: _i, label: _l, ...question } = leaf;
  return canonicalJson(question);
}

export function compileMatchPaths(criterion: Criterion, options: { maxPaths?: number } = {}): MatchPath[] {
  const max = options.maxPaths ?? 100_000;
  const expand = (c: Criterion, negated: boolean, depth: number): Literal[][] => {
    switch (c.kind) {
      case 'not':
        return expand(c.of, !negated, depth);
      case 'all':
      case 'any': {
        const parts = c.of.map((child) => expand(child, negated, depth + 1));
        // all = product of the children's paths; any = their union (swapped under a negation).
        if ((c.kind === 'all') !== negated) {
          let acc: Literal[][] = [[]];
          for (const p of parts) {
            if (acc.length * p.length > max) throw new MatchPathLimitError(`more than ${max} match paths; simplify the criteria`);
            acc = acc.flatMap((left) => p.map((right) => [...left, ...right]));
          }
          return acc;
        }
        const union = parts.flat();
        if (union.length > max) throw new MatchPathLimitError(`more than ${max} match paths; simplify the criteria`);
        return union;
      }
      default:
        return [[{ leaf: c, negated, key: leafKey(c), depth }]];
    }
  };
  return expand(criterion, false, 0).map((literals) => {
    // The same question twice in one path is asked once (MatchMiner drops duplicate queries too).
    const seen = new Set<string>();
    const unique = literals.filter((l) => {
      const k = `${l.negated ? '!' : ''}${l.key}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
    return { literals: unique, key: hash53(canonicalJson(unique.map((l) => [l.negated, l.key]))) };
  });
}
