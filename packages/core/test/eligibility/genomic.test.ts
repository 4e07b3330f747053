/** Genomic leaves: alterations, biomarkers, and what "not reported" means. */
import { describe, expect, it } from 'vitest';
import { evaluate, evaluateLeaf } from '../../src/eligibility/evaluate';
import type { LeafCriterion } from '../../src/eligibility/criteria';
import type { PatientFacts } from '../../src/eligibility/facts';
import { matchesCodon, normaliseProteinChange } from '../../src/eligibility/protein';
import { ctx, fact, patient, sequenced } from './helpers';

const status = (c: LeafCriterion, p: PatientFacts) => evaluateLeaf(c, p, ctx).status;
const braf = (proteinChange: string | null) =>
  sequenced({ category: 'mutation', gene: 'BRAF', proteinChange, variantClassification: 'Missense_Mutation' });

describe('protein changes', () => {
  const v600: LeafCriterion = { kind: 'alteration', gene: 'BRAF', category: 'mutation', codon: 'p.V600' };
  it('codon wildcard p.V600 matches p.V600E and p.V600K', () => {
    expect(status(v600, braf('p.V600E'))).toBe('met');
    expect(status(v600, braf('p.V600K'))).toBe('met');
  });
  it('codon wildcard does not match another codon, a longer position, a stop or an indel', () => {
    expect(status(v600, braf('p.V60E'))).toBe('not_met');
    expect(status(v600, braf('p.V6000E'))).toBe('not_met');
    expect(status(v600, braf('p.V600*'))).toBe('not_met');
    expect(status(v600, braf('p.V600_K601delinsE'))).toBe('not_met');
    expect(status(v600, braf('p.V601E'))).toBe('not_met');
  });
  it('three-letter and parenthesised HGVS are the same change', () => {
    expect(normaliseProteinChange('p.Val600Glu')).toBe('p.V600E');
    expect(normaliseProteinChange('p.(V600E)')).toBe('p.V600E');
    expect(matchesCodon('p.Val600Lys', 'V600')).toBe(true);
    expect(status({ kind: 'alteration', gene: 'BRAF', proteinChange: 'p.V600E' }, braf('p.Val600Glu'))).toBe('met');
  });
  it('exact change does not match a different change at the same codon', () => {
    expect(status({ kind: 'alteration', gene: 'BRAF', proteinChange: 'p.V600E' }, braf('p.V600K'))).toBe('not_met');
  });
  it('a mutation reported without its protein change is unknown for a change-level criterion', () => {
    const p = sequenced({ category: 'mutation', gene: 'BRAF' });
    expect(status({ kind: 'alteration', gene: 'BRAF', proteinChange: 'p.V600E' }, p)).toBe('unknown');
    expect(status({ kind: 'alteration', gene: 'BRAF', category: 'mutation' }, p)).toBe('met');
  });
  it('…but is not_met when the report states there is none (null)', () => {
    expect(status({ kind: 'alteration', gene: 'BRAF', proteinChange: 'p.V600E' }, braf(null))).toBe('not_met');
  });
});

describe('what is not on record', () => {
  const egfr: LeafCriterion = { kind: 'alteration', gene: 'EGFR', category: 'mutation' };
  it('no molecular testing: unknown; tested and absent: not_met', () => {
    expect(status(egfr, patient())).toBe('unknown');
    expect(status(egfr, sequenced())).toBe('not_met');
  });
  it('a gene outside the panel is unknown, not wild type', () => {
    const p = patient({ genomics: { alterations: [], genesTested: ['KRAS', 'BRAF'] } });
    expect(status(egfr, p)).toBe('unknown');
    expect(status({ kind: 'alteration', gene: 'KRAS', category: 'mutation' }, p)).toBe('not_met');
  });
  it('an exclusion on an untested patient stays unknown (not of unknown)', () => {
    expect(evaluate({ kind: 'not', of: egfr }, patient(), ctx).status).toBe('unknown');
    expect(evaluate({ kind: 'not', of: egfr }, sequenced(), ctx).status).toBe('met');
  });
});

describe('alteration classes', () => {
  it('copy number: amplification is not a gain; variant category CNV takes either', () => {
    const p = sequenced({ category: 'cnv', gene: 'ERBB2', cnvCall: 'gain' });
    expect(status({ kind: 'alteration', gene: 'ERBB2', cnvCall: 'amplification' }, p)).toBe('not_met');
    expect(status({ kind: 'alteration', gene: 'ERBB2', cnvCall: 'gain' }, p)).toBe('met');
    expect(status({ kind: 'alteration', gene: 'ERBB2', category: 'cnv' }, p)).toBe('met');
    expect(status({ kind: 'alteration', gene: 'ERBB2', category: 'mutation' }, p)).toBe('not_met');
  });
  it('"any variation" is mutation or copy number, not a structural variant', () => {
    const sv = sequenced({ category: 'structural_variant', gene: 'ALK', partner: 'EML4' });
    const mut = sequenced({ category: 'mutation', gene: 'ALK', proteinChange: 'p.F1174L' });
    expect(status({ kind: 'alteration', gene: 'ALK', category: 'mutation_or_cnv' }, sv)).toBe('not_met');
    expect(status({ kind: 'alteration', gene: 'ALK', category: 'mutation_or_cnv' }, mut)).toBe('met');
  });
  it('fusions: partner order does not matter; any_gene needs a partner; intergenic needs none', () => {
    const eml4alk = sequenced({ category: 'structural_variant', gene: 'EML4', partner: 'ALK' });
    const alkIntergenic = sequenced({ category: 'structural_variant', gene: 'ALK', partner: null });
    const sv = (gene: string, partner?: string): LeafCriterion => ({
      kind: 'alteration',
      gene,
      category: 'structural_variant',
      ...(partner ? { partner } : {}),
    });
    expect(status(sv('ALK', 'EML4'), eml4alk)).toBe('met');
    expect(status(sv('ALK'), eml4alk)).toBe('met');
    expect(status(sv('ALK', 'any_gene'), eml4alk)).toBe('met');
    expect(status(sv('ALK', 'any_gene'), alkIntergenic)).toBe('not_met');
    expect(status(sv('ALK', 'intergenic'), alkIntergenic)).toBe('met');
    expect(status(sv('ALK', 'intergenic'), eml4alk)).toBe('not_met');
    expect(status(sv('ALK', 'KIF5B'), eml4alk)).toBe('not_met');
  });
  it('a fusion whose partner was not reported is unknown for a partner-specific criterion', () => {
    const p = sequenced({ category: 'structural_variant', gene: 'ALK' });
    expect(status({ kind: 'alteration', gene: 'ALK', category: 'structural_variant', partner: 'EML4' }, p)).toBe('unknown');
  });
  it('an SV known only from a comment matches the genes the comment names, as whole words', () => {
    const p = sequenced({ category: 'structural_variant', text: 'EML4-ALK fusion detected' });
    expect(status({ kind: 'alteration', gene: 'ALK', category: 'structural_variant' }, p)).toBe('met');
    expect(status({ kind: 'alteration', gene: 'AL', category: 'structural_variant' }, p)).toBe('not_met');
  });
  it('exon, variant classification and minimum VAF', () => {
    const p = sequenced({
      category: 'mutation',
      gene: 'EGFR',
      proteinChange: 'p.E746_A750del',
      exon: 19,
      variantClassification: 'In_Frame_Del',
      vaf: 0.04,
    });
    expect(status({ kind: 'alteration', gene: 'EGFR', exon: 19, variantClassification: 'in_frame_del' }, p)).toBe('met');
    expect(status({ kind: 'alteration', gene: 'EGFR', exon: 21 }, p)).toBe('not_met');
    expect(status({ kind: 'alteration', gene: 'EGFR', exon: 19, minVaf: 0.05 }, p)).toBe('not_met');
    expect(status({ kind: 'alteration', gene: 'EGFR', minVaf: 0.05 }, sequenced({ category: 'mutation', gene: 'EGFR' }))).toBe('unknown');
  });
  it('a met leaf cites every supporting alteration with its provenance', () => {
    const p = patient({
      genomics: {
        alterations: [
          fact({ category: 'mutation' as const, gene: 'KRAS', proteinChange: 'p.G12C' }, '2024-05-01', 'a'),
          fact({ category: 'mutation' as const, gene: 'KRAS', proteinChange: 'p.G12D' }, '2024-09-01', 'b'),
        ],
      },
    });
    const e = evaluateLeaf({ kind: 'alteration', gene: 'KRAS', codon: 'p.G12' }, p, ctx);
    expect(e.evidence.map((x) => [x.label, x.fact.id, x.fact.provenance.observedAt])).toEqual([
      ['KRAS p.G12C', 'a', '2024-05-01'],
      ['KRAS p.G12D', 'b', '2024-09-01'],
    ]);
  });
});

describe('biomarkers', () => {
  const withTmb = (v: number) => patient({ genomics: { alterations: [], tmb: [fact(v)] } });
  it('TMB comparisons, strict and not, with borderline flag', () => {
    expect(status({ kind: 'tmb', op: '>=', value: 10 }, withTmb(10))).toBe('met');
    expect(status({ kind: 'tmb', op: '>', value: 10 }, withTmb(10))).toBe('not_met');
    expect(status({ kind: 'tmb', op: '==', value: 40 }, withTmb(40))).toBe('met');
    expect(evaluateLeaf({ kind: 'tmb', op: '>=', value: 10 }, withTmb(10.5), ctx).borderline).toBe(true);
    expect(evaluateLeaf({ kind: 'tmb', op: '>=', value: 10 }, withTmb(20), ctx).borderline).toBeUndefined();
  });
  it('TMB not reported is unknown even on a sequenced patient', () =>
    expect(status({ kind: 'tmb', op: '>=', value: 10 }, sequenced())).toBe('unknown'));
  it('MSI-H / MMR-deficient; indeterminate is unknown', () => {
    const mmr = (s: 'deficient' | 'proficient' | 'indeterminate') => patient({ genomics: { alterations: [], mmr: [fact(s)] } });
    expect(status({ kind: 'mmr', deficient: true }, mmr('deficient'))).toBe('met');
    expect(status({ kind: 'mmr', deficient: true }, mmr('proficient'))).toBe('not_met');
    expect(status({ kind: 'mmr', deficient: true }, mmr('indeterminate'))).toBe('unknown');
  });
  it('signatures: present, reported absent, or not reported', () => {
    const sig = (present: boolean) => patient({ genomics: { alterations: [], signatures: [fact({ signature: 'APOBEC', present })] } });
    expect(status({ kind: 'signature', signature: 'apobec', present: true }, sig(true))).toBe('met');
    expect(status({ kind: 'signature', signature: 'APOBEC', present: true }, sig(false))).toBe('not_met');
    expect(status({ kind: 'signature', signature: 'APOBEC', present: false }, sig(false))).toBe('met');
    expect(status({ kind: 'signature', signature: 'POLE', present: true }, sig(true))).toBe('unknown');
  });
  it('tumour fraction', () => {
    const p = patient({ genomics: { alterations: [], tumourFraction: [fact(0.08)] } });
    expect(status({ kind: 'tumourFraction', op: '>=', value: 0.1 }, p)).toBe('not_met');
  });
});
