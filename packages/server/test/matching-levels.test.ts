import { TRIAL_CATALOGUE, type EligibilityTrial } from '@continuum/core';
import { describe, expect, it } from 'vitest';
import { checkLevelsAgree, levelInfos, type ArmRow } from '../src/matching/levels';
import { withClauses } from '../src/matching/criteria-store';
import { catalogueCriteria } from '../src/seed/catalogueCriteria';

const rowsOf = (protocol: string): ArmRow[] =>
  TRIAL_CATALOGUE.find((t) => t.protocolNumber === protocol)!.arms.map((a, i) => ({
    id: `arm-${i}`, code: a.code, name: a.name, kind: a.kind, status: a.status, slots_total: a.slotsTotal, slots_used: a.slotsUsed, version: 1,
  }));

describe('criteria levels and cohort rows', () => {
  const criteria = catalogueCriteria();

  it('the catalogue’s criteria name every cohort of every catalogue trial, and nothing else', () => {
    expect(criteria.size).toBe(TRIAL_CATALOGUE.length);
    for (const t of TRIAL_CATALOGUE) expect(checkLevelsAgree(criteria.get(t.protocolNumber)!, rowsOf(t.protocolNumber)), t.protocolNumber).toEqual([]);
  });

  it('takes availability from the cohort rows, and opens a dose-escalation group while one of its dose levels is open', () => {
    // A trial whose dose levels sit under a grouping arm with no row of its own.
    const t = TRIAL_CATALOGUE.find((x) => x.status === 'open' && x.arms.some((a) => a.kind === 'dose-level'))!;
    const rows = rowsOf(t.protocolNumber);
    const e = criteria.get(t.protocolNumber)!;
    const dl = (infos: ReturnType<typeof levelInfos>, code: string) => infos.find((l) => l.code === code)!;
    const first = rows.find((r) => r.kind === 'dose-level')!;

    const allClosed = rows.map((r) => (r.kind === 'dose-level' ? { ...r, status: 'closed' } : r));
    expect(dl(levelInfos(e, 'open', allClosed), first.code).availability).toBe('closed');

    const oneOpen = allClosed.map((r) => (r.code === first.code ? { ...r, status: 'open', slots_used: 0 } : r));
    const infos = levelInfos(e, 'open', oneOpen);
    expect(dl(infos, first.code).availability).toBe('open');
    expect(dl(infos, first.code).label).toMatch(/Dose level/);
    // Full: waitlist; trial closed: closed whatever the cohort says.
    const full = oneOpen.map((r) => (r.code === first.code ? { ...r, slots_used: r.slots_total } : r));
    expect(dl(levelInfos(e, 'open', full), first.code).availability).toBe('waitlist');
    expect(dl(levelInfos(e, 'suspended', oneOpen), first.code).availability).toBe('closed');
  });

  it('reports a cohort without a level, a level naming no cohort, and a code used twice', () => {
    const trial: EligibilityTrial = {
      protocolNo: 'X', status: 'open',
      steps: [{ level: 'step', code: '1', status: 'open', path: 'treatment_list.step.0', children: [
        { level: 'arm', code: 'A', status: 'open', path: 'treatment_list.step.0.arm.0', children: [] },
        { level: 'arm', code: 'A', status: 'open', path: 'treatment_list.step.0.arm.1', children: [] },
        { level: 'arm', code: 'Z', status: 'open', path: 'treatment_list.step.0.arm.2', children: [] },
      ] }],
    };
    const rows: ArmRow[] = ['A', 'B'].map((code) => ({ id: code, code, name: code, kind: 'arm', status: 'open', slots_total: 5, slots_used: 0, version: 1 }));
    expect(checkLevelsAgree(trial, rows).map((p) => p.at)).toEqual(['treatment_list.step.0.arm.1', 'treatment_list.step.0.arm.2', 'B']);
  });

  it('replaces only the clauses it names; null removes one', () => {
    const e = criteria.get(TRIAL_CATALOGUE.find((t) => t.arms.length >= 2 && t.arms.every((a) => a.kind === 'arm' || a.kind === 'cohort'))!.protocolNumber)!;
    const [a, b] = e.steps[0]!.children;
    const out = withClauses(e, new Map([[a!.path, { kind: 'sex', sex: 'female' } as const], [b!.path, null]]));
    expect(out.steps[0]!.children[0]!.match).toEqual({ kind: 'sex', sex: 'female' });
    expect(out.steps[0]!.children[1]!.match).toBeUndefined();
    expect(out.steps[0]!.children.slice(2).map((l) => l.match)).toEqual(e.steps[0]!.children.slice(2).map((l) => l.match));
  });
});
