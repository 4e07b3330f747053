import { describe, expect, it } from 'vitest';
import { GenomicsParseError, parseGenomicFile, parseMaf, type VariantRecord } from '../../src/genomics';
import { HAS_SHARED, fixture, shared } from './helpers';

function countBy<T>(items: readonly T[], key: (t: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of items) out[key(i)] = (out[key(i)] ?? 0) + 1;
  return out;
}

describe('MAF: the TCGA LAML slice (first 20 samples of vcf2maf data/tcga_laml.maf)', () => {
  const parsed = parseMaf(fixture('vcf2maf/tcga_laml.slice.maf'), 'tcga_laml.slice.maf');
  const records = parsed.records as VariantRecord[];

  it('has 309 variants in 20 samples, GRCh37 (NCBI_Build "37")', () => {
    expect(records).toHaveLength(309);
    expect(parsed.samples).toHaveLength(20);
    expect(parsed.build).toBe('GRCh37');
  });

  it('counts variants by classification as the file does', () => {
    expect(countBy(records, (r) => r.mafClassification!)).toEqual({
      Missense_Mutation: 197,
      Silent: 52,
      Frame_Shift_Ins: 19,
      RNA: 19,
      Nonsense_Mutation: 11,
      Frame_Shift_Del: 4,
      Splice_Site: 4,
      In_Frame_Ins: 2,
      In_Frame_Del: 1,
    });
  });

  it('reads the AML driver variants, WashU notation and VAF columns included', () => {
    const first = records.filter((r) => r.sampleId === 'TCGA-AB-2802-03B-01W-0728-08');
    expect(first.find((r) => r.gene === 'IDH1')).toMatchObject({ hgvsp: 'p.R132H', effect: 'missense', chromosome: '2' });
    expect(first.find((r) => r.gene === 'DNMT3A')).toMatchObject({ hgvsp: 'p.R882C' });
    expect(first.filter((r) => r.gene === 'NPM1').map((r) => r.hgvsp)).toEqual(['p.I268fs', 'p.N270fs']);
    const itd = records.find((r) => r.gene === 'FLT3' && r.mafClassification === 'In_Frame_Ins')!;
    expect(itd.protein).toMatchObject({ kind: 'insertion', inserted: 'SSDNEYFYVDFREYEYD' });
    // TBX15 p.I59F, first data row: TumorVarReads_WU 54, TumorRefReads_WU 120 → VAF 54/174.
    expect(records[0]).toMatchObject({ gene: 'TBX15', hgvsp: 'p.I59F', altCount: 54, depth: 174 });
    expect(records[0]!.vaf).toBeCloseTo(54 / 174, 10);
    expect(records.find((r) => r.gene === 'DNMT3A' && r.effect === 'splice_site')).toMatchObject({ protein: { kind: 'splice', exon: 14 } });
  });
});

describe('MAF: the vcf2maf GRCh38 golden output', () => {
  it('parses its 25 rows with VEP columns', () => {
    const parsed = parseGenomicFile(fixture('vcf2maf/test_b38_output.maf'), 'test_b38_output.maf');
    expect(parsed.format).toBe('maf');
    expect(parsed.records).toHaveLength(25);
    expect(parsed.build).toBe('GRCh38');
    const stop = parsed.records.find((r) => (r as VariantRecord).hgvsp === 'p.W54*') as VariantRecord;
    expect(stop).toMatchObject({ gene: 'ICOSLG', effect: 'nonsense', exon: 3, consequences: ['stop_gained'] });
  });
});

describe('MAF errors', () => {
  it('an unknown Variant_Classification names file, line and column', () => {
    let error: GenomicsParseError | undefined;
    try {
      parseMaf(fixture('malformed/malformed_classification.maf'), 'malformed_classification.maf');
    } catch (e) {
      error = e as GenomicsParseError;
    }
    expect(error).toBeInstanceOf(GenomicsParseError);
    expect(error!.message).toMatch(
      /^malformed_classification\.maf, line 4, field "Variant_Classification": "Missense" is not a MAF Variant_Classification/,
    );
  });

  it('a missing required column, two builds in one file, a bad position', () => {
    expect(() => parseMaf('Hugo_Symbol\tVariant_Classification\nKRAS\tMissense_Mutation\n', 'a.maf')).toThrow(
      /line 1, field "Tumor_Sample_Barcode": missing required column/,
    );
    const head = 'Hugo_Symbol\tTumor_Sample_Barcode\tVariant_Classification\tNCBI_Build\tStart_Position\n';
    expect(() => parseMaf(`${head}KRAS\tS1\tMissense_Mutation\tGRCh37\t1\nTP53\tS1\tMissense_Mutation\tGRCh38\t2\n`, 'a.maf')).toThrow(
      /line 3, field "NCBI_Build": genome build GRCh38 differs from GRCh37 on line 2/,
    );
    expect(() => parseMaf(`${head}KRAS\tS1\tMissense_Mutation\tGRCh37\t12x\n`, 'a.maf')).toThrow(
      /line 2, field "Start_Position": expected a positive integer/,
    );
  });

  it('detects GRCh37 hotspot coordinates in a MAF that says GRCh38', () => {
    const text =
      'Hugo_Symbol\tTumor_Sample_Barcode\tVariant_Classification\tNCBI_Build\tChromosome\tStart_Position\tEnd_Position\tReference_Allele\tTumor_Seq_Allele2\tVariant_Type\n' +
      'EGFR\tS1\tMissense_Mutation\tGRCh38\t7\t55259515\t55259515\tT\tG\tSNP\n';
    expect(() => parseMaf(text, 'egfr.maf')).toThrow(
      /line 2, field "Start_Position": genome build mismatch: the file declares GRCh38, but EGFR p\.L858R sits at chr7:55259515/,
    );
  });
});

describe.skipIf(!HAS_SHARED)('reference suite (../shared/data/genomics): whole files', () => {
  it('the full TCGA LAML MAF: 2,544 variants in 197 samples (vcf2maf data/tcga_laml.maf)', () => {
    const parsed = parseMaf(shared('vcf2maf/tcga_laml.maf'), 'tcga_laml.maf');
    expect(parsed.records).toHaveLength(2544);
    expect(parsed.samples).toHaveLength(197);
    const byGene = countBy(parsed.records, (r) => r.gene);
    // Counts in the file: NPM1 55 rows, DNMT3A 57, IDH2 20, IDH1 19.
    expect([byGene.NPM1, byGene.DNMT3A, byGene.IDH2, byGene.IDH1]).toEqual([55, 57, 20, 19]);
  });

  it('the cBioPortal test study es_0 MAF: 36 variants, VEP columns, cBioPortal splice notation', () => {
    const parsed = parseMaf(shared('cbioportal-study_es_0/data_mutations_extended.maf'), 'data_mutations_extended.maf');
    const records = parsed.records as VariantRecord[];
    expect(records).toHaveLength(36);
    expect(parsed.build).toBe('GRCh37');
    expect(records.find((r) => r.gene === 'TP53' && r.effect === 'splice_site')).toMatchObject({
      hgvsp: 'p.X331_splice',
      hgvsc: 'c.993+2T>G',
    });
    expect(records.find((r) => r.gene === 'TMEM247')).toMatchObject({ hgvsp: 'p.A155Rfs*59', effect: 'frameshift' });
    expect(new Set(parsed.samples).has('TCGA-A1-A0SB-01')).toBe(true);
  });
});
