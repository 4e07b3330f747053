import { describe, expect, it } from 'vitest';
import {
  GenomicsParseError,
  coverageReport,
  geneResult,
  isPositionCovered,
  panelFromReport,
  parseCbioportalCna,
  parseCbioportalSv,
  parseFhirGenomicsBundle,
  parseGenomicFile,
  parsePanelDefinition,
  parsePanelReport,
  toMolecularReport,
  type CopyNumberRecord,
  type FusionRecord,
  type VariantRecord,
} from '../../src/genomics';
import { HAS_SHARED, fixture, shared } from './helpers';

describe('cBioPortal copy number', () => {
  it('reads a discrete GISTIC matrix, keeping only non-neutral calls', () => {
    const parsed = parseCbioportalCna(fixture('cbioportal/cna_discrete_matrix.txt'), 'cna_discrete_matrix.txt');
    expect(parsed.samples).toEqual(['P-0001-T01', 'P-0002-T01', 'P-0003-T01']);
    const calls = (parsed.records as CopyNumberRecord[]).map((r) => `${r.sampleId} ${r.gene} ${r.call}`);
    expect(calls).toEqual([
      'P-0001-T01 ERBB2 amplification',
      'P-0003-T01 ERBB2 gain',
      'P-0001-T01 CDKN2A homozygous_deletion',
      'P-0002-T01 CDKN2A heterozygous_deletion',
      'P-0002-T01 MET amplification',
      'P-0001-T01 PTEN heterozygous_deletion',
      'P-0002-T01 PTEN homozygous_deletion',
      'P-0001-T01 MYC gain',
      'P-0003-T01 MYC amplification',
    ]);
  });

  it('reads per-call tables with copy numbers', () => {
    const parsed = parseGenomicFile(fixture('cbioportal/cna_calls.txt'), 'cna_calls.txt');
    expect(parsed.format).toBe('cbioportal_cna_calls');
    const erbb2 = parsed.records[0] as CopyNumberRecord;
    expect(erbb2).toMatchObject({
      gene: 'ERBB2',
      call: 'amplification',
      copyNumber: 14,
      alterationClass: 'amplification',
      category: 'cnv',
    });
    expect(parsed.records.map((r) => (r as CopyNumberRecord).call)).toEqual([
      'amplification',
      'homozygous_deletion',
      'amplification',
      'gain',
      'heterozygous_deletion',
    ]);
  });

  it('refuses a value that is not a GISTIC call, naming line and sample column', () => {
    expect(() => parseCbioportalCna('Hugo_Symbol\tS1\nKRAS\t3\n', 'bad.txt')).toThrow(
      /bad\.txt, line 2, field "S1": expected a GISTIC call/,
    );
  });
});

describe('cBioPortal structural variants', () => {
  const parsed = parseCbioportalSv(fixture('cbioportal/sv.txt'), 'sv.txt');
  const fusions = parsed.records as FusionRecord[];

  it('keys each fusion on its driver gene, whichever side it is on', () => {
    expect(fusions.map((f) => `${f.name}→${f.gene}`)).toEqual([
      'EML4-ALK→ALK',
      'KIF5B-RET→RET',
      'FGFR2-BICC1→FGFR2',
      'EGFR intragenic→EGFR',
    ]);
    expect(fusions[0]).toMatchObject({
      frame: 'in_frame',
      build: 'GRCh38',
      alterationClass: 'fusion',
      breakpoints: [
        { chromosome: '2', position: 42299000, exon: 13 },
        { chromosome: '2', position: 29223584, exon: 20 },
      ],
    });
    // EGFR exons 2-7 deletion (vIII) joins EGFR to itself: a structural variant, not a fusion.
    expect(fusions[3]).toMatchObject({ alterationClass: 'structural_variant', svClass: 'DELETION' });
  });
});

describe.skipIf(!HAS_SHARED)('reference suite (../shared/data/genomics): cBioPortal test study es_0', () => {
  it('discrete CNA (DISCRETE_LONG): 6,304 calls of which 1,743 non-neutral — 49 amplifications, 14 deep deletions', () => {
    const parsed = parseCbioportalCna(shared('cbioportal-study_es_0/data_cna_discrete.txt'), 'data_cna_discrete.txt');
    const calls = parsed.records as CopyNumberRecord[];
    expect(calls).toHaveLength(1743);
    expect(calls.filter((c) => c.call === 'amplification')).toHaveLength(49);
    expect(calls.filter((c) => c.call === 'homozygous_deletion')).toHaveLength(14);
  });

  it('structural variants: 48 rows, EML4-ALK and NCOA4-RET keyed on the kinase', () => {
    const parsed = parseCbioportalSv(shared('cbioportal-study_es_0/data_structural_variants.txt'), 'data_structural_variants.txt');
    const fusions = parsed.records as FusionRecord[];
    expect(fusions).toHaveLength(48);
    expect(parsed.build).toBe('GRCh37');
    expect(fusions.filter((f) => f.name === 'EML4-ALK').map((f) => f.gene)).toEqual(['ALK', 'ALK']);
    expect(fusions.find((f) => f.name === 'NCOA4-RET')?.gene).toBe('RET');
    // The file's last rows leave one partner empty: a one-sided rearrangement.
    expect(fusions.filter((f) => f.alterationClass === 'structural_variant' && f.name.endsWith('rearrangement'))).toHaveLength(2);
  });
});

describe('FHIR R4 mCODE genomics bundle', () => {
  const parsed = parseFhirGenomicsBundle(fixture('fhir/mcode_genomics_bundle.json'), 'mcode_genomics_bundle.json');

  it('reads the GenomicsReport, specimen, TMB, MSI and tumour fraction', () => {
    expect(parsed).toMatchObject({
      format: 'fhir_bundle',
      panel: 'Liquid biopsy 74-gene panel v3',
      specimen: 'ctdna',
      reportedAt: '2026-10-09T14:00:00Z',
      tmb: 6.2,
      msi: 'MSS',
      build: 'GRCh38',
    });
    expect(parsed.tumourFraction).toBeCloseTo(0.12, 10);
    expect(parsed.regionsStudied?.map((r) => r.gene)).toEqual(['KRAS', 'EGFR', 'TP53', 'MET', 'BRAF', 'ALK']);
  });

  it('reads GenomicVariant components; an "Absent" variant is not a finding', () => {
    expect(parsed.records.map((r) => `${r.gene}:${r.kind}`)).toEqual(['KRAS:variant', 'TP53:variant', 'MET:copy_number']);
    const kras = parsed.records[0] as VariantRecord;
    expect(kras).toMatchObject({
      hgvsp: 'p.G12C',
      hgvsc: 'c.34G>T',
      transcript: 'NM_004985.5',
      origin: 'somatic',
      effect: 'missense',
      chromosome: '12',
      start: 25245351,
      ref: 'C',
      alt: 'A',
    });
    expect(kras.vaf).toBeCloseTo(0.182, 10);
    expect((parsed.records[1] as VariantRecord).vaf).toBeCloseTo(0.041, 10);
    expect(parsed.records[2]).toMatchObject({ call: 'amplification', copyNumber: 9 });
    expect(parsed.buildCheck).toMatchObject({ declared: 'GRCh38', inferred: 'GRCh38', mismatch: false });
  });

  it('becomes the platform MolecularReport', () => {
    const report = toMolecularReport(parsed, {
      panel: 'unused',
      specimen: 'tissue',
      reportedAt: 'unused',
      provenance: {
        source: 'import:mcode_genomics_bundle.json',
        observedAt: '2026-10-02',
        recordedAt: '2026-10-10T09:00:00Z',
        recordedBy: 'system',
      },
    });
    expect(report).toMatchObject({ specimen: 'ctdna', panel: 'Liquid biopsy 74-gene panel v3', tmb: 6.2, msi: 'MSS' });
    expect(report.alterations).toEqual([
      { gene: 'KRAS', alterationClass: 'mutation', hgvsProtein: 'p.G12C', hgvsCdna: 'c.34G>T', vaf: expect.closeTo(0.182, 10) },
      { gene: 'TP53', alterationClass: 'mutation', hgvsProtein: 'p.R273H', hgvsCdna: 'c.818G>A', vaf: expect.closeTo(0.041, 10) },
      { gene: 'MET', alterationClass: 'amplification', copyNumber: 9 },
    ]);
  });

  it('names the JSON path of a broken element', () => {
    const bundle = JSON.parse(fixture('fhir/mcode_genomics_bundle.json'));
    bundle.entry[4].resource.component = bundle.entry[4].resource.component.slice(1);
    const text = JSON.stringify(bundle);
    expect(() => parseFhirGenomicsBundle(text, 'b.json')).toThrow(GenomicsParseError);
    expect(() => parseFhirGenomicsBundle(text, 'b.json')).toThrow(
      /b\.json, field "Bundle\.entry\[4\]\.resource\.component": GenomicVariant without a gene-studied component/,
    );
    expect(() => parseFhirGenomicsBundle('{"resourceType":"Patient"}', 'p.json')).toThrow(/expected a FHIR Bundle/);
    expect(() => parseFhirGenomicsBundle('{', 'p.json')).toThrow(/not valid JSON/);
  });
});

describe('JSON panel report', () => {
  const parsed = parsePanelReport(fixture('panel/ctdna_report.json'), 'ctdna_report.json');

  it('reads panel, TMB, MSI, tumour fraction and alterations of every kind', () => {
    expect(parsed).toMatchObject({
      panel: 'Liquid 324 v2',
      specimen: 'ctdna',
      tmb: 14.2,
      msi: 'MSS',
      tumourFraction: 0.15,
      build: 'GRCh38',
    });
    expect(parsed.records.map((r) => r.kind)).toEqual([
      'variant',
      'variant',
      'variant',
      'variant',
      'variant',
      'variant',
      'variant',
      'copy_number',
      'fusion',
    ]);
    expect(parsed.records[0]).toMatchObject({ gene: 'KRAS', hgvsp: 'p.G12C', start: 25245351, effect: 'missense' });
    expect(parsed.records[3]).toMatchObject({ gene: 'BRCA2', hgvsp: 'p.S1982Rfs*22', effect: 'frameshift' });
    expect(parsed.records[8]).toMatchObject({ kind: 'fusion', gene: 'ALK', gene5: 'EML4', gene3: 'ALK', alterationClass: 'fusion' });
  });

  it('names the JSON path of a bad value', () => {
    const bad = (patch: Record<string, unknown>) =>
      JSON.stringify({ panel: 'P', alterations: [{ gene: 'KRAS', hgvsp: 'p.G12C', ...patch }] });
    expect(() => parsePanelReport(bad({ vaf: 21 }), 'r.json')).toThrow(
      /r\.json, field "alterations\[0\]\.vaf": expected a fraction between 0 and 1/,
    );
    expect(() => parsePanelReport(bad({ hgvsp: 'G12 to C' }), 'r.json')).toThrow(/field "alterations\[0\]\.hgvsp"/);
    expect(() => parsePanelReport(bad({ type: 'mutant' }), 'r.json')).toThrow(/field "alterations\[0\]\.type"/);
    expect(() => parsePanelReport('{"alterations":[]}', 'r.json')).toThrow(/field "panel": required/);
  });
});

describe('panels and coverage', () => {
  const panel = parsePanelDefinition(fixture('panel/panel_definition.json'), 'panel_definition.json');

  it('tells detected, not detected and not covered apart', () => {
    const parsed = parsePanelReport(fixture('panel/ctdna_report.json'), 'ctdna_report.json');
    const results = coverageReport(panel, parsed, ['KRAS', 'KEAP1', 'ROS1', 'ERBB2', 'ALK']);
    // ERBB2 was reported as its alias HER2; coverage works on what the file says until normalised.
    expect(Object.fromEntries(results)).toEqual({
      KRAS: 'detected',
      KEAP1: 'not_detected',
      ROS1: 'not_covered',
      ERBB2: 'not_detected',
      ALK: 'detected',
    });
    expect(geneResult(panel, 'KRAS', parsed.records, {}, (r) => r.kind === 'variant' && r.hgvsp === 'p.G12D')).toBe('not_detected');
  });

  it('calls a negative ctDNA result at low tumour fraction uninformative', () => {
    const low = parsePanelReport(fixture('panel/ctdna_low_tumour_fraction.json'), 'ctdna_low_tumour_fraction.json');
    expect(low.tumourFraction).toBeCloseTo(0.004, 10);
    const results = coverageReport(panel, low, ['KRAS', 'DNMT3A', 'ROS1']);
    expect(Object.fromEntries(results)).toEqual({ KRAS: 'uninformative_low_tumour_fraction', DNMT3A: 'detected', ROS1: 'not_covered' });
    // The same negative on tissue is simply not detected.
    expect(geneResult(panel, 'KRAS', [], { specimen: 'tissue', tumourFraction: 0.004 })).toBe('not_detected');
  });

  it('covers only the listed regions of a hotspot gene', () => {
    expect(isPositionCovered(panel, 'TERT', '5', 1295228)).toBe(true);
    expect(isPositionCovered(panel, 'TERT', 'chr5', 1290000)).toBe(false);
    expect(isPositionCovered(panel, 'KRAS', '12', 25245351)).toBe(true);
  });

  it('derives a panel from what a FHIR report says it studied', () => {
    const fhir = parseFhirGenomicsBundle(fixture('fhir/mcode_genomics_bundle.json'), 'b.json');
    const studied = panelFromReport(fhir)!;
    expect(studied.genes).toEqual(['KRAS', 'EGFR', 'TP53', 'MET', 'BRAF', 'ALK']);
    expect(Object.fromEntries(coverageReport(studied, fhir, ['EGFR', 'KRAS', 'ROS1']))).toEqual({
      EGFR: 'not_detected',
      KRAS: 'detected',
      ROS1: 'not_covered',
    });
  });

  it('refuses a panel definition without genes', () => {
    expect(() => parsePanelDefinition('{"name":"x"}', 'p.json')).toThrow(/field "genes"/);
  });
});
