import { CNV_CALLS, COMPARATORS, THERANOSTIC_RULE_IDS, type Criterion } from '@continuum/core';
import { z } from 'zod';

/**
 * A criterion tree as the criteria editor sends it (core's Criterion, as JSON). Objects are
 * strict: a misspelt field ("withinDay") is an error naming it, never a silently wider criterion.
 */
const op = z.enum(COMPARATORS as unknown as [string, ...string[]]);
const base = { id: z.string().max(200).optional(), label: z.string().max(500).optional(), source: z.string().max(2000).optional() };
const text = z.string().trim().min(1).max(500);
const days = z.number().int().min(0).max(36_500);
const names = z.array(text).min(1).max(200);

const leaves = [
  z.strictObject({ kind: z.literal('age'), op, years: z.number().min(0).max(150), ...base }),
  z.strictObject({ kind: z.literal('sex'), sex: z.enum(['female', 'male']), ...base }),
  z.strictObject({ kind: z.literal('diagnosis'), oncotree: text, ...base }),
  z.strictObject({
    kind: z.literal('stage'),
    stages: z.array(z.string().regex(/^(0|IV|I{1,3})([A-C]\d?)?$/, 'an AJCC stage group such as "IIIA"')).min(1),
    ...base,
  }),
  z.strictObject({ kind: z.literal('ecog'), max: z.number().int().min(0).max(5), withinDays: days.optional(), ...base }),
  z.strictObject({
    kind: z.literal('priorLines'),
    op,
    count: z.number().int().min(0).max(50),
    settings: z
      .array(z.enum(['neoadjuvant', 'adjuvant', 'metastatic', 'maintenance']))
      .min(1)
      .optional(),
    ...base,
  }),
  z
    .strictObject({
      kind: z.literal('drug'),
      mode: z.enum(['prior', 'required', 'excluded']),
      drugs: names.optional(),
      drugClasses: names.optional(),
      ...base,
    })
    .refine((c) => c.drugs || c.drugClasses, { message: 'name drugs, drug classes, or both', path: ['drugs'] }),
  z.strictObject({ kind: z.literal('washout'), days, drugs: names.optional(), drugClasses: names.optional(), ...base }),
  z
    .strictObject({
      kind: z.literal('lab'),
      loinc: z.string().regex(/^\d{1,7}-\d$/, 'a LOINC code such as 2160-0'),
      display: text.optional(),
      op,
      value: z.number().finite().optional(),
      unit: text.optional(),
      timesUln: z.number().positive().optional(),
      withinDays: days.optional(),
      ...base,
    })
    .refine((c) => (c.timesUln !== undefined) !== (c.value !== undefined), {
      message: 'give either value (with unit) or timesUln',
      path: ['value'],
    })
    .refine((c) => c.value === undefined || c.unit !== undefined, { message: 'an absolute threshold needs its unit', path: ['unit'] }),
  z.strictObject({ kind: z.literal('brainMetastases'), present: z.boolean(), activeOnly: z.boolean().optional(), ...base }),
  z.strictObject({ kind: z.literal('measurableDisease'), present: z.boolean(), ...base }),
  z.strictObject({ kind: z.literal('vitalStatus'), status: z.enum(['alive', 'deceased']), ...base }),
  z.strictObject({ kind: z.literal('receptor'), receptor: z.enum(['ER', 'PR', 'HER2']), positive: z.boolean(), ...base }),
  z.strictObject({
    kind: z.literal('theranosticEligibility'),
    rule: z.enum(THERANOSTIC_RULE_IDS as unknown as [string, ...string[]]),
    ...base,
  }),
  z
    .strictObject({
      kind: z.literal('alteration'),
      gene: text.optional(),
      category: z.enum(['mutation', 'cnv', 'structural_variant', 'mutation_or_cnv']).optional(),
      proteinChange: z
        .string()
        .regex(/^p\.\(?[A-Za-z*]/, 'an HGVS protein change such as p.V600E')
        .optional(),
      codon: z
        .string()
        .regex(/^p\.[A-Za-z]{1,3}\d+$/, 'a codon such as p.V600')
        .optional(),
      exon: z.number().int().min(1).max(500).optional(),
      variantClassification: text.optional(),
      cnvCall: z.enum(CNV_CALLS as unknown as [string, ...string[]]).optional(),
      partner: text.optional(),
      minVaf: z.number().min(0).max(1).optional(),
      ...base,
    })
    .refine((c) => Object.keys(c).some((k) => !['kind', 'id', 'label', 'source'].includes(k)), {
      message: 'an alteration criterion needs at least one field (gene, category...)',
    }),
  z.strictObject({ kind: z.literal('tmb'), op, value: z.number().min(0), ...base }),
  z.strictObject({ kind: z.literal('mmr'), deficient: z.boolean(), ...base }),
  z.strictObject({ kind: z.literal('signature'), signature: text, present: z.boolean(), ...base }),
  z.strictObject({ kind: z.literal('tumourFraction'), op, value: z.number().min(0).max(1), ...base }),
  z.strictObject({ kind: z.literal('freeText'), text: z.string().trim().min(1).max(5000), ...base }),
];

export const criterionSchema: z.ZodType<unknown> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('all'), of: z.array(criterionSchema).min(1), label: z.string().max(500).optional() }),
    z.strictObject({ kind: z.literal('any'), of: z.array(criterionSchema).min(1), label: z.string().max(500).optional() }),
    z.strictObject({ kind: z.literal('not'), of: criterionSchema, label: z.string().max(500).optional() }),
    ...leaves,
  ]),
);

export type ParsedCriterion =
  | { ok: true; criterion: Criterion }
  | { ok: false; issues: Array<{ path: Array<string | number>; message: string }> };

export function parseCriterion(value: unknown): ParsedCriterion {
  const r = criterionSchema.safeParse(value);
  if (r.success) return { ok: true, criterion: r.data as Criterion };
  return { ok: false, issues: r.error.issues.map((i) => ({ path: i.path as Array<string | number>, message: i.message })) };
}
