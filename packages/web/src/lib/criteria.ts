/**
 * The criteria editor's model: a criterion tree (@continuum/core `Criterion`) held as form
 * state. Leaves keep their field values as the strings typed (a number input may hold "0."
 * for a moment); `toCriterion` turns the tree back into a Criterion, checking every field and
 * naming the node and field of each problem. The same walk records, for every node, where the
 * server would name it in a 400 (criteria JSON path and CTML path), so that server-side
 * problems can be shown next to the field too.
 */
import type { Comparator, Criterion, LeafCriterion } from '@continuum/core';
import { THERANOSTIC_RULES } from '@continuum/core/theranostics/rules';

export type GroupKind = 'all' | 'any' | 'not';
export type LeafKind = LeafCriterion['kind'];

export interface GroupNode {
  uid: string;
  kind: GroupKind;
  label?: string;
  children: ENode[];
}

export interface LeafNode {
  uid: string;
  kind: LeafKind;
  /** Field values as typed; booleans as "true"/"false", lists comma-separated. */
  values: Record<string, string>;
  /** Fields the editor does not show (source, unknown extras), written back untouched. */
  rest: Record<string, unknown>;
}

export type ENode = GroupNode | LeafNode;

export const isGroup = (n: ENode): n is GroupNode => n.kind === 'all' || n.kind === 'any' || n.kind === 'not';

// ---------- Field specifications ----------

export type FieldType = 'number' | 'integer' | 'text' | 'textarea' | 'select' | 'list' | 'checkbox';

export interface FieldSpec {
  key: string;
  label: string;
  type: FieldType;
  required?: boolean;
  options?: ReadonlyArray<readonly [string, string]>;
  min?: number;
  max?: number;
  step?: number;
  hint?: string;
  /** A datalist the page provides (OncoTree codes, LOINC codes). */
  datalist?: 'oncotree' | 'loinc';
  /** Allowed items of a list field. */
  allowed?: readonly string[];
  /** Shown (and written) only when this holds. */
  when?: (values: Record<string, string>) => boolean;
  /** Not part of the criterion: steers the form (e.g. absolute vs × ULN). */
  virtual?: boolean;
  /** Rarely needed: shown under "More options" unless it has a value. */
  more?: boolean;
}

export interface LeafSpec {
  kind: LeafKind;
  /** What the "add" menu says. */
  name: string;
  group: 'Clinical' | 'Genomic' | 'Other';
  fields: FieldSpec[];
  defaults: Record<string, string>;
}

const COMPARATOR_OPTIONS: ReadonlyArray<readonly [Comparator, string]> = [
  ['>=', '≥ at least'],
  ['>', '> more than'],
  ['<=', '≤ at most'],
  ['<', '< less than'],
  ['==', '= exactly'],
];
const op = (label = 'Comparison'): FieldSpec => ({ key: 'op', label, type: 'select', required: true, options: COMPARATOR_OPTIONS });
const yesNo = (key: string, label: string, yes = 'Yes', no = 'No'): FieldSpec => ({
  key,
  label,
  type: 'select',
  required: true,
  options: [
    ['true', yes],
    ['false', no],
  ],
});

export const THERAPY_SETTINGS = ['neoadjuvant', 'adjuvant', 'metastatic', 'maintenance'] as const;
const labAbsolute = (v: Record<string, string>) => v.$threshold !== 'uln';
const labUln = (v: Record<string, string>) => v.$threshold === 'uln';

// prettier-ignore
export const LEAF_SPECS: readonly LeafSpec[] = [
  { kind: 'age', name: 'Age', group: 'Clinical', defaults: { op: '>=', years: '18' }, fields: [
    op(), { key: 'years', label: 'Years', type: 'number', required: true, min: 0, max: 130, step: 0.5, hint: 'Fractions are months: 0.5 = 6 months.' },
  ] },
  { kind: 'sex', name: 'Sex', group: 'Clinical', defaults: { sex: 'female' }, fields: [
    { key: 'sex', label: 'Sex', type: 'select', required: true, options: [['female', 'Female'], ['male', 'Male']] },
  ] },
  { kind: 'diagnosis', name: 'Diagnosis (OncoTree)', group: 'Clinical', defaults: { oncotree: '' }, fields: [
    { key: 'oncotree', label: 'OncoTree code', type: 'text', required: true, datalist: 'oncotree', hint: 'The node admits its descendants; _SOLID_ or _LIQUID_ for tumour-agnostic trials.' },
  ] },
  { kind: 'stage', name: 'Stage (AJCC)', group: 'Clinical', defaults: { stages: '' }, fields: [
    { key: 'stages', label: 'Stage groups', type: 'list', required: true, hint: 'Comma-separated, e.g. "III, IV"; "III" admits IIIA–IIIC.' },
  ] },
  { kind: 'ecog', name: 'ECOG performance status', group: 'Clinical', defaults: { max: '1', withinDays: '' }, fields: [
    { key: 'max', label: 'Maximum ECOG', type: 'integer', required: true, min: 0, max: 5 },
    { key: 'withinDays', label: 'Assessed within (days)', type: 'integer', min: 1, hint: 'Optional freshness window.' },
  ] },
  { kind: 'priorLines', name: 'Prior lines of therapy', group: 'Clinical', defaults: { op: '>=', count: '1', settings: '' }, fields: [
    op(), { key: 'count', label: 'Number of lines', type: 'integer', required: true, min: 0, max: 20 },
    { key: 'settings', label: 'Only lines in settings', type: 'list', allowed: THERAPY_SETTINGS, hint: `Optional, comma-separated: ${THERAPY_SETTINGS.join(', ')}.` },
  ] },
  { kind: 'drug', name: 'Drugs or drug classes', group: 'Clinical', defaults: { mode: 'prior', drugs: '', drugClasses: '' }, fields: [
    { key: 'mode', label: 'Rule', type: 'select', required: true, options: [['prior', 'Prior: one of them was given'], ['required', 'Required: all of them were given'], ['excluded', 'Excluded: none was given']] },
    { key: 'drugs', label: 'Drugs', type: 'list', hint: 'Comma-separated, e.g. "sotorasib, adagrasib".' },
    { key: 'drugClasses', label: 'Drug classes', type: 'list', hint: 'Comma-separated, e.g. "platinum, anti-PD-1".' },
  ] },
  { kind: 'washout', name: 'Washout', group: 'Clinical', defaults: { days: '28', drugs: '', drugClasses: '' }, fields: [
    { key: 'days', label: 'Days since the last therapy', type: 'integer', required: true, min: 0 },
    { key: 'drugs', label: 'Only after drugs', type: 'list', hint: 'Optional, comma-separated.' },
    { key: 'drugClasses', label: 'Only after drug classes', type: 'list', hint: 'Optional, comma-separated.' },
  ] },
  { kind: 'lab', name: 'Lab threshold (LOINC)', group: 'Clinical', defaults: { loinc: '', display: '', op: '<=', $threshold: 'absolute', value: '', unit: '', timesUln: '', withinDays: '' }, fields: [
    { key: 'loinc', label: 'LOINC code', type: 'text', required: true, datalist: 'loinc', hint: 'e.g. 2160-0 (creatinine), 1920-8 (AST).' },
    { key: 'display', label: 'Test name', type: 'text' },
    op(),
    { key: '$threshold', label: 'Threshold', type: 'select', virtual: true, required: true, options: [['absolute', 'Absolute value'], ['uln', 'Multiple of the upper limit of normal (× ULN)']] },
    { key: 'value', label: 'Value', type: 'number', required: true, when: labAbsolute },
    { key: 'unit', label: 'Unit (UCUM)', type: 'text', required: true, when: labAbsolute, hint: 'A result in another unit is unknown: no silent conversion.' },
    { key: 'timesUln', label: '× ULN', type: 'number', required: true, min: 0, step: 0.1, when: labUln },
    { key: 'withinDays', label: 'Result within (days)', type: 'integer', min: 1, hint: 'The protocol’s freshness window; an older result is unknown.' },
  ] },
  { kind: 'brainMetastases', name: 'Brain metastases', group: 'Clinical', defaults: { present: 'false', activeOnly: 'true' }, fields: [
    yesNo('present', 'Brain metastases', 'Present', 'Absent'),
    { key: 'activeOnly', label: 'Active ones only', type: 'checkbox' },
  ] },
  { kind: 'measurableDisease', name: 'Measurable disease', group: 'Clinical', defaults: { present: 'true' }, fields: [
    yesNo('present', 'Measurable disease (RECIST)', 'Required', 'Not allowed'),
  ] },
  { kind: 'vitalStatus', name: 'Vital status', group: 'Clinical', defaults: { status: 'alive' }, fields: [
    { key: 'status', label: 'Vital status', type: 'select', required: true, options: [['alive', 'Alive'], ['deceased', 'Deceased']] },
  ] },
  { kind: 'receptor', name: 'ER / PR / HER2 status', group: 'Clinical', defaults: { receptor: 'HER2', positive: 'true' }, fields: [
    { key: 'receptor', label: 'Receptor', type: 'select', required: true, options: [['ER', 'ER'], ['PR', 'PR'], ['HER2', 'HER2']] },
    yesNo('positive', 'Status', 'Positive', 'Negative'),
  ] },
  { kind: 'theranosticEligibility', name: 'Theranostic eligibility (PET read)', group: 'Clinical', defaults: { rule: 'vision-psma-pet' }, fields: [
    { key: 'rule', label: 'Rule', type: 'select', required: true, options: THERANOSTIC_RULES.map((r) => [r.id, r.title] as const), hint: 'Evaluated on the latest PET read of the rule’s tracer; unknown without one.' },
  ] },
  { kind: 'alteration', name: 'Gene alteration', group: 'Genomic', defaults: { gene: '', category: '', proteinChange: '', codon: '', exon: '', variantClassification: '', cnvCall: '', partner: '', minVaf: '' }, fields: [
    { key: 'gene', label: 'Gene (HGNC symbol)', type: 'text', hint: 'e.g. KRAS, or any_gene.' },
    { key: 'category', label: 'Alteration class', type: 'select', options: [['', 'Any class'], ['mutation', 'Mutation'], ['cnv', 'Copy-number variation'], ['structural_variant', 'Structural variant / fusion'], ['mutation_or_cnv', 'Mutation or CNV']] },
    { key: 'proteinChange', label: 'Protein change', type: 'text', hint: 'Exact HGVS, e.g. p.G12C.' },
    { key: 'codon', label: 'Codon (wildcard)', type: 'text', hint: 'e.g. p.V600 matches p.V600E and p.V600K.', more: true },
    { key: 'exon', label: 'Exon', type: 'integer', min: 1, more: true },
    { key: 'variantClassification', label: 'Variant classification', type: 'text', hint: 'MAF class, e.g. In_Frame_Del.', more: true },
    { key: 'cnvCall', label: 'Copy-number call', type: 'select', options: [['', 'Any call'], ['amplification', 'Amplification'], ['gain', 'Gain'], ['homozygous_deletion', 'Homozygous deletion'], ['heterozygous_deletion', 'Heterozygous deletion']], more: true },
    { key: 'partner', label: 'Fusion partner', type: 'text', hint: 'A gene, any_gene or intergenic.', more: true },
    { key: 'minVaf', label: 'Minimum VAF (0–1)', type: 'number', min: 0, max: 1, step: 0.01, more: true },
  ] },
  { kind: 'tmb', name: 'Tumour mutational burden', group: 'Genomic', defaults: { op: '>=', value: '10' }, fields: [
    op(), { key: 'value', label: 'TMB (mut/Mb)', type: 'number', required: true, min: 0 },
  ] },
  { kind: 'mmr', name: 'MSI-H / MMR deficiency', group: 'Genomic', defaults: { deficient: 'true' }, fields: [
    yesNo('deficient', 'MSI / MMR status', 'MSI-H / MMR-deficient', 'MSS / MMR-proficient'),
  ] },
  { kind: 'signature', name: 'Mutational signature', group: 'Genomic', defaults: { signature: 'apobec', present: 'true' }, fields: [
    { key: 'signature', label: 'Signature', type: 'select', required: true, options: [['apobec', 'APOBEC'], ['pole', 'POLE'], ['tobacco', 'Tobacco'], ['temozolomide', 'Temozolomide'], ['uva', 'UVA']] },
    yesNo('present', 'Signature', 'Present', 'Absent'),
  ] },
  { kind: 'tumourFraction', name: 'ctDNA tumour fraction', group: 'Genomic', defaults: { op: '>=', value: '0.1' }, fields: [
    op(), { key: 'value', label: 'Tumour fraction (0–1)', type: 'number', required: true, min: 0, max: 1, step: 0.01 },
  ] },
  { kind: 'freeText', name: 'Free text (to verify)', group: 'Other', defaults: { text: '' }, fields: [
    { key: 'text', label: 'Protocol text', type: 'textarea', required: true, hint: 'Kept verbatim; always "unknown" until it is made computable — it shows as “to verify”.' },
  ] },
];

const LABEL_FIELD: FieldSpec = {
  key: 'label',
  label: 'Display label',
  type: 'text',
  hint: 'Shown instead of the generated description.',
  more: true,
};

export const SPEC_BY_KIND: ReadonlyMap<string, LeafSpec> = new Map(LEAF_SPECS.map((s) => [s.kind, s]));

/** The fields a leaf shows, the display label last. */
export function fieldsOf(node: LeafNode): FieldSpec[] {
  const spec = SPEC_BY_KIND.get(node.kind);
  return spec ? [...spec.fields.filter((f) => !f.when || f.when(node.values)), LABEL_FIELD] : [LABEL_FIELD];
}

export const GROUP_NAMES: Record<GroupKind, string> = {
  all: 'All of (and)',
  any: 'Any of (or)',
  not: 'Not',
};

// ---------- Criterion ⇄ editor model ----------

let counter = 0;
export const newUid = (): string => `n${++counter}`;
const newLeafId = (): string => `c-${Date.now().toString(36)}-${(++counter).toString(36)}`;

export function newLeaf(kind: LeafKind): LeafNode {
  const spec = SPEC_BY_KIND.get(kind);
  return { uid: newUid(), kind, values: { ...(spec?.defaults ?? {}), label: '' }, rest: { id: newLeafId() } };
}

export function newGroup(kind: GroupKind, children: ENode[] = []): GroupNode {
  return { uid: newUid(), kind, children };
}

export function fromCriterion(c: Criterion): ENode {
  if (c.kind === 'all' || c.kind === 'any') {
    return { uid: newUid(), kind: c.kind, ...(c.label ? { label: c.label } : {}), children: c.of.map(fromCriterion) };
  }
  if (c.kind === 'not') return { uid: newUid(), kind: 'not', ...(c.label ? { label: c.label } : {}), children: [fromCriterion(c.of)] };
  const spec = SPEC_BY_KIND.get(c.kind);
  // Absent fields stay empty (no defaults): an unchanged tree must serialise back unchanged.
  const values: Record<string, string> = Object.fromEntries((spec?.fields ?? []).map((f) => [f.key, '']));
  const rest: Record<string, unknown> = {};
  const shown = new Set([...(spec?.fields.map((f) => f.key) ?? []), 'label']);
  for (const [k, v] of Object.entries(c as unknown as Record<string, unknown>)) {
    if (k === 'kind') continue;
    if (!shown.has(k) || (v !== null && typeof v === 'object' && !Array.isArray(v))) rest[k] = v;
    else values[k] = Array.isArray(v) ? v.join(', ') : v === undefined || v === null ? '' : String(v);
  }
  values.label ??= '';
  if (c.kind === 'lab') values.$threshold = c.timesUln !== undefined ? 'uln' : 'absolute';
  return { uid: newUid(), kind: c.kind, values, rest };
}

export interface NodeProblem {
  uid: string;
  /** The field, or undefined for the node as a whole. */
  field?: string;
  message: string;
}

export interface Serialised {
  criterion: Criterion | null;
  problems: NodeProblem[];
  /** Every node's addresses, for mapping server problems back (see `addressesOf`). */
  addresses: Array<{ uid: string; json: string[]; ctml: string[] }>;
}

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

function parseNumber(f: FieldSpec, raw: string, problems: string[]): number | undefined {
  const text = raw.trim().replace(',', '.');
  if (!NUMBER.test(text)) {
    problems.push(`Enter a number${f.type === 'integer' ? ' (whole)' : ''}.`);
    return undefined;
  }
  const n = Number(text);
  if (f.type === 'integer' && !Number.isInteger(n)) problems.push('Enter a whole number.');
  else if (f.min !== undefined && n < f.min) problems.push(`Enter ${f.min} or more.`);
  else if (f.max !== undefined && n > f.max) problems.push(`Enter ${f.max} or less.`);
  else return n;
  return undefined;
}

/** One leaf back to a Criterion; problems name the field. Invalid fields are left out. */
function leafToCriterion(node: LeafNode, problems: NodeProblem[]): LeafCriterion {
  const out: Record<string, unknown> = { kind: node.kind, ...node.rest };
  for (const f of fieldsOf(node)) {
    if (f.virtual) continue;
    const raw = (node.values[f.key] ?? '').trim();
    const fieldProblems: string[] = [];
    if (f.type === 'checkbox') {
      if (raw === 'true') out[f.key] = true;
      else delete out[f.key];
      continue;
    }
    if (raw === '') {
      if (f.required) fieldProblems.push(`${f.label} is required.`);
      delete out[f.key];
    } else if (f.type === 'number' || f.type === 'integer') {
      const n = parseNumber(f, raw, fieldProblems);
      if (n !== undefined) out[f.key] = n;
    } else if (f.type === 'list') {
      const items = raw
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      const bad = f.allowed ? items.filter((i) => !f.allowed!.includes(i)) : [];
      if (bad.length) fieldProblems.push(`Not a known value: ${bad.join(', ')}. Use ${f.allowed!.join(', ')}.`);
      if (items.length) out[f.key] = items;
      else if (f.required) fieldProblems.push(`${f.label} is required.`);
    } else if (f.type === 'select' && f.options && (f.options[0]?.[0] === 'true' || f.options[0]?.[0] === 'false')) {
      out[f.key] = raw === 'true';
    } else {
      if (f.options && !f.options.some(([v]) => v === raw)) fieldProblems.push(`Choose one of the listed values.`);
      out[f.key] = raw;
    }
    for (const message of fieldProblems) problems.push({ uid: node.uid, field: f.key, message });
  }
  // Fields a hidden branch owns (lab: value/unit vs × ULN) are dropped, not kept stale.
  if (node.kind === 'lab') {
    if (node.values.$threshold === 'uln') {
      delete out.value;
      delete out.unit;
    } else delete out.timesUln;
  }
  if (node.kind === 'drug' && !out.drugs && !out.drugClasses) {
    problems.push({ uid: node.uid, field: 'drugs', message: 'Name at least one drug or drug class.' });
  }
  if (node.kind === 'alteration' && out.gene === undefined && out.partner === undefined) {
    problems.push({ uid: node.uid, field: 'gene', message: 'Name a gene (or any_gene), or a fusion partner.' });
  }
  return out as unknown as LeafCriterion;
}

/**
 * The tree back to a Criterion, with every problem and every node's addresses:
 * `json` = segments inside the criteria JSON (`of.2.of.0`), `ctml` = segments inside the
 * level's CTML match clause (`match.0.and.2.or.0`, negations pushed down as export does).
 */
export function toCriterion(root: ENode | null): Serialised {
  const problems: NodeProblem[] = [];
  const addresses: Serialised['addresses'] = [];
  if (!root) return { criterion: null, problems, addresses };

  const walk = (n: ENode, json: string[], ctml: string[], negated: boolean): Criterion => {
    addresses.push({ uid: n.uid, json, ctml });
    if (!isGroup(n)) return leafToCriterion(n, problems);
    if (n.kind === 'not') {
      if (n.children.length !== 1) problems.push({ uid: n.uid, message: 'A “not” group takes exactly one criterion.' });
      const child = n.children[0];
      const of = child ? walk(child, [...json, 'of'], ctml, !negated) : ({ kind: 'freeText', text: '' } as LeafCriterion);
      return { kind: 'not', of, ...(n.label ? { label: n.label } : {}) };
    }
    if (n.children.length === 0) problems.push({ uid: n.uid, message: 'Add at least one criterion to this group, or remove it.' });
    const key = (n.kind === 'all') !== negated ? 'and' : 'or';
    const of = n.children.map((c, i) => walk(c, [...json, 'of', String(i)], [...ctml, key, String(i)], negated));
    return { kind: n.kind, of, ...(n.label ? { label: n.label } : {}) };
  };
  const criterion = walk(root, [], ['match', '0'], false);
  return { criterion, problems, addresses };
}

// ---------- Tree edits (immutable) ----------

export function updateNode(root: ENode, uid: string, f: (n: ENode) => ENode | null): ENode | null {
  if (root.uid === uid) return f(root);
  if (!isGroup(root)) return root;
  let changed = false;
  const children: ENode[] = [];
  for (const c of root.children) {
    const next = updateNode(c, uid, f);
    if (next !== c) changed = true;
    if (next) children.push(next);
  }
  return changed ? { ...root, children } : root;
}

/** The group a node sits in, and its index there. */
export function parentOf(root: ENode | null, uid: string): { parent: GroupNode; index: number } | undefined {
  if (!root || !isGroup(root)) return undefined;
  const index = root.children.findIndex((c) => c.uid === uid);
  if (index >= 0) return { parent: root, index };
  for (const c of root.children) {
    const found = parentOf(c, uid);
    if (found) return found;
  }
  return undefined;
}

export function moveChild(root: ENode, parentUid: string, index: number, delta: -1 | 1): ENode | null {
  return updateNode(root, parentUid, (p) => {
    if (!isGroup(p)) return p;
    const j = index + delta;
    if (j < 0 || j >= p.children.length) return p;
    const children = [...p.children];
    [children[index], children[j]] = [children[j]!, children[index]!];
    return { ...p, children };
  });
}

/** Changing a group to "not" with several children wraps them in an "all of" group first. */
export function changeGroupKind(g: GroupNode, kind: GroupKind): GroupNode {
  if (kind === 'not' && g.children.length > 1) return { ...g, kind, children: [newGroup('all', g.children)] };
  return { ...g, kind };
}

// ---------- Server problems → nodes ----------

/** CTML keys (clinical/genomic) to the editor's field names. */
const CTML_FIELD: Record<string, string> = {
  age_numerical: 'years',
  oncotree_primary_diagnosis: 'oncotree',
  gender: 'sex',
  tmb_numerical: 'value',
  hugo_symbol: 'gene',
  variant_category: 'category',
  protein_change: 'proteinChange',
  wildcard_protein_change: 'codon',
  variant_classification: 'variantClassification',
  exon: 'exon',
  cnv_call: 'cnvCall',
  fusion_partner_hugo_symbol: 'partner',
  mmr_status: 'deficient',
  ms_status: 'deficient',
  display_name: 'label',
  er_status: 'positive',
  pr_status: 'positive',
  her2_status: 'positive',
};

/** "body.criteria[a.b].of[2].years" (or ['a.b']) → ["criteria","a","b","of","2","years"]. */
export function pathSegments(path: string): string[] {
  return path
    .replace(/^\$\.?/, '')
    .replace(/\[["']([^"']*)["']\]/g, '.$1')
    .replace(/\[([^\]]*)\]/g, '.$1')
    .split(/[./]/)
    .filter((s) => s !== '' && s !== 'body' && s !== '$');
}

function startsWith(a: readonly string[], prefix: readonly string[]): boolean {
  return prefix.length <= a.length && prefix.every((s, i) => a[i] === s);
}

export interface LevelAddresses {
  level: string;
  addresses: Serialised['addresses'];
}

/**
 * Which node (and field) a server problem path names: the longest node address it starts
 * with, as criteria JSON (`criteria.<level>.of.1.years`) or as CTML
 * (`<level>.match.0.and.1.clinical.age_numerical`). Undefined when it names none.
 */
export function locateProblem(
  path: string,
  levels: readonly LevelAddresses[],
  fieldsOfUid: (uid: string) => readonly string[],
): { level: string; uid: string; field?: string } | undefined {
  const all = pathSegments(path);
  // "body.ctml.<CTML path>": the CTML path continues the field name.
  const segs = all[0] === 'ctml' ? all.slice(1) : all;
  let best: { level: string; uid: string; rest: string[]; len: number } | undefined;
  for (const { level, addresses } of levels) {
    const levelSegs = level.split('.');
    // The trial-wide clause is the document's top-level `match`.
    const ctmlBase = level === 'trial' || level === 'match' ? [] : levelSegs;
    for (const a of addresses) {
      const candidates = [
        ['criteria', ...levelSegs, ...a.json],
        [...ctmlBase, ...a.ctml],
      ];
      for (const c of candidates) {
        // On a tie the later (deeper) node wins: a "not" and its child share one CTML address.
        if (startsWith(segs, c) && (!best || c.length >= best.len)) best = { level, uid: a.uid, rest: segs.slice(c.length), len: c.length };
      }
    }
  }
  if (!best) return undefined;
  const fields = fieldsOfUid(best.uid);
  let field: string | undefined;
  for (const s of best.rest) {
    const f = fields.includes(s) ? s : CTML_FIELD[s];
    if (f && fields.includes(f)) {
      field = f;
      break;
    }
  }
  return { level: best.level, uid: best.uid, ...(field ? { field } : {}) };
}

/** Same tree? (JSON comparison, key order ignored.) */
export function sameCriterion(a: Criterion | null | undefined, b: Criterion | null | undefined): boolean {
  return canonical(a ?? null) === canonical(b ?? null);
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}
