/**
 * Theranostic eligibility as a matching fact: the `theranosticEligibility` leaf is met, not met or
 * unknown with evidence, agrees in the fast (indexed) evaluator, survives CTML and the record
 * mapping, and decides a trial level in the match engine.
 */
import { describe, expect, it } from 'vitest';
import type { Criterion, LeafCriterion } from '../../src/eligibility/criteria';
import { describeLeaf } from '../../src/eligibility/describe';
import { evaluateLeaf } from '../../src/eligibility/evaluate';
import type { PatientFacts, TheranosticEligibilityFact } from '../../src/eligibility/facts';
import { fromPatientRecord } from '../../src/eligibility/from-record';
import type { EligibilityRecord } from '../../src/eligibility/record-extensions';
import type { EligibilityTrial } from '../../src/eligibility/trial';
import { formatCtml } from '../../src/eligibility/ctml/export';
import { importCtml } from '../../src/eligibility/ctml/import';
import { fastContext, leafStatus, STATUS_TRUTH } from '../../src/matching/fast-leaf';
import { buildPatientIndex } from '../../src/matching/patient-index';
import { compileTrial, matchPatient } from '../../src/matching/trials';
import { evaluateTheranosticRule, VISION_PSMA_PET } from '../../src/theranostics/index';
import { ctx, fact, patient } from '../eligibility/helpers';

const vision: LeafCriterion = { kind: 'theranosticEligibility', rule: 'vision-psma-pet' };
const krenning: LeafCriterion = { kind: 'theranosticEligibility', rule: 'sstr-krenning-3' };

const verdict = (
  v: TheranosticEligibilityFact['verdict'],
  rule = 'vision-psma-pet',
  observedAt = '2025-02-20',
): PatientFacts['theranosticEligibility'] => [
  fact({ rule, verdict: v, reasons: [`reason ${v}`], tracer: '[68Ga]Ga-PSMA-11' }, observedAt, `pet-${v}`),
];

describe('the theranosticEligibility leaf', () => {
  it('takes the rule verdict as its status, with the PET read as evidence', () => {
    const met = evaluateLeaf(vision, patient({ theranosticEligibility: verdict('met') }), ctx);
    expect(met.status).toBe('met');
    expect(met.reason).toBe('VISION PSMA-PET criteria: reason met');
    expect(met.evidence).toHaveLength(1);
    expect(met.evidence[0]).toMatchObject({
      field: 'theranosticEligibility',
      label: 'VISION PSMA-PET criteria met on [68Ga]Ga-PSMA-11 PET',
    });
    expect(met.evidence[0]!.fact.id).toBe('pet-met');
    expect(evaluateLeaf(vision, patient({ theranosticEligibility: verdict('not_met') }), ctx).status).toBe('not_met');
    expect(evaluateLeaf(vision, patient({ theranosticEligibility: verdict('unknown') }), ctx).status).toBe('unknown');
  });

  it('is unknown — never not met — without a PET read evaluated by the rule', () => {
    const none = evaluateLeaf(vision, patient(), ctx);
    expect(none.status).toBe('unknown');
    expect(none.reason).toMatch(/no PET read evaluated/);
    // A verdict of another rule says nothing about this one.
    expect(evaluateLeaf(krenning, patient({ theranosticEligibility: verdict('met') }), ctx).status).toBe('unknown');
  });

  it('reads the latest verdict of its rule', () => {
    const facts = [...verdict('not_met', 'vision-psma-pet', '2025-01-05')!, ...verdict('met', 'vision-psma-pet', '2025-02-20')!];
    expect(evaluateLeaf(vision, patient({ theranosticEligibility: facts }), ctx).status).toBe('met');
    expect(evaluateLeaf(vision, patient({ theranosticEligibility: [...facts].reverse() }), ctx).status).toBe('met');
  });

  it('describes itself by the rule title', () => {
    expect(describeLeaf(vision)).toBe('theranostic eligibility: VISION PSMA-PET criteria');
    expect(describeLeaf({ kind: 'theranosticEligibility', rule: 'unknown-rule' })).toBe('theranostic eligibility: unknown-rule');
  });

  it('gives the same status in the fast evaluator as in evaluateLeaf', () => {
    const people = [
      patient({ id: 'A', theranosticEligibility: verdict('met') }),
      patient({ id: 'B', theranosticEligibility: verdict('not_met') }),
      patient({ id: 'C', theranosticEligibility: verdict('unknown') }),
      patient({ id: 'D' }),
    ];
    const index = buildPatientIndex(people);
    const fast = fastContext(ctx, index.vocabulary);
    for (const leaf of [vision, krenning]) {
      const f = leafStatus(leaf, fast);
      people.forEach((p, i) => expect(STATUS_TRUTH[f(index.columns, i)], `${p.id} ${leaf.rule}`).toBe(evaluateLeaf(leaf, p, ctx).status));
    }
  });

  it('round-trips through CTML as a Continuum leaf, negated too', () => {
    const match: Criterion = { kind: 'all', of: [{ kind: 'diagnosis', oncotree: 'LUAD' }, vision, { kind: 'not', of: krenning }] };
    const trial: EligibilityTrial = {
      protocolNo: 'T-PSMA',
      status: 'open',
      steps: [
        {
          level: 'step',
          status: 'open',
          path: 'treatment_list.step.0',
          children: [{ level: 'arm', code: 'A', status: 'open', path: 'treatment_list.step.0.arm.0', children: [], match }],
        },
      ],
    };
    const [back] = importCtml(formatCtml(trial, 'yaml'), { file: 't.yaml' });
    const leaves = JSON.parse(JSON.stringify(back!.steps[0]!.children[0]!.match, (k, v: unknown) => (k === 'source' ? undefined : v)));
    expect(leaves).toEqual(match);
  });
});

describe('from the record to the match', () => {
  it('maps the record’s eligibility entries to facts carrying the PET read id', () => {
    const read = {
      id: 'pet-42',
      tracer: '[68Ga]Ga-PSMA-11',
      scannedAt: '2025-02-10T09:00:00Z',
      reference: { liverSuvMean: 5.1 },
      lesions: [{ site: 'L3', region: 'bone' as const, suvMax: 18.2 }],
    };
    const e = evaluateTheranosticRule(VISION_PSMA_PET, read);
    const record: EligibilityRecord = {
      pseudonym: 'P-TH-1',
      sex: 'male',
      birthYear: 1955,
      vitalStatus: 'alive',
      identity: undefined as unknown as EligibilityRecord['identity'],
      conditions: [],
      performance: [],
      labs: [],
      therapyLines: [],
      molecularReports: [],
      documents: [],
      participations: [],
      theranosticEligibility: [
        {
          rule: e.rule,
          verdict: e.verdict,
          reasons: e.reasons,
          tracer: read.tracer,
          petReadId: read.id,
          provenance: {
            source: 'user:investigator',
            observedAt: read.scannedAt,
            recordedAt: '2025-02-11T08:00:00Z',
            recordedBy: 'investigator',
          },
        },
      ],
    };
    const facts = fromPatientRecord(record);
    expect(facts.theranosticEligibility).toHaveLength(1);
    expect(facts.theranosticEligibility![0]!.id).toBe('pet-42');
    const outcome = evaluateLeaf(vision, facts, ctx);
    expect(outcome.status).toBe('met');

    // The leaf decides a level: eligible with the fact, potential (unknown) without it.
    const compiled = [
      compileTrial({
        protocolNo: 'T-VISION',
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
                match: { kind: 'all', of: [{ kind: 'sex', sex: 'male' }, vision] },
              },
            ],
          },
        ],
      }),
    ];
    expect(matchPatient(compiled, facts, ctx).map((m) => m.status)).toEqual(['met']);
    const without = fromPatientRecord({ ...record, theranosticEligibility: undefined });
    expect(matchPatient(compiled, without, ctx, { keep: 'potential' }).map((m) => m.status)).toEqual(['unknown']);
    const notMet = fromPatientRecord({
      ...record,
      theranosticEligibility: [{ ...record.theranosticEligibility![0]!, verdict: 'not_met' }],
    });
    expect(matchPatient(compiled, notMet, ctx, { keep: 'potential' })).toEqual([]);
  });
});
