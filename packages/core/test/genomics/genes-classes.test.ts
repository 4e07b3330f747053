import { describe, expect, it } from 'vitest';
import {
  GeneTable,
  UnknownGeneError,
  classifySequenceVariant,
  consequenceToMafClassification,
  gisticToCnvCall,
  loadGeneTable,
  mafVariantType,
  mostSevereConsequence,
  unknownGenes,
  parseCbioportalCna,
  type MafVariantType,
} from '../../src/genomics';
import { fixture, shippedKnowledge } from './helpers';

describe('HGNC gene symbols (shipped table)', () => {
  const { genes } = shippedKnowledge();

  it('holds the approved symbols of the MANE/MSKCC isoform tables and CIViC', () => {
    expect(genes.size).toBeGreaterThan(16900);
    for (const g of ['BRAF', 'KRAS', 'EGFR', 'ERBB2', 'NKX2-1', 'H3-3A', 'ACP3']) expect(genes.isApproved(g)).toBe(true);
  });

  it('resolves previous symbols and aliases (HGNC records)', () => {
    // Previous symbols: ACPP→ACP3 (2020), MLL→KMT2A, FAM123B→AMER1, H3F3A→H3-3A, C11orf30→EMSY.
    expect(genes.resolve('ACPP')).toMatchObject({ status: 'previous', symbol: 'ACP3' });
    expect(genes.resolve('MLL')).toMatchObject({ status: 'previous', symbol: 'KMT2A' });
    expect(genes.normalise('FAM123B')).toBe('AMER1');
    expect(genes.normalise('H3F3A')).toBe('H3-3A');
    expect(genes.normalise('c11orf30')).toBe('EMSY');
    // Aliases: HER2→ERBB2, PD-L1→CD274, p16→CDKN2A.
    expect(genes.resolve('HER2')).toMatchObject({ status: 'alias', symbol: 'ERBB2' });
    expect(genes.normalise('PD-L1')).toBe('CD274');
    expect(genes.normalise('p16')).toBe('CDKN2A');
    expect(genes.resolve('braf')).toMatchObject({ status: 'approved', symbol: 'BRAF' });
  });

  it('an unknown symbol is an error with the closest symbols (edit distance)', () => {
    expect(() => genes.normalise('BRAFF')).toThrow(UnknownGeneError);
    try {
      genes.normalise('KRASS');
    } catch (e) {
      expect((e as UnknownGeneError).suggestions[0]).toBe('KRAS');
      expect((e as Error).message).toMatch(/unknown gene symbol "KRASS"; did you mean "KRAS"/);
    }
    expect(genes.suggest('ERBB')).toContain('EGFR'); // ERBB is an alias of EGFR
  });

  it("an approved symbol wins over another gene's alias; an alias of two genes is ambiguous", () => {
    const table = new GeneTable([{ symbol: 'AAA1', aliases: ['BBB1', 'XY'] }, { symbol: 'BBB1' }, { symbol: 'CCC1', aliases: ['XY'] }]);
    expect(table.resolve('BBB1')).toMatchObject({ status: 'approved', symbol: 'BBB1' });
    expect(table.resolve('XY')).toMatchObject({ status: 'ambiguous', candidates: ['AAA1', 'CCC1'] });
    expect(() => table.normalise('XY')).toThrow(/did you mean "AAA1", "CCC1"/);
  });

  it('lists the unknown genes of a file with the lines they are on', () => {
    const parsed = parseCbioportalCna('Hugo_Symbol\tS1\nERBB2\t2\nCDKN2AA\t-2\nHER2\t1\n', 'cna.txt');
    expect(
      unknownGenes(parsed, { genes: loadGeneTable('ERBB2\nCDKN2A\n', 'symbol\tprevious_symbols\talias_symbols\nERBB2\t\tHER2\n') }),
    ).toEqual([{ symbol: 'CDKN2AA', suggestions: ['CDKN2A'], lines: [3] }]);
  });
});

describe('variant classes', () => {
  it('maps VEP consequences to MAF classifications exactly as the vcf2maf GRCh38 golden output does', () => {
    const text = fixture('vcf2maf/test_b38_output.maf')
      .split('\n')
      .filter((l) => l !== '' && !l.startsWith('#'));
    const header = text[0]!.split('\t');
    const col = (row: string[], name: string) => row[header.indexOf(name)]!;
    for (const line of text.slice(1)) {
      const row = line.split('\t');
      expect(
        consequenceToMafClassification(col(row, 'Consequence'), col(row, 'Variant_Type') as MafVariantType),
        col(row, 'Consequence'),
      ).toBe(col(row, 'Variant_Classification'));
    }
  });

  it('follows the GDC MAF conventions for every consequence family', () => {
    const cases: [string, MafVariantType, string][] = [
      ['missense_variant', 'SNP', 'Missense_Mutation'],
      ['stop_gained&splice_region_variant', 'SNP', 'Nonsense_Mutation'],
      ['frameshift_variant', 'DEL', 'Frame_Shift_Del'],
      ['frameshift_variant', 'INS', 'Frame_Shift_Ins'],
      ['inframe_deletion', 'DEL', 'In_Frame_Del'],
      ['inframe_insertion', 'INS', 'In_Frame_Ins'],
      ['splice_acceptor_variant', 'SNP', 'Splice_Site'],
      ['splice_region_variant,intron_variant', 'SNP', 'Splice_Region'],
      ['start_lost', 'SNP', 'Translation_Start_Site'],
      ['stop_lost', 'SNP', 'Nonstop_Mutation'],
      ['synonymous_variant', 'SNP', 'Silent'],
      ['5_prime_UTR_variant', 'SNP', "5'UTR"],
      ['upstream_gene_variant', 'SNP', "5'Flank"],
      ['downstream_gene_variant', 'SNP', "3'Flank"],
      ['intron_variant', 'SNP', 'Intron'],
      ['intergenic_variant', 'SNP', 'IGR'],
      ['non_coding_transcript_exon_variant', 'SNP', 'RNA'],
      // SnpEff spellings.
      ['disruptive_inframe_deletion', 'DEL', 'In_Frame_Del'],
      ['conservative_inframe_insertion', 'INS', 'In_Frame_Ins'],
      ['intergenic_region', 'SNP', 'IGR'],
    ];
    for (const [csq, type, maf] of cases) expect(consequenceToMafClassification(csq, type), csq).toBe(maf);
  });

  it('puts a fusion annotation in the structural-variant category and reads variant types', () => {
    expect(classifySequenceVariant('gene_fusion', 'SNP')).toMatchObject({ alterationClass: 'fusion', category: 'structural_variant' });
    expect(classifySequenceVariant('missense_variant', 'SNP')).toMatchObject({
      alterationClass: 'mutation',
      category: 'mutation',
      effect: 'missense',
    });
    expect(mostSevereConsequence(['intron_variant', 'splice_donor_variant', 'missense_variant'])).toBe('splice_donor_variant');
    expect([mafVariantType('A', 'T'), mafVariantType('AG', 'CT'), mafVariantType('-', 'CT'), mafVariantType('CAA', '-')]).toEqual([
      'SNP',
      'DNP',
      'INS',
      'DEL',
    ]);
  });

  it('reads GISTIC calls (cBioPortal: -2 deep deletion … 2 high-level amplification)', () => {
    expect([-2, -1, 0, 1, 2].map((v) => gisticToCnvCall(v as -2 | -1 | 0 | 1 | 2))).toEqual([
      'homozygous_deletion',
      'heterozygous_deletion',
      'neutral',
      'gain',
      'amplification',
    ]);
  });
});
