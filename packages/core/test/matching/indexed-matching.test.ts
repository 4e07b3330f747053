/**
 * The indexed matchers give exactly the naive evaluator's answers: same status, same level,
 * same number of unknowns on the best path — on generated patients, awkward records included,
 * against the catalogue and synthetic trials, under every matching option. And the pieces they
 * rest on are checked one by one: every status-only leaf evaluator against `evaluateLeaf`, and
 * every candidate set as a superset of the patients its leaf does not rule out.
 */
import { describe, expect, it } from 'vitest';
import type { LeafCriterion } from '../../src/eligibility/criteria';
import { evaluateLeaf } from '../../src/eligibility/evaluate';
import type { EvaluationContext } from '../../src/eligibility/evaluation';
import type { PatientFacts } from '../../src/eligibility/facts';
import { hasBit } from '../../src/matching/bitset';
import { explainCohortMatch, matchCohort, type CohortMatch } from '../../src/matching/cohort-match';
import { fastContext, leafStatus, STATUS_TRUTH } from '../../src/matching/fast-leaf';
import { candidateSet } from '../../src/matching/guards';
import { naiveMatchPatient, type NaiveMatch } from '../../src/matching/naive';
import { buildPatientIndex } from '../../src/matching/patient-index';
import { preparePortfolio } from '../../src/matching/portfolio';
import { buildTrialIndex, matchOnePatient } from '../../src/matching/trial-index';
import { matchPatient, type CompiledTrial, type MatchOptions } from '../../src/matching/trials';
import { ctx, patients, portfolio } from './fixtures';

const row = (m: NaiveMatch | CohortMatch) =>
  `${m.patientId} ${m.level.protocolNo} ${m.level.matchPath} ${m.status} unknown=${m.unknown} path=${m.path}`;

function naive(trials: readonly CompiledTrial[], people: readonly PatientFacts[], c: EvaluationContext, options: MatchOptions) {
  return people.flatMap((p) => naiveMatchPatient(trials, p, c, options)).map(row);
}

describe('status-only leaf evaluators', () => {
  it('agree with evaluateLeaf on every distinct leaf of the portfolio for every patient', () => {
    const people = patients();
    const index = buildPatientIndex(people);
    const leaves = preparePortfolio(portfolio()).leaves;
    for (const c of [ctx, { asOf: '2025-06-30', oncotree: ctx.oncotree }, { asOf: '2026-11-01T09:30:00Z' }] as EvaluationContext[]) {
      const fast = fastContext(c, index.vocabulary);
      const mismatches: string[] = [];
      for (const leaf of leaves) {
        const f = leafStatus(leaf, fast);
        people.forEach((p, i) => {
          const expected = evaluateLeaf(leaf, p, c).status;
          const got = STATUS_TRUTH[f(index.columns, i)];
          if (got !== expected) mismatches.push(`${p.id} ${JSON.stringify(leaf)}: ${got} ≠ ${expected}`);
        });
      }
      expect(mismatches.slice(0, 5)).toEqual([]);
    }
  });
});

describe('candidate sets', () => {
  it('hold every patient a leaf does not rule out (met or unknown)', () => {
    const people = patients();
    const index = buildPatientIndex(people);
    const leaves: LeafCriterion[] = preparePortfolio(portfolio()).leaves;
    let narrowing = 0;
    for (const c of [ctx, { asOf: ctx.asOf }] as EvaluationContext[]) {
      for (const leaf of leaves) {
        const set = candidateSet(leaf, index, c);
        if (!set) continue;
        narrowing++;
        people.forEach((p, i) => {
          if (evaluateLeaf(leaf, p, c).status !== 'not_met') expect(hasBit(set, i), `${p.id} ${JSON.stringify(leaf)}`).toBe(true);
        });
      }
    }
    expect(narrowing).toBeGreaterThan(300);
  });
});

describe('matchCohort (patient index) = the naive evaluator', () => {
  const people = patients();
  const index = buildPatientIndex(people);
  const options: Array<[string, MatchOptions]> = [
    ['default (open levels, living patients, eligible and potential)', {}],
    ['closed levels and deceased patients too', { includeClosed: true, includeDeceased: true }],
    ['eligible only', { keep: 'met', includeClosed: true }],
  ];
  for (const [name, o] of options) {
    it(name, () => {
      const result = matchCohort(portfolio(), index, ctx, o);
      const expected = naive(portfolio(), people, ctx, o);
      expect(result.toArray().map(row)).toEqual(expected);
      expect(expected.length).toBeGreaterThan(200);
    });
  }

  it('every (patient, level) pair, not met ones included (keep: all), on part of the portfolio', () => {
    const trials = portfolio().slice(0, 80);
    const o: MatchOptions = { keep: 'all', includeClosed: true, includeDeceased: true };
    expect(matchCohort(trials, index, ctx, o).toArray().map(row)).toEqual(naive(trials, people, ctx, o));
  });

  it('without an OncoTree hierarchy (every diagnosis criterion unknown) and at another date', () => {
    for (const c of [{ asOf: ctx.asOf }, { asOf: '2024-03-15', oncotree: ctx.oncotree }] as EvaluationContext[]) {
      expect(matchCohort(portfolio(), index, c).toArray().map(row)).toEqual(naive(portfolio(), people, c, {}));
    }
  });

  it('keeps the potential matches of patients with no molecular testing or an unplaceable diagnosis', () => {
    const result = matchCohort(portfolio(), index, ctx).toArray();
    const untested = new Set(people.filter((p) => !p.genomics).map((p) => p.id));
    const unplaced = new Set(people.filter((p) => p.diagnoses?.some((d) => d.value.oncotree === 'NOTACODE')).map((p) => p.id));
    const kras = (m: CohortMatch) => m.level.protocolNo === 'CTM-2019-064';
    expect(result.some((m) => untested.has(m.patientId) && kras(m) && m.status === 'unknown')).toBe(true);
    expect(result.some((m) => unplaced.has(m.patientId) && m.status === 'unknown')).toBe(true);
    // Without testing, a trial that asks for an alteration on every path can never be met.
    expect(result.filter((m) => untested.has(m.patientId) && kras(m)).every((m) => m.status === 'unknown')).toBe(true);
  });

  it('explains a cohort match exactly as matchPatient does', () => {
    const result = matchCohort(portfolio(), index, ctx);
    for (let i = 0; i < result.size; i += 97) {
      const m = result.at(i);
      const direct = matchPatient(portfolio(), people[m.patient]!, ctx).find((x) => x.level === m.level);
      expect(explainCohortMatch(m, index, ctx)).toEqual(direct);
    }
  });
});

describe('matchOnePatient (trial index) = matchPatient', () => {
  const trials = portfolio();
  const trialIndex = buildTrialIndex(trials);
  it('same matches, same order, same explanations, for every patient and option', () => {
    for (const o of [{}, { includeClosed: true, includeDeceased: true }, { keep: 'met' }] as MatchOptions[]) {
      for (const p of patients()) expect(matchOnePatient(trials, trialIndex, p, ctx, o)).toEqual(matchPatient(trials, p, ctx, o));
    }
  });

  it('agrees with the naive evaluator on status and level', () => {
    for (const p of patients().slice(0, 120)) {
      const mine = matchOnePatient(trials, trialIndex, p, ctx).map((m) => `${m.level.protocolNo} ${m.level.matchPath} ${m.status}`);
      expect(mine).toEqual(naiveMatchPatient(trials, p, ctx).map((m) => `${m.level.protocolNo} ${m.level.matchPath} ${m.status}`));
    }
  });

  it('refuses a trial index built for other trials', () => {
    expect(() => matchOnePatient(trials.slice(1), trialIndex, patients()[0]!, ctx)).toThrow(/other trials/);
  });
});
