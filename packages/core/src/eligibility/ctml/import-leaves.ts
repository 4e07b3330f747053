/**
 * CTML `clinical` and `genomic` nodes → typed leaves. The vocabulary is MatchMiner's
 * (config.json `trial_key_mappings` and its value mappers); see docs/matching.md.
 *
 * Negation: a value starting with "!" negates. For `clinical`, each key is its own criterion,
 * so "!" negates that key alone. For `genomic`, the keys together describe one alteration and a
 * "!" on any of them excludes patients having that whole alteration (MatchMiner's reading).
 */
import type { Criterion, LeafCriterion } from '../criteria';
import type { ClinicalCriterion } from '../criteria-clinical';
import type { AlterationCriterion, CnvCall, GenomicCriterion, VariantCategoryCriterion } from '../criteria-genomic';
import { parseComparison } from '../compare';
import { isCodon } from '../protein';
import type { OncotreeHierarchy } from '../oncotree';
import { LIQUID, SOLID } from '../oncotree';
import { CtmlError, at } from './errors';

export interface LeafContext {
  file: string;
  /** Validates diagnosis names/codes; unknown ones raise an error with suggestions. */
  oncotree?: OncotreeHierarchy;
}

const CLINICAL_KEYS = [
  'age_numerical',
  'oncotree_primary_diagnosis',
  'gender',
  'tmb_numerical',
  'her2_status',
  'er_status',
  'pr_status',
  'disease_status',
];
const SIGNATURE_KEYS: Record<string, string> = {
  apobec_signature: 'APOBEC',
  pole_signature: 'POLE',
  tobacco_signature: 'tobacco',
  temozolomide_signature: 'temozolomide',
  uva_signature: 'UVA',
};
const GENOMIC_KEYS = [
  'hugo_symbol',
  'variant_category',
  'protein_change',
  'wildcard_protein_change',
  'variant_classification',
  'exon',
  'cnv_call',
  'fusion_partner_hugo_symbol',
  'display_name',
  'mmr_status',
  'ms_status',
  ...Object.keys(SIGNATURE_KEYS),
];

const CATEGORIES: Record<string, VariantCategoryCriterion> = {
  mutation: 'mutation',
  'copy number variation': 'cnv',
  cnv: 'cnv',
  'structural variation': 'structural_variant',
  sv: 'structural_variant',
  'any variation': 'mutation_or_cnv',
};
const CNV: Record<string, CnvCall> = {
  'high amplification': 'amplification',
  'high level amplification': 'amplification',
  'low amplification': 'gain',
  gain: 'gain',
  'homozygous deletion': 'homozygous_deletion',
  'heterozygous deletion': 'heterozygous_deletion',
};
const MMR: Record<string, boolean> = { 'mmr-deficient': true, 'msi-h': true, 'mmr-proficient': false, 'msi-l': false, mss: false };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** "!value" → { value, negated: true }. */
function bang(v: unknown): { value: unknown; negated: boolean } {
  if (typeof v === 'string' && v.startsWith('!')) return { value: v.slice(1), negated: true };
  return { value: v, negated: false };
}

function text(ctx: LeafContext, path: string, v: unknown, expected: string): string {
  if (typeof v === 'number') return String(v);
  if (typeof v !== 'string' || v.trim() === '') throw new CtmlError(ctx.file, path, expected, v);
  return v.trim();
}

function lookup<T>(ctx: LeafContext, path: string, table: Record<string, T>, v: unknown, what: string): T {
  const key = typeof v === 'string' ? v.trim().toLowerCase() : undefined;
  if (key === undefined || !(key in table)) {
    throw new CtmlError(
      ctx.file,
      path,
      `${what}: one of ${Object.keys(table)
        .map((k) => JSON.stringify(k))
        .join(', ')}`,
      v,
    );
  }
  return table[key]!;
}

const maybeNot = (leaf: Criterion, negated: boolean): Criterion => (negated ? { kind: 'not', of: leaf } : leaf);

/** One `clinical` node: every key is a criterion of its own, all required. */
export function clinicalLeaves(ctx: LeafContext, node: unknown, path: string): Criterion[] {
  if (!isObject(node)) throw new CtmlError(ctx.file, path, 'an object of clinical criteria', node);
  const out: Criterion[] = [];
  for (const [rawKey, raw] of Object.entries(node)) {
    const key = rawKey.toLowerCase();
    const p = at(path, rawKey);
    const source = `${ctx.file}#${p}`;
    const { value, negated } = bang(raw);
    let leaf: ClinicalCriterion | LeafCriterion;
    switch (key) {
      case 'age_numerical':
      case 'tmb_numerical': {
        const cmp = typeof value === 'string' && !negated ? parseComparison(value) : undefined;
        if (!cmp) throw new CtmlError(ctx.file, p, 'a comparison such as ">=18" (no "!")', raw);
        leaf =
          key === 'age_numerical'
            ? { kind: 'age', op: cmp.op, years: cmp.value, source }
            : { kind: 'tmb', op: cmp.op, value: cmp.value, source };
        break;
      }
      case 'oncotree_primary_diagnosis': {
        const code = text(ctx, p, value, 'an OncoTree name or code');
        if (ctx.oncotree && code !== SOLID && code !== LIQUID && !ctx.oncotree.has(code)) {
          throw new CtmlError(ctx.file, p, 'a known OncoTree name or code', code, ctx.oncotree.suggest?.(code, 3) ?? []);
        }
        leaf = { kind: 'diagnosis', oncotree: code, source };
        break;
      }
      case 'gender': {
        const sex = text(ctx, p, value, '"Male" or "Female"').toLowerCase();
        if (sex !== 'male' && sex !== 'female') throw new CtmlError(ctx.file, p, '"Male" or "Female"', raw);
        leaf = { kind: 'sex', sex, source };
        break;
      }
      case 'her2_status':
      case 'er_status':
      case 'pr_status': {
        const positive = receptorValue(value);
        if (positive === undefined) throw new CtmlError(ctx.file, p, 'true/false or "Positive"/"Negative"', raw);
        leaf = { kind: 'receptor', receptor: key === 'her2_status' ? 'HER2' : key === 'er_status' ? 'ER' : 'PR', positive, source };
        break;
      }
      case 'disease_status':
        // MatchMiner ignores it; we keep it so a person sees it (free text is always unknown).
        out.push({ kind: 'freeText', text: `disease status: ${typeof raw === 'string' ? raw : JSON.stringify(raw)}`, source });
        continue;
      default:
        throw new CtmlError(ctx.file, p, `a clinical key: ${CLINICAL_KEYS.join(', ')}`, rawKey);
    }
    out.push(maybeNot(leaf, negated));
  }
  if (out.length === 0) throw new CtmlError(ctx.file, path, 'at least one clinical criterion', node);
  return out;
}

function receptorValue(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (typeof v !== 'string') return undefined;
  const s = v.trim().toLowerCase();
  if (['positive', 'pos', '+', 'true', 'yes'].includes(s)) return true;
  if (['negative', 'neg', '-', 'false', 'no'].includes(s)) return false;
  return undefined;
}

/**
 * One `genomic` node. Signature and MMR/MSI keys become their own leaves (their `hugo_symbol`
 * and `variant_category` are placeholders MatchMiner does not query); everything else describes
 * one alteration.
 */
export function genomicLeaf(ctx: LeafContext, node: unknown, path: string): Criterion {
  if (!isObject(node)) throw new CtmlError(ctx.file, path, 'an object of genomic criteria', node);
  const source = `${ctx.file}#${path}`;
  let negated = false;
  const values: Record<string, { value: unknown; path: string; raw: unknown }> = {};
  for (const [rawKey, raw] of Object.entries(node)) {
    const key = rawKey.toLowerCase();
    const p = at(path, rawKey);
    if (!GENOMIC_KEYS.includes(key)) throw new CtmlError(ctx.file, p, `a genomic key: ${GENOMIC_KEYS.join(', ')}`, rawKey);
    const b = key === 'display_name' ? { value: raw, negated: false } : bang(raw);
    negated ||= b.negated;
    values[key] = { value: b.value, path: p, raw };
  }
  const get = (k: string) => values[k];
  const label = get('display_name') ? text(ctx, get('display_name')!.path, get('display_name')!.value, 'a display name') : undefined;

  const special: GenomicCriterion[] = [];
  if (get('mmr_status') && get('ms_status'))
    throw new CtmlError(ctx.file, get('ms_status')!.path, 'either mmr_status or ms_status, not both', node);
  const mmr = get('mmr_status') ?? get('ms_status');
  if (mmr) special.push({ kind: 'mmr', deficient: lookup(ctx, mmr.path, MMR, mmr.value, 'an MMR/MSI status'), source });
  for (const [key, signature] of Object.entries(SIGNATURE_KEYS)) {
    const s = get(key);
    if (!s) continue;
    const yes = typeof s.value === 'string' ? s.value.trim().toLowerCase() : s.value;
    if (yes !== 'yes' && yes !== 'no' && yes !== true && yes !== false) throw new CtmlError(ctx.file, s.path, '"Yes" or "No"', s.raw);
    special.push({ kind: 'signature', signature, present: yes === 'yes' || yes === true, source });
  }
  if (special.length) {
    const alterationKeys = [
      'protein_change',
      'wildcard_protein_change',
      'variant_classification',
      'exon',
      'cnv_call',
      'fusion_partner_hugo_symbol',
    ];
    const clash = alterationKeys.find((k) => get(k));
    if (clash) throw new CtmlError(ctx.file, get(clash)!.path, 'no alteration keys next to a signature or MMR/MSI key', get(clash)!.raw);
    const leaf: Criterion = special.length === 1 ? special[0]! : { kind: 'all', of: special };
    if (label && special.length === 1) special[0]!.label = label;
    return maybeNot(leaf, negated);
  }

  const a: AlterationCriterion = { kind: 'alteration', source };
  if (label) a.label = label;
  if (get('hugo_symbol')) a.gene = text(ctx, get('hugo_symbol')!.path, get('hugo_symbol')!.value, 'a gene symbol');
  if (get('variant_category'))
    a.category = lookup(ctx, get('variant_category')!.path, CATEGORIES, get('variant_category')!.value, 'a variant category');
  if (get('protein_change'))
    a.proteinChange = text(ctx, get('protein_change')!.path, get('protein_change')!.value, 'a protein change such as "p.V600E"');
  if (get('wildcard_protein_change')) {
    const w = get('wildcard_protein_change')!;
    const codon = text(ctx, w.path, w.value, 'a codon such as "p.V600"');
    if (!isCodon(codon)) throw new CtmlError(ctx.file, w.path, 'a codon such as "p.V600" (residue and position only)', w.raw);
    a.codon = codon.startsWith('p.') ? codon : `p.${codon}`;
  }
  if (get('variant_classification'))
    a.variantClassification = text(
      ctx,
      get('variant_classification')!.path,
      get('variant_classification')!.value,
      'a variant classification',
    );
  if (get('exon')) {
    const e = get('exon')!;
    const n = Number(typeof e.value === 'string' ? e.value.trim() : e.value);
    if (!Number.isInteger(n) || n < 1) throw new CtmlError(ctx.file, e.path, 'an exon number', e.raw);
    a.exon = n;
  }
  if (get('cnv_call')) a.cnvCall = lookup(ctx, get('cnv_call')!.path, CNV, get('cnv_call')!.value, 'a copy-number call');
  if (get('fusion_partner_hugo_symbol'))
    a.partner = text(
      ctx,
      get('fusion_partner_hugo_symbol')!.path,
      get('fusion_partner_hugo_symbol')!.value,
      'a gene symbol, any_gene or intergenic',
    );
  if (Object.keys(a).length <= 2 + (label ? 1 : 0)) throw new CtmlError(ctx.file, path, 'at least one genomic criterion', node);
  return maybeNot(a, negated);
}
