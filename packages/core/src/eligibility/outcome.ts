/** Small constructors so leaf evaluators read as "status, because, evidence". */
import type { LeafCriterion } from './criteria';
import type { Evaluation, Evidence } from './evaluation';
import type { Fact } from './facts';
import type { Truth } from './truth';

export function outcome(
  criterion: LeafCriterion,
  status: Truth,
  reason: string,
  evidence: Evidence[] = [],
  flags: { stale?: boolean; borderline?: boolean } = {},
): Evaluation {
  const e: Evaluation = { status, criterion, reason, evidence };
  if (flags.stale) e.stale = true;
  if (flags.borderline) e.borderline = true;
  return e;
}

export function evidence(field: string, label: string, fact: Fact<unknown>): Evidence {
  return { field, label, fact };
}
