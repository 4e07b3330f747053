import { describeCriterion, type ChecklistItem, type Evaluation, type Evidence, type Truth } from '@continuum/core';

/** The API's shapes (docs/api.md "Matching"): what the web app renders, stored as JSON with each match. */
export interface EvidenceView {
  field: string;
  label: string;
  source: string;
  observedAt: string | null;
  recordedAt: string | null;
  recordedBy: string | null;
  /** Id of the fact's row (lab_result, alteration, molecular_report, condition...), to link to it. */
  refId?: string;
}

export interface ExplanationNode {
  status: Truth;
  kind: string;
  text: string;
  reason: string;
  stale?: boolean;
  borderline?: boolean;
  evidence: EvidenceView[];
  children?: ExplanationNode[];
}

export interface ChecklistView {
  kind: 'unknown' | 'stale' | 'borderline';
  text: string;
  reason: string;
  evidence: EvidenceView[];
  /** Where the criterion was written (CTML path), when known. */
  source?: string;
}

export function evidenceView(e: Evidence): EvidenceView {
  const p = e.fact.provenance;
  const view: EvidenceView = {
    field: e.field,
    label: e.label,
    source: p.source,
    // Demographics carry no dates of their own (core gives ""): say so with null.
    observedAt: p.observedAt || null,
    recordedAt: p.recordedAt || null,
    recordedBy: p.recordedBy || null,
  };
  if (e.fact.id) view.refId = e.fact.id;
  return view;
}

const GROUP_TEXT = { all: 'all of', any: 'any of', not: 'not' } as const;
const STATUS_TEXT = { met: 'met', not_met: 'not met', unknown: 'unknown' } as const;

/**
 * The whole criterion tree of a level, evaluated for one patient: every node with its status
 * and reason, every leaf with the evidence that decided it. A group node says how its children
 * came out rather than repeating their text and evidence: each level of nesting would otherwise
 * copy its whole subtree again (a nested protocol tree would weigh megabytes per match).
 */
export function explanationOf(e: Evaluation): ExplanationNode {
  const c = e.criterion;
  if (c.kind !== 'all' && c.kind !== 'any' && c.kind !== 'not') {
    const leaf: ExplanationNode = { status: e.status, kind: c.kind, text: describeCriterion(c), reason: e.reason, evidence: dedupe(e.evidence).map(evidenceView) };
    if (e.stale) leaf.stale = true;
    if (e.borderline) leaf.borderline = true;
    return leaf;
  }
  const children = (e.children ?? []).map(explanationOf);
  const count = (s: Truth) => children.filter((x) => x.status === s).length;
  const reason =
    c.kind === 'not'
      ? `${STATUS_TEXT[e.status]}: the criterion below is ${STATUS_TEXT[children[0]?.status ?? 'unknown']}`
      : `${STATUS_TEXT[e.status]}: ${count('met')} met, ${count('not_met')} not met, ${count('unknown')} unknown of ${children.length}`;
  return { status: e.status, kind: c.kind, text: c.label ?? GROUP_TEXT[c.kind], reason, evidence: [], children };
}

// A fact can decide a leaf twice (two alterations in one report); it is listed once.
function dedupe(list: Evidence[]): Evidence[] {
  const seen = new Set<unknown>();
  return list.filter((e) => (seen.has(e.fact) ? false : (seen.add(e.fact), true)));
}

export function checklistView(items: readonly ChecklistItem[]): ChecklistView[] {
  return items.map((i) => ({
    kind: i.why,
    text: i.criterion,
    reason: i.detail,
    evidence: i.evidence.map(evidenceView),
    ...(i.source ? { source: i.source } : {}),
  }));
}
