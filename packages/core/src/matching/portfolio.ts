/**
 * A portfolio: compiled trials with every distinct leaf interned once, so that the indexed
 * matchers can memoise leaf answers in flat arrays (leaf id → status) instead of maps keyed by
 * canonical JSON, and reorder each path's literals so the questions most likely to fail are
 * asked first. Reordering a conjunction changes neither its status nor its unknown count.
 */
import type { LeafCriterion } from '../eligibility/criteria';
import type { CompiledLevel, CompiledTrial } from './trials';

export interface PreparedPath {
  /** Position of the path in `CompiledLevel.paths` (its explanation and ranking refer to it). */
  index: number;
  /** Leaf ids in evaluation order. */
  leaves: Int32Array;
  /** 1 where the literal is negated, aligned with `leaves`. */
  negated: Uint8Array;
}

export interface PreparedLevel {
  /** Position in `Portfolio.levels`: trial order, then level order, as `matchPatient` emits them. */
  ordinal: number;
  trial: CompiledTrial;
  compiled: CompiledLevel;
  /** Skipped unless `includeClosed`: the trial is not open, or the level is closed. */
  closed: boolean;
  paths: PreparedPath[];
}

export interface Portfolio {
  trials: readonly CompiledTrial[];
  /** Distinct leaves by id, and their question keys (`leafKey`). */
  leaves: LeafCriterion[];
  leafKeys: string[];
  levels: PreparedLevel[];
}

/**
 * Evaluation order of leaf kinds: what an index can answer and what most often fails first
 * (diagnosis, genomics), then cheap clinical facts, labs, and free text (always unknown, so it
 * can never end a path early) last.
 */
const RANK: Readonly<Record<string, number>> = {
  diagnosis: 0,
  alteration: 1,
  mmr: 1,
  tmb: 2,
  tumourFraction: 2,
  signature: 2,
  sex: 3,
  vitalStatus: 3,
  stage: 3,
  receptor: 3,
  priorLines: 4,
  drug: 4,
  ecog: 5,
  age: 6,
  washout: 6,
  brainMetastases: 7,
  measurableDisease: 7,
  theranosticEligibility: 7,
  lab: 8,
  freeText: 9,
};

const cache = new WeakMap<readonly CompiledTrial[], Portfolio>();

/** The portfolio of these compiled trials, built once per array (and rebuilt if its contents changed). */
export function preparePortfolio(trials: readonly CompiledTrial[]): Portfolio {
  const hit = cache.get(trials);
  if (hit && hit.trials.length === trials.length && hit.trials.every((t, i) => t === trials[i])) return hit;
  const built = buildPortfolio(trials);
  cache.set(trials, built);
  return built;
}

function buildPortfolio(trials: readonly CompiledTrial[]): Portfolio {
  const ids = new Map<string, number>();
  const leaves: LeafCriterion[] = [];
  const leafKeys: string[] = [];
  const levels: PreparedLevel[] = [];
  // A snapshot: callers may keep mutating their own array.
  const snapshot = [...trials];
  for (const trial of snapshot) {
    for (const compiled of trial.levels) {
      const paths = compiled.paths.map((p, index): PreparedPath => {
        const literals = p.literals.map((l) => {
          let id = ids.get(l.key);
          if (id === undefined) {
            id = leaves.length;
            ids.set(l.key, id);
            leaves.push(l.leaf);
            leafKeys.push(l.key);
          }
          return { id, negated: l.negated, rank: (RANK[l.leaf.kind] ?? 9) + (l.negated ? 0.5 : 0) };
        });
        literals.sort((a, b) => a.rank - b.rank);
        return {
          index,
          leaves: Int32Array.from(literals, (l) => l.id),
          negated: Uint8Array.from(literals, (l) => (l.negated ? 1 : 0)),
        };
      });
      levels.push({
        ordinal: levels.length,
        trial,
        compiled,
        closed: trial.trial.status !== 'open' || compiled.availability === 'closed',
        paths,
      });
    }
  }
  return { trials: snapshot, leaves, leafKeys, levels };
}
