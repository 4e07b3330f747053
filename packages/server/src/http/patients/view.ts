import type { OncoTree } from '@continuum/core';
import type { loadPatient } from './queries';

type Loaded = NonNullable<Awaited<ReturnType<typeof loadPatient>>>;
type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const iso = (v: unknown): string | null => (v == null ? null : v instanceof Date ? v.toISOString() : String(v));

export const provenanceOf = (r: Row) => ({
  source: r.source as string,
  observedAt: iso(r.observed_at)!,
  recordedAt: iso(r.recorded_at)!,
  recordedBy: r.recorded_by as string,
});

export interface TimelineItem {
  at: string;
  kind: 'diagnosis' | 'therapy' | 'molecular' | 'lab' | 'document' | 'performance' | 'participation';
  title: string;
  detail: string;
  refId: string;
}

/** The API view of a patient record, with a chronological timeline across every kind of fact. */
export function patientView(d: Loaded, oncotree: OncoTree) {
  const name = (code: string) => oncotree.get(code)?.name ?? code;
  const conditions = d.conditions.map((c: Row) => ({
    id: c.id, kind: c.kind, oncotreeCode: c.oncotree_code, oncotreeName: name(c.oncotree_code), bodySite: c.body_site,
    diagnosedAt: iso(c.diagnosed_at), tnm: { t: c.tnm_t, n: c.tnm_n, m: c.tnm_m }, stage: c.stage, version: c.version,
    provenance: provenanceOf(c),
  }));
  const performance = d.performance.map((p: Row) => ({ id: p.id, ecog: p.ecog, provenance: provenanceOf(p) }));
  const labs = d.labs.map((l: Row) => ({
    id: l.id, loinc: l.loinc, display: l.display, value: l.value, unit: l.unit,
    upperLimitOfNormal: l.upper_limit_of_normal, lowerLimitOfNormal: l.lower_limit_of_normal, provenance: provenanceOf(l),
  }));
  const therapyLines = d.lines.map((t: Row) => ({
    id: t.id, lineNumber: t.line_number, setting: t.setting, drugs: t.drugs, startedAt: iso(t.started_at), endedAt: iso(t.ended_at),
    bestResponse: t.best_response, stopReason: t.stop_reason, provenance: provenanceOf(t),
  }));
  const byReport = new Map<string, Row[]>();
  for (const a of d.alterations as Row[]) byReport.set(a.report_id, [...(byReport.get(a.report_id) ?? []), a]);
  const molecularReports = d.reports.map((m: Row) => ({
    id: m.id, specimen: m.specimen, panel: m.panel, reportedAt: iso(m.reported_at), tmb: m.tmb, msi: m.msi, tumourFraction: m.tumour_fraction,
    alterations: (byReport.get(m.id) ?? []).map((a) => ({
      id: a.id, gene: a.gene, alterationClass: a.alteration_class, hgvsProtein: a.hgvs_protein, hgvsCdna: a.hgvs_cdna,
      vaf: a.vaf, copyNumber: a.copy_number, fusionPartner: a.fusion_partner,
    })),
    provenance: provenanceOf(m),
  }));
  const documents = d.documents.map((doc: Row) => ({
    id: doc.id, kind: doc.kind, title: doc.title, authoredAt: iso(doc.authored_at), text: doc.body, provenance: provenanceOf(doc),
  }));
  const participations = d.participations.map((p: Row) => ({
    id: p.id, trialId: p.trial_id, protocolNumber: p.protocol_number, acronym: p.acronym, status: p.status, since: iso(p.since),
    version: p.version, provenance: provenanceOf(p),
  }));

  const timeline: TimelineItem[] = [
    ...conditions.map((c) => ({
      at: c.diagnosedAt!, kind: 'diagnosis' as const, refId: c.id,
      title: `${c.kind === 'primary' ? 'Diagnosis' : 'Metastasis'}: ${c.oncotreeName} (${c.oncotreeCode})`,
      detail: [c.bodySite, c.stage && `stage ${c.stage}`, [c.tnm.t, c.tnm.n, c.tnm.m].filter(Boolean).join(' ')].filter(Boolean).join(' · '),
    })),
    ...therapyLines.map((t) => ({
      at: t.startedAt!, kind: 'therapy' as const, refId: t.id,
      title: `Line ${t.lineNumber} (${t.setting}): ${(t.drugs as { name: string }[]).map((x) => x.name).join(' + ')}`,
      detail: [t.endedAt ? `until ${t.endedAt}` : 'ongoing', t.bestResponse && `best response ${t.bestResponse}`, t.stopReason].filter(Boolean).join(' · '),
    })),
    ...molecularReports.map((m) => ({
      at: m.reportedAt!, kind: 'molecular' as const, refId: m.id,
      title: `${m.specimen === 'ctdna' ? 'ctDNA' : 'Tissue'} report — ${m.panel}`,
      detail: [
        m.alterations.map((a) => `${a.gene} ${a.hgvsProtein ?? a.alterationClass}`).join(', ') || 'no alteration detected',
        m.tmb != null && `TMB ${m.tmb} mut/Mb`, m.msi, m.tumourFraction != null && `TF ${(m.tumourFraction * 100).toFixed(1)} %`,
      ].filter(Boolean).join(' · '),
    })),
    ...labs.map((l) => ({
      at: l.provenance.observedAt, kind: 'lab' as const, refId: l.id,
      title: `${l.display}: ${l.value} ${l.unit}`,
      detail: l.upperLimitOfNormal != null ? `normal ${l.lowerLimitOfNormal ?? ''}–${l.upperLimitOfNormal} ${l.unit}` : '',
    })),
    ...performance.map((p) => ({ at: p.provenance.observedAt, kind: 'performance' as const, refId: p.id, title: `ECOG ${p.ecog}`, detail: '' })),
    ...documents.map((doc) => ({ at: doc.authoredAt!, kind: 'document' as const, refId: doc.id, title: doc.title, detail: doc.kind })),
    ...participations.map((p) => ({
      at: p.since!, kind: 'participation' as const, refId: p.id, title: `Trial ${p.protocolNumber}${p.acronym ? ` (${p.acronym})` : ''}: ${p.status}`, detail: '',
    })),
  ].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));

  const p = d.patient;
  return {
    id: p.id, pseudonym: p.pseudonym, sex: p.sex, birthYear: p.birth_year, vitalStatus: p.vital_status, version: p.version,
    conditions, performance, labs, therapyLines, molecularReports, documents, participations, timeline,
  };
}
