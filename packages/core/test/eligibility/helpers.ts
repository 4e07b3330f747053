/** Builders for evaluator tests: a patient in one call, every fact with provenance. */
import type { EvaluationContext } from '../../src/eligibility/evaluation';
import type { AlterationFact, Fact, PatientFacts } from '../../src/eligibility/facts';
import { hierarchyFromDescendants } from '../../src/eligibility/oncotree';

export const AS_OF = '2025-03-01';

export function fact<T>(value: T, observedAt = '2025-02-20', id?: string): Fact<T> {
  return { value, provenance: { source: 'test', observedAt, recordedAt: observedAt, recordedBy: 'test' }, ...(id ? { id } : {}) };
}

export function patient(p: Partial<PatientFacts> = {}): PatientFacts {
  return { id: 'P1', ...p };
}

/** A sequenced patient carrying these alterations (nothing else reported). */
export function sequenced(...alterations: AlterationFact[]): PatientFacts {
  return patient({ genomics: { alterations: alterations.map((a, i) => fact(a, '2025-01-10', `alt${i}`)) } });
}

/** A two-level toy OncoTree: NSCLC under LUNG, LUAD under NSCLC; BRCA elsewhere. */
export const toyOncotree = hierarchyFromDescendants({
  LUNG: ['LUNG', 'NSCLC', 'LUAD', 'SCLC'],
  NSCLC: ['NSCLC', 'LUAD'],
  LUAD: ['LUAD'],
  SCLC: ['SCLC'],
  BREAST: ['BREAST', 'IDC'],
  IDC: ['IDC'],
  AML: ['AML'],
  _SOLID_: ['LUNG', 'NSCLC', 'LUAD', 'SCLC', 'BREAST', 'IDC'],
  _LIQUID_: ['AML'],
});

export const ctx: EvaluationContext = { asOf: AS_OF, oncotree: toyOncotree };
