import { describe, expect, it } from 'vitest';
import {
  GENOMICS_DATA_PATHS,
  annotate,
  classifyAcquiredAlteration,
  compareSamples,
  flagsFor,
  parsePanelReport,
  parseProteinChange,
  parseResistanceAlterations,
  parseResistanceReference,
  suggestEscat,
  toQueryAlteration,
  type EvidenceItem,
  type QueryAlteration,
} from '../../src/genomics';
import { fixture, repoFile, shippedKnowledge } from './helpers';

const { kb, resistance } = shippedKnowledge();

describe('germline and clonal-haematopoiesis flags', () => {
  const parsed = parsePanelReport(fixture('panel/ctdna_report.json'), 'ctdna_report.json');
  const out = annotate(parsed, { tumourType: 'LUAD', kb });
  const flags = (gene: string, alteration?: string) =>
    out.find((a) => a.gene === gene && (alteration === undefined || a.alteration === alteration))!.flags.map((f) => f.kind);

  it('BRCA2 truncating variants at VAF 0.49 and 0.47 → possible germline, genetic counselling', () => {
    expect(flags('BRCA2', 'p.K3326*')).toEqual(['possible_germline']);
    expect(flags('BRCA2', 'p.S1982Rfs*22')).toEqual(['possible_germline']);
    expect(out.find((a) => a.gene === 'BRCA2')!.flags[0]!.action).toMatch(/genetic counselling/);
  });

  it('DNMT3A R882H and JAK2 V617F in plasma → possible clonal haematopoiesis; TP53 at VAF 0.04 too', () => {
    expect(flags('DNMT3A')).toEqual(['possible_clonal_haematopoiesis']);
    expect(flags('JAK2')).toEqual(['possible_clonal_haematopoiesis']);
    expect(flags('TP53')).toEqual(['possible_clonal_haematopoiesis']);
    expect(flags('KRAS')).toEqual([]);
    expect(flags('STK11')).toEqual([]); // STK11 is a predisposition gene but VAF 0.19 is not germline-like
  });

  it('applies the thresholds: 0.40–0.60 and ≥ 0.90 in predisposition genes; CH only in ctDNA', () => {
    const f = (gene: string, vaf: number, specimen: 'tissue' | 'ctdna' = 'tissue') =>
      flagsFor({ gene, kind: 'mutation', vaf, specimen }).map((x) => x.kind);
    expect(f('BRCA1', 0.4)).toEqual(['possible_germline']);
    expect(f('BRCA1', 0.61)).toEqual([]);
    expect(f('TP53', 0.95)).toEqual(['possible_germline']);
    expect(f('KRAS', 0.5)).toEqual([]);
    expect(f('TET2', 0.02, 'tissue')).toEqual([]);
    expect(f('TET2', 0.02, 'ctdna')).toEqual(['possible_clonal_haematopoiesis']);
    expect(f('TP53', 0.3, 'ctdna')).toEqual([]);
    expect(
      flagsFor({ gene: 'JAK2', kind: 'mutation', specimen: 'ctdna', protein: parseProteinChange('p.V617F') }).map((x) => x.kind),
    ).toEqual(['possible_clonal_haematopoiesis']);
    expect(flagsFor({ gene: 'JAK2', kind: 'mutation', specimen: 'ctdna', protein: parseProteinChange('p.R683G') })).toEqual([]);
    expect(flagsFor({ gene: 'MLH1', kind: 'mutation', origin: 'germline' }).map((x) => x.kind)).toEqual(['reported_germline']);
  });
});

describe('ESCAT suggestion rules', () => {
  const item = (over: Partial<EvidenceItem>): EvidenceItem => ({
    source: 'CIViC',
    version: 'v',
    level: 'B',
    therapies: ['drug'],
    direction: 'sensitivity',
    supports: true,
    citations: [],
    alteration: 'X',
    disease: { name: 'd', relation: 'same' },
    specificity: 5,
    ...over,
  });
  const tier = (items: EvidenceItem[]) => suggestEscat(items).tier;

  it('follows the evidence ladder', () => {
    expect(tier([item({ level: 'approved', trialDesign: 'randomised' })])).toBe('I-A');
    expect(tier([item({ level: 'approved', trialDesign: 'single_arm', randomisedTrial: 'RCT X (PFS)' })])).toBe('I-A');
    expect(tier([item({ level: 'approved', trialDesign: 'single_arm' })])).toBe('I-B');
    expect(tier([item({ level: 'approved', trialDesign: 'basket', disease: { name: 'all', relation: 'pan_cancer' } })])).toBe('I-C');
    expect(tier([item({ level: 'B' })])).toBe('II-B');
    expect(tier([item({ level: 'B', disease: { name: 'd', relation: 'other' } })])).toBe('III-A');
    expect(tier([item({ level: 'D' })])).toBe('IV-A');
    expect(tier([item({ level: 'E' })])).toBe('IV-B');
    expect(tier([])).toBe('X');
  });

  it('ignores resistance, refuting and gene-level CIViC items', () => {
    expect(tier([item({ direction: 'resistance', level: 'A' })])).toBe('X');
    expect(tier([item({ supports: false, level: 'A' })])).toBe('X');
    expect(tier([item({ level: 'A', specificity: 1 })])).toBe('X');
    expect(tier([item({ level: 'D' }), item({ level: 'approved', trialDesign: 'randomised' })])).toBe('I-A');
  });
});

describe('acquired resistance (data/genomics/acquired_resistance_reference.tsv, "needs review")', () => {
  it('reads all 44 reference rows and their free-text alterations', () => {
    const rows = parseResistanceReference(repoFile(GENOMICS_DATA_PATHS.resistance), 'ref.tsv');
    expect(rows).toHaveLength(44);
    const texts = (text: string, gene: string) => parseResistanceAlterations(text, gene).map((p) => p.text);
    expect(texts('EGFR T790M', 'EGFR')).toEqual(['EGFR T790M']);
    expect(texts('KRAS G12D/R/V/W, G13D, Q61H (secondary activating alleles)', 'KRAS')).toEqual([
      'KRAS G12D/R/V/W',
      'KRAS G13D',
      'KRAS Q61H',
    ]);
    expect(texts('MET amplification', 'EGFR')).toEqual(['MET MET amplification']);
    expect(
      parseResistanceAlterations('RB1 + TP53 loss with SCLC/squamous transformation', 'EGFR').map((p) => `${p.gene}:${p.spec.kind}`),
    ).toEqual(['RB1:any_of', 'TP53:any_of']);
    // "MAP2K1/2" (reference row 35, BRAF + MEK inhibitors) names both MEK genes.
    expect(
      parseResistanceAlterations('NRAS Q61, MAP2K1/2 mutations, BRAF amplification', 'BRAF').map((p) => `${p.gene}:${p.spec.kind}`),
    ).toEqual(['NRAS:codon', 'MAP2K1:any_mutation', 'MAP2K2:any_mutation', 'BRAF:amplification']);
  });

  it('MAP2K1 K57N after dabrafenib + trametinib → downstream bypass (reference row 35: MAP2K1/2 mutations after BRAF + MEK inhibitors)', () => {
    const k57n: QueryAlteration = { gene: 'MAP2K1', kind: 'mutation', protein: parseProteinChange('p.K57N'), effect: 'missense' };
    const calls = classifyAcquiredAlteration(k57n, resistance, { priorTherapies: ['dabrafenib', 'trametinib'] });
    expect(calls.map((c) => c.mechanismClass)).toContain('bypass_downstream');
  });

  it('IDH2 R140Q after ivosidenib → isoform switch (reference row 43: "IDH2 R140/R172 (isoform switch)")', () => {
    const r140q: QueryAlteration = { gene: 'IDH2', kind: 'mutation', protein: parseProteinChange('p.R140Q'), effect: 'missense' };
    expect(classifyAcquiredAlteration(r140q, resistance, { priorTherapies: ['ivosidenib'] }).map((c) => c.mechanismClass)).toEqual([
      'on_target_isoform_switch',
    ]);
  });

  it('EGFR T790M after erlotinib → on-target secondary mutation', () => {
    const t790m: QueryAlteration = { gene: 'EGFR', kind: 'mutation', protein: parseProteinChange('p.T790M'), effect: 'missense' };
    const calls = classifyAcquiredAlteration(t790m, resistance, { priorTherapies: ['erlotinib'] });
    expect(calls.map((c) => [c.mechanism, c.mechanismClass, c.status])).toEqual([['on_target', 'on_target_secondary', 'needs review']]);
    expect(calls[0]!.drugOrClass).toMatch(/1st\/2nd-gen EGFR TKI/);
  });

  it('MET amplification after osimertinib → bypass; KRAS Y96D after sotorasib → on-target', () => {
    const met: QueryAlteration = { gene: 'MET', kind: 'amplification' };
    expect(classifyAcquiredAlteration(met, resistance, { priorTherapies: ['osimertinib'] }).map((c) => c.mechanism)).toContain('bypass');
    const y96d: QueryAlteration = { gene: 'KRAS', kind: 'mutation', protein: parseProteinChange('p.Y96D'), effect: 'missense' };
    expect(classifyAcquiredAlteration(y96d, resistance, { priorTherapies: ['sotorasib'] }).map((c) => c.mechanismClass)).toEqual([
      'on_target_secondary',
    ]);
    // After an EGFR TKI the same KRAS change is a bypass (KRAS/NRAS mutations row), not on-target.
    expect(classifyAcquiredAlteration(y96d, resistance, { priorTherapies: ['osimertinib'] }).map((c) => c.mechanism)).toEqual(['bypass']);
    expect(classifyAcquiredAlteration(y96d, resistance, { priorTherapies: ['tamoxifen'] })).toEqual([]);
  });

  it('a BRCA2 change after a PARP inhibitor is a possible reversion only if BRCA2 was altered at baseline', () => {
    const brca2: QueryAlteration = {
      gene: 'BRCA2',
      kind: 'mutation',
      protein: parseProteinChange('p.S1982_N1985del'),
      effect: 'inframe_deletion',
    };
    const baseline: QueryAlteration[] = [
      { gene: 'BRCA2', kind: 'mutation', protein: parseProteinChange('p.S1982Rfs*22'), effect: 'frameshift' },
    ];
    expect(classifyAcquiredAlteration(brca2, resistance, { priorTherapies: ['olaparib'], baseline }).map((c) => c.mechanism)).toEqual([
      'reversion',
    ]);
    expect(classifyAcquiredAlteration(brca2, resistance, { priorTherapies: ['olaparib'], baseline: [] })).toEqual([]);
  });

  it('baseline vs progression: acquired T790M (on-target) and MET amplification (bypass), exon 19 deletion shared', () => {
    const base = parsePanelReport(fixture('panel/resistance_baseline.json'), 'baseline.json');
    const prog = parsePanelReport(fixture('panel/resistance_progression.json'), 'progression.json');
    // The baseline says "exon 19 deletion", progression gives the exact deletion: normalise both to compare.
    const q = (r: (typeof base.records)[number]) => toQueryAlteration(r);
    const { acquired } = compareSamples(base.records.map(q), prog.records.map(q));
    // Exact keys differ for the exon-19 deletion, so it shows up as acquired too; the MTB sees why below.
    expect(acquired.map((a) => a.gene)).toEqual(['EGFR', 'EGFR', 'MET']);
    const out = annotate(prog, {
      tumourType: 'LUAD',
      kb,
      resistance: { reference: resistance, priorTherapies: ['erlotinib'], baseline: base.records.map(q) },
    });
    const t790m = out.find((a) => a.alteration === 'p.T790M')!;
    expect(t790m.resistance?.map((r) => r.mechanism)).toEqual(['on_target']);
    expect(t790m.resistance?.[0]!.driverAtBaseline).toBe(true);
    expect(out.find((a) => a.gene === 'MET')!.resistance?.map((r) => r.mechanism)).toEqual(['bypass']);
  });
});
