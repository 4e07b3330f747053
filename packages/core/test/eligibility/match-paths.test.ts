/**
 * Match-path compilation. MatchMiner's and/or → match-path expansion is reproduced on its
 * published boolean cases (create_match_tree_expected.json, get_match_paths_expected.json), and
 * Continuum's own compiler is checked against it and against direct tree evaluation.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCtmlMatchTree, ctmlMatchTreeAsFixture, ctmlMatchTreePaths } from '../../src/matching/ctml-match-tree';
import { compileMatchPaths, MatchPathLimitError, type MatchPath } from '../../src/matching/compile';
import { evaluatePaths } from '../../src/matching/evaluate-paths';
import { evaluate } from '../../src/eligibility/evaluate';
import type { Criterion, LeafCriterion } from '../../src/eligibility/criteria';
import type { PatientFacts } from '../../src/eligibility/facts';

const dir = new URL('../fixtures/ctims/data/', import.meta.url);
const read = (p: string) => JSON.parse(readFileSync(new URL(p, dir), 'utf8')) as unknown;
const cases = readdirSync(new URL('ctml_boolean_cases/', dir)).filter((f) => f.endsWith('.json'));
const expectedTrees = read('create_match_tree_expected.json') as Record<string, ReturnType<typeof ctmlMatchTreeAsFixture>>;
const expectedPaths = read('get_match_paths_expected.json') as Record<
  string,
  Array<{ criteria_list: Array<{ depth: number; criteria: unknown[] }> }>
>;
type Item = Record<string, unknown>;

describe("MatchMiner's match tree on its boolean cases", () => {
  it('has all nine cases', () => expect(cases).toHaveLength(9));

  for (const name of cases) {
    const clause = [read(`ctml_boolean_cases/${name}`) as Item];

    it(`${name}: same nodes, edges and degrees`, () => {
      expect(ctmlMatchTreeAsFixture(buildCtmlMatchTree(clause))).toEqual(expectedTrees[name]);
    });

    it(`${name}: same match paths, in order, with depths`, () => {
      const mine = ctmlMatchTreePaths(buildCtmlMatchTree(clause));
      expect(mine.map((steps) => ({ criteria_list: steps }))).toEqual(expectedPaths[name]);
    });

    if (name === 'all_cases.json') continue; // see "where MatchMiner's tree and exact compilation differ"
    it(`${name}: Continuum's compiler yields the same conjunctions`, () => {
      // MatchMiner lists an item with two keys under an `or` twice (once per key): compare distinct conjunctions.
      expect(conjunctions(compileMatchPaths(toCriterion(clause)))).toEqual(expectedConjunctions(name));
    });
  }
});

/** Each key of a criterion object is one atom ("g1", "c3"...). */
const atoms = (item: Item) => Object.keys(item);
const conjunctions = (paths: MatchPath[]) =>
  [
    ...new Set(
      paths.map((p) =>
        p.literals
          .map((l) => (l.leaf as { text: string }).text)
          .sort()
          .join('&'),
      ),
    ),
  ].sort();
const expectedConjunctions = (name: string) =>
  [
    ...new Set(
      expectedPaths[name]!.map((p) => [...new Set(p.criteria_list.flatMap((s) => (s.criteria as Item[]).flatMap(atoms)))].sort().join('&')),
    ),
  ].sort();

/** A boolean case as a criterion tree whose leaves are named atoms. */
function toCriterion(clause: Item[]): Criterion {
  const item = (o: Item): Criterion => {
    const parts: Criterion[] = Object.entries(o).map(([k, v]) => {
      if (k.startsWith('and')) return { kind: 'all', of: (v as Item[]).map(item) };
      if (k.startsWith('or')) return { kind: 'any', of: (v as Item[]).map(item) };
      return { kind: 'freeText', text: k };
    });
    return parts.length === 1 ? parts[0]! : { kind: 'all', of: parts };
  };
  return { kind: 'all', of: clause.map(item) };
}

describe('compileMatchPaths', () => {
  const leaf = (text: string): LeafCriterion => ({ kind: 'sex', sex: text === 'm' ? 'male' : 'female', label: text });
  const age = (years: number): LeafCriterion => ({ kind: 'age', op: '>=', years });

  it('pushes not through and/or (De Morgan) and distributes and over or', () => {
    const tree: Criterion = { kind: 'not', of: { kind: 'any', of: [age(18), { kind: 'all', of: [age(12), age(6)] }] } };
    const paths = compileMatchPaths(tree);
    // not(a or (b and c)) = (not a and not b) or (not a and not c)
    expect(paths.map((p) => p.literals.map((l) => `${l.negated ? '!' : ''}${(l.leaf as { years: number }).years}`))).toEqual([
      ['!18', '!12'],
      ['!18', '!6'],
    ]);
  });

  it('asks a repeated question once per path, ignoring where it was written', () => {
    const a = { ...age(18), source: 'x.json#$.a' };
    const b = { ...age(18), source: 'x.json#$.b' };
    expect(compileMatchPaths({ kind: 'all', of: [a, b, leaf('m')] })[0]!.literals).toHaveLength(2);
  });

  it('refuses an explosion of paths instead of hanging', () => {
    const wide = (n: number): Criterion => ({ kind: 'any', of: Array.from({ length: n }, (_, i) => age(i)) });
    expect(() => compileMatchPaths({ kind: 'all', of: [wide(100), wide(100), wide(100)] }, { maxPaths: 10_000 })).toThrow(
      MatchPathLimitError,
    );
  });

  it('gives the same three-valued status as evaluating the tree, on random trees and patients', () => {
    // Leaves whose truth the patient decides: sex (known or not), age (known or not), TMB.
    const leaves: LeafCriterion[] = [
      { kind: 'sex', sex: 'female' },
      { kind: 'age', op: '>=', years: 40 },
      { kind: 'tmb', op: '>=', value: 10 },
      { kind: 'vitalStatus', status: 'alive' },
    ];
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const tree = (depth: number): Criterion => {
      const r = rand(depth > 3 ? 1 : 4);
      if (r === 0) return leaves[rand(leaves.length)]!;
      if (r === 1) return { kind: 'not', of: tree(depth + 1) };
      return { kind: r === 2 ? 'all' : 'any', of: Array.from({ length: 1 + rand(3) }, () => tree(depth + 1)) };
    };
    const prov = { source: 't', observedAt: '2024-01-01', recordedAt: '2024-01-01', recordedBy: 't' };
    const patient = (): PatientFacts => {
      const p: PatientFacts = { id: 'p' };
      if (rand(3)) p.sex = { value: rand(2) ? 'female' : 'male', provenance: prov };
      if (rand(3)) p.birthDate = { value: rand(2) ? '1950-01-01' : '2000-01-01', provenance: prov };
      if (rand(3)) p.genomics = { alterations: [], tmb: rand(2) ? [{ value: rand(20), provenance: prov }] : [] };
      if (rand(3)) p.vitalStatus = { value: rand(2) ? 'alive' : 'deceased', provenance: prov };
      return p;
    };
    const ctx = { asOf: '2024-06-01' };
    const seen = new Set<string>();
    for (let i = 0; i < 400; i++) {
      const t = tree(0);
      const p = patient();
      const direct = evaluate(t, p, ctx).status;
      expect(evaluatePaths(compileMatchPaths(t), p, ctx).status).toBe(direct);
      seen.add(direct);
    }
    expect([...seen].sort()).toEqual(['met', 'not_met', 'unknown']);
  });
});

describe("where MatchMiner's tree and exact compilation differ", () => {
  it('an or nested in an and under an or, followed by a second or, keeps every conjunct here', () => {
    // (A or (B and (C or D))) and (E or F)
    const clause = [{ and: [{ or: [{ A: {} }, { and: [{ B: {} }, { or: [{ C: {} }, { D: {} }] }] }] }, { or: [{ E: {} }, { F: {} }] }] }];
    const theirs = ctmlMatchTreePaths(buildCtmlMatchTree(clause)).map((p) =>
      p
        .flatMap((s) => s.criteria.flatMap(atoms))
        .sort()
        .join('&'),
    );
    const ours = compileMatchPaths(toCriterion(clause)).map((p) =>
      p.literals
        .map((l) => (l.leaf as { text: string }).text)
        .sort()
        .join('&'),
    );
    expect(ours.sort()).toEqual(['A&E', 'A&F', 'B&C&E', 'B&C&F', 'B&D&E', 'B&D&F']);
    // MatchMiner's graph attaches (C or D) after the (E or F) join: B&C and B&D lose E/F, B&E and B&F lose C/D.
    expect(theirs.sort()).toEqual(['A&E', 'A&F', 'B&C', 'B&D', 'B&E', 'B&F']);
  });

  it("all_cases.json: each of MatchMiner's paths that differs from ours has lost a conjunct", () => {
    const ours = conjunctions(compileMatchPaths(toCriterion([read('ctml_boolean_cases/all_cases.json') as Item])));
    const theirs = expectedConjunctions('all_cases.json');
    const asSet = (c: string) => new Set(c.split('&'));
    const onlyTheirs = theirs.filter((t) => !ours.includes(t));
    const onlyOurs = ours.filter((o) => !theirs.includes(o));
    expect(onlyTheirs.length).toBeGreaterThan(0);
    // Every path MatchMiner has and we do not is a strict subset of one of ours (a dropped conjunct)...
    for (const t of onlyTheirs.map(asSet)) expect(ours.map(asSet).some((o) => o.size > t.size && [...t].every((x) => o.has(x)))).toBe(true);
    // ...and every path we have and MatchMiner does not extends one of theirs.
    for (const o of onlyOurs.map(asSet)) expect(theirs.map(asSet).some((t) => [...t].every((x) => o.has(x)))).toBe(true);
  });
});
