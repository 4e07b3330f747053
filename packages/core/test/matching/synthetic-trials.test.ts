/**
 * The synthetic portfolio: deterministic and sliceable, shaped like a centre's (phases, dose
 * levels, cohorts, statuses), with trees of 8–25 leaves that nest any / all / not and mix
 * clinical and genomic criteria in the generator's vocabulary.
 */
import { describe, expect, it } from 'vitest';
import { LOINC_LABS } from '../../src/codes/loinc';
import { countLeaves, syntheticTrials } from '../../src/cohort/trials-synthetic';
import type { Criterion, LeafCriterion } from '../../src/eligibility/criteria';
import { isLeaf } from '../../src/eligibility/criteria';
import { formatCtml } from '../../src/eligibility/ctml/export';
import { importCtml } from '../../src/eligibility/ctml/import';
import { levelsOf } from '../../src/eligibility/trial';
import { compileTrial } from '../../src/matching/trials';
import { oncotree } from './fixtures';

const trials = syntheticTrials({ count: 600, seed: 42 });
const leavesOf = (c: Criterion): LeafCriterion[] => (isLeaf(c) ? [c] : c.kind === 'not' ? leavesOf(c.of) : c.of.flatMap(leavesOf));
const kinds = (c: Criterion): string[] => (isLeaf(c) ? [] : [c.kind, ...(c.kind === 'not' ? kinds(c.of) : c.of.flatMap(kinds))]);

describe('syntheticTrials', () => {
  it('is deterministic: same seed, same trials; trial i depends only on (seed, i)', () => {
    expect(syntheticTrials({ count: 30, seed: 42 })).toEqual(trials.slice(0, 30));
    expect(syntheticTrials({ count: 10, seed: 42, start: 100 })).toEqual(trials.slice(100, 110));
    expect(syntheticTrials({ count: 30, seed: 43 })).not.toEqual(trials.slice(0, 30));
    expect(() => syntheticTrials({ count: -1, seed: 1 })).toThrow(RangeError);
  });

  it('looks like a portfolio: unique protocol numbers, a quarter early phase, mostly open, every trial compiles', () => {
    expect(new Set(trials.map((t) => t.protocolNo)).size).toBe(600);
    const phases = trials.map((t) => String(t.extras?.phase));
    const early = phases.filter((p) => p === 'I' || p === 'I/II').length;
    expect(early / 600).toBeGreaterThan(0.15);
    expect(early / 600).toBeLessThan(0.35);
    expect(trials.filter((t) => t.status === 'open').length / 600).toBeGreaterThan(0.7);
    for (const t of trials) expect(compileTrial(t).levels.length).toBeGreaterThan(0);
  });

  it('gives phase I trials dose levels (one open in an open trial), later phases arms or cohorts with slots', () => {
    for (const t of trials.filter((x) => x.extras?.phase === 'I')) {
      const doses = levelsOf(t).filter(({ level }) => level.level === 'dose_level');
      expect(doses.length).toBeGreaterThanOrEqual(3);
      if (t.status === 'open') expect(doses.filter(({ level }) => level.status === 'open').length).toBe(1);
    }
    for (const t of trials.filter((x) => x.extras?.phase === 'III')) {
      const arms = levelsOf(t).filter(({ level }) => level.level === 'arm' && level.match);
      expect(arms.length).toBeGreaterThanOrEqual(2);
      for (const { level } of arms) expect(level.slots!.used).toBeLessThanOrEqual(level.slots!.total);
    }
  });

  it('writes 8–25 leaves per level, nesting any / all / not, clinical and genomic', () => {
    let nested = 0;
    let negated = 0;
    let genomic = 0;
    for (const t of trials) {
      const levels = levelsOf(t).filter(({ level }) => level.match);
      for (const { level } of levels) {
        const n = countLeaves(level.match!);
        expect(n, t.protocolNo).toBeGreaterThanOrEqual(8);
        expect(n, t.protocolNo).toBeLessThanOrEqual(25);
      }
      const tree = levels[0]!.level.match!;
      if (kinds(tree).includes('any')) nested++;
      if (kinds(tree).includes('not')) negated++;
      if (leavesOf(tree).some((l) => ['alteration', 'mmr', 'tmb'].includes(l.kind))) genomic++;
    }
    expect(nested / 600).toBeGreaterThan(0.3);
    expect(negated / 600).toBeGreaterThan(0.2);
    expect(genomic / 600).toBeGreaterThan(0.35);
  });

  it("uses the platform's codes: known OncoTree nodes, LOINC codes with their units", () => {
    for (const t of trials) {
      for (const { level } of levelsOf(t)) {
        for (const l of level.match ? leavesOf(level.match) : []) {
          if (l.kind === 'diagnosis') expect(l.oncotree === '_SOLID_' || oncotree.has(l.oncotree), l.oncotree).toBe(true);
          if (l.kind === 'lab') {
            const lab = LOINC_LABS.find((x) => x.code === l.loinc);
            expect(lab).toBeDefined();
            if (l.unit) expect(l.unit).toBe(lab!.unit);
          }
        }
      }
    }
  });

  it('exports as CTML that reads back to the same CTML', () => {
    for (const t of trials.slice(0, 150)) {
      const json = formatCtml(t, 'json');
      expect(formatCtml(importCtml(json, { oncotree })[0]!, 'json')).toBe(json);
    }
  });
});
