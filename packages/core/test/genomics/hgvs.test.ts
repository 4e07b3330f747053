import { describe, expect, it } from 'vitest';
import {
  NotationError,
  formatCdnaChange,
  formatProteinChange,
  matchesCodonWildcard,
  normaliseCdnaChange,
  normaliseHgvsProtein,
  parseCdnaChange,
  parseExonShorthand,
  parseProteinChange,
  proteinCodon,
  spliceShortForm,
  spliceSiteKind,
  toThreeLetter,
  tryParseProteinChange,
} from '../../src/genomics';
import { fixture } from './helpers';

/** Rows of a MAF as objects keyed by column name (header on the line after "#version"). */
function mafRows(text: string): Record<string, string>[] {
  const lines = text.split('\n').filter((l) => l !== '' && !l.startsWith('#'));
  const header = lines[0]!.split('\t');
  return lines.slice(1).map((l) => Object.fromEntries(l.split('\t').map((v, i) => [header[i]!, v])));
}

describe('HGVS protein: the notations reports use', () => {
  const cases: [string, string, string][] = [
    // input, one-letter form, three-letter form
    ['p.V600E', 'p.V600E', 'p.Val600Glu'],
    ['p.Val600Glu', 'p.V600E', 'p.Val600Glu'],
    ['V600E', 'p.V600E', 'p.Val600Glu'],
    ['NP_004324.2:p.(Val600Glu)', 'p.V600E', 'p.Val600Glu'],
    ['p.R213*', 'p.R213*', 'p.Arg213Ter'],
    ['p.Arg213Ter', 'p.R213*', 'p.Arg213Ter'],
    ['p.R213X', 'p.R213*', 'p.Arg213Ter'],
    ['p.Leu212=', 'p.L212=', 'p.Leu212='],
    ['p.R81R', 'p.R81=', 'p.Arg81='],
    ['p.E746fs', 'p.E746fs', 'p.Glu746fs'],
    ['p.Glu746ArgfsTer5', 'p.E746Rfs*5', 'p.Glu746ArgfsTer5'],
    ['p.E746_A750del', 'p.E746_A750del', 'p.Glu746_Ala750del'],
    ['p.A767_V769dup', 'p.A767_V769dup', 'p.Ala767_Val769dup'],
    ['p.L747_P753delinsS', 'p.L747_P753delinsS', 'p.Leu747_Pro753delinsSer'],
    ['p.D770_N771insSVD', 'p.D770_N771insSVD', 'p.Asp770_Asn771insSerValAsp'],
    ['p.*757Wext*?', 'p.*757Wext*?', 'p.Ter757TrpextTer?'],
    ['p.Ter110GlnextTer17', 'p.*110Qext*17', 'p.Ter110GlnextTer17'],
    ['p.Met1ext-5', 'p.M1ext-5', 'p.Met1ext-5'],
    ['p.Met1?', 'p.M1?', 'p.Met1?'],
    ['p.?', 'p.?', 'p.?'],
    ['p.0', 'p.0', 'p.0'],
  ];
  it.each(cases)('%s → %s / %s', (input, one, three) => {
    expect(normaliseHgvsProtein(input)).toBe(one);
    expect(toThreeLetter(input)).toBe(three);
    // Round trip: the three-letter form reads back to the same one-letter form.
    expect(normaliseHgvsProtein(three)).toBe(one);
  });

  it('keeps the predicted-consequence parentheses only when asked', () => {
    const c = parseProteinChange('p.(Gly12Cys)');
    expect(c).toMatchObject({ kind: 'substitution', ref: 'G', position: 12, alt: 'C', predicted: true });
    expect(formatProteinChange(c, { parentheses: true })).toBe('p.(G12C)');
    expect(formatProteinChange(c)).toBe('p.G12C');
  });

  it('reads codon wildcards and matches them the way CIViC/MatchMiner do', () => {
    const wildcard = parseProteinChange('p.V600');
    expect(wildcard).toEqual({ kind: 'codon', ref: 'V', position: 600 });
    expect(matchesCodonWildcard(parseProteinChange('p.V600E'), 'p.V600')).toBe(true);
    expect(matchesCodonWildcard(parseProteinChange('p.Val600Lys'), wildcard)).toBe(true);
    expect(matchesCodonWildcard(parseProteinChange('p.V600*'), wildcard)).toBe(false);
    expect(matchesCodonWildcard(parseProteinChange('p.V600fs'), wildcard)).toBe(false);
    expect(matchesCodonWildcard(parseProteinChange('p.K601E'), wildcard)).toBe(false);
    expect(proteinCodon(parseProteinChange('p.E746_A750del'))).toEqual({ aa: 'E', position: 746 });
    expect(proteinCodon(parseProteinChange('p.Glu746ArgfsTer5'))).toEqual({ aa: 'E', position: 746 });
  });

  it('reads exon shorthand and splice notations', () => {
    expect(parseExonShorthand('exon 19 deletion')).toEqual({ exon: 19, event: 'deletion' });
    expect(parseExonShorthand('EGFR Exon 20 insertion')).toEqual({ exon: 20, event: 'insertion' });
    expect(parseExonShorthand('ex19del')).toEqual({ exon: 19, event: 'deletion' });
    expect(parseExonShorthand('METex14')).toEqual({ exon: 14, event: 'skipping' });
    expect(parseExonShorthand('EXON 14 SKIPPING MUTATION')).toEqual({ exon: 14, event: 'skipping' });
    expect(parseProteinChange('exon 19 deletion')).toEqual({ kind: 'exon', exon: 19, event: 'deletion' });
    expect(parseProteinChange('p.X331_splice')).toEqual({ kind: 'splice', position: 331 });
    expect(parseProteinChange('e14-1')).toEqual({ kind: 'splice', exon: 14 });
    // vcf2maf's short form for splice sites: the codon of the nearest coding base, ceil(c/3).
    expect(spliceShortForm(504)).toBe('p.X168_splice');
    expect(spliceShortForm(993)).toBe('p.X331_splice');
  });

  it('refuses what it cannot read, naming the text', () => {
    expect(() => parseProteinChange('p.V600')).not.toThrow();
    expect(() => parseProteinChange('p.Val600Xyz')).toThrow(NotationError);
    expect(() => parseProteinChange('p.E750_A746del')).toThrow(/not after start/);
    expect(() => parseProteinChange('p.D770_N772insSVD')).toThrow(/adjacent/);
    expect(() => parseProteinChange('overexpression')).toThrow(/"overexpression"/);
    expect(tryParseProteinChange('amplification')).toBeUndefined();
  });
});

describe('HGVS protein on real report strings', () => {
  it('reproduces every HGVSp_Short of the vcf2maf GRCh38 golden MAF from its HGVSp (mskcc/vcf2maf tests/test_b38_output.maf)', () => {
    const rows = mafRows(fixture('vcf2maf/test_b38_output.maf'));
    expect(rows).toHaveLength(25);
    let checked = 0;
    for (const row of rows) {
      if (row.HGVSp === '' || row.HGVSp === undefined) continue;
      expect(normaliseHgvsProtein(row.HGVSp)).toBe(row.HGVSp_Short);
      expect(toThreeLetter(row.HGVSp_Short!)).toBe(row.HGVSp);
      checked++;
    }
    expect(checked).toBe(23); // two splice rows carry no HGVSp
  });

  it('reads every protein change of the TCGA LAML slice, WashU legacy notation included (vcf2maf data/tcga_laml.maf)', () => {
    const rows = mafRows(fixture('vcf2maf/tcga_laml.slice.maf'));
    const changes = rows.map((r) => r.amino_acid_change!).filter((c) => c !== 'NULL' && c !== '');
    expect(changes.length).toBeGreaterThan(250);
    const unread = changes.filter((c) => tryParseProteinChange(c) === undefined);
    expect(unread).toEqual([]);
    expect(parseProteinChange('p.601in_frame_insSSDNEYFYVDFREYEYD')).toMatchObject({
      kind: 'insertion',
      start: { position: 601 },
      inserted: 'SSDNEYFYVDFREYEYD',
    });
    expect(parseProteinChange('p.SG167in_frame_del')).toMatchObject({
      kind: 'deletion',
      start: { aa: 'S', position: 167 },
      end: { aa: 'G', position: 168 },
    });
    expect(normaliseHgvsProtein('p.W288fs')).toBe('p.W288fs');
  });

  it('reads cBioPortal HGVSp_Short strings (cBioPortal test study es_0 MAF)', () => {
    // Strings as they appear in cBioPortal's study_es_0 data_mutations_extended.maf.
    expect(parseProteinChange('p.A155Rfs*59')).toMatchObject({ kind: 'frameshift', ref: 'A', position: 155, alt: 'R', stop: 59 });
    expect(parseProteinChange('p.V1270del')).toMatchObject({ kind: 'deletion', start: { aa: 'V', position: 1270 } });
    expect(parseProteinChange('p.Q1323*')).toMatchObject({ kind: 'substitution', alt: '*' });
    expect(parseProteinChange('p.X331_splice')).toMatchObject({ kind: 'splice', position: 331 });
  });

  it('reads the CIViC VCF variant names and HGVS expressions (CIViC 2019-10-01 VCF, CC0)', () => {
    const text = fixture('civic/civic_accepted_2019-10-01.chr7_chr12.vcf');
    const names = [...text.matchAll(/;VT=([^;]+);/g)].map((m) => m[1]!);
    expect(names.length).toBe(79);
    // Every protein-style name reads; what is left is not a single HGVS protein change
    // (alternatives, CIViC's own deletion name, dbSNP ids, a promoter SNP name).
    const unread = names.filter((n) => tryParseProteinChange(n) === undefined);
    expect(unread.sort()).toEqual(['DEL_485-490', 'RS3184504', 'RS4149056', 'RS61764370', 'S893A/T', 'SNP309']);
    expect(normaliseHgvsProtein('V769_770insASV')).toBe('p.V769_770insASV');
    expect(normaliseHgvsProtein('V600E')).toBe('p.V600E');
    expect(normaliseHgvsProtein('NP_004324.2:p.Val600Asp')).toBe('p.V600D');
    expect(parseProteinChange('T1151INST')).toMatchObject({ kind: 'insertion', start: { aa: 'T', position: 1151 }, inserted: 'T' });
  });
});

describe('HGVS coding DNA', () => {
  const cases: [string, string][] = [
    ['c.1799T>A', 'c.1799T>A'],
    ['ENST00000288602.6:c.1799T>A', 'c.1799T>A'],
    ['c.2235_2249del', 'c.2235_2249del'],
    ['c.2235_2249delGGAATTAAGAGAAGC', 'c.2235_2249del'],
    ['c.2300_2308dup', 'c.2300_2308dup'],
    ['c.2310_2311insGGT', 'c.2310_2311insGGT'],
    ['c.1798_1799delinsAA', 'c.1798_1799delinsAA'],
    ['ENST00000288602.6:c.1799_1800delTGinsAT', 'c.1799_1800delinsAT'],
    ['c.3028+1G>A', 'c.3028+1G>A'],
    ['c.2888-2A>G', 'c.2888-2A>G'],
    ['c.504_508+1dup', 'c.504_508+1dup'],
    ['c.-14C>T', 'c.-14C>T'],
    ['c.*32G>A', 'c.*32G>A'],
    ['c.672del', 'c.672del'],
  ];
  it.each(cases)('%s → %s', (input, expected) => {
    expect(normaliseCdnaChange(input)).toBe(expected);
    expect(formatCdnaChange(parseCdnaChange(expected).change)).toBe(expected);
  });

  it('keeps the transcript and tells splice donors from acceptors', () => {
    expect(parseCdnaChange('NM_000245.4:c.3028+1G>T').transcript).toBe('NM_000245.4');
    expect(spliceSiteKind(parseCdnaChange('c.3028+1G>T').change)).toBe('donor');
    expect(spliceSiteKind(parseCdnaChange('c.2888-2A>G').change)).toBe('acceptor');
    expect(spliceSiteKind(parseCdnaChange('c.508+8A>G').change)).toBe('region');
    expect(spliceSiteKind(parseCdnaChange('c.1799T>A').change)).toBeUndefined();
  });

  it('refuses malformed changes', () => {
    expect(() => parseCdnaChange('1799T>A')).toThrow(/starts with "c\."/);
    expect(() => parseCdnaChange('c.1799T>T')).toThrow(/change the base/);
    expect(() => parseCdnaChange('c.10insA')).toThrow(/flanking/);
    expect(() => parseCdnaChange('c.20_10del')).toThrow(/not after/);
  });
});
