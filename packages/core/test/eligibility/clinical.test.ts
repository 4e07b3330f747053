/** Clinical leaves: each case is one that a careless evaluator gets wrong. */
import { describe, expect, it } from 'vitest';
import { evaluate, evaluateLeaf } from '../../src/eligibility/evaluate';
import type { Criterion, LeafCriterion } from '../../src/eligibility/criteria';
import type { LabFact, PatientFacts } from '../../src/eligibility/facts';
import { AS_OF, ctx, fact, patient } from './helpers';

const status = (c: LeafCriterion, p: PatientFacts) => evaluateLeaf(c, p, ctx).status;

describe('three-valued logic', () => {
  const female: LeafCriterion = { kind: 'sex', sex: 'female' };
  it('missing data is unknown, not not_met', () => {
    expect(status(female, patient())).toBe('unknown');
    expect(status(female, patient({ sex: fact('unknown') }))).toBe('unknown');
  });
  it('not of unknown is unknown; not of met is not_met', () => {
    expect(evaluate({ kind: 'not', of: female }, patient(), ctx).status).toBe('unknown');
    expect(evaluate({ kind: 'not', of: female }, patient({ sex: fact('female') }), ctx).status).toBe('not_met');
  });
  it('all: one not_met decides over unknowns; any: one met decides over unknowns', () => {
    const male: LeafCriterion = { kind: 'sex', sex: 'male' };
    const unknownAge: LeafCriterion = { kind: 'age', op: '>=', years: 18 };
    const p = patient({ sex: fact('female') });
    expect(evaluate({ kind: 'all', of: [unknownAge, male] }, p, ctx).status).toBe('not_met');
    expect(evaluate({ kind: 'all', of: [unknownAge, female] }, p, ctx).status).toBe('unknown');
    expect(evaluate({ kind: 'any', of: [unknownAge, female] }, p, ctx).status).toBe('met');
    expect(evaluate({ kind: 'any', of: [unknownAge, male] }, p, ctx).status).toBe('unknown');
  });
  it('free text stays unknown and verbatim', () => {
    const c: Criterion = { kind: 'freeText', text: 'Adequate organ function per investigator' };
    const e = evaluate(c, patient({ sex: fact('female') }), ctx);
    expect(e.status).toBe('unknown');
    expect(e.criterion).toEqual(c);
  });
});

describe('age at the reference date', () => {
  const adult: LeafCriterion = { kind: 'age', op: '>=', years: 18 };
  it('turns 18 on the birthday, not the day after', () => {
    expect(status(adult, patient({ birthDate: fact('2007-03-01') }))).toBe('met');
    expect(status(adult, patient({ birthDate: fact('2007-03-02') }))).toBe('not_met');
  });
  it('"> 18" and "< 18" exclude the exact birthday', () => {
    const p = patient({ birthDate: fact('2007-03-01') });
    expect(status({ kind: 'age', op: '>', years: 18 }, p)).toBe('not_met');
    expect(status({ kind: 'age', op: '<', years: 18 }, p)).toBe('not_met');
    expect(status({ kind: 'age', op: '<=', years: 18 }, p)).toBe('met');
  });
  it('fractions of a year are months (CTML "0.5" = 6 months)', () => {
    expect(status({ kind: 'age', op: '>=', years: 0.5 }, patient({ birthDate: fact('2024-09-01') }))).toBe('met');
    expect(status({ kind: 'age', op: '>=', years: 0.5 }, patient({ birthDate: fact('2024-09-02') }))).toBe('not_met');
  });
  it('with only a birth year, the birthday year of the threshold is unknown', () => {
    expect(status(adult, patient({ birthYear: fact(2007) }))).toBe('unknown');
    expect(status(adult, patient({ birthYear: fact(2006) }))).toBe('met');
    expect(status(adult, patient({ birthYear: fact(2008) }))).toBe('not_met');
  });
  it('the evidence is the birth date with its provenance', () => {
    const e = evaluateLeaf(adult, patient({ birthDate: fact('1970-05-05', '2020-01-01') }), ctx);
    expect(e.evidence[0]!.fact.provenance.observedAt).toBe('2020-01-01');
    expect(e.reason).toContain('age 54');
  });
});

describe('diagnosis in OncoTree', () => {
  const dx = (code: string) => patient({ diagnoses: [fact({ oncotree: code, kind: 'primary' as const })] });
  it('includes descendants and the node itself, not siblings or ancestors', () => {
    const nsclc: LeafCriterion = { kind: 'diagnosis', oncotree: 'NSCLC' };
    expect(status(nsclc, dx('LUAD'))).toBe('met');
    expect(status(nsclc, dx('NSCLC'))).toBe('met');
    expect(status(nsclc, dx('SCLC'))).toBe('not_met');
    expect(status(nsclc, dx('LUNG'))).toBe('not_met');
  });
  it('_SOLID_ and _LIQUID_', () => {
    expect(status({ kind: 'diagnosis', oncotree: '_SOLID_' }, dx('IDC'))).toBe('met');
    expect(status({ kind: 'diagnosis', oncotree: '_LIQUID_' }, dx('IDC'))).toBe('not_met');
    expect(status({ kind: 'diagnosis', oncotree: '_LIQUID_' }, dx('AML'))).toBe('met');
  });
  it('uses solidOrLiquid when the hierarchy has it (the platform OncoTree class)', () => {
    const h = {
      has: () => true,
      isDescendantOf: () => false,
      solidOrLiquid: (c: string) => (c === 'AML' ? ('liquid' as const) : ('solid' as const)),
    };
    expect(evaluateLeaf({ kind: 'diagnosis', oncotree: '_SOLID_' }, dx('ANYTHING'), { asOf: AS_OF, oncotree: h }).status).toBe('met');
  });
  it('an unknown code, a missing diagnosis or a missing hierarchy is unknown', () => {
    expect(status({ kind: 'diagnosis', oncotree: 'LUNG' }, dx('XYZ'))).toBe('unknown');
    expect(status({ kind: 'diagnosis', oncotree: 'LUNG' }, patient())).toBe('unknown');
    expect(evaluateLeaf({ kind: 'diagnosis', oncotree: 'LUNG' }, dx('LUAD'), { asOf: AS_OF }).status).toBe('unknown');
  });
  it('a secondary (metastatic) site is not the primary diagnosis', () => {
    const p = patient({ diagnoses: [fact({ oncotree: 'LUAD', kind: 'secondary' as const, bodySite: 'brain' })] });
    expect(status({ kind: 'diagnosis', oncotree: 'LUNG' }, p)).toBe('unknown');
  });
});

describe('stage, ECOG, lines and drugs', () => {
  const staged = (stage: string) => patient({ diagnoses: [fact({ oncotree: 'LUAD', kind: 'primary' as const, stage })] });
  it('stage III admits IIIB; I does not admit IV; a coarse record is unknown for a precise ask', () => {
    expect(status({ kind: 'stage', stages: ['III', 'IV'] }, staged('IIIB'))).toBe('met');
    expect(status({ kind: 'stage', stages: ['I'] }, staged('IV'))).toBe('not_met');
    expect(status({ kind: 'stage', stages: ['IIIA'] }, staged('III'))).toBe('unknown');
  });
  it('ECOG uses the latest value and its freshness window', () => {
    const p = patient({ ecog: [fact(0, '2024-01-01'), fact(2, '2025-02-01')] });
    expect(status({ kind: 'ecog', max: 1 }, p)).toBe('not_met');
    expect(status({ kind: 'ecog', max: 2, withinDays: 14 }, p)).toBe('unknown');
    expect(evaluateLeaf({ kind: 'ecog', max: 2, withinDays: 14 }, p, ctx).stale).toBe(true);
  });
  const history = patient({
    therapyLines: [
      fact({
        lineNumber: 1,
        setting: 'metastatic' as const,
        drugs: [{ name: 'carboplatin', drugClass: 'platinum' }],
        startedAt: '2024-01-01',
        endedAt: '2024-06-01',
      }),
      fact({
        lineNumber: 2,
        setting: 'metastatic' as const,
        drugs: [{ name: 'pembrolizumab', drugClass: 'anti-PD-1' }],
        startedAt: '2024-07-01',
        endedAt: '2025-02-10',
      }),
    ],
  });
  it('counts prior lines; no history on record is unknown, an empty history is zero lines', () => {
    expect(status({ kind: 'priorLines', op: '<=', count: 2 }, history)).toBe('met');
    expect(status({ kind: 'priorLines', op: '>=', count: 3 }, history)).toBe('not_met');
    expect(status({ kind: 'priorLines', op: '==', count: 0 }, patient())).toBe('unknown');
    expect(status({ kind: 'priorLines', op: '==', count: 0 }, patient({ therapyLines: [] }))).toBe('met');
  });
  it('prior / required / excluded drugs and classes', () => {
    expect(status({ kind: 'drug', mode: 'prior', drugClasses: ['platinum'] }, history)).toBe('met');
    expect(status({ kind: 'drug', mode: 'required', drugClasses: ['platinum', 'EGFR TKI'] }, history)).toBe('not_met');
    expect(status({ kind: 'drug', mode: 'required', drugClasses: ['platinum', 'anti-PD-1'] }, history)).toBe('met');
    expect(status({ kind: 'drug', mode: 'excluded', drugs: ['Pembrolizumab'] }, history)).toBe('not_met');
    expect(status({ kind: 'drug', mode: 'excluded', drugs: ['osimertinib'] }, history)).toBe('met');
  });
  it('a drug with no class on record makes a class question unknown rather than no', () => {
    const p = patient({
      therapyLines: [
        fact({
          lineNumber: 1,
          setting: 'metastatic' as const,
          drugs: [{ name: 'study drug X' }],
          startedAt: '2024-01-01',
          endedAt: '2024-02-01',
        }),
      ],
    });
    expect(status({ kind: 'drug', mode: 'excluded', drugClasses: ['anti-PD-1'] }, p)).toBe('unknown');
  });
  it('washout counts days from the end of the last (matching) line; an ongoing line fails it', () => {
    expect(status({ kind: 'washout', days: 28 }, history)).toBe('not_met'); // ended 2025-02-10, 19 days
    expect(status({ kind: 'washout', days: 14 }, history)).toBe('met');
    expect(status({ kind: 'washout', days: 28, drugClasses: ['platinum'] }, history)).toBe('met');
    const ongoing = patient({
      therapyLines: [fact({ lineNumber: 1, setting: 'metastatic' as const, drugs: [{ name: 'x' }], startedAt: '2025-01-01' })],
    });
    expect(status({ kind: 'washout', days: 1 }, ongoing)).toBe('not_met');
  });
});

describe('lab thresholds', () => {
  const ast = (value: number, observedAt = '2025-02-25', uln: number | null = 40): PatientFacts =>
    patient({
      labs: [
        fact<LabFact>(
          { loinc: '1920-8', display: 'AST', value, unit: 'U/L', ...(uln !== null ? { upperLimitOfNormal: uln } : {}) },
          observedAt,
        ),
      ],
    });
  const astUln: LeafCriterion = { kind: 'lab', loinc: '1920-8', display: 'AST', op: '<=', timesUln: 2.5, withinDays: 14 };

  it("× ULN uses the lab's own upper limit of normal", () => {
    expect(status(astUln, ast(100))).toBe('met'); // 2.5 × 40 = 100
    expect(status(astUln, ast(101))).toBe('not_met');
    expect(status(astUln, ast(101, '2025-02-25', 50))).toBe('met'); // another lab's range
  });
  it('no ULN on the result is unknown', () => expect(status(astUln, ast(50, '2025-02-25', null))).toBe('unknown'));
  it('a result older than the window is unknown and flagged stale, even if it passed', () => {
    const e = evaluateLeaf(astUln, ast(20, '2025-01-01'), ctx);
    expect(e.status).toBe('unknown');
    expect(e.stale).toBe(true);
  });
  it('results after the reference date are ignored', () => {
    const p = patient({ labs: [fact<LabFact>({ loinc: '1920-8', value: 20, unit: 'U/L', upperLimitOfNormal: 40 }, '2025-04-01')] });
    expect(status(astUln, p)).toBe('unknown');
  });
  it('absolute thresholds refuse another unit instead of converting silently', () => {
    const creat: LeafCriterion = { kind: 'lab', loinc: '2160-0', op: '<=', value: 1.5, unit: 'mg/dL' };
    const inUmol = patient({ labs: [fact<LabFact>({ loinc: '2160-0', value: 90, unit: 'umol/L' })] });
    const inMg = patient({ labs: [fact<LabFact>({ loinc: '2160-0', value: 1.4, unit: 'mg/dL' })] });
    expect(status(creat, inUmol)).toBe('unknown');
    expect(status(creat, inMg)).toBe('met');
    expect(evaluateLeaf(creat, inMg, ctx).borderline).toBe(true); // within 10 % of 1.5
  });
});

describe('brain metastases, measurable disease, vital status, receptors', () => {
  it('no active brain metastases: treated stable ones are fine, activity not recorded is unknown', () => {
    const c: LeafCriterion = { kind: 'brainMetastases', present: false, activeOnly: true };
    expect(status(c, patient({ brainMetastases: fact({ present: true, active: false }) }))).toBe('met');
    expect(status(c, patient({ brainMetastases: fact({ present: true, active: true }) }))).toBe('not_met');
    expect(status(c, patient({ brainMetastases: fact({ present: true }) }))).toBe('unknown');
    expect(status(c, patient())).toBe('unknown');
  });
  it('a brain secondary proves presence; its absence proves nothing', () => {
    const c: LeafCriterion = { kind: 'brainMetastases', present: false };
    expect(status(c, patient({ diagnoses: [fact({ oncotree: 'LUAD', kind: 'secondary' as const, bodySite: 'brain' })] }))).toBe('not_met');
    expect(status(c, patient({ diagnoses: [fact({ oncotree: 'LUAD', kind: 'primary' as const })] }))).toBe('unknown');
  });
  it('measurable disease and vital status', () => {
    expect(status({ kind: 'measurableDisease', present: true }, patient({ measurableDisease: fact(false) }))).toBe('not_met');
    expect(status({ kind: 'vitalStatus', status: 'alive' }, patient({ vitalStatus: fact('alive') }))).toBe('met');
    expect(status({ kind: 'vitalStatus', status: 'alive' }, patient({ vitalStatus: fact('unknown') }))).toBe('unknown');
  });
  it('HER2 negative uses the latest receptor result', () => {
    const p = patient({
      receptors: [
        fact({ receptor: 'HER2' as const, positive: true }, '2023-01-01'),
        fact({ receptor: 'HER2' as const, positive: false }, '2025-01-01'),
      ],
    });
    expect(status({ kind: 'receptor', receptor: 'HER2', positive: false }, p)).toBe('met');
  });
});

describe('with the platform OncoTree (codes/oncotree.ts) as the hierarchy', () => {
  it('places codes by descent and splits solid from liquid', async () => {
    const { readFileSync } = await import('node:fs');
    const { parseOncoTreeTsv, ONCOTREE_DATA_PATH } = await import('../../src/codes/oncotree');
    const tree = parseOncoTreeTsv(readFileSync(new URL(`../../../../${ONCOTREE_DATA_PATH}`, import.meta.url)));
    const oncotree: import('../../src/eligibility/oncotree').OncotreeHierarchy = tree;
    const dx = (code: string) => patient({ diagnoses: [fact({ oncotree: code, kind: 'primary' as const })] });
    const at = { asOf: AS_OF, oncotree };
    expect(evaluateLeaf({ kind: 'diagnosis', oncotree: 'NSCLC' }, dx('LUAD'), at).status).toBe('met');
    expect(evaluateLeaf({ kind: 'diagnosis', oncotree: 'NSCLC' }, dx('SCLC'), at).status).toBe('not_met');
    expect(evaluateLeaf({ kind: 'diagnosis', oncotree: '_SOLID_' }, dx('LUAD'), at).status).toBe('met');
    expect(evaluateLeaf({ kind: 'diagnosis', oncotree: '_LIQUID_' }, dx('AML'), at).status).toBe('met');
    expect(evaluateLeaf({ kind: 'diagnosis', oncotree: 'NSCLC' }, dx('NOTACODE'), at).status).toBe('unknown');
  });
});
