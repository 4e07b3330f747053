/**
 * The genomic timeline (samples, VAF series with coverage states, lines of therapy, baseline vs
 * progression per line) and the resistance atlas, on reference cases of acquired resistance.
 * Each classification cites the row of data/genomics/acquired_resistance_reference.tsv (by file
 * line) and, where CIViC 2021-08-01 records the resistance, its evidence id.
 */
import { describe, expect, it } from 'vitest';
import { DRUGS } from '../../src/cohort/regimens';
import { generateCohort } from '../../src/cohort/generate';
import {
  GENOMICS_DATA_PATHS,
  alterationIdentity,
  alterationLabel,
  buildGenomicTimeline,
  buildResistanceAtlas,
  caseKey,
  principalDrug,
  queryFromAlteration,
  resistanceCasesOf,
  timelineInputFromRecord,
  type GenomicTimelineInput,
  type ResistanceCase,
  type TimelineAlteration,
  type TimelineLineInput,
  type TimelineSampleInput,
} from '../../src/genomics';
import { repoFile, shippedKnowledge } from './helpers';

const { kb, resistance } = shippedKnowledge();
const options = { reference: resistance, kb };

/** The file line of the reference row whose resistance_alteration column starts with `text` (header lines count). */
function referenceLine(text: string): number {
  const lines = repoFile(GENOMICS_DATA_PATHS.resistance).split('\n');
  const i = lines.findIndex((l) => l.split('\t')[3]?.startsWith(text));
  if (i < 0) throw new Error(`no reference row for ${text}`);
  return i + 1;
}

let nextId = 0;
const alt = (a: Omit<TimelineAlteration, 'id'>): TimelineAlteration => ({ ...a, id: `alt${nextId++}` });
const mut = (gene: string, hgvsProtein: string | undefined, vaf: number) =>
  alt({ gene, alterationClass: 'mutation', ...(hgvsProtein ? { hgvsProtein } : {}), vaf });
const amp = (gene: string, copyNumber: number) => alt({ gene, alterationClass: 'amplification', copyNumber });
const sample = (
  id: string,
  specimen: 'tissue' | 'ctdna',
  reportedAt: string,
  alterations: TimelineAlteration[],
  tumourFraction?: number,
): TimelineSampleInput => ({
  id,
  specimen,
  reportedAt,
  panel: specimen === 'ctdna' ? 'FoundationOne Liquid CDx (324 genes)' : 'In-house tissue NGS panel v2 (DNA + RNA fusions)',
  ...(tumourFraction !== undefined ? { tumourFraction } : {}),
  alterations,
});
const line = (
  id: string,
  lineNumber: number,
  drugs: TimelineLineInput['drugs'],
  startedAt: string,
  endedAt?: string,
): TimelineLineInput => ({
  id,
  lineNumber,
  setting: 'metastatic',
  drugs,
  startedAt,
  ...(endedAt ? { endedAt, stopReason: 'progression' } : {}),
});

describe('EGFR T790M after a first-generation EGFR TKI (Kobayashi et al., N Engl J Med 2005;352:786)', () => {
  const input: GenomicTimelineInput = {
    tumourType: 'LUAD',
    samples: [
      // Given out of order on purpose: the timeline orders them.
      sample('prog', 'ctdna', '2024-03-05', [mut('EGFR', 'p.L858R', 0.08), mut('EGFR', 'p.Thr790Met', 0.031)], 0.12),
      sample('tissue0', 'tissue', '2023-01-10', [mut('EGFR', 'p.L858R', 0.41)]),
      sample('plasma0', 'ctdna', '2023-01-20', [mut('EGFR', 'p.L858R', 0.05)], 0.1),
      sample('ontx', 'ctdna', '2023-06-01', [], 0.004),
    ],
    lines: [line('erlotinib', 1, [DRUGS.erlotinib], '2023-02-01', '2024-03-01')],
  };
  const timeline = buildGenomicTimeline(input, options);

  it('orders the samples by date and marks the low-tumour-fraction plasma sample uninformative', () => {
    expect(timeline.samples.map((s) => s.id)).toEqual(['tissue0', 'plasma0', 'ontx', 'prog']);
    // 0.4 % < 1 % (panels.ts DEFAULT_MIN_TUMOUR_FRACTION): a negative there means nothing.
    expect(timeline.samples.map((s) => s.informative)).toEqual([true, true, false, true]);
    expect(timeline.samples.every((s) => !s.panelKnown)).toBe(true);
  });

  it('gives every alteration a point in every sample: detected with its VAF, not detected, or uninformative', () => {
    const l858r = timeline.series.find((s) => s.label === 'EGFR p.L858R')!;
    expect(l858r.points.map((p) => [p.state, p.vaf])).toEqual([
      ['detected', 0.41],
      ['detected', 0.05],
      ['uninformative_low_tumour_fraction', undefined],
      ['detected', 0.08],
    ]);
    // One- and three-letter forms are the same alteration.
    const t790m = timeline.series.find((s) => s.gene === 'EGFR' && s.label.includes('T790M'))!;
    expect(t790m.label).toBe('EGFR p.T790M');
    expect(t790m.points.map((p) => p.state)).toEqual(['not_detected', 'not_detected', 'uninformative_low_tumour_fraction', 'detected']);
    expect(t790m.points.every((p) => p.coverageAssumed || p.state === 'detected')).toBe(true);
    expect(timeline.series.map((s) => s.detectedIn)).toEqual([3, 1]);
  });

  it('shows the line as an interval with its drug class and target', () => {
    expect(timeline.lines).toEqual([
      expect.objectContaining({
        id: 'erlotinib',
        label: 'erlotinib',
        drugClass: 'EGFR TKI',
        target: 'EGFR',
        startedAt: '2023-02-01',
        endedAt: '2024-03-01',
      }),
    ]);
  });

  it('finds T790M acquired at progression: on-target (reference row), CIViC EID238 (level A, erlotinib), needs review', () => {
    expect(timeline.comparisons).toHaveLength(1);
    const c = timeline.comparisons[0]!;
    // Baseline: the last sample before the line (within its 30-day grace); progression: the sample at its end.
    expect(c).toMatchObject({ baselineSampleId: 'plasma0', progressionSampleIds: ['prog'], persistent: 1, lost: [] });
    expect(c.acquired).toHaveLength(1);
    const a = c.acquired[0]!;
    expect(a).toMatchObject({
      label: 'EGFR p.T790M',
      mechanism: 'on_target',
      mechanismClass: 'on_target_secondary',
      mechanismSource: 'reference',
      baselineState: 'not_detected',
      baselineInformative: true,
      vaf: 0.031,
      status: 'needs review',
      attribution: { lineId: 'erlotinib', drugClass: 'EGFR TKI', target: 'EGFR' },
    });
    expect(a.attribution.drug?.name).toBe('erlotinib');
    expect(a.calls.map((x) => x.referenceLine)).toEqual([referenceLine('EGFR T790M')]);
    expect(a.calls[0]!.drugOrClass).toMatch(/1st\/2nd-gen EGFR TKI/);
    // CIViC EID238: EGFR T790M, resistance to erlotinib in NSCLC, level A.
    expect(a.civic.find((e) => e.id === 'EID238')).toMatchObject({ level: 'A', therapies: ['Erlotinib'], relation: 'same' });
    expect(a.civic.every((e) => e.therapies.some((t) => ['erlotinib'].includes(t.toLowerCase())))).toBe(true);
  });
});

describe('after osimertinib: MET amplification (bypass) on tissue, EGFR C797S (on-target) in plasma', () => {
  const input: GenomicTimelineInput = {
    tumourType: 'LUAD',
    samples: [
      sample('dx', 'tissue', '2022-05-02', [alt({ gene: 'EGFR', alterationClass: 'mutation', hgvsProtein: 'p.E746_A750del', vaf: 0.38 })]),
      sample('p1', 'ctdna', '2024-01-08', [mut('EGFR', 'p.E746_A750del', 0.06), mut('EGFR', 'p.C797S', 0.012)], 0.09),
      sample('bx', 'tissue', '2024-01-30', [mut('EGFR', 'p.E746_A750del', 0.3), amp('MET', 14)]),
    ],
    lines: [
      line('osi', 1, [DRUGS.osimertinib], '2022-05-20', '2024-01-05'),
      line('chemo', 2, [DRUGS.carboplatin, DRUGS.pemetrexed], '2024-01-15'),
    ],
  };
  const timeline = buildGenomicTimeline(input, options);

  it('takes every sample of the progression window (the plasma sample and the re-biopsy) into the comparison', () => {
    const c = timeline.comparisons.find((x) => x.lineId === 'osi')!;
    expect(c.baselineSampleId).toBe('dx');
    expect(c.progressionSampleIds).toEqual(['p1', 'bx']);
    // The ongoing second line is an interval without an end and is not compared.
    expect(timeline.comparisons).toHaveLength(1);
    expect(timeline.lines[1]).not.toHaveProperty('endedAt');
  });

  it('MET amplification → bypass (reference row "EGFR TKI · MET amplification · bypass_rtk")', () => {
    const met = timeline.comparisons[0]!.acquired.find((a) => a.gene === 'MET')!;
    expect(met).toMatchObject({
      mechanism: 'bypass',
      mechanismClass: 'bypass_rtk',
      copyNumber: 14,
      sampleIds: ['bx'],
      status: 'needs review',
    });
    expect(met.calls.map((x) => x.referenceLine)).toContain(referenceLine('MET amplification'));
    expect(met.attribution).toMatchObject({ lineId: 'osi', drugClass: 'EGFR TKI', target: 'EGFR' });
  });

  it('EGFR C797S → on-target (reference row "Osimertinib (3rd-gen) · EGFR C797S"; CIViC EID964, level B, osimertinib)', () => {
    const c797s = timeline.comparisons[0]!.acquired.find((a) => a.label === 'EGFR p.C797S')!;
    expect(c797s).toMatchObject({ mechanism: 'on_target', mechanismClass: 'on_target_secondary', sampleIds: ['p1'] });
    expect(c797s.calls.map((x) => x.referenceLine)).toContain(referenceLine('EGFR C797S'));
    expect(c797s.civic.map((e) => e.id)).toContain('EID964');
  });
});

describe('ESR1 D538G after an aromatase inhibitor (Schiavon et al., Sci Transl Med 2015;7:313ra182)', () => {
  const input: GenomicTimelineInput = {
    tumourType: 'IDC',
    samples: [
      sample('base', 'ctdna', '2021-03-01', [mut('PIK3CA', 'p.H1047R', 0.04)], 0.06),
      sample('prog', 'ctdna', '2023-09-12', [mut('PIK3CA', 'p.H1047R', 0.09), mut('ESR1', 'p.D538G', 0.02)], 0.11),
    ],
    lines: [line('ai', 1, [DRUGS.letrozole, DRUGS.palbociclib], '2021-03-10', '2023-09-01')],
  };

  it('is on-target, read as resistance to letrozole (the aromatase inhibitor of the combination)', () => {
    const [a] = buildGenomicTimeline(input, options).comparisons[0]!.acquired;
    expect(a).toMatchObject({ label: 'ESR1 p.D538G', mechanism: 'on_target', mechanismClass: 'on_target_secondary' });
    expect(a!.calls[0]!.referenceLine).toBe(referenceLine('ESR1 Y537S/N/C, D538G'));
    expect(a!.calls[0]!.drugOrClass).toBe('Aromatase inhibitors');
    expect(a!.attribution).toMatchObject({ drugClass: 'aromatase inhibitor', target: 'aromatase (CYP19A1)' });
    expect(a!.attribution.drug?.name).toBe('letrozole');
  });
});

describe('BRCA2 reversion after a PARP inhibitor (Edwards et al., Nature 2008;451:1111; Sakai et al., Nature 2008;451:1116)', () => {
  const timelineWith = (baseline: TimelineAlteration[]) =>
    buildGenomicTimeline(
      {
        tumourType: 'HGSOC',
        samples: [
          sample('base', 'tissue', '2022-01-05', baseline),
          sample('prog', 'ctdna', '2023-04-20', [mut('TP53', 'p.R248Q', 0.2), mut('BRCA2', 'p.S1982_A1984delinsR', 0.05)], 0.25),
        ],
        lines: [line('parp', 1, [DRUGS.olaparib], '2022-02-01', '2023-04-15')],
      },
      options,
    ).comparisons[0]!.acquired.find((a) => a.gene === 'BRCA2')!;

  it('is a reversion when the baseline carried the BRCA2 frameshift it restores', () => {
    const a = timelineWith([mut('TP53', 'p.R248Q', 0.6), mut('BRCA2', 'p.S1982Rfs*22', 0.55)]);
    expect(a).toMatchObject({ mechanism: 'reversion', mechanismClass: 'reversion_restoration', status: 'needs review' });
    expect(a.calls[0]!.referenceLine).toBe(referenceLine('BRCA2 reversion'));
    expect(a.attribution).toMatchObject({ drugClass: 'PARP inhibitor', target: 'PARP1/2' });
  });

  it('is not a reversion without a BRCA2 defect before the PARP inhibitor', () => {
    const a = timelineWith([mut('TP53', 'p.R248Q', 0.6)]);
    expect(a.mechanism).toBe('unclassified');
    expect(a.calls).toEqual([]);
  });
});

describe('what "absent" may mean', () => {
  it('calls a baseline finding lost only on an informative negative, with a caveat for plasma copy number', () => {
    const base = () => [mut('KRAS', 'p.G12C', 0.2), amp('MET', 9)];
    const build = (tf: number) =>
      buildGenomicTimeline(
        {
          samples: [sample('b', 'tissue', '2022-01-01', base()), sample('p', 'ctdna', '2022-09-01', [], tf)],
          lines: [line('l1', 1, [DRUGS.sotorasib], '2022-01-10', '2022-08-25')],
        },
        options,
      ).comparisons[0]!;
    const informative = build(0.05);
    expect(informative.lost.map((l) => [l.label, l.caveat !== undefined])).toEqual([
      ['KRAS p.G12C', false],
      ['MET amplification', true],
    ]);
    expect(build(0.005).lost).toEqual([]);
  });

  it('keeps a finding no earlier sample could have seen out of the atlas (baseline uninformative)', () => {
    const timeline = buildGenomicTimeline(
      {
        samples: [sample('b', 'ctdna', '2022-01-01', [], 0.003), sample('p', 'ctdna', '2022-09-01', [mut('EGFR', 'p.T790M', 0.02)], 0.05)],
        lines: [line('l1', 1, [DRUGS.gefitinib], '2022-01-10', '2022-08-25')],
      },
      options,
    );
    const a = timeline.comparisons[0]!.acquired[0]!;
    expect(a).toMatchObject({ baselineState: 'uninformative_low_tumour_fraction', baselineInformative: false, mechanism: 'on_target' });
    expect(resistanceCasesOf({ id: 'p', pseudonym: 'P' }, timeline)).toEqual([]);
  });

  it('says "not covered" when a known panel does not study the gene', () => {
    const timeline = buildGenomicTimeline(
      {
        samples: [
          sample('b', 'tissue', '2022-01-01', [mut('KRAS', 'p.G12C', 0.2)]),
          sample('p', 'ctdna', '2022-09-01', [mut('NRAS', 'p.Q61K', 0.01)], 0.05),
        ],
        lines: [line('l1', 1, [DRUGS.sotorasib], '2022-01-10', '2022-08-25')],
      },
      { ...options, panels: (name) => (name.startsWith('In-house') ? { name, genes: ['KRAS', 'EGFR'], specimen: 'tissue' } : undefined) },
    );
    const nras = timeline.series.find((s) => s.gene === 'NRAS')!;
    expect(nras.points.map((p) => [p.state, p.coverageAssumed])).toEqual([
      ['not_covered', false],
      ['detected', false],
    ]);
    // Nothing informative before: acquired, but not known to be.
    expect(timeline.comparisons[0]!.acquired[0]).toMatchObject({ baselineState: 'not_covered', baselineInformative: false });
  });

  it('notes a line with no sample before it instead of calling everything acquired', () => {
    const c = buildGenomicTimeline(
      {
        samples: [sample('p', 'ctdna', '2022-09-01', [mut('EGFR', 'p.T790M', 0.02)], 0.05)],
        lines: [line('l1', 1, [DRUGS.gefitinib], '2022-01-10', '2022-08-25')],
      },
      options,
    ).comparisons[0]!;
    expect(c).toMatchObject({ baselineSampleId: null, acquired: [], note: expect.stringMatching(/no sample before/) });
  });

  it('flags a plasma DNMT3A R882H as possible clonal haematopoiesis and infers no mechanism for it', () => {
    const timeline = buildGenomicTimeline(
      {
        tumourType: 'SKCM',
        samples: [
          sample('b', 'tissue', '2022-01-01', [mut('BRAF', 'p.V600E', 0.3)]),
          sample('p', 'ctdna', '2022-09-01', [mut('DNMT3A', 'p.R882H', 0.012)], 0.05),
        ],
        lines: [line('l1', 1, [DRUGS.pembrolizumab], '2022-01-10', '2022-08-25')],
      },
      options,
    );
    const a = timeline.comparisons[0]!.acquired[0]!;
    expect(a.flags.map((f) => f.kind)).toEqual(['possible_clonal_haematopoiesis']);
    expect(a.mechanism).toBe('unclassified');
    const atlas = buildResistanceAtlas(resistanceCasesOf({ id: 'p', pseudonym: 'P', tumourType: 'SKCM' }, timeline));
    expect(atlas.cells.map((c) => c.mechanism)).toEqual(['possible_clonal_haematopoiesis']);
  });
});

describe('stored alterations as queries', () => {
  it('normalises protein notation for identity and labels', () => {
    const a = { gene: 'EGFR', alterationClass: 'mutation' as const, hgvsProtein: 'p.Thr790Met' };
    expect(alterationIdentity(a)).toBe(alterationIdentity({ ...a, hgvsProtein: 'p.T790M' }));
    expect(alterationLabel(a)).toBe('EGFR p.T790M');
    expect(alterationLabel({ gene: 'EML4', alterationClass: 'fusion', fusionPartner: 'ALK' })).toBe('EML4–ALK fusion');
    expect(queryFromAlteration(a)).toMatchObject({ gene: 'EGFR', kind: 'mutation', effect: 'missense' });
    expect(queryFromAlteration({ gene: 'BRCA2', alterationClass: 'mutation', hgvsProtein: 'p.S1982Rfs*22' }).effect).toBe('frameshift');
  });

  it("picks the targeted drug of a combination as the line's principal drug", () => {
    expect(principalDrug([DRUGS.letrozole, DRUGS.palbociclib])?.name).toBe('letrozole');
    expect(principalDrug([DRUGS.fluorouracil, DRUGS.leucovorin, DRUGS.oxaliplatin, DRUGS.panitumumab])?.name).toBe('panitumumab');
    expect(principalDrug([DRUGS.leuprorelin, DRUGS.enzalutamide])?.name).toBe('enzalutamide');
    expect(principalDrug([DRUGS.leuprorelin])?.name).toBe('leuprorelin');
    expect(principalDrug([DRUGS.fluorouracil, DRUGS.leucovorin, DRUGS.irinotecan])?.name).toBe('fluorouracil');
  });
});

describe('resistance atlas', () => {
  const patient = (id: string, tumourType: string, samples: TimelineSampleInput[], lines: TimelineLineInput[]): ResistanceCase[] =>
    resistanceCasesOf({ id, pseudonym: `P-${id}`, tumourType }, buildGenomicTimeline({ tumourType, samples, lines }, options));
  const cases = [
    ...patient(
      'a',
      'LUAD',
      [
        sample('a0', 'tissue', '2020-01-01', [mut('EGFR', 'p.L858R', 0.4)]),
        sample('a1', 'ctdna', '2021-01-05', [mut('EGFR', 'p.L858R', 0.1), mut('EGFR', 'p.T790M', 0.02)], 0.2),
      ],
      [line('a-l1', 1, [DRUGS.gefitinib], '2020-01-10', '2021-01-01')],
    ),
    ...patient(
      'b',
      'LUAD',
      [
        sample('b0', 'tissue', '2020-01-01', [mut('EGFR', 'p.L858R', 0.4)]),
        sample('b1', 'ctdna', '2021-01-05', [mut('EGFR', 'p.T790M', 0.03), amp('MET', 11)], 0.3),
      ],
      [line('b-l1', 1, [DRUGS.erlotinib], '2020-01-10', '2021-01-01')],
    ),
    ...patient(
      'c',
      'IDC',
      [
        sample('c0', 'ctdna', '2020-01-01', [mut('PIK3CA', 'p.E545K', 0.05)], 0.05),
        sample('c1', 'ctdna', '2021-01-05', [mut('ESR1', 'p.Y537S', 0.02)], 0.05),
      ],
      [line('c-l1', 1, [DRUGS.letrozole, DRUGS.ribociclib], '2020-01-10', '2021-01-01')],
    ),
  ];

  it('counts by drug class × target × mechanism, and every count is the number of its cases', () => {
    const atlas = buildResistanceAtlas(cases);
    expect(atlas.rows.map((r) => [r.drugClass, r.target, r.counts.on_target, r.counts.bypass, r.total, r.patients])).toEqual([
      ['EGFR TKI', 'EGFR', 2, 1, 3, 2],
      ['aromatase inhibitor', 'aromatase (CYP19A1)', 1, 0, 1, 1],
    ]);
    expect(atlas.total).toBe(4);
    expect(atlas.cells.reduce((n, c) => n + c.count, 0)).toBe(atlas.total);
    const byKey = new Map(atlas.cases.map((c) => [c.key, c]));
    for (const cell of atlas.cells) {
      expect(cell.caseKeys).toHaveLength(cell.count);
      for (const k of cell.caseKeys) expect(byKey.get(k)).toMatchObject({ drugClass: cell.drugClass, target: cell.target });
    }
    const met = atlas.cases.find((c) => c.gene === 'MET')!;
    expect(met).toMatchObject({
      pseudonym: 'P-b',
      suggestedMechanism: 'bypass',
      baselineSampleId: 'b0',
      progressionSampleIds: ['b1'],
      progressionDate: '2021-01-05',
    });
    expect(met.key).toBe(caseKey(met.alterationId, 'b-l1'));
  });

  it('filters by drug class, target and mechanism', () => {
    expect(buildResistanceAtlas(cases, { drugClass: 'aromatase inhibitor' }).cases.map((c) => c.alteration)).toEqual(['ESR1 p.Y537S']);
    expect(buildResistanceAtlas(cases, { target: 'EGFR', mechanism: 'bypass' }).cases.map((c) => c.alteration)).toEqual([
      'MET amplification',
    ]);
  });

  it('counts a confirmed case under the confirmed mechanism and keeps rejected ones apart', () => {
    const reviewed = cases.map((c): ResistanceCase => {
      if (c.gene === 'MET') return { ...c, review: { decision: 'rejected', reviewedBy: 'mtb', reviewedAt: '2021-02-01T10:00:00Z' } };
      if (c.pseudonym === 'P-a')
        return { ...c, review: { decision: 'confirmed', mechanism: 'on_target', reviewedBy: 'mtb', reviewedAt: '2021-02-01T10:00:00Z' } };
      if (c.gene === 'ESR1')
        return { ...c, review: { decision: 'confirmed', mechanism: 'bypass', reviewedBy: 'mtb', reviewedAt: '2021-02-01T10:00:00Z' } };
      return c;
    });
    const atlas = buildResistanceAtlas(reviewed);
    expect(atlas).toMatchObject({ total: 3, rejected: 1, confirmed: 2, needsReview: 1 });
    expect(atlas.rows.find((r) => r.drugClass === 'aromatase inhibitor')!.counts).toMatchObject({ on_target: 0, bypass: 1 });
    expect(buildResistanceAtlas(reviewed, { status: 'needs review' }).cases.map((c) => c.pseudonym)).toEqual(['P-b']);
  });
});

describe('on the synthetic cohort (seed 42, reference 2026-11-01 — the demo seed)', () => {
  const records = [...generateCohort({ patients: 300, seed: 42, referenceDate: '2026-11-01' })];
  const timelines = records
    .map((r) => ({ r, input: timelineInputFromRecord(r) }))
    .map(({ r, input }) => ({ r, input, t: buildGenomicTimeline(input, options) }));

  it('has patients with ≥ 3 ctDNA samples whose VAF series have ≥ 3 points', () => {
    const serial = timelines.filter(({ t }) => t.samples.filter((s) => s.specimen === 'ctdna').length >= 3);
    expect(serial.length).toBeGreaterThanOrEqual(10);
    for (const { t } of serial) {
      for (const s of t.series) expect(s.points.length).toBe(t.samples.length);
      // The chart plots VAF; most serial patients have an alteration detected in three plasma samples.
    }
    const plotted = serial.filter(({ t }) =>
      t.series.some((s) => s.points.filter((p) => p.specimen === 'ctdna' && p.vaf !== undefined).length >= 3),
    );
    expect(plotted.length).toBeGreaterThanOrEqual(5);
  });

  it('every atlas count is backed by its cases, each with an informative baseline and a progression sample after it', () => {
    const all = timelines.flatMap(({ r, input, t }) =>
      resistanceCasesOf({ id: r.pseudonym, pseudonym: r.pseudonym, ...(input.tumourType ? { tumourType: input.tumourType } : {}) }, t),
    );
    const atlas = buildResistanceAtlas(all);
    expect(atlas.total).toBe(all.length);
    expect(atlas.total).toBeGreaterThan(5);
    expect(atlas.rows.reduce((n, r) => n + r.total, 0)).toBe(atlas.total);
    for (const c of all) {
      const t = timelines.find(({ r }) => r.pseudonym === c.patientId)!.t;
      const date = (id: string) => t.samples.find((s) => s.id === id)!.reportedAt;
      expect(date(c.baselineSampleId) < c.progressionDate).toBe(true);
      expect(c.progressionSampleIds.length).toBeGreaterThan(0);
    }
  });
});
