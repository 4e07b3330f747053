import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ONCOTREE_DATA_PATH, UnknownOncoTreeCodeError, parseOncoTreeTsv, type OncoTree } from '../src/codes/oncotree';
import { LOINC_LABS } from '../src/codes/loinc';
import { ALT } from '../src/cohort/alterations';
import { TUMOUR_TYPES } from '../src/cohort/frequencies';
import { generateCohort, generatePatient, pseudonymFor } from '../src/cohort/generate';
import { FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES } from '../src/cohort/names';
import { TRIAL_CATALOGUE } from '../src/cohort/trials';
import type { PatientRecord } from '../src/model/patient';
import type { Provenance } from '../src/model/provenance';

const tree = parseOncoTreeTsv(readFileSync(new URL(`../../../${ONCOTREE_DATA_PATH}`, import.meta.url)));
const REF = '2025-06-30';
const REF_MS = Date.parse(REF);

const cohort = (patients: number, seed = 42, start = 0): PatientRecord[] => [
  ...generateCohort({ patients, seed, referenceDate: REF, start, oncotree: tree }),
];

/** Every dated fact of a record with its provenance, for the invariants below. */
function facts(p: PatientRecord): Array<{ what: string; date: string; provenance: Provenance }> {
  return [
    ...p.conditions.map((c) => ({ what: `condition ${c.oncotreeCode}`, date: c.diagnosedAt, provenance: c.provenance })),
    ...p.performance.map((e) => ({ what: 'ecog', date: e.provenance.observedAt, provenance: e.provenance })),
    ...p.labs.map((l) => ({ what: `lab ${l.loinc}`, date: l.provenance.observedAt, provenance: l.provenance })),
    ...p.therapyLines.map((l) => ({ what: `line ${l.lineNumber}`, date: l.endedAt ?? l.startedAt, provenance: l.provenance })),
    ...p.molecularReports.map((r) => ({ what: `report ${r.panel}`, date: r.reportedAt, provenance: r.provenance })),
    ...p.documents.map((d) => ({ what: `document ${d.kind}`, date: d.authoredAt, provenance: d.provenance })),
    ...p.participations.map((t) => ({ what: `participation ${t.protocolNumber}`, date: t.since, provenance: t.provenance })),
  ];
}

describe('determinism', () => {
  it('gives byte-identical cohorts for the same seed', () => {
    const a = cohort(300, 7);
    const b = cohort(300, 7);
    expect(b).toEqual(a);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('gives a different cohort for a different seed', () => {
    const a = cohort(50, 7);
    const b = cohort(50, 8);
    expect(JSON.stringify(b)).not.toBe(JSON.stringify(a));
    expect(a.filter((p, i) => JSON.stringify(p) === JSON.stringify(b[i])).length).toBe(0);
    // Pseudonyms follow the index, not the seed.
    expect(b.map((p) => p.pseudonym)).toEqual(a.map((p) => p.pseudonym));
  });

  it('makes patient i the same whatever the cohort size or slice', () => {
    const small = cohort(40, 11);
    const large = cohort(400, 11);
    expect(large.slice(0, 40)).toEqual(small);
    expect(cohort(10, 11, 30)).toEqual(small.slice(30, 40));
    expect(generatePatient(37, 11, REF)).toEqual(small[37]);
    expect(generatePatient(37, 11, REF, tree)).toEqual(small[37]);
    expect(pseudonymFor(37)).toBe('CTM-000037');
  });

  it('streams lazily', () => {
    const it = generateCohort({ patients: 1_000_000, seed: 1, referenceDate: REF });
    const first = it.next();
    expect(first.done).toBe(false);
    expect(first.value?.pseudonym).toBe('CTM-000000');
  });

  it('rejects bad arguments', () => {
    expect(() => generatePatient(0, 1, 'yesterday')).toThrow(/referenceDate/);
    expect(() => generatePatient(-1, 1, REF)).toThrow(/index/);
    expect(() => [...generateCohort({ patients: 1.5, seed: 1, referenceDate: REF })]).toThrow(/patients/);
  });

  it('checks its codes against a tree that lacks one, naming the closest', () => {
    const lines = readFileSync(new URL(`../../../${ONCOTREE_DATA_PATH}`, import.meta.url), 'utf8').split('\n');
    const withoutPanet = parseOncoTreeTsv(lines.filter((l) => !l.startsWith('PANET\t')).join('\n'));
    expect(() => generatePatient(0, 1, REF, withoutPanet as OncoTree)).toThrow(UnknownOncoTreeCodeError);
    expect(() => generatePatient(0, 1, REF, withoutPanet)).toThrow(/unknown OncoTree code PANET — did you mean/);
  });
});

describe('realism invariants (3,000 patients)', () => {
  const patients = cohort(3000, 2024);
  const protocols = new Set(TRIAL_CATALOGUE.map((t) => t.protocolNumber));
  const loincCodes = new Set(LOINC_LABS.map((l) => l.code));

  it('never contradicts sex and anatomy', () => {
    for (const p of patients) {
      const primary = p.conditions.find((c) => c.kind === 'primary')!;
      const tissue = tree.tissue(primary.oncotreeCode);
      if (tissue === 'OVARY' || tissue === 'UTERUS' || tissue === 'CERVIX' || tissue === 'VULVA') expect(p.sex, p.pseudonym).toBe('female');
      if (tissue === 'PROSTATE' || tissue === 'TESTIS' || tissue === 'PENIS') expect(p.sex, p.pseudonym).toBe('male');
      expect((p.sex === 'male' ? MALE_GIVEN_NAMES : FEMALE_GIVEN_NAMES).includes(p.identity.givenName), p.pseudonym).toBe(true);
    }
  });

  it('uses only valid OncoTree codes, one primary per patient, sites on secondaries', () => {
    for (const p of patients) {
      expect(p.conditions.filter((c) => c.kind === 'primary')).toHaveLength(1);
      const primary = p.conditions.find((c) => c.kind === 'primary')!;
      for (const c of p.conditions) {
        expect(tree.has(c.oncotreeCode), c.oncotreeCode).toBe(true);
        if (c.kind === 'secondary') {
          expect(c.bodySite).toBeTruthy();
          expect(c.diagnosedAt >= primary.diagnosedAt).toBe(true);
        }
      }
      if (primary.tnm) expect(tree.solidOrLiquid(primary.oncotreeCode)).toBe('solid');
    }
  });

  it('refers only to catalogue trials, and enrols only patients whose reports show the biomarker', () => {
    // Labels a report shows in their plain forms ("KRAS p.G12C", "ERBB2 amplification", "MSI-H").
    const CLASS_WORD = {
      mutation: 'mutation',
      amplification: 'amplification',
      deletion: 'deletion',
      fusion: 'fusion',
      structural_variant: 'rearrangement',
    } as const;
    const shown = (p: PatientRecord): Set<string> =>
      new Set(
        p.molecularReports.flatMap((r) => [
          ...r.alterations.flatMap((a) => [`${a.gene} ${a.hgvsProtein ?? ''}`.trim(), `${a.gene} ${CLASS_WORD[a.alterationClass]}`]),
          ...(r.msi === 'MSI-H' ? ['MSI-H'] : []),
        ]),
      );
    const plain = /^([A-Z0-9]+ (p\.\S+|mutation|amplification|deletion|fusion)|MSI-H)$/;
    let checked = 0;
    for (const p of patients) {
      for (const t of p.participations) {
        expect(protocols.has(t.protocolNumber), t.protocolNumber).toBe(true);
        const trial = TRIAL_CATALOGUE.find((x) => x.protocolNumber === t.protocolNumber)!;
        const active = t.status === 'enrolled' || t.status === 'on-treatment' || t.status === 'follow-up';
        if (active && trial.biomarkers.length > 0 && trial.biomarkers.every((b) => plain.test(b))) {
          checked++;
          const s = shown(p);
          expect(
            trial.biomarkers.some((b) => s.has(b)),
            `${p.pseudonym} in ${trial.protocolNumber} (${trial.biomarkers.join(', ')})`,
          ).toBe(true);
        }
      }
      if (p.vitalStatus === 'deceased') {
        for (const t of p.participations) expect(['screen-failure', 'off-study']).toContain(t.status);
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('dates every fact with provenance, observed <= recorded <= reference date', () => {
    // Collected, then asserted once: a million expect() calls would dominate the suite's time.
    const problems: string[] = [];
    let n = 0;
    for (const p of patients) {
      for (const f of facts(p)) {
        n++;
        const pr = f.provenance;
        const observed = Date.parse(pr.observedAt);
        const recorded = Date.parse(pr.recordedAt);
        if (pr.source !== 'seed:2024' || pr.recordedBy !== 'system')
          problems.push(`${p.pseudonym} ${f.what}: provenance ${pr.source}/${pr.recordedBy}`);
        if (pr.observedAt !== f.date)
          problems.push(`${p.pseudonym} ${f.what}: observedAt ${pr.observedAt} is not the fact's date ${f.date}`);
        if (!(observed <= recorded)) problems.push(`${p.pseudonym} ${f.what}: observed ${pr.observedAt} after recorded ${pr.recordedAt}`);
        if (!(recorded <= REF_MS)) problems.push(`${p.pseudonym} ${f.what}: recorded ${pr.recordedAt} after ${REF}`);
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
    expect(n).toBeGreaterThan(3000 * 20);
  });

  it('orders therapy lines in time, each starting after the previous one ended', () => {
    for (const p of patients) {
      const primary = p.conditions.find((c) => c.kind === 'primary')!;
      expect(p.therapyLines.length).toBeLessThanOrEqual(4);
      p.therapyLines.forEach((l, i) => {
        expect(l.lineNumber).toBe(i + 1);
        expect(l.startedAt >= primary.diagnosedAt, p.pseudonym).toBe(true);
        if (l.endedAt) expect(l.endedAt >= l.startedAt).toBe(true);
        if (l.stopReason) expect(l.endedAt).toBeDefined();
        expect(l.drugs.length).toBeGreaterThan(0);
        const prev = p.therapyLines[i - 1];
        if (prev) {
          expect(prev.endedAt, `${p.pseudonym} line ${i} must have ended`).toBeDefined();
          expect(l.startedAt > prev.endedAt!, p.pseudonym).toBe(true);
        }
      });
      const last = p.therapyLines[p.therapyLines.length - 1];
      if (last && p.vitalStatus === 'deceased') expect(last.endedAt).toBeDefined();
    }
  });

  it('gives consistent identities and plausible ages', () => {
    const hospitalNumbers = new Set<string>();
    for (const p of patients) {
      // The generator always knows the year (only imported patients may lack one).
      expect(p.birthYear).not.toBeNull();
      expect(Number(p.identity.birthDate.slice(0, 4))).toBe(p.birthYear);
      expect(p.identity.hospitalNumber).toMatch(/^\d{9}$/);
      hospitalNumbers.add(p.identity.hospitalNumber);
      const diagnosisAge = Number(p.conditions[0]!.diagnosedAt.slice(0, 4)) - p.birthYear!;
      expect(diagnosisAge).toBeGreaterThanOrEqual(17);
    }
    expect(hospitalNumbers.size).toBe(patients.length);
    const ages = patients.map((p) => 2025 - p.birthYear!);
    expect(ages.filter((a) => a >= 35 && a <= 85).length / ages.length).toBeGreaterThan(0.85);
  });

  it('reports genomics in HGVS with sane numbers', () => {
    for (const p of patients) {
      for (const r of p.molecularReports) {
        if (r.tumourFraction !== undefined) {
          expect(r.specimen).toBe('ctdna');
          expect(r.tumourFraction).toBeGreaterThan(0);
          expect(r.tumourFraction).toBeLessThanOrEqual(0.9);
        }
        for (const a of r.alterations) {
          if (a.hgvsProtein) expect(a.hgvsProtein).toMatch(/^p\.[A-Z*]/);
          if (a.hgvsCdna) expect(a.hgvsCdna).toMatch(/^c\.[-\d]/);
          if (a.vaf !== undefined) expect(a.vaf > 0 && a.vaf <= 1).toBe(true);
          if (a.alterationClass === 'amplification') expect(a.copyNumber).toBeGreaterThanOrEqual(4);
          if (a.alterationClass === 'fusion') expect(a.fusionPartner).toBeTruthy();
        }
      }
    }
  });

  it('only finds acquired resistance after the drug that selects it', () => {
    for (const p of patients) {
      for (const r of p.molecularReports) {
        const before = p.therapyLines.filter((l) => l.startedAt < r.reportedAt).flatMap((l) => l.drugs.map((d) => d.drugClass));
        for (const a of r.alterations) {
          if (a.gene === 'EGFR' && (a.hgvsProtein === 'p.T790M' || a.hgvsProtein === 'p.C797S')) expect(before).toContain('EGFR TKI');
          if (a.gene === 'ESR1') expect(before).toContain('aromatase inhibitor');
          if (a.gene === 'AR') expect(before.some((c) => c === 'AR inhibitor' || c === 'androgen synthesis inhibitor')).toBe(true);
          if (a.gene === 'ALK' && a.hgvsProtein === 'p.G1202R') expect(before).toContain('ALK TKI');
        }
      }
    }
  });

  it('keeps labs coded, finite and flagged against a reference range', () => {
    for (const p of patients.slice(0, 500)) {
      for (const l of p.labs) {
        expect(loincCodes.has(l.loinc), l.loinc).toBe(true);
        expect(Number.isFinite(l.value) && l.value >= 0).toBe(true);
        expect(l.upperLimitOfNormal !== undefined || l.lowerLimitOfNormal !== undefined).toBe(true);
      }
      for (const e of p.performance) expect(e.ecog).toBeLessThanOrEqual(4);
    }
  });

  it('lets about 40% of patients take part in a study (DOMAIN.md)', () => {
    const share = patients.filter((p) => p.participations.length > 0).length / patients.length;
    expect(share).toBeGreaterThan(0.35);
    expect(share).toBeLessThan(0.45);
    const deceased = patients.filter((p) => p.vitalStatus === 'deceased').length / patients.length;
    expect(deceased).toBeGreaterThan(0.05);
    expect(deceased).toBeLessThan(0.3);
  });
});

describe('statistics against the cited tables (20,000 patients)', () => {
  const N = 20_000;
  const counts = new Map<string, number>();
  let luadTissue = 0;
  let luadG12c = 0;
  let breast = 0;
  let maleBreast = 0;
  let ctdnaReports = 0;
  for (const p of generateCohort({ patients: N, seed: 99, referenceDate: REF })) {
    const code = p.conditions.find((c) => c.kind === 'primary')!.oncotreeCode;
    counts.set(code, (counts.get(code) ?? 0) + 1);
    if (code === 'IDC' || code === 'ILC') {
      breast++;
      if (p.sex === 'male') maleBreast++;
    }
    ctdnaReports += p.molecularReports.filter((r) => r.specimen === 'ctdna').length;
    if (code === 'LUAD') {
      const tissue = p.molecularReports.find((r) => r.specimen === 'tissue');
      if (tissue) {
        luadTissue++;
        if (tissue.alterations.some((a) => a.gene === 'KRAS' && a.hgvsProtein === 'p.G12C')) luadG12c++;
      }
    }
  }

  it('reproduces the tumour-type mix within 4 standard errors', () => {
    const total = TUMOUR_TYPES.reduce((s, t) => s + t.weight, 0);
    expect(total).toBeCloseTo(100, 6);
    for (const t of TUMOUR_TYPES) {
      const expected = t.weight / total;
      const observed = (counts.get(t.code) ?? 0) / N;
      const se = Math.sqrt((expected * (1 - expected)) / N);
      expect(Math.abs(observed - expected), `${t.code}: ${observed} vs ${expected}`).toBeLessThan(4 * se + 0.0005);
    }
  });

  it('reproduces the KRAS p.G12C prevalence of the LUAD table', () => {
    const luad = TUMOUR_TYPES.find((t) => t.code === 'LUAD')!;
    const expected = luad.alterations.flatMap((g) => g).find(([a]) => a === ALT.KRAS_G12C)![1];
    expect(expected).toBe(0.13);
    expect(luadTissue).toBeGreaterThan(1500);
    const observed = luadG12c / luadTissue;
    const se = Math.sqrt((expected * (1 - expected)) / luadTissue);
    expect(Math.abs(observed - expected)).toBeLessThan(4 * se);
  });

  it('makes about 1% of breast cancer patients men', () => {
    expect(maleBreast / breast).toBeGreaterThan(0.003);
    expect(maleBreast / breast).toBeLessThan(0.02);
  });

  it('gives most solid-tumour patients ctDNA reports', () => {
    expect(ctdnaReports / N).toBeGreaterThan(0.5);
  });
});

describe('frequency tables', () => {
  it('name each tumour type with its true OncoTree lineage', () => {
    for (const t of TUMOUR_TYPES) {
      expect(t.lineage[0]).toBe(t.code);
      t.lineage.forEach((code, i) => {
        const next = t.lineage[i + 1];
        if (next) expect(tree.parent(code), `${t.code}: parent of ${code}`).toBe(next);
        else expect(tree.tissue(code)).toBe(code);
      });
      expect(t.liquid).toBe(tree.solidOrLiquid(t.code) === 'liquid');
    }
  });

  it('keep each alteration group a probability distribution', () => {
    for (const t of TUMOUR_TYPES) {
      for (const g of t.alterations) {
        const sum = g.reduce((s, [, p]) => s + p, 0);
        expect(sum, t.code).toBeLessThanOrEqual(1);
        for (const [, p] of g) expect(p).toBeGreaterThan(0);
      }
      if (['OVARY', 'UTERUS', 'CERVIX'].includes(tree.tissue(t.code)!)) expect(t.maleShare).toBe(0);
      if (['PROSTATE', 'TESTIS'].includes(tree.tissue(t.code)!)) expect(t.maleShare).toBe(1);
    }
  });

  it('keep glioblastoma IDH-wildtype', () => {
    const gb = TUMOUR_TYPES.find((t) => t.code === 'GB')!;
    const genes = gb.alterations.flatMap((g) => g.flatMap(([a]) => (Array.isArray(a) ? a : [a]).map((s) => s.gene)));
    expect(genes).not.toContain('IDH1');
    expect(genes).not.toContain('IDH2');
  });
});
