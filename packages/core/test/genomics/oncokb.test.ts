/** The OncoKB adapter's pure half: the questions it asks and how it reads (and refuses) answers. */
import { describe, expect, it } from 'vitest';
import { GenomicsParseError, oncoKbQueryFor, parseOncoKbAnswer, parseProteinChange } from '../../src/index';

describe('oncoKbQueryFor', () => {
  it('asks about protein changes without the p. prefix, CNAs by type and fusions by both genes', () => {
    expect(oncoKbQueryFor({ gene: 'BRAF', kind: 'mutation', protein: parseProteinChange('p.Val600Glu') }, 'mel')).toMatchObject({
      endpoint: 'mutations/byProteinChange',
      body: { gene: { hugoSymbol: 'BRAF' }, alteration: 'V600E', tumorType: 'MEL' },
    });
    expect(oncoKbQueryFor({ gene: 'ERBB2', kind: 'amplification' }, 'BRCA')?.body).toEqual({
      gene: { hugoSymbol: 'ERBB2' },
      copyNameAlterationType: 'AMPLIFICATION',
      tumorType: 'BRCA',
    });
    expect(oncoKbQueryFor({ gene: 'ALK', kind: 'fusion', gene5: 'EML4', gene3: 'ALK' }, 'LUAD')?.key).toBe('sv|EML4|ALK|LUAD');
    // Nothing to ask about a mutation without a protein change, or a report-level biomarker.
    expect(oncoKbQueryFor({ gene: 'TP53', kind: 'mutation' }, 'LUAD')).toBeUndefined();
    expect(oncoKbQueryFor({ gene: 'MSI', kind: 'biomarker', biomarker: 'MSI-H' }, 'COAD')).toBeUndefined();
  });
});

describe('parseOncoKbAnswer', () => {
  const ok = {
    query: { hugoSymbol: 'EGFR', alteration: 'T790M', tumorType: 'LUAD' },
    geneExist: true,
    variantExist: true,
    treatments: [{ alterations: ['T790M'], drugs: [{ drugName: 'Osimertinib' }], level: 'LEVEL_1', pmids: ['27959700'] }],
    dataVersion: 'v4.24',
  };

  it('reads an IndicatorQueryResp', () => {
    const a = parseOncoKbAnswer(ok, 'test');
    expect(a.treatments[0]).toMatchObject({ level: 'LEVEL_1', drugs: [{ drugName: 'Osimertinib' }], pmids: ['27959700'] });
    expect(a.dataVersion).toBe('v4.24');
  });

  it('refuses an unknown level or a missing data version, naming the field', () => {
    const badLevel = { ...ok, treatments: [{ ...ok.treatments[0], level: 'LEVEL_9' }] };
    expect(() => parseOncoKbAnswer(badLevel, 'mut|EGFR|T790M|LUAD')).toThrow(GenomicsParseError);
    expect(() => parseOncoKbAnswer(badLevel, 'mut|EGFR|T790M|LUAD')).toThrow(/treatments\[0\]\.level.*LEVEL_1/);
    expect(() => parseOncoKbAnswer({ ...ok, dataVersion: undefined }, 'x')).toThrow(/dataVersion/);
  });
});
