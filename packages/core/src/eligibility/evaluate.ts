/** Evaluates a criterion tree for one patient, node by node, keeping every explanation. */
import type { Criterion, LeafCriterion } from './criteria';
import type { ClinicalCriterion } from './criteria-clinical';
import type { GenomicCriterion } from './criteria-genomic';
import type { Evaluation, EvaluationContext } from './evaluation';
import type { PatientFacts } from './facts';
import { describe } from './describe';
import { evaluateClinical } from './eval-clinical';
import { evaluateGenomic } from './eval-genomic';
import { outcome } from './outcome';
import { conjunction, disjunction, negateTruth } from './truth';

const GENOMIC_KINDS = new Set(['alteration', 'tmb', 'mmr', 'signature', 'tumourFraction']);

export function isGenomic(c: LeafCriterion): c is GenomicCriterion {
  return GENOMIC_KINDS.has(c.kind);
}

export function evaluateLeaf(c: LeafCriterion, patient: PatientFacts, ctx: EvaluationContext): Evaluation {
  if (c.kind === 'freeText') return outcome(c, 'unknown', 'free-text criterion: to be checked by a person');
  if (isGenomic(c)) return evaluateGenomic(c, patient, ctx);
  return evaluateClinical(c as ClinicalCriterion, patient, ctx);
}

export function evaluate(c: Criterion, patient: PatientFacts, ctx: EvaluationContext): Evaluation {
  switch (c.kind) {
    case 'all':
    case 'any': {
      const children = c.of.map((child) => evaluate(child, patient, ctx));
      const status = (c.kind === 'all' ? conjunction : disjunction)(children.map((e) => e.status));
      const deciding = children.filter((e) => e.status === status);
      const reason =
        status === 'unknown'
          ? `unknown: ${children
              .filter((e) => e.status === 'unknown')
              .map((e) => describe(e.criterion))
              .join('; ')}`
          : `${status === 'met' ? 'met' : 'not met'}: ${deciding.map((e) => describe(e.criterion)).join('; ')}`;
      return { status, criterion: c, reason, evidence: deciding.flatMap((e) => e.evidence), children };
    }
    case 'not': {
      const inner = evaluate(c.of, patient, ctx);
      const status = negateTruth(inner.status);
      return { status, criterion: c, reason: `not (${inner.reason})`, evidence: inner.evidence, children: [inner] };
    }
    default:
      return evaluateLeaf(c, patient, ctx);
  }
}
