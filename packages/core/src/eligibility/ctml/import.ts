/**
 * MatchMiner CTML → EligibilityTrial. A match clause is a list of items; an item is an object
 * whose keys are `and…` / `or…` (lists of items), `clinical`, `genomic` or — for criteria CTML
 * cannot express — `continuum` (a Continuum leaf as JSON). Keys of one item are all required.
 */
import type { Criterion } from '../criteria';
import { LEAF_KINDS } from '../criteria';
import type { OncotreeHierarchy } from '../oncotree';
import type { EligibilityTrial, LevelKind, TrialLevel } from '../trial';
import { CtmlError, at } from './errors';
import { clinicalLeaves, genomicLeaf, type LeafContext } from './import-leaves';
import { parseCtmlText } from './parse-text';

export interface CtmlImportOptions {
  /** Named in errors and in each leaf's `source`. */
  file?: string;
  /** Checks every diagnosis against it; unknown names fail with suggestions. */
  oncotree?: OncotreeHierarchy;
}

/** Every trial in a CTML file (JSON, JSON array, concatenated JSON, or YAML). */
export function importCtml(text: string, options: CtmlImportOptions = {}): EligibilityTrial[] {
  const file = options.file ?? '<input>';
  return parseCtmlText(text, file).map((d) => trialFromCtml(d.value, { ...options, file, root: d.root }));
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const OPEN_STATUSES = new Set(['open to accrual', 'open', 'recruiting']);

export function trialFromCtml(doc: unknown, options: CtmlImportOptions & { root?: string } = {}): EligibilityTrial {
  const ctx: LeafContext = { file: options.file ?? '<input>', oncotree: options.oncotree };
  const root = options.root ?? '$';
  if (!isObject(doc)) throw new CtmlError(ctx.file, root, 'a CTML trial object', doc);
  // CTIMS exports nest the identifiers under trialInformation.
  const info = isObject(doc.trialInformation) ? doc.trialInformation : {};
  const protocolNo = doc.protocol_no ?? info.protocol_no;
  if (typeof protocolNo !== 'string' && typeof protocolNo !== 'number')
    throw new CtmlError(ctx.file, at(root, 'protocol_no'), 'a protocol number', protocolNo);
  const summary = isObject(doc._summary) && Array.isArray(doc._summary.status) ? doc._summary.status : [];
  const summaryStatus = isObject(summary[0]) ? summary[0].value : undefined;
  const statusText = [summaryStatus, doc.status, info.status].find((s): s is string => typeof s === 'string' && s.trim() !== '');
  const trial: EligibilityTrial = {
    protocolNo: String(protocolNo),
    status: statusText && OPEN_STATUSES.has(statusText.trim().toLowerCase()) ? 'open' : 'closed',
    steps: [],
  };
  if (statusText) trial.statusText = statusText;
  const nct = doc.nct_id ?? info.trial_id;
  if (typeof nct === 'string') trial.nctId = nct;
  const title = doc.long_title ?? doc.short_title ?? info.long_title ?? info.short_title;
  if (typeof title === 'string') trial.title = title;
  const match = matchClause(ctx, doc.match, at(root, 'match'));
  if (match) trial.match = match;

  const tl = doc.treatment_list;
  if (tl !== undefined) {
    if (!isObject(tl)) throw new CtmlError(ctx.file, at(root, 'treatment_list'), 'an object with a "step" list', tl);
    trial.steps = list(ctx, tl.step, at(at(root, 'treatment_list'), 'step')).map(([s, p, i]) =>
      level(ctx, 'step', s, p, `treatment_list.step.${i}`),
    );
  }
  const consumed = new Set(['protocol_no', 'status', 'nct_id', 'long_title', 'short_title', 'match', 'treatment_list', '_summary']);
  const extras = Object.fromEntries(Object.entries(doc).filter(([k]) => !consumed.has(k)));
  // _summary.status is the trial status (export writes it back); anything else in it is kept.
  if (isObject(doc._summary)) {
    const { status: _status, ...rest } = doc._summary;
    if (Object.keys(rest).length) extras._summary = rest;
  }
  if (Object.keys(extras).length) trial.extras = extras;
  return trial;
}

function list(ctx: LeafContext, v: unknown, path: string): Array<[unknown, string, number]> {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new CtmlError(ctx.file, path, 'a list', v);
  return v.map((item, i) => [item, at(path, i), i]);
}

const LEVEL_FIELDS: Record<
  LevelKind,
  { code: string; id: string; description: string; suspended?: string; children?: [string, LevelKind] }
> = {
  step: { code: 'step_code', id: 'step_internal_id', description: 'step_description', children: ['arm', 'arm'] },
  arm: {
    code: 'arm_code',
    id: 'arm_internal_id',
    description: 'arm_description',
    suspended: 'arm_suspended',
    children: ['dose_level', 'dose_level'],
  },
  dose_level: { code: 'level_code', id: 'level_internal_id', description: 'level_description', suspended: 'level_suspended' },
};

function level(ctx: LeafContext, kind: LevelKind, v: unknown, path: string, dotted: string): TrialLevel {
  if (!isObject(v)) throw new CtmlError(ctx.file, path, `a ${kind.replace('_', ' ')} object`, v);
  const f = LEVEL_FIELDS[kind];
  const out: TrialLevel = { level: kind, status: 'open', path: dotted, children: [] };
  if (v[f.code] !== undefined) out.code = String(v[f.code]);
  const id = v[f.id];
  if (typeof id === 'string' || typeof id === 'number') out.internalId = id;
  if (typeof v[f.description] === 'string') out.description = v[f.description] as string;
  if (f.suspended && v[f.suspended] !== undefined) {
    const s = v[f.suspended];
    if (typeof s !== 'string' || !['y', 'n'].includes(s.trim().toLowerCase()))
      throw new CtmlError(ctx.file, at(path, f.suspended), '"Y" or "N"', s);
    if (s.trim().toLowerCase() === 'y') out.status = 'closed';
  }
  const slots = v.continuum_slots;
  if (slots !== undefined) {
    if (!isObject(slots) || typeof slots.total !== 'number' || typeof slots.used !== 'number') {
      throw new CtmlError(ctx.file, at(path, 'continuum_slots'), '{ "total": number, "used": number }', slots);
    }
    out.slots = { total: slots.total, used: slots.used };
  }
  const match = matchClause(ctx, v.match, at(path, 'match'));
  if (match) out.match = match;
  if (f.children) {
    const [key, childKind] = f.children;
    out.children = list(ctx, v[key], at(path, key)).map(([c, p, i]) => level(ctx, childKind, c, p, `${dotted}.${key}.${i}`));
  }
  const consumed = new Set([f.code, f.id, f.description, f.suspended, f.children?.[0], 'match', 'continuum_slots']);
  const extras = Object.fromEntries(Object.entries(v).filter(([k]) => !consumed.has(k)));
  if (Object.keys(extras).length) out.extras = extras;
  return out;
}

/** A `match` value: a list of items (or one item) → one criterion; empty or absent → none. */
export function matchClause(ctx: LeafContext, v: unknown, path: string): Criterion | undefined {
  if (v === undefined || v === null) return undefined;
  const items = Array.isArray(v) ? v.map((item, i) => [item, at(path, i)] as const) : [[v, path] as const];
  if (items.length === 0) return undefined;
  const criteria = items.map(([item, p]) => itemCriterion(ctx, item, p));
  return criteria.length === 1 ? criteria[0] : { kind: 'all', of: criteria };
}

function itemCriterion(ctx: LeafContext, item: unknown, path: string): Criterion {
  if (!isObject(item) || Object.keys(item).length === 0)
    throw new CtmlError(ctx.file, path, 'an object with "and", "or", "clinical" or "genomic"', item);
  const parts: Criterion[] = [];
  for (const [key, value] of Object.entries(item)) {
    const p = at(path, key);
    const lower = key.toLowerCase();
    if (lower.startsWith('and') || lower.startsWith('or')) {
      if (!Array.isArray(value) || value.length === 0) throw new CtmlError(ctx.file, p, 'a non-empty list', value);
      const of = value.map((child, i) => itemCriterion(ctx, child, at(p, i)));
      parts.push({ kind: lower.startsWith('and') ? 'all' : 'any', of });
    } else if (lower === 'clinical') {
      parts.push(...clinicalLeaves(ctx, value, p));
    } else if (lower === 'genomic') {
      parts.push(genomicLeaf(ctx, value, p));
    } else if (lower === 'continuum') {
      parts.push(extensionLeaf(ctx, value, p));
    } else {
      throw new CtmlError(ctx.file, p, 'one of "and", "or", "clinical", "genomic", "continuum"', key);
    }
  }
  return parts.length === 1 ? parts[0]! : { kind: 'all', of: parts };
}

/** A Continuum leaf written as JSON (what export writes for criteria CTML has no key for). */
function extensionLeaf(ctx: LeafContext, v: unknown, path: string): Criterion {
  if (!isObject(v) || typeof v.kind !== 'string' || !LEAF_KINDS.has(v.kind)) {
    throw new CtmlError(ctx.file, at(path, 'kind'), `a Continuum leaf kind: ${[...LEAF_KINDS].join(', ')}`, isObject(v) ? v.kind : v);
  }
  const { negated, ...leaf } = v;
  const criterion = { ...leaf, source: `${ctx.file}#${path}` } as unknown as Criterion;
  return negated === true ? { kind: 'not', of: criterion } : criterion;
}
