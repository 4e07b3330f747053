/**
 * EligibilityTrial → MatchMiner CTML. Negations are pushed down to the leaves (CTML negates
 * only leaf values, with "!"), numeric negations become the complementary comparison, and
 * criteria CTML has no key for are written as `continuum` nodes — unless `matchMinerOnly` is
 * set, in which case they are refused with the path where they would have gone.
 */
import { stringify } from 'yaml';
import type { Criterion, LeafCriterion } from '../criteria';
import type { CnvCall, VariantCategoryCriterion } from '../criteria-genomic';
import { complement } from '../compare';
import { describeLeaf } from '../describe';
import type { EligibilityTrial, TrialLevel } from '../trial';
import { CtmlError, at } from './errors';

export interface CtmlExportOptions {
  /** Refuse criteria MatchMiner cannot read instead of writing `continuum` nodes. */
  matchMinerOnly?: boolean;
}

type Json = Record<string, unknown>;

const CATEGORY: Record<VariantCategoryCriterion, string> = {
  mutation: 'Mutation',
  cnv: 'Copy Number Variation',
  structural_variant: 'Structural Variation',
  mutation_or_cnv: 'Any Variation',
};
const CNV: Record<CnvCall, string> = {
  amplification: 'High Amplification',
  gain: 'Low Amplification',
  homozygous_deletion: 'Homozygous Deletion',
  heterozygous_deletion: 'Heterozygous Deletion',
};
const SIGNATURE_KEY: Record<string, string> = {
  apobec: 'apobec_signature',
  pole: 'pole_signature',
  tobacco: 'tobacco_signature',
  temozolomide: 'temozolomide_signature',
  uva: 'uva_signature',
};
const comparison = (op: string, n: number) => `${op}${n}`;

export function trialToCtml(trial: EligibilityTrial, options: CtmlExportOptions = {}): Json {
  const isOpen = trial.status === 'open';
  const statusTextAgrees =
    trial.statusText !== undefined && /^(open to accrual|open|recruiting)$/i.test(trial.statusText.trim()) === isOpen;
  const status = statusTextAgrees ? trial.statusText! : isOpen ? 'Open to Accrual' : 'Closed to Accrual';
  const out: Json = { protocol_no: trial.protocolNo };
  if (trial.nctId) out.nct_id = trial.nctId;
  if (trial.title) out.long_title = trial.title;
  out.status = status;
  for (const [k, v] of Object.entries(trial.extras ?? {})) out[k] = v;
  // MatchMiner reads openness from _summary.status[0].value: keep it in step with `status`.
  out._summary = { ...((out._summary as Json | undefined) ?? {}), status: [{ value: status }] };
  if (trial.match) out.match = matchToCtml(trial.match, options, '$.match');
  out.treatment_list = { step: trial.steps.map((s, i) => levelToCtml(s, options, `$.treatment_list.step[${i}]`)) };
  return out;
}

export function formatCtml(trial: EligibilityTrial, format: 'json' | 'yaml' = 'json', options: CtmlExportOptions = {}): string {
  const doc = trialToCtml(trial, options);
  return format === 'json' ? `${JSON.stringify(doc, null, 2)}\n` : stringify(doc);
}

function levelToCtml(l: TrialLevel, options: CtmlExportOptions, path: string): Json {
  const out: Json = {};
  const prefix = l.level === 'dose_level' ? 'level' : l.level;
  if (l.internalId !== undefined) out[`${prefix}_internal_id`] = l.internalId;
  if (l.code !== undefined) out[`${prefix}_code`] = l.code;
  if (l.description !== undefined) out[`${prefix}_description`] = l.description;
  if (l.level !== 'step') out[`${prefix}_suspended`] = l.status === 'closed' ? 'Y' : 'N';
  for (const [k, v] of Object.entries(l.extras ?? {})) out[k] = v;
  if (l.slots) out.continuum_slots = { ...l.slots };
  if (l.match) out.match = matchToCtml(l.match, options, at(path, 'match'));
  if (l.level === 'step') out.arm = l.children.map((a, i) => levelToCtml(a, options, `${path}.arm[${i}]`));
  if (l.level === 'arm') out.dose_level = l.children.map((d, i) => levelToCtml(d, options, `${path}.dose_level[${i}]`));
  return out;
}

/** A criterion as a CTML match list (one item). */
export function matchToCtml(c: Criterion, options: CtmlExportOptions = {}, path = '$.match'): Json[] {
  return [item(c, false, options, at(path, 0))];
}

function item(c: Criterion, negated: boolean, options: CtmlExportOptions, path: string): Json {
  if (c.kind === 'not') return item(c.of, !negated, options, path);
  if (c.kind === 'all' || c.kind === 'any') {
    // De Morgan: not(all) = any(not ...), not(any) = all(not ...).
    const conj = (c.kind === 'all') !== negated;
    const key = conj ? 'and' : 'or';
    return { [key]: c.of.map((child, i) => item(child, negated, options, at(at(path, key), i))) };
  }
  return leaf(c, negated, options, path);
}

const bang = (negated: boolean, v: string) => (negated ? `!${v}` : v);

function leaf(c: LeafCriterion, negated: boolean, options: CtmlExportOptions, path: string): Json {
  switch (c.kind) {
    case 'age':
    case 'tmb': {
      const key = c.kind === 'age' ? 'age_numerical' : 'tmb_numerical';
      const n = c.kind === 'age' ? c.years : c.value;
      const op = negated ? complement(c.op) : c.op;
      if (op) return { clinical: { [key]: comparison(op, n) } };
      break;
    }
    case 'diagnosis':
      return { clinical: { oncotree_primary_diagnosis: bang(negated, c.oncotree) } };
    case 'sex':
      return { clinical: { gender: bang(negated, c.sex === 'male' ? 'Male' : 'Female') } };
    case 'receptor':
      return { clinical: { [`${c.receptor.toLowerCase()}_status`]: c.positive !== negated ? 'Positive' : 'Negative' } };
    case 'mmr':
      return {
        genomic: {
          mmr_status: bang(negated, c.deficient ? 'MMR-Deficient' : 'MMR-Proficient'),
          ...(c.label ? { display_name: c.label } : {}),
        },
      };
    case 'signature': {
      const key = SIGNATURE_KEY[c.signature.toLowerCase()];
      // "not present" and "reported absent" are the same three-valued criterion.
      if (key) return { genomic: { [key]: c.present !== negated ? 'Yes' : 'No', ...(c.label ? { display_name: c.label } : {}) } };
      break;
    }
    case 'alteration': {
      if (c.minVaf !== undefined) break;
      const g: Json = {};
      if (c.gene !== undefined) g.hugo_symbol = c.gene;
      if (c.category) g.variant_category = CATEGORY[c.category];
      if (c.proteinChange) g.protein_change = c.proteinChange;
      if (c.codon) g.wildcard_protein_change = c.codon;
      if (c.variantClassification) g.variant_classification = c.variantClassification;
      if (c.exon !== undefined) g.exon = String(c.exon);
      if (c.cnvCall) g.cnv_call = CNV[c.cnvCall];
      if (c.partner !== undefined) g.fusion_partner_hugo_symbol = c.partner;
      if (c.label) g.display_name = c.label;
      if (negated) {
        // One "!" negates the whole alteration; put it on the first key present.
        const key = [
          'hugo_symbol',
          'variant_category',
          'protein_change',
          'wildcard_protein_change',
          'variant_classification',
          'cnv_call',
          'exon',
          'fusion_partner_hugo_symbol',
        ].find((k) => k in g)!;
        g[key] = `!${g[key] as string}`;
      }
      return { genomic: g };
    }
    default:
      break;
  }
  if (options.matchMinerOnly) throw new CtmlError('<export>', path, 'a criterion MatchMiner CTML can express', describeLeaf(c));
  const { source: _source, ...rest } = c;
  return { continuum: negated ? { ...rest, negated: true } : rest };
}
