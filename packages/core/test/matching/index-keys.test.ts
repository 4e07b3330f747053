/**
 * What the indexes file a patient under, on hand-written cases: a patient whose data cannot
 * rule a criterion out must stay a candidate, so that an unknown (potential) match is never
 * dropped — the reason the indexes are exact.
 */
import { describe, expect, it } from 'vitest';
import { ADULT, KRAS_G12C, dx, ecog } from '../../src/cohort/criteria-leaves';
import { allOf } from '../../src/eligibility/criteria';
import type { AlterationFact, Fact, PatientFacts } from '../../src/eligibility/facts';
import type { EligibilityTrial } from '../../src/eligibility/trial';
import { matchCohort } from '../../src/matching/cohort-match';
import { naiveMatchPatient } from '../../src/matching/naive';
import { buildColumns } from '../../src/matching/patient-columns';
import { buildPatientIndex } from '../../src/matching/patient-index';
import { buildTrialIndex, matchOnePatient, patientKeys } from '../../src/matching/trial-index';
import { compileTrial } from '../../src/matching/trials';
import { ctx } from './fixtures';

const fact = <T>(value: T, observedAt = '2026-10-20'): Fact<T> => ({
  value,
  provenance: { source: 'test', observedAt, recordedAt: observedAt, recordedBy: 'test' },
});
const alteration = (a: AlterationFact) => fact(a, '2026-01-10');

const krasTrial: EligibilityTrial = {
  protocolNo: 'T-KRAS',
  status: 'open',
  steps: [
    {
      level: 'step',
      status: 'open',
      path: 'treatment_list.step.0',
      children: [
        {
          level: 'arm',
          code: 'A',
          status: 'open',
          path: 'treatment_list.step.0.arm.0',
          children: [],
          match: allOf(ADULT, dx('NSCLC'), KRAS_G12C, ecog(1)),
        },
      ],
    },
  ],
};
const trials = [compileTrial(krasTrial)];
const trialIndex = buildTrialIndex(trials);
// A trial asking no gene: its path is filed under its diagnosis.
const lungTrial: EligibilityTrial = structuredClone({ ...krasTrial, protocolNo: 'T-LUNG' });
lungTrial.steps[0]!.children[0]!.match = allOf(ADULT, dx('NSCLC'), ecog(1));
const keyIndex = buildTrialIndex([compileTrial(krasTrial), compileTrial(lungTrial)]);

const base: PatientFacts = {
  id: 'P',
  birthYear: fact(1960),
  sex: fact('female' as const),
  vitalStatus: fact('alive' as const),
  ecog: [fact(0)],
  diagnoses: [fact({ oncotree: 'LUAD', kind: 'primary' as const })],
};
const keysOf = (p: PatientFacts) => patientKeys(buildColumns([p], keyIndex.vocabulary), 0, keyIndex, ctx);

describe('patient keys (trial index)', () => {
  it('files a sequenced patient under the genes reported, and a placed diagnosis under the diagnoses that contain it', () => {
    const p = { ...base, genomics: { alterations: [alteration({ category: 'mutation', gene: 'KRAS', proteinChange: 'p.G12C' })] } };
    const keys = keysOf(p);
    expect(keys).toContain('gene:KRAS');
    expect(keys).not.toContain('gene:*');
    expect(keys).toContain('dx:NSCLC');
  });

  it('gives every gene to a patient with no testing, a panel listing its genes, an unreported gene or an SV known from text', () => {
    expect(keysOf(base)).toContain('gene:*');
    expect(keysOf({ ...base, genomics: { alterations: [], genesTested: ['EGFR'] } })).toContain('gene:*');
    expect(keysOf({ ...base, genomics: { alterations: [alteration({ category: 'mutation' })] } })).toContain('gene:*');
    expect(
      keysOf({ ...base, genomics: { alterations: [alteration({ category: 'structural_variant', text: 'EML4-ALK fusion' })] } }),
    ).toContain('gene:*');
  });

  it('gives every diagnosis to a patient with none on record, and keeps a code OncoTree does not know under every diagnosis', () => {
    expect(keysOf({ ...base, diagnoses: [] })).toContain('dx:*');
    expect(keysOf({ ...base, diagnoses: [fact({ oncotree: 'NOTACODE', kind: 'primary' as const })] })).toContain('dx:NSCLC');
    expect(keysOf({ ...base, diagnoses: [fact({ oncotree: 'BRCA', kind: 'primary' as const })] })).not.toContain('dx:NSCLC');
  });
});

describe('a patient with no molecular testing and an unplaceable diagnosis', () => {
  const p: PatientFacts = { ...base, diagnoses: [fact({ oncotree: 'NOTACODE', kind: 'primary' as const })] };
  const expected = naiveMatchPatient(trials, p, ctx);

  it('is a potential match with two criteria to verify, for the naive evaluator', () => {
    expect(expected.map((m) => [m.status, m.unknown])).toEqual([['unknown', 2]]);
  });

  it('and for both indexes', () => {
    const cohort = matchCohort(trials, buildPatientIndex([p]), ctx).toArray();
    expect(cohort.map((m) => [m.status, m.unknown, m.path])).toEqual(expected.map((m) => [m.status, m.unknown, m.path]));
    expect(matchOnePatient(trials, trialIndex, p, ctx).map((m) => m.status)).toEqual(['unknown']);
  });

  it('while a wild-type patient with a placed non-lung diagnosis is not a candidate at all', () => {
    const other: PatientFacts = {
      ...base,
      diagnoses: [fact({ oncotree: 'BRCA', kind: 'primary' as const })],
      genomics: { alterations: [] },
    };
    const result = matchCohort(trials, buildPatientIndex([other]), ctx);
    expect(result.stats.candidatePairs).toBe(0);
    expect(naiveMatchPatient(trials, other, ctx)).toEqual([]);
  });
});
