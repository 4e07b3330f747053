import { describe, expect, it } from 'vitest';
import {
  CIVIC_VERSION,
  DiseaseMap,
  GENOMICS_DATA_PATHS,
  annotate,
  compactCivicEvidence,
  parseCivicEvidence,
  parseGenomicFile,
  parsePanelReport,
  parseRegulatoryApprovals,
  parseVariantSpec,
  type AlterationAnnotation,
  type GenomicRecord,
  type VariantRecord,
} from '../../src/genomics';
import { HAS_SHARED, fixture, oncotree, repoFile, shared, shippedKnowledge } from './helpers';

const { kb, civic } = shippedKnowledge();

/** A one-variant panel report, as a clinician would enter it. */
function variant(gene: string, hgvsp: string, extra: Partial<VariantRecord> = {}): GenomicRecord[] {
  const text = JSON.stringify({ panel: 'test', alterations: [{ gene, hgvsp, ...extra }] });
  return parsePanelReport(text, 'test.json').records;
}

function only(annotations: AlterationAnnotation[]): AlterationAnnotation {
  expect(annotations).toHaveLength(1);
  return annotations[0]!;
}

describe('shipped knowledge base (data/genomics)', () => {
  it('loads CIViC 2021-08-01 predictive evidence: 2,324 items with a significance', () => {
    const items = parseCivicEvidence(repoFile(GENOMICS_DATA_PATHS.civicEvidence), 'civic');
    // 2,333 accepted predictive items in the dump; 9 have no clinical significance.
    expect(items).toHaveLength(2324);
    expect(CIVIC_VERSION).toBe('2021-08-01');
    // Variant names the matcher understands (the rest are expression, methylation, rs ids...).
    expect(civic.size).toBeGreaterThan(1850);
    expect(civic.unsupportedVariants.has('ERBB2 OVEREXPRESSION')).toBe(true);
  });

  it('maps CIViC diseases to OncoTree codes that exist in the shipped OncoTree', () => {
    const map = DiseaseMap.parse(repoFile(GENOMICS_DATA_PATHS.civicDiseaseMap), 'map');
    const tree = oncotree();
    const missing = map.codes().filter((c) => !tree.has(c));
    expect(missing).toEqual([]);
    expect(map.codeFor('Lung Non-small Cell Carcinoma', '3908')).toBe('NSCLC');
    expect(map.codeFor('Skin Melanoma')).toBe('SKCM');
    expect(map.codeFor('Cancer', '162')).toBe('TISSUE');
    // Share of predictive evidence whose disease is mapped.
    const items = parseCivicEvidence(repoFile(GENOMICS_DATA_PATHS.civicEvidence), 'civic');
    const mapped = items.filter((i) => map.codeFor(i.disease, i.doid) !== undefined).length;
    expect(mapped / items.length).toBeGreaterThan(0.99);
  });

  it('reads the approvals table: every row names its source and date, and its alteration parses', () => {
    const rows = parseRegulatoryApprovals(repoFile(GENOMICS_DATA_PATHS.approvals), 'approvals');
    expect(rows.length).toBeGreaterThanOrEqual(80);
    for (const r of rows) {
      expect(r.source).not.toBe('');
      expect(r.date).toMatch(/^\d{4}-\d{2}/);
      expect(parseVariantSpec(r.alteration).kind, `line ${r.line}`).not.toBe('unsupported');
      expect(oncotree().has(r.oncotree), `line ${r.line}: ${r.oncotree}`).toBe(true);
    }
    expect(rows.filter((r) => r.agency === 'EMA').length).toBeGreaterThan(0);
  });

  it.skipIf(!HAS_SHARED)('reference: the compact CIViC file is exactly what compactCivicEvidence makes of the 2021-08-01 dump', () => {
    const dump = shared('civic-01-Aug-2021/01-Aug-2021-ClinicalEvidenceSummaries.tsv');
    expect(compactCivicEvidence(dump)).toBe(repoFile(GENOMICS_DATA_PATHS.civicEvidence));
  });
});

describe('annotate: known actionable alterations', () => {
  it('KRAS G12C in lung adenocarcinoma: sotorasib and adagrasib approvals (FDA 2021-05-28, 2022-12-12), ESCAT I-A (CodeBreaK 200, KRYSTAL-12 randomised)', () => {
    const a = only(annotate(variant('KRAS', 'p.G12C'), { tumourType: 'LUAD', kb }));
    expect(a).toMatchObject({ gene: 'KRAS', alteration: 'p.G12C' });
    const approvals = a.evidence.filter((e) => e.level === 'approved' && e.disease.relation === 'same');
    expect(approvals.map((e) => `${e.source} ${e.date} ${e.therapies.join('+')}`)).toEqual(
      expect.arrayContaining(['FDA 2021-05-28 sotorasib', 'FDA 2022-12-12 adagrasib', 'EMA 2022-01 sotorasib', 'EMA 2024-01 adagrasib']),
    );
    expect(a.escat.tier).toBe('I-A');
    expect(a.escat.therapies).toEqual(['adagrasib', 'sotorasib']);
    for (const e of a.evidence) {
      expect(e.source).toBeTruthy();
      expect(e.version).toBeTruthy();
    }
    // CIViC 2021 evidence for KRAS G12C comes along (e.g. selumetinib + docetaxel, level B).
    expect(a.evidence.some((e) => e.source === 'CIViC' && e.therapies.includes('Selumetinib'))).toBe(true);
  });

  it('KRAS G12C in colorectal cancer: sotorasib + panitumumab (CodeBreaK 300) I-A; CIViC: resistance to EGFR TKIs', () => {
    const a = only(annotate(variant('KRAS', 'p.Gly12Cys'), { tumourType: 'COAD', kb }));
    expect(a.escat.tier).toBe('I-A');
    expect(a.escat.therapies).toEqual(['panitumumab', 'sotorasib']);
    expect(a.evidence.find((e) => e.therapies.join('+') === 'adagrasib+cetuximab')).toMatchObject({
      source: 'FDA',
      date: '2024-06-21',
      trialDesign: 'single_arm',
    });
  });

  it('BRAF V600E in melanoma: vemurafenib (BRIM-3, randomised) → I-A; CIViC level A in skin melanoma cites PMID 21639808', () => {
    const a = only(annotate(variant('BRAF', 'p.Val600Glu'), { tumourType: 'SKCM', kb }));
    expect(a.escat.tier).toBe('I-A');
    expect(a.escat.therapies).toEqual(expect.arrayContaining(['vemurafenib', 'encorafenib', 'binimetinib']));
    const civicA = a.evidence.find((e) => e.source === 'CIViC' && e.level === 'A' && e.therapies.includes('Vemurafenib'));
    expect(civicA).toMatchObject({ direction: 'sensitivity', supports: true, version: '2021-08-01', citations: ['PMID:21639808'] });
    expect(civicA!.url).toMatch(/^https:\/\/civicdb\.org\/links\/evidence\/\d+$/);
  });

  it('BRAF V600E outside melanoma, lung and colon: the tumour-agnostic approval gives I-C', () => {
    const a = only(annotate(variant('BRAF', 'p.V600E'), { tumourType: 'THPA', kb }));
    expect(a.escat.tier).toBe('I-C');
    expect(a.escat.therapies).toEqual(['dabrafenib', 'trametinib']);
  });

  it('EGFR L858R and exon 19 deletions in NSCLC: osimertinib (FLAURA) I-A; "exon 19 deletion" matches p.E746_A750del', () => {
    expect(only(annotate(variant('EGFR', 'p.L858R'), { tumourType: 'NSCLC', kb })).escat.tier).toBe('I-A');
    const del = only(annotate(variant('EGFR', 'p.E746_A750del'), { tumourType: 'LUAD', kb }));
    expect(del.escat.tier).toBe('I-A');
    expect(del.escat.therapies).toContain('osimertinib');
    expect(only(annotate(variant('EGFR', 'exon 19 deletion'), { tumourType: 'LUAD', kb })).escat.therapies).toContain('osimertinib');
  });

  it('EML4-ALK in NSCLC: alectinib (ALEX) and lorlatinib (CROWN) → I-A', () => {
    const parsed = parsePanelReport(
      JSON.stringify({ panel: 't', alterations: [{ gene: 'ALK', type: 'fusion', fusion: 'EML4-ALK' }] }),
      't.json',
    );
    const a = only(annotate(parsed, { tumourType: 'LUAD', kb }));
    expect(a).toMatchObject({ gene: 'ALK', alteration: 'EML4-ALK fusion', alterationClass: 'fusion' });
    expect(a.escat.tier).toBe('I-A');
    expect(a.escat.therapies).toEqual(['alectinib', 'lorlatinib']);
    // CIViC's EML4-ALK-specific items match the fusion by both partners.
    expect(a.evidence.some((e) => e.source === 'CIViC' && e.alteration === 'ALK EML4-ALK')).toBe(true);
  });

  it('EGFR T790M in NSCLC: CIViC resistance to first-generation TKIs (erlotinib level A, gefitinib B) and osimertinib sensitivity', () => {
    const a = only(annotate(variant('EGFR', 'p.T790M'), { tumourType: 'NSCLC', kb }));
    const resistance = a.evidence.filter(
      (e) => e.source === 'CIViC' && e.direction === 'resistance' && e.supports && e.disease.relation === 'same',
    );
    expect(resistance.find((e) => e.therapies.join() === 'Erlotinib' && e.level === 'A')).toMatchObject({ citations: ['PMID:25668228'] });
    expect(resistance.some((e) => e.therapies.includes('Gefitinib') && e.level === 'B')).toBe(true);
    expect(a.escat.tier).toBe('I-A');
    expect(a.escat.therapies).toEqual(['osimertinib']);
  });

  it('MSI-H becomes an alteration of its own: pembrolizumab, tumour-agnostic I-C (I-A in colorectal, KEYNOTE-177)', () => {
    const report = JSON.stringify({ panel: 't', msi: 'MSI-H', tmb: 35, alterations: [] });
    const out = annotate(parsePanelReport(report, 't.json'), { tumourType: 'UCEC', kb });
    expect(out.map((a) => `${a.alteration} ${a.escat.tier}`)).toEqual(['MSI-H I-C', 'TMB-H (35 mut/Mb) I-C']);
    expect(annotate(parsePanelReport(report, 't.json'), { tumourType: 'COADREAD', kb })[0]!.escat.tier).toBe('I-A');
  });

  it('gene-level indications are marked for pathogenicity review; a gene-only match is III-B', () => {
    const brca = only(annotate(variant('BRCA2', 'p.Lys3326Ter'), { tumourType: 'PAAD', kb }));
    expect(brca.escat.tier).toBe('I-A');
    expect(brca.escat.rule).toMatch(/needs review/);
    const g12f = only(annotate(variant('KRAS', 'p.G12F'), { tumourType: 'LUAD', kb }));
    expect(g12f.escat.tier).toBe('III-B');
    expect(g12f.escat.basis.join()).toMatch(/sotorasib for KRAS G12C in NSCLC/);
  });

  it('normalises gene aliases before looking evidence up, and lists unknown genes with suggestions', () => {
    const her2 = annotate(
      parsePanelReport(
        JSON.stringify({
          panel: 't',
          alterations: [
            { gene: 'HER2', type: 'amplification' },
            { gene: 'BRAFF', hgvsp: 'p.V600E' },
          ],
        }),
        't.json',
      ),
      { tumourType: 'BRCA', kb },
    );
    expect(her2[0]).toMatchObject({ gene: 'ERBB2', geneAsReported: 'HER2', geneStatus: 'alias', alteration: 'amplification' });
    expect(her2[0]!.escat.therapies).toContain('trastuzumab deruxtecan');
    expect(her2[1]).toMatchObject({ gene: 'BRAFF', geneStatus: 'unknown', geneSuggestions: expect.arrayContaining(['BRAF']) });
  });

  it('refuses an unknown tumour type code', () => {
    expect(() => annotate(variant('KRAS', 'p.G12C'), { tumourType: 'LUDA', kb })).toThrow(/LUDA/);
  });

  it('annotates a whole file and leaves out silent calls', () => {
    const parsed = parseGenomicFile(fixture('vcf/snpeff_grch38.vcf'), 'snpeff_grch38.vcf');
    const out = annotate(parsed, { tumourType: 'SKCM', kb });
    expect(out.map((a) => `${a.gene} ${a.alteration}`)).toEqual(['BRAF p.V600E', 'EGFR p.L858R', 'TP53 p.R273H', 'ALK EML4-ALK fusion']);
    expect(annotate(parsed, { tumourType: 'SKCM', kb, all: true })).toHaveLength(5);
    // JSON the CLI prints: at least gene, alteration, evidence (source, level, therapies, direction) and flags.
    const json = JSON.parse(JSON.stringify(out));
    expect(Object.keys(json[0])).toEqual(expect.arrayContaining(['gene', 'alteration', 'evidence', 'escat', 'flags']));
    expect(Object.keys(json[0].evidence[0])).toEqual(
      expect.arrayContaining(['source', 'version', 'level', 'therapies', 'direction', 'citations']),
    );
  });
});
