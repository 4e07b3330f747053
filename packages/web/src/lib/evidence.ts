/**
 * Where a piece of match evidence lives on the patient page: the tab that lists it and the
 * anchor of its row (`#fact-<refId>`). The record's own ids decide when the record is at
 * hand; otherwise the evidence `field` (core's names: "labs", "genomics.alterations", ...).
 */
import type { EvidenceView, PatientDetail } from '../api/types';

export const factAnchor = (refId: string): string => `fact-${refId}`;

/** The fact id a location hash names, e.g. "#fact-123" → "123". */
export function factIdFromHash(hash: string): string | null {
  const m = /^#fact-(.+)$/.exec(hash);
  return m ? decodeURIComponent(m[1]!) : null;
}

const FIELD_TABS: Record<string, string> = {
  diagnoses: 'conditions',
  conditions: 'conditions',
  stage: 'conditions',
  ecog: 'ecog',
  performance: 'ecog',
  labs: 'labs',
  therapyLines: 'therapy',
  therapy: 'therapy',
  documents: 'documents',
  participations: 'trials',
  theranosticEligibility: 'theranostics',
};

export const TAB_NAMES: Record<string, string> = {
  conditions: 'Conditions',
  ecog: 'ECOG',
  labs: 'Labs',
  therapy: 'Therapy lines',
  molecular: 'Molecular reports',
  documents: 'Documents',
  trials: 'Trials',
  theranostics: 'Theranostics',
};

export function tabForField(field: string): string | undefined {
  if (field.startsWith('genomics') || field.startsWith('molecular')) return 'molecular';
  return FIELD_TABS[field] ?? FIELD_TABS[field.split('.')[0] ?? ''];
}

/** Fact id → tab, for every fact of the record that has an id. */
export function factTabs(patient: PatientDetail): Map<string, string> {
  const out = new Map<string, string>();
  const add = (id: string | undefined | null, tab: string) => {
    if (id) out.set(String(id), tab);
  };
  for (const c of patient.conditions ?? []) add(c.id, 'conditions');
  for (const l of patient.labs ?? []) add(l.id, 'labs');
  for (const p of patient.performance ?? []) add(p.id, 'ecog');
  for (const t of patient.therapyLines ?? []) add(t.id, 'therapy');
  for (const d of patient.documents ?? []) add(d.id, 'documents');
  for (const r of patient.molecularReports ?? []) {
    add(r.id, 'molecular');
    for (const a of r.alterations) add(a.id, 'molecular');
  }
  return out;
}

export interface EvidenceTarget {
  pathname: string;
  search: string;
  hash: string;
  tab: string;
}

/** The link to the fact on the patient's page, or null when it has no place there (birth date...). */
export function evidenceTarget(e: EvidenceView, patientId: string, known?: ReadonlyMap<string, string>): EvidenceTarget | null {
  const ref = e.refId != null && e.refId !== '' ? String(e.refId) : null;
  const tab = (ref && known?.get(ref)) ?? tabForField(e.field);
  if (!tab) return null;
  return {
    pathname: `/patients/${encodeURIComponent(patientId)}`,
    search: `?tab=${tab}`,
    hash: ref ? `#${factAnchor(encodeURIComponent(ref))}` : '',
    tab,
  };
}
