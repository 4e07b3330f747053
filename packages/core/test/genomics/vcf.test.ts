import { describe, expect, it } from 'vitest';
import {
  GenomicsParseError,
  buildFromContigLength,
  detectGenomicFormat,
  normaliseBuild,
  parseGenomicFile,
  parseVcf,
  vcfToMafAlleles,
  type FusionRecord,
  type VariantRecord,
} from '../../src/genomics';
import { fixture } from './helpers';

function mafRows(text: string): Record<string, string>[] {
  const lines = text.split('\n').filter((l) => l !== '' && !l.startsWith('#'));
  const header = lines[0]!.split('\t');
  return lines.slice(1).map((l) => Object.fromEntries(l.split('\t').map((v, i) => [header[i]!, v])));
}

function thrown(fn: () => unknown): GenomicsParseError {
  try {
    fn();
  } catch (e) {
    if (e instanceof GenomicsParseError) return e;
    throw e;
  }
  throw new Error('expected a GenomicsParseError');
}

describe('VCF with VEP CSQ: the vcf2maf GRCh38 golden pair', () => {
  // test_b38.vep.vcf is vcf2maf's tests/test_b38.vcf with the VEP annotation vcf2maf recorded in
  // tests/test_b38_output.maf written back as INFO/CSQ (see fixtures SOURCES.md). The expected
  // values are that golden MAF's columns (mskcc/vcf2maf, Apache-2.0).
  const parsed = parseVcf(fixture('vcf2maf/test_b38.vep.vcf'), 'test_b38.vep.vcf');
  const expected = mafRows(fixture('vcf2maf/test_b38_output.maf'));
  const records = parsed.records as VariantRecord[];

  it('gives one record per golden MAF row, in order', () => {
    expect(parsed.format).toBe('vcf');
    expect(records).toHaveLength(expected.length);
    expect(records).toHaveLength(25);
    expect(parsed.samples).toEqual(['TUMOR']);
  });

  it('matches gene, HGVSp_Short and Variant_Classification on every row', () => {
    records.forEach((r, i) => {
      const row = expected[i]!;
      expect([r.gene, r.hgvsp ?? '', r.mafClassification], `row ${i + 1}`).toEqual([
        row.Hugo_Symbol,
        row.HGVSp_Short,
        row.Variant_Classification,
      ]);
    });
  });

  it('matches the MAF coordinates, alleles, variant type, HGVSc and transcript', () => {
    records.forEach((r, i) => {
      const row = expected[i]!;
      expect([r.chromosome, r.start, r.end, r.ref, r.alt, r.variantType], `row ${i + 1}`).toEqual([
        row.Chromosome,
        Number(row.Start_Position),
        Number(row.End_Position),
        row.Reference_Allele,
        row.Tumor_Seq_Allele2,
        row.Variant_Type,
      ]);
      expect(r.hgvsc ?? '').toBe(row.HGVSc);
      expect(r.transcript).toBe(row.Transcript_ID);
    });
  });

  it('takes depths from the TUMOR column (t_depth, t_alt_count), "." reference depth included', () => {
    records.forEach((r, i) => {
      const row = expected[i]!;
      expect(r.depth, `row ${i + 1}`).toBe(Number(row.t_depth));
      expect(r.altCount).toBe(Number(row.t_alt_count));
    });
    // 21:34792292 A>C: AD ".,21", DP 54 → VAF 21/54.
    expect(records[0]!.vaf).toBeCloseTo(21 / 54, 10);
  });

  it('records the build from the VEP header and keeps exon numbers', () => {
    expect(parsed.build).toBe('GRCh38');
    expect(records[0]!.exon).toBe(9);
    expect(records[2]!.intron).toBe(5);
  });
});

describe('VCF → MAF coordinates on the GRCh37 golden pair (vcf2maf data/test.vcf, data/test.maf)', () => {
  const vcfLines = fixture('vcf2maf/test.vcf')
    .split('\n')
    .filter((l) => l !== '' && !l.startsWith('#'));
  const rows = mafRows(fixture('vcf2maf/test.maf'));

  it('reproduces Start_Position, Reference_Allele and Tumor_Seq_Allele2 for every bi-allelic line', () => {
    let n = 0;
    vcfLines.forEach((line, i) => {
      const [, pos, , ref, alt] = line.split('\t') as [string, string, string, string, string];
      if (alt.includes(',')) return; // multi-allelic APC lines: vcf2maf picks one allele
      const m = vcfToMafAlleles(Number(pos), ref, alt);
      const row = rows[i]!;
      expect([m.start, m.ref, m.alt, m.variantType], `line ${i + 1}`).toEqual([
        Number(row.Start_Position),
        row.Reference_Allele,
        row.Tumor_Seq_Allele2,
        row.Variant_Type,
      ]);
      n++;
    });
    expect(n).toBe(16);
  });

  it('parses the unannotated VCF, keeping the tumour alleles of multi-allelic lines, and says genes are unknown', () => {
    const parsed = parseVcf(fixture('vcf2maf/test.vcf'), 'test.vcf', { build: 'GRCh37' });
    // 16 bi-allelic lines + APC: 0/2 → 1, 1/2 → 2, 0/1 → 1, 0/2 → 1.
    expect(parsed.records).toHaveLength(21);
    expect(parsed.warnings.join('\n')).toMatch(/no CSQ \(VEP\) or ANN \(SnpEff\) annotation/);
    expect(parsed.build).toBe('GRCh37');
    const apc = parsed.records.filter((r) => (r as VariantRecord).vcf?.position === 112174757) as VariantRecord[];
    expect(apc.map((r) => r.vcf!.alt)).toEqual(['GGA', 'G', 'GCA', 'G', 'GGA']);
  });
});

describe('VCF with SnpEff ANN', () => {
  const parsed = parseGenomicFile(fixture('vcf/snpeff_grch38.vcf'), 'snpeff_grch38.vcf');
  const variants = parsed.records.filter((r): r is VariantRecord => r.kind === 'variant');

  it('reads the ANN field order from the header and the build from ##reference', () => {
    expect(parsed.build).toBe('GRCh38');
    expect(parsed.samples).toEqual(['TUMOUR']);
    const braf = variants.find((r) => r.gene === 'BRAF')!;
    expect(braf).toMatchObject({
      hgvsp: 'p.V600E',
      hgvspRaw: 'p.Val600Glu',
      hgvsc: 'c.1799T>A',
      exon: 15,
      effect: 'missense',
      mafClassification: 'Missense_Mutation',
      origin: 'somatic',
      dbsnp: 'rs113488022',
      filter: 'PASS',
    });
    expect(braf.vaf).toBeCloseTo(0.38, 10);
    expect(braf.transcript).toBe('ENST00000646891.2');
    expect(variants.find((r) => r.gene === 'KRAS')).toMatchObject({ effect: 'synonymous', mafClassification: 'Silent', hgvsp: 'p.D37=' });
  });

  it('turns a SnpEff gene_fusion breakend into a fusion record keyed on the kinase', () => {
    const fusion = parsed.records.find((r): r is FusionRecord => r.kind === 'fusion')!;
    expect(fusion).toMatchObject({
      gene: 'ALK',
      gene5: 'EML4',
      gene3: 'ALK',
      name: 'EML4-ALK',
      alterationClass: 'fusion',
      category: 'structural_variant',
    });
  });
});

describe('VCF: the CIViC 2019 VCF (CC0), records on chromosomes 7 and 12', () => {
  const parsed = parseVcf(fixture('civic/civic_accepted_2019-10-01.chr7_chr12.vcf'), 'civic.vcf', { build: 'GRCh37' });

  it("reads all 79 records with CIViC's own CSQ field order and escapes", () => {
    expect(parsed.records).toHaveLength(79);
    const v600e = parsed.records.find(
      (r) => (r as VariantRecord).vcf?.position === 140453136 && (r as VariantRecord).vcf?.alt === 'T',
    ) as VariantRecord;
    expect(v600e).toMatchObject({ gene: 'BRAF', chromosome: '7', effect: 'missense', hgvsc: 'c.1799T>A', transcript: 'ENST00000288602.6' });
    expect(parsed.buildCheck.inferred).toBe('GRCh37');
    expect(parsed.buildCheck.mismatch).toBe(false);
  });
});

describe('genome build', () => {
  it('normalises the usual spellings', () => {
    for (const s of ['GRCh37', '37', 'hg19', 'GRCh37.p13', 'hs37d5', 'b37']) expect(normaliseBuild(s)).toBe('GRCh37');
    for (const s of ['GRCh38', '38', 'hg38', 'GRCh38.p14', 'Homo_sapiens_assembly38.fasta']) expect(normaliseBuild(s)).toBe('GRCh38');
    expect(normaliseBuild('CHM13')).toBeUndefined();
  });

  it("infers GRCh38 from vcf2maf test_b38.vcf's ##contig length of chromosome 21 (46,709,983 bp)", () => {
    expect(buildFromContigLength('21', 46709983)).toBe('GRCh38');
    expect(buildFromContigLength('chr21', 48129895)).toBe('GRCh37');
    expect(parseVcf(fixture('vcf2maf/test_b38.vcf'), 'test_b38.vcf').build).toBe('GRCh38');
  });

  it('detects GRCh37 positions in a file declared GRCh38 (BRAF V600E at chr7:140453136, its GRCh37 position)', () => {
    const e = thrown(() => parseVcf(fixture('vcf/build_mismatch.vcf'), 'build_mismatch.vcf'));
    expect(e.file).toBe('build_mismatch.vcf');
    expect(e.line).toBe(7);
    expect(e.field).toBe('POS');
    expect(e.message).toMatch(
      /declares GRCh38, but BRAF p\.V600E sits at chr7:140453136, its GRCh37 position \(GRCh38 would be chr7:140753336\)/,
    );
  });

  it('can record the mismatch as a warning instead', () => {
    const parsed = parseVcf(fixture('vcf/build_mismatch.vcf'), 'build_mismatch.vcf', { onBuildMismatch: 'warn' });
    expect(parsed.buildCheck.mismatch).toBe(true);
    expect(parsed.buildCheck.evidence.map((e) => `${e.gene} ${e.protein} ${e.build}`)).toEqual([
      'KRAS p.G12C GRCh38',
      'BRAF p.V600E GRCh37',
    ]);
    expect(parsed.warnings.find((w) => /genome build mismatch/.test(w))).toMatch(/^build_mismatch\.vcf line 7: genome build mismatch/);
  });

  it('catches a contig length that contradicts the declared build', () => {
    const text =
      '##fileformat=VCFv4.2\n##reference=GRCh38\n##contig=<ID=7,length=159138663>\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n7\t100\t.\tA\tT\t.\tPASS\t.\n';
    const e = thrown(() => parseVcf(text, 'contig.vcf'));
    expect([e.line, e.field]).toEqual([3, '##contig']);
    expect(e.reason).toMatch(/length 159138663, the GRCh37 length/);
  });
});

describe('VCF errors name file, line and field', () => {
  it('a malformed POS', () => {
    const e = thrown(() => parseGenomicFile(fixture('malformed/malformed_pos.vcf'), 'malformed_pos.vcf'));
    expect(e.message).toBe('malformed_pos.vcf, line 6, field "POS": expected a position ≥ 1, found "14075x336"');
  });

  it('a missing header, a bad allele, a short line, a CSQ with the wrong number of fields', () => {
    expect(thrown(() => parseVcf('#CHROM\tPOS\n', 'x.vcf')).line).toBe(1);
    const head = '##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n';
    expect(thrown(() => parseVcf(`${head}1\t10\t.\tAZ\tT\t.\tPASS\t.\n`, 'x.vcf'))).toMatchObject({ line: 3, field: 'REF' });
    expect(thrown(() => parseVcf(`${head}1\t10\t.\tA\n`, 'x.vcf')).reason).toMatch(/expected 8 tab-separated columns/);
    const csq =
      '##fileformat=VCFv4.2\n##INFO=<ID=CSQ,Number=.,Type=String,Description="Consequence annotations from Ensembl VEP. Format: Allele|Consequence|SYMBOL">\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n';
    expect(thrown(() => parseVcf(`${csq}1\t10\t.\tA\tT\t.\tPASS\tCSQ=T|missense_variant\n`, 'x.vcf'))).toMatchObject({
      line: 4,
      field: 'INFO/CSQ',
    });
  });

  it('detects formats by name and content', () => {
    expect(detectGenomicFormat('##fileformat=VCFv4.2\n', 'a.txt')).toBe('vcf');
    expect(detectGenomicFormat('Hugo_Symbol\tVariant_Classification\n', 'a.txt')).toBe('maf');
    expect(detectGenomicFormat('{"resourceType":"Bundle"}', 'a.json')).toBe('fhir_bundle');
    expect(detectGenomicFormat('{"panel":"x"}', 'a.json')).toBe('panel_json');
    expect(detectGenomicFormat('Sample_Id\tSite1_Hugo_Symbol\n', 'a.txt')).toBe('cbioportal_sv');
    expect(detectGenomicFormat('Hugo_Symbol\tS1\n', 'a.txt')).toBe('cbioportal_cna_discrete');
    expect(() => detectGenomicFormat('hello', 'a.txt')).toThrow(/unrecognised genomic file/);
  });
});
