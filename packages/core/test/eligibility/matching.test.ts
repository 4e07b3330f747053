/** Matching a patient against compiled trials: open/closed/full levels, ranking, risk, reconciliation, adapters. */
import { describe, expect, it } from 'vitest';
import type { Criterion } from '../../src/eligibility/criteria';
import type { EligibilityTrial, TrialLevel } from '../../src/eligibility/trial';
import type { LabFact, PatientFacts } from '../../src/eligibility/facts';
import { fromPatientRecord } from '../../src/eligibility/from-record';
import { evaluateLeaf } from '../../src/eligibility/evaluate';
import type { PatientRecord } from '../../src/model/patient';
import { compileTrial, matchPatient, matchTrials } from '../../src/matching/trials';
import { rankMatches } from '../../src/matching/ranking';
import { reconcileMatches } from '../../src/matching/reconcile';
import { matchMinerPatients, parseExtendedJson } from '../../src/matching/matchminer';
import { ctx, fact, patient } from './helpers';

const kras: Criterion = { kind: 'alteration', gene: 'KRAS', proteinChange: 'p.G12C' };
const krasGene: Criterion = { kind: 'alteration', gene: 'KRAS', category: 'mutation' };
const adult: Criterion = { kind: 'age', op: '>=', years: 18 };
const creatinine: Criterion = { kind: 'lab', loinc: '2160-0', display: 'creatinine', op: '<=', value: 1.5, unit: 'mg/dL', withinDays: 28 };

const arm = (code: string, match: Criterion, extra: Partial<TrialLevel> = {}): TrialLevel => ({
  level: 'arm',
  code,
  status: 'open',
  path: `treatment_list.step.0.arm.${code}`,
  children: [],
  match,
  ...extra,
});
const trial = (protocolNo: string, arms: TrialLevel[], status: 'open' | 'closed' = 'open'): EligibilityTrial => ({
  protocolNo,
  status,
  steps: [{ level: 'step', status: 'open', path: 'treatment_list.step.0', children: arms }],
});

const krasPatient = (extra: Partial<PatientFacts> = {}): PatientFacts =>
  patient({
    birthDate: fact('1960-01-01'),
    vitalStatus: fact('alive'),
    genomics: { alterations: [fact({ category: 'mutation' as const, gene: 'KRAS', proteinChange: 'p.G12C' }, '2025-01-01', 'g1')] },
    ...extra,
  });

describe('matchPatient', () => {
  const trials = [
    trial('T-OPEN', [
      arm('A', { kind: 'all', of: [adult, kras] }),
      arm('B', { kind: 'all', of: [adult, krasGene] }, { slots: { total: 3, used: 3 } }),
    ]),
    trial('T-CLOSEDARM', [arm('A', kras, { status: 'closed' })]),
    trial('T-CLOSED', [arm('A', kras)], 'closed'),
  ].map(compileTrial);

  it('skips closed trials and levels unless asked; a full level is a waitlist', () => {
    const open = matchPatient(trials, krasPatient(), ctx);
    expect(open.map((m) => [m.level.protocolNo, m.level.level?.code, m.status, m.availability])).toEqual([
      ['T-OPEN', 'A', 'met', 'open'],
      ['T-OPEN', 'B', 'met', 'waitlist'],
    ]);
    const all = matchPatient(trials, krasPatient(), ctx, { includeClosed: true });
    expect(all.map((m) => `${m.level.protocolNo}:${m.availability}`)).toEqual([
      'T-OPEN:open',
      'T-OPEN:waitlist',
      'T-CLOSEDARM:closed',
      'T-CLOSED:closed',
    ]);
  });

  it('skips deceased patients unless asked', () => {
    const dead = krasPatient({ vitalStatus: fact('deceased') });
    expect(matchPatient(trials, dead, ctx)).toEqual([]);
    expect(matchPatient(trials, dead, ctx, { includeDeceased: true })).toHaveLength(2);
  });

  it('keeps potential matches by default, only met ones on request', () => {
    const untested = patient({ birthDate: fact('1960-01-01') });
    expect(matchPatient(trials, untested, ctx).map((m) => m.status)).toEqual(['unknown', 'unknown']);
    expect(matchPatient(trials, untested, ctx, { keep: 'met' })).toEqual([]);
    const young = krasPatient({ birthDate: fact('2015-01-01') });
    expect(matchPatient(trials, young, ctx, { keep: 'all' }).map((m) => m.status)).toEqual(['not_met', 'not_met']);
  });

  it('matchTrials lists every trial it ran, even with no match', () => {
    const r = matchTrials(trials, [patient()], ctx, { keep: 'met' });
    expect([...r.keys()]).toEqual(['T-OPEN', 'T-CLOSEDARM']);
  });
});

describe('ranking and screen-failure risk', () => {
  const trials = [
    trial('T-GENE', [arm('A', { kind: 'all', of: [adult, krasGene] })]),
    trial('T-VARIANT', [arm('A', { kind: 'all', of: [adult, kras] })]),
    trial('T-LAB', [arm('A', { kind: 'all', of: [adult, kras, creatinine] })]),
    trial('T-ECOG', [
      arm('A', { kind: 'all', of: [adult, kras, { kind: 'ecog', max: 1 }, { kind: 'freeText', text: 'No active infection' }] }),
    ]),
  ].map(compileTrial);

  it('eligible first, then fewest unknowns; among equals the more specific genomic match', () => {
    const p = krasPatient({ labs: [fact<LabFact>({ loinc: '2160-0', value: 1.0, unit: 'mg/dL' }, '2025-02-25')] });
    const ranked = rankMatches(matchPatient(trials, p, ctx));
    expect(ranked.map((r) => [r.match.level.protocolNo, r.tier, r.risk.unknown])).toEqual([
      ['T-LAB', 'eligible', 0], // exact variant: strength 4 (ties with T-VARIANT, broken by protocol number)
      ['T-VARIANT', 'eligible', 0],
      ['T-GENE', 'eligible', 0], // gene-level match: strength 1
      ['T-ECOG', 'potential', 2],
    ]);
  });

  it('a stale lab and a borderline value go on the checklist and raise the risk', () => {
    const stale = krasPatient({ labs: [fact<LabFact>({ loinc: '2160-0', value: 1.0, unit: 'mg/dL' }, '2024-12-01')] });
    const [r] = rankMatches(matchPatient([trials[2]!], stale, ctx));
    expect(r!.tier).toBe('potential');
    expect(r!.checklist.map((c) => [c.why, c.criterion])).toEqual([['stale', 'creatinine ≤ 1.5 mg/dL (within 28 days)']]);
    expect(r!.checklist[0]!.evidence[0]!.fact.provenance.observedAt).toBe('2024-12-01');
    expect(r!.risk).toMatchObject({ stale: 1, level: 'medium' });

    const borderline = krasPatient({ labs: [fact<LabFact>({ loinc: '2160-0', value: 1.45, unit: 'mg/dL' }, '2025-02-25')] });
    const [b] = rankMatches(matchPatient([trials[2]!], borderline, ctx));
    expect(b!.tier).toBe('eligible');
    expect(b!.checklist.map((c) => c.why)).toEqual(['borderline']);
    expect(b!.risk.level).toBe('medium');

    const [e] = rankMatches(matchPatient([trials[3]!], krasPatient(), ctx));
    expect(e!.risk).toMatchObject({ unknown: 2, level: 'high' });
    expect(e!.risk.score).toBeCloseTo(0.75);
  });
});

describe('reconcileMatches', () => {
  it('keeps enabled rows, re-enables disabled twins, disables the rest, inserts what is missing', () => {
    const plan = reconcileMatches(
      [
        { id: '1', hash: 'a', disabled: false },
        { id: '2', hash: 'a', disabled: false },
        { id: '3', hash: 'b', disabled: true },
        { id: '4', hash: 'c', disabled: false },
      ],
      ['a', 'b', 'd', 'd'],
    );
    expect(plan).toEqual({ keep: ['1'], enable: ['3'], disable: ['2', '4'], insert: [2, 3] });
  });
});

describe('adapters', () => {
  it('PatientRecord → facts: birth year only unless asked, fusions without partner are unknown-partner', () => {
    const prov = { source: 'seed', observedAt: '2024-11-01', recordedAt: '2024-11-02', recordedBy: 'system' };
    const record: PatientRecord = {
      pseudonym: 'CTM-1',
      sex: 'female',
      birthYear: 2007,
      vitalStatus: 'alive',
      identity: { familyName: 'X', givenName: 'Y', birthDate: '2007-01-15', hospitalNumber: 'H1' },
      conditions: [{ kind: 'primary', oncotreeCode: 'LUAD', diagnosedAt: '2024-10-01', stage: 'IVA', provenance: prov }],
      performance: [{ ecog: 1, provenance: prov }],
      labs: [],
      therapyLines: [],
      molecularReports: [
        {
          specimen: 'tissue',
          panel: 'P',
          reportedAt: '2024-11-01',
          tmb: 12,
          msi: 'MSS',
          alterations: [{ gene: 'ALK', alterationClass: 'fusion' }],
          provenance: prov,
        },
      ],
      documents: [],
      participations: [],
    };
    const facts = fromPatientRecord(record);
    expect(evaluateLeaf({ kind: 'age', op: '>=', years: 18 }, facts, ctx).status).toBe('unknown');
    expect(evaluateLeaf({ kind: 'age', op: '>=', years: 18 }, fromPatientRecord(record, { exactBirthDate: true }), ctx).status).toBe('met');
    expect(evaluateLeaf({ kind: 'stage', stages: ['IV'] }, facts, ctx).status).toBe('met');
    // A patient created by a genomic import has no birth year: age is unknown, never an invented one.
    const noYear = fromPatientRecord({ ...record, birthYear: null });
    expect(noYear.birthYear).toBeUndefined();
    expect(evaluateLeaf({ kind: 'age', op: '<=', years: 80 }, noYear, ctx).status).toBe('unknown');
    expect(evaluateLeaf({ kind: 'alteration', gene: 'ALK', category: 'structural_variant' }, facts, ctx).status).toBe('met');
    expect(evaluateLeaf({ kind: 'alteration', gene: 'ALK', category: 'structural_variant', partner: 'EML4' }, facts, ctx).status).toBe(
      'unknown',
    );
    expect(evaluateLeaf({ kind: 'mmr', deficient: true }, facts, ctx).status).toBe('not_met');
    expect(evaluateLeaf({ kind: 'priorLines', op: '==', count: 0 }, facts, ctx).status).toBe('met');
  });

  it('MongoDB extended JSON: arrays or one document per line; ids, dates and numbers unwrapped', () => {
    const text = [
      '{"_id": {"$oid": "c1"}, "SAMPLE_ID": "S1", "REPORT_DATE": {"$date": 1549065600000}, "BIRTH_DATE_INT": {"$numberDouble": "19700101.0"}, "GENDER": "Female", "VITAL_STATUS": "alive"}',
      '{"_id": {"$oid": "c2"}, "SAMPLE_ID": "S2", "REPORT_DATE": {"$date": {"$numberLong": "978307200000"}}}',
    ].join('\n');
    const docs = parseExtendedJson(text);
    expect(docs[0]).toMatchObject({ _id: 'c1', REPORT_DATE: '2019-02-02T00:00:00.000Z', BIRTH_DATE_INT: 19700101 });
    expect(docs[1]!.REPORT_DATE).toBe('2001-01-01T00:00:00.000Z');
    const [p1, p2] = matchMinerPatients(docs, [
      { _id: 'g1', CLINICAL_ID: 'c1', VARIANT_CATEGORY: 'SV', HARMONIZED_LEFT_PARTNER_GENE: 'EML4', HARMONIZED_RIGHT_PARTNER_GENE: 'ALK' },
    ]);
    expect(p1!.svReporting).toBe('structured');
    expect(p2!.svReporting).toBe('text');
    expect(p1!.facts.birthDate!.value).toBe('1970-01-01');
    expect(p1!.facts.genomics!.alterations[0]!.value).toMatchObject({
      category: 'structural_variant',
      gene: 'EML4',
      partner: 'ALK',
      exon: null,
    });
    expect(p2!.facts.genomics!.alterations).toEqual([]);
  });
});
