/** The criteria editor's model: trees round-trip, problems name their field, server paths find their node. */
import { describe, expect, it } from 'vitest';
import type { Criterion } from '@continuum/core';
import { parse } from 'yaml';
import {
  changeGroupKind,
  fieldsOf,
  fromCriterion,
  isGroup,
  locateProblem,
  newGroup,
  newLeaf,
  pathSegments,
  sameCriterion,
  toCriterion,
  updateNode,
  type ENode,
  type LeafNode,
} from '../src/lib/criteria';
import { documentWithDrafts, levelClause, toYamlText } from '../src/lib/ctmlPreview';
import { evidenceTarget, factIdFromHash } from '../src/lib/evidence';

const tree: Criterion = {
  kind: 'all',
  of: [
    { kind: 'age', op: '>=', years: 18, id: 'a' },
    { kind: 'diagnosis', oncotree: 'NSCLC' },
    { kind: 'alteration', gene: 'KRAS', proteinChange: 'p.G12C', source: 'x.json#$.match[0]' },
    { kind: 'not', of: { kind: 'alteration', gene: 'EGFR', category: 'mutation' } },
    { kind: 'lab', loinc: '1920-8', display: 'AST', op: '<=', timesUln: 2.5, withinDays: 14 },
    { kind: 'lab', loinc: '2160-0', op: '<=', value: 1.5, unit: 'mg/dL' },
    { kind: 'brainMetastases', present: false },
    {
      kind: 'any',
      of: [
        { kind: 'drug', mode: 'prior', drugClasses: ['platinum', 'anti-PD-1'] },
        { kind: 'tmb', op: '>=', value: 10 },
      ],
    },
    { kind: 'priorLines', op: '<=', count: 2, settings: ['metastatic'] },
    { kind: 'mmr', deficient: true },
    { kind: 'freeText', text: 'Adequate organ function' },
  ],
};

const leaf = (n: ENode | null): LeafNode => {
  if (!n || isGroup(n)) throw new Error('not a leaf');
  return n;
};

describe('criteria editor model', () => {
  it('turns a tree into form state and back unchanged (ids, sources and absent options kept as they were)', () => {
    const { criterion, problems } = toCriterion(fromCriterion(tree));
    expect(problems).toEqual([]);
    expect(criterion).toEqual(tree);
    expect(sameCriterion(criterion, tree)).toBe(true);
  });

  it('names the node and field of each problem, and leaves bad values out', () => {
    const root = fromCriterion(tree);
    if (!isGroup(root)) throw new Error('group expected');
    const age = leaf(root.children[0]!);
    const edited = updateNode(root, age.uid, () => ({ ...age, values: { ...age.values, years: 'eighteen' } }));
    const { criterion, problems } = toCriterion(edited);
    expect(problems).toEqual([{ uid: age.uid, field: 'years', message: 'Enter a number.' }]);
    expect((criterion as { of: Criterion[] }).of[0]).toEqual({ kind: 'age', op: '>=', id: 'a' });
    expect(sameCriterion(criterion, tree)).toBe(false);
  });

  it('asks for the required fields of a new leaf and a non-empty group', () => {
    const g = newGroup('all', [newLeaf('lab'), newGroup('any')]);
    const { problems } = toCriterion(g);
    expect(problems.map((p) => p.field ?? 'node')).toEqual(['loinc', 'value', 'unit', 'node']);
    const abs = leaf(g.children[0]!);
    // × ULN hides value and unit, and asks for the multiple instead.
    expect(fieldsOf({ ...abs, values: { ...abs.values, $threshold: 'uln' } }).map((f) => f.key)).toContain('timesUln');
  });

  it('wraps several criteria in an "all of" group when a group becomes "not"', () => {
    const g = newGroup('any', [newLeaf('age'), newLeaf('sex')]);
    const not = changeGroupKind(g, 'not');
    expect(not.children).toHaveLength(1);
    expect(toCriterion(not).criterion).toMatchObject({ kind: 'not', of: { kind: 'all', of: [{ kind: 'age' }, { kind: 'sex' }] } });
  });

  it('finds the node of a server problem, as criteria JSON path or as CTML path', () => {
    const root = fromCriterion(tree);
    const s = toCriterion(root);
    const levels = [{ level: 'treatment_list.step.0.arm.1', addresses: s.addresses }];
    const fieldsOfUid = (uid: string) => {
      const find = (n: ENode): ENode | undefined => (n.uid === uid ? n : isGroup(n) ? n.children.map(find).find(Boolean) : undefined);
      const n = find(root);
      return n && !isGroup(n) ? fieldsOf(n).map((f) => f.key) : [];
    };
    if (!isGroup(root)) throw new Error('group expected');
    const tmb = (root.children[7] as { children: ENode[] }).children[1]!;
    expect(locateProblem('body.criteria[treatment_list.step.0.arm.1].of.7.of.1.value', levels, fieldsOfUid)).toEqual({
      level: 'treatment_list.step.0.arm.1',
      uid: tmb.uid,
      field: 'value',
    });
    // The excluded EGFR mutation: "not" pushes down, so CTML writes it at and[3] itself.
    const egfr = (root.children[3] as { children: ENode[] }).children[0]!;
    expect(locateProblem('body.ctml.treatment_list.step[0].arm[1].match[0].and[3].genomic.hugo_symbol', levels, fieldsOfUid)).toEqual({
      level: 'treatment_list.step.0.arm.1',
      uid: egfr.uid,
      field: 'gene',
    });
    expect(locateProblem('body.criteria[treatment_list.step.0.arm.1]', levels, fieldsOfUid)?.uid).toBe(root.uid);
    expect(locateProblem('body.reason', levels, fieldsOfUid)).toBeUndefined();
    expect(pathSegments("body.criteria['a.b'].of[2].years")).toEqual(['criteria', 'a', 'b', 'of', '2', 'years']);
  });
});

describe('CTML preview', () => {
  it('writes YAML that reads back as the same document, every string a string', () => {
    const clause = levelClause(tree);
    const back = parse(toYamlText(clause));
    expect(back).toEqual(JSON.parse(JSON.stringify(clause)));
    expect(toYamlText(clause)).toContain('hugo_symbol: "!EGFR"');
  });

  it('places drafts into the saved document at their level paths', () => {
    const doc = JSON.stringify({ protocol_no: 'X', treatment_list: { step: [{ step_code: '1', arm: [{ arm_code: 'A', match: [] }] }] } });
    const out = documentWithDrafts(doc, new Map([['treatment_list.step.0.arm.0', { kind: 'sex', sex: 'female' } as Criterion]]));
    expect(out).toMatchObject({ treatment_list: { step: [{ arm: [{ arm_code: 'A', match: [{ clinical: { gender: 'Female' } }] }] }] } });
    expect(documentWithDrafts(doc, new Map([['treatment_list.step.3', null]]))).toBeNull();
  });
});

describe('evidence links', () => {
  const e = { field: 'labs', label: 'AST 40 U/L', source: 'lab', observedAt: null, recordedAt: null, recordedBy: null };
  it('link to the row on the right tab, by the record when known, else by field', () => {
    expect(evidenceTarget({ ...e, refId: 'r1' }, 'p1')).toEqual({
      pathname: '/patients/p1',
      search: '?tab=labs',
      hash: '#fact-r1',
      tab: 'labs',
    });
    expect(evidenceTarget({ ...e, field: 'genomics.tmb', refId: 'r2' }, 'p1')?.tab).toBe('molecular');
    expect(evidenceTarget({ ...e, field: 'x', refId: 'r3' }, 'p1', new Map([['r3', 'ecog']]))?.tab).toBe('ecog');
    expect(evidenceTarget({ ...e, field: 'birthDate' }, 'p1')).toBeNull();
    expect(factIdFromHash('#fact-r1')).toBe('r1');
  });
});
