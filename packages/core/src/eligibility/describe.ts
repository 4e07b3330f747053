/** One-line, protocol-style descriptions of criteria, used in reasons and in the UI. */
import type { Criterion, LeafCriterion } from './criteria';
import type { AlterationCriterion } from './criteria-genomic';
import { theranosticRuleTitle } from '../theranostics/rules';
import { formatComparison } from './compare';

const CNV_LABEL = {
  amplification: 'amplification',
  gain: 'gain',
  homozygous_deletion: 'homozygous deletion',
  heterozygous_deletion: 'heterozygous deletion',
} as const;

const CATEGORY_LABEL = {
  mutation: 'mutation',
  cnv: 'copy-number alteration',
  structural_variant: 'structural variant',
  mutation_or_cnv: 'mutation or copy-number alteration',
} as const;

export function describeAlteration(c: AlterationCriterion): string {
  const gene = c.gene === undefined ? 'any gene' : c.gene === 'any_gene' ? 'any gene' : c.gene;
  const parts: string[] = [];
  if (c.category === 'structural_variant' && c.partner !== undefined) {
    const partner = c.partner === 'any_gene' ? 'any gene' : c.partner;
    parts.push(`${gene}–${partner} structural variant`);
  } else {
    parts.push(gene);
    if (c.proteinChange) parts.push(c.proteinChange);
    if (c.codon) parts.push(`${c.codon} (any substitution)`);
    if (c.cnvCall) parts.push(CNV_LABEL[c.cnvCall]);
    if (c.variantClassification) parts.push(c.variantClassification.replace(/_/g, ' '));
    if (c.exon !== undefined) parts.push(`exon ${c.exon}`);
    if (c.category && !c.cnvCall && !c.proteinChange && !c.codon) parts.push(CATEGORY_LABEL[c.category]);
    if (c.partner !== undefined) parts.push(`with ${c.partner === 'any_gene' ? 'any gene' : c.partner}`);
  }
  if (c.minVaf !== undefined) parts.push(`VAF ≥ ${c.minVaf}`);
  return parts.join(' ');
}

export function describeLeaf(c: LeafCriterion): string {
  if (c.label) return c.label;
  switch (c.kind) {
    case 'age':
      return `age ${formatComparison(c.op, c.years)} years`;
    case 'sex':
      return c.sex;
    case 'diagnosis':
      return c.oncotree === '_SOLID_'
        ? 'any solid tumour'
        : c.oncotree === '_LIQUID_'
          ? 'any haematological cancer'
          : `diagnosis ${c.oncotree} or below`;
    case 'stage':
      return `stage ${c.stages.join(' or ')}`;
    case 'ecog':
      return `ECOG ≤ ${c.max}${c.withinDays !== undefined ? ` (within ${c.withinDays} days)` : ''}`;
    case 'priorLines':
      return `prior lines ${formatComparison(c.op, c.count)}${c.settings ? ` (${c.settings.join('/')})` : ''}`;
    case 'drug': {
      const names = [...(c.drugs ?? []), ...(c.drugClasses ?? [])].join(', ');
      return c.mode === 'excluded' ? `no prior ${names}` : c.mode === 'required' ? `prior ${names} (all)` : `prior ${names}`;
    }
    case 'washout':
      return `≥ ${c.days} days since last ${[...(c.drugs ?? []), ...(c.drugClasses ?? [])].join(', ') || 'therapy'}`;
    case 'lab': {
      const name = c.display ?? `LOINC ${c.loinc}`;
      const threshold =
        c.timesUln !== undefined
          ? `${formatComparison(c.op, c.timesUln)} × ULN`
          : `${formatComparison(c.op, c.value ?? NaN)} ${c.unit ?? ''}`.trim();
      return `${name} ${threshold}${c.withinDays !== undefined ? ` (within ${c.withinDays} days)` : ''}`;
    }
    case 'brainMetastases':
      return c.present ? 'brain metastases' : c.activeOnly ? 'no active brain metastases' : 'no brain metastases';
    case 'measurableDisease':
      return c.present ? 'measurable disease' : 'no measurable disease';
    case 'vitalStatus':
      return c.status;
    case 'receptor':
      return `${c.receptor} ${c.positive ? 'positive' : 'negative'}`;
    case 'theranosticEligibility':
      return `theranostic eligibility: ${theranosticRuleTitle(c.rule)}`;
    case 'alteration':
      return describeAlteration(c);
    case 'tmb':
      return `TMB ${formatComparison(c.op, c.value)} mut/Mb`;
    case 'mmr':
      return c.deficient ? 'MSI-high / MMR-deficient' : 'MSS / MMR-proficient';
    case 'signature':
      return `${c.signature} signature ${c.present ? 'present' : 'absent'}`;
    case 'tumourFraction':
      return `tumour fraction ${formatComparison(c.op, c.value)}`;
    case 'freeText':
      return c.text;
  }
}

export function describe(c: Criterion): string {
  switch (c.kind) {
    case 'all':
      return c.label ?? `all of (${c.of.map(describe).join('; ')})`;
    case 'any':
      return c.label ?? `any of (${c.of.map(describe).join('; ')})`;
    case 'not':
      return c.label ?? `not ${describe(c.of)}`;
    default:
      return describeLeaf(c);
  }
}
