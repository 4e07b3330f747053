/**
 * The criterion tree: `all` / `any` / `not` nodes over typed leaves. One tree describes the
 * eligibility of one trial level (step, arm or dose level). Leaves are plain data so that a
 * trial can be stored as JSON, diffed between amendments and compiled into match paths.
 */
import type { ClinicalCriterion } from './criteria-clinical';
import type { GenomicCriterion } from './criteria-genomic';

export type { ClinicalCriterion } from './criteria-clinical';
export type { GenomicCriterion } from './criteria-genomic';

/** Numeric comparison, written as in protocols and CTML (`>=18`). */
export type Comparator = '>=' | '>' | '<=' | '<' | '==';
export const COMPARATORS: readonly Comparator[] = ['>=', '>', '<=', '<', '=='];

/** Fields every leaf may carry: a stable id, a display label, and where it came from. */
export interface LeafBase {
  /** Stable id within the trial (the criteria editor sets it; importers may leave it out). */
  id?: string;
  /** Human label shown instead of the generated description (CTML `display_name`). */
  label?: string;
  /** Where the leaf was read from, e.g. `trials/10-002.json#$.treatment_list.step[0].match[0].and[1]`. */
  source?: string;
}

/** Protocol text nobody has made computable yet: kept verbatim and always `unknown`. */
export interface FreeTextCriterion extends LeafBase {
  kind: 'freeText';
  text: string;
}

export type LeafCriterion = ClinicalCriterion | GenomicCriterion | FreeTextCriterion;

/** Every leaf `kind`, for validating stored or imported trees. */
// prettier-ignore
export const LEAF_KINDS: ReadonlySet<string> = new Set([
  'age', 'sex', 'diagnosis', 'stage', 'ecog', 'priorLines', 'drug', 'washout', 'lab', 'brainMetastases', 'measurableDisease', 'vitalStatus', 'receptor', 'theranosticEligibility',
  'alteration', 'tmb', 'mmr', 'signature', 'tumourFraction',
  'freeText',
]);

export interface AllCriterion {
  kind: 'all';
  of: Criterion[];
  label?: string;
}

export interface AnyCriterion {
  kind: 'any';
  of: Criterion[];
  label?: string;
}

export interface NotCriterion {
  kind: 'not';
  of: Criterion;
  label?: string;
}

export type Criterion = AllCriterion | AnyCriterion | NotCriterion | LeafCriterion;

export function isLeaf(c: Criterion): c is LeafCriterion {
  return c.kind !== 'all' && c.kind !== 'any' && c.kind !== 'not';
}

// Small builders: trees written in tests and by the criteria editor read like the protocol.
export const allOf = (...of: Criterion[]): AllCriterion => ({ kind: 'all', of });
export const anyOf = (...of: Criterion[]): AnyCriterion => ({ kind: 'any', of });
export const notOf = (of: Criterion): NotCriterion => ({ kind: 'not', of });
