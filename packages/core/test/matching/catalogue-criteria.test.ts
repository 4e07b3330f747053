/**
 * The catalogue's computable eligibility: one trial per catalogue entry with levels mirroring
 * its arms, criteria written in the generator's vocabulary (so generated patients meet, fail or
 * leave them unknown as real ones would), a lossless CTML round trip, and matches — eligible and
 * potential — for many trials on a generated cohort.
 */
import { describe, expect, it } from 'vitest';
import { LOINC_LABS } from '../../src/codes/loinc';
import { ALT, APC_TRUNCATING, TP53_HOTSPOTS } from '../../src/cohort/alterations';
import { catalogueEligibility } from '../../src/cohort/criteria';
import { generateCohort } from '../../src/cohort/generate';
import { DRUGS } from '../../src/cohort/regimens';
import { TRIAL_CATALOGUE } from '../../src/cohort/trials';
import type { Criterion, LeafCriterion } from '../../src/eligibility/criteria';
import { isLeaf } from '../../src/eligibility/criteria';
import { formatCtml } from '../../src/eligibility/ctml/export';
import { importCtml } from '../../src/eligibility/ctml/import';
import { fromPatientRecord } from '../../src/eligibility/from-record';
import { matchesStatus } from './helpers';
import { levelsOf, type EligibilityTrial } from '../../src/eligibility/trial';
import { buildPatientIndex } from '../../src/matching/patient-index';
import { matchCohort } from '../../src/matching/cohort-match';
import { compileTrial } from '../../src/matching/trials';
import { ctx, oncotree, REFERENCE_DATE } from './fixtures';

const trials = catalogueEligibility();
const leavesOf = (c: Criterion): LeafCriterion[] => (isLeaf(c) ? [c] : c.kind === 'not' ? leavesOf(c.of) : c.of.flatMap(leavesOf));
const trialLeaves = (t: EligibilityTrial) => levelsOf(t).flatMap(({ level }) => (level.match ? leavesOf(level.match) : []));
const withoutSources = <T>(x: T): T => JSON.parse(JSON.stringify(x, (k, v: unknown) => (k === 'source' ? undefined : v))) as T;

const SPECS = [...Object.values(ALT), ...TP53_HOTSPOTS, ...APC_TRUNCATING];
const GENES = new Set(SPECS.map((s) => s.gene));
const PROTEINS = new Set(SPECS.filter((s) => s.hgvsProtein).map((s) => `${s.gene} ${s.hgvsProtein}`));
// Alternatives a protocol lists that the generator does not draw (less common alleles): the
// criteria are realistic with them, and each sits in an `any` with a generated one.
const UNGENERATED = new Set([
  'EGFR p.L747_P753delinsS',
  'EGFR p.E746_S752delinsV',
  'EGFR p.L747_A750delinsP',
  'EGFR p.L747_T751del',
  'FGFR3 p.G370C',
  'ESR1 p.E380',
  'ESR1 p.L536',
]);
const DRUG_NAMES = new Set(Object.values(DRUGS).map((d) => d.name));
const DRUG_CLASSES = new Set(Object.values(DRUGS).map((d) => d.drugClass));

describe('catalogueEligibility', () => {
  it('has one trial per catalogue trial, with its protocol number, NCT id and status', () => {
    expect(trials.map((t) => t.protocolNo)).toEqual(TRIAL_CATALOGUE.map((t) => t.protocolNumber));
    trials.forEach((t, i) => {
      const c = TRIAL_CATALOGUE[i]!;
      expect(t.status).toBe(c.status === 'open' ? 'open' : 'closed');
      expect(t.nctId).toBe(c.nctId);
    });
  });

  it('mirrors each arm, cohort and dose level as a level with its status and slots', () => {
    trials.forEach((t, i) => {
      const arms = TRIAL_CATALOGUE[i]!.arms;
      const levels = levelsOf(t).filter(({ level }) => level.match);
      expect(levels.map(({ level }) => level.code).sort()).toEqual(arms.map((a) => a.code).sort());
      for (const { level } of levels) {
        const arm = arms.find((a) => a.code === level.code)!;
        expect(level.level).toBe(arm.kind === 'dose-level' || arm.kind === 'step' ? 'dose_level' : 'arm');
        expect(level.status).toBe(arm.status === 'open' ? 'open' : 'closed');
        expect(level.slots).toEqual({ total: arm.slotsTotal, used: arm.slotsUsed });
      }
    });
  });

  it('writes every level like a protocol: adults, a diagnosis, performance status, organ function', () => {
    for (const t of trials) {
      for (const { level } of levelsOf(t)) {
        if (!level.match) continue;
        const leaves = leavesOf(level.match);
        const kinds = new Set(leaves.map((l) => l.kind));
        expect(
          leaves.some((l) => l.kind === 'age' && l.op === '>=' && l.years >= 15),
          t.protocolNo,
        ).toBe(true);
        expect(kinds.has('diagnosis') && kinds.has('ecog') && kinds.has('lab'), t.protocolNo).toBe(true);
        expect(leaves.length).toBeGreaterThanOrEqual(6);
      }
    }
    const all = trials.flatMap(trialLeaves);
    expect(all.filter((l) => l.kind === 'freeText').length).toBeGreaterThan(15);
    expect(all.some((l) => l.kind === 'brainMetastases')).toBe(true);
    expect(all.some((l) => l.kind === 'drug' && l.mode === 'excluded')).toBe(true);
  });

  it('asks for each trial biomarker that names a gene, MSI-H or TMB as a genomic criterion', () => {
    trials.forEach((t, i) => {
      const leaves = trialLeaves(t);
      for (const b of TRIAL_CATALOGUE[i]!.biomarkers) {
        const gene = b.split(' ')[0]!;
        if (GENES.has(gene))
          expect(
            leaves.some((l) => l.kind === 'alteration' && l.gene === gene),
            `${t.protocolNo} ${b}`,
          ).toBe(true);
        if (b === 'MSI-H')
          expect(
            leaves.some((l) => l.kind === 'mmr' && l.deficient),
            t.protocolNo,
          ).toBe(true);
        if (b === 'TMB-H')
          expect(
            leaves.some((l) => l.kind === 'tmb'),
            t.protocolNo,
          ).toBe(true);
      }
    });
  });

  it("speaks the generator's vocabulary: genes, protein changes, codons, LOINC codes and units, drugs and classes", () => {
    const all = trials.flatMap(trialLeaves);
    for (const l of all) {
      if (l.kind === 'alteration') {
        expect(GENES.has(l.gene!), l.gene).toBe(true);
        if (l.proteinChange)
          expect(PROTEINS.has(`${l.gene} ${l.proteinChange}`) || UNGENERATED.has(`${l.gene} ${l.proteinChange}`), l.proteinChange).toBe(
            true,
          );
        if (l.codon) {
          const generated = SPECS.some((s) => s.gene === l.gene && s.hgvsProtein?.startsWith(l.codon!));
          expect(generated || UNGENERATED.has(`${l.gene} ${l.codon}`), `${l.gene} ${l.codon}`).toBe(true);
        }
      }
      if (l.kind === 'lab') {
        const lab = LOINC_LABS.find((x) => x.code === l.loinc);
        expect(lab, l.loinc).toBeDefined();
        if (l.unit) expect(l.unit).toBe(lab!.unit);
        expect([14, 28]).toContain(l.withinDays);
      }
      if (l.kind === 'drug' && l.mode !== 'excluded') {
        for (const c of l.drugClasses ?? []) expect(DRUG_CLASSES.has(c), c).toBe(true);
        for (const d of l.drugs ?? []) expect(DRUG_NAMES.has(d), d).toBe(true);
      }
      if (l.kind === 'diagnosis') expect(l.oncotree === '_SOLID_' || oncotree.has(l.oncotree), l.oncotree).toBe(true);
    }
    // The usual thresholds, as protocols write them.
    expect(all).toContainEqual(expect.objectContaining({ kind: 'lab', loinc: '751-8', op: '>=', value: 1.5, unit: '10*3/uL' }));
    expect(all).toContainEqual(expect.objectContaining({ kind: 'lab', loinc: '777-3', op: '>=', value: 100, unit: '10*3/uL' }));
    expect(all).toContainEqual(expect.objectContaining({ kind: 'lab', loinc: '2160-0', op: '<=', timesUln: 1.5 }));
    expect(all).toContainEqual(expect.objectContaining({ kind: 'lab', loinc: '1975-2', op: '<=', timesUln: 1.5 }));
  });

  it('round-trips every trial through CTML, in JSON and in YAML', () => {
    for (const t of trials) {
      for (const format of ['json', 'yaml'] as const) {
        const [back] = importCtml(formatCtml(t, format), { file: `${t.protocolNo}.${format}`, oncotree });
        expect(withoutSources(back), `${t.protocolNo} (${format})`).toEqual(t);
      }
    }
  });

  it('gives the generated cohort eligible and potential matches for many trials', () => {
    const people = [...generateCohort({ patients: 1500, seed: 42, referenceDate: REFERENCE_DATE })].map((r) => fromPatientRecord(r));
    const compiled = trials.map(compileTrial);
    const index = buildPatientIndex(people);
    const all = matchesStatus(matchCohort(compiled, index, ctx, { includeClosed: true }));
    const open = matchesStatus(matchCohort(compiled, index, ctx));
    expect(all.withMatch.size).toBeGreaterThanOrEqual(38);
    expect(all.withEligible.size).toBeGreaterThanOrEqual(14);
    expect(open.withEligible.size).toBeGreaterThanOrEqual(8);
    expect(open.withPotential.size).toBeGreaterThanOrEqual(15);
  });
});
