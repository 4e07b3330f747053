import type { Provenance } from '@continuum/core';
import type { PatientDetail } from '../api/types';
import { labFlag, referenceRange, reportBiomarkers, specimenLabel, tnmText } from './clinical';
import { formatDate, formatNumber, formatPercent, humanise, MISSING, timeOf } from './format';
import { DOCUMENT_KINDS } from './vocab';

export const TIMELINE_KINDS = ['diagnosis', 'therapy', 'molecular', 'lab', 'performance', 'document', 'trial'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export const KIND_LABELS: Record<TimelineKind, string> = {
  diagnosis: 'Diagnoses',
  therapy: 'Lines of therapy',
  molecular: 'Molecular reports',
  lab: 'Labs',
  performance: 'ECOG',
  document: 'Documents',
  trial: 'Trial participations',
};

/** The short tag on a single event. */
export const KIND_TAGS: Record<TimelineKind, string> = {
  diagnosis: 'Diagnosis',
  therapy: 'Therapy',
  molecular: 'Molecular',
  lab: 'Lab',
  performance: 'ECOG',
  document: 'Document',
  trial: 'Trial',
};

export interface TimelineEvent {
  key: string;
  kind: TimelineKind;
  /** ISO date or instant at which the fact happened (not when it was recorded). */
  at: string;
  title: string;
  details: string[];
  provenance: Provenance;
}

type NameOf = (oncotreeCode: string) => string | undefined;

/**
 * One event per clinical fact, oldest first. Built from the record's own arrays so that what
 * the timeline shows is exactly what the tabs show.
 */
export function buildTimeline(p: PatientDetail, nameOf: NameOf): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  (p.conditions ?? []).forEach((c, i) => {
    const name = c.oncotreeName ?? nameOf(c.oncotreeCode);
    const site = c.bodySite ? ` (${c.bodySite})` : '';
    events.push({
      key: `diagnosis-${i}`,
      kind: 'diagnosis',
      at: c.diagnosedAt,
      title: `${c.kind === 'primary' ? 'Primary' : 'Secondary'} diagnosis: ${c.oncotreeCode}${name ? ` — ${name}` : ''}${site}`,
      details: [c.stage ? `Stage ${c.stage}` : '', tnmText(c.tnm) !== MISSING ? `TNM ${tnmText(c.tnm)}` : ''].filter(Boolean),
      provenance: c.provenance,
    });
  });
  (p.therapyLines ?? []).forEach((t, i) => {
    events.push({
      key: `therapy-${i}`,
      kind: 'therapy',
      at: t.startedAt,
      title: `Line ${t.lineNumber} (${t.setting}): ${t.drugs.map((d) => d.name).join(' + ') || MISSING}`,
      details: [
        t.drugs.length ? `Classes: ${t.drugs.map((d) => d.drugClass).join(', ')}` : '',
        `Ended: ${t.endedAt ? formatDate(t.endedAt) : 'ongoing'}`,
        `Best response: ${t.bestResponse ?? MISSING}`,
        t.stopReason ? `Stop reason: ${t.stopReason}` : '',
      ].filter(Boolean),
      provenance: t.provenance,
    });
  });
  (p.molecularReports ?? []).forEach((r, i) => {
    const alterations = r.alterations.map((a) => {
      const change = a.hgvsProtein ?? a.hgvsCdna ?? humanise(a.alterationClass).toLowerCase();
      const partner = a.fusionPartner ? ` (partner ${a.fusionPartner})` : '';
      const vaf = a.vaf != null ? ` VAF ${formatPercent(a.vaf)}` : '';
      const cn = a.copyNumber != null ? ` CN ${formatNumber(a.copyNumber)}` : '';
      return `${a.gene} ${change}${partner}${vaf}${cn}`;
    });
    events.push({
      key: `molecular-${i}`,
      kind: 'molecular',
      at: r.reportedAt,
      title: `${specimenLabel(r.specimen)} molecular report — ${r.panel}`,
      details: [reportBiomarkers(r), alterations.length ? `Alterations: ${alterations.join('; ')}` : 'No reportable alteration'].filter(
        Boolean,
      ),
      provenance: r.provenance,
    });
  });
  (p.labs ?? []).forEach((l, i) => {
    const flag = labFlag(l);
    events.push({
      key: `lab-${i}`,
      kind: 'lab',
      at: l.provenance.observedAt,
      title: `${l.display}: ${formatNumber(l.value, 3)} ${l.unit}${flag ? ` (${flag})` : ''}`,
      details: [
        referenceRange(l) !== MISSING ? `Reference range ${referenceRange(l)} ${l.unit}` : 'No reference range reported',
        `LOINC ${l.loinc}`,
      ],
      provenance: l.provenance,
    });
  });
  (p.performance ?? []).forEach((s, i) => {
    events.push({
      key: `performance-${i}`,
      kind: 'performance',
      at: s.provenance.observedAt,
      title: `ECOG performance status ${s.ecog}`,
      details: [],
      provenance: s.provenance,
    });
  });
  (p.documents ?? []).forEach((d, i) => {
    events.push({
      key: `document-${i}`,
      kind: 'document',
      at: d.authoredAt,
      title: `${DOCUMENT_KINDS[d.kind] ?? humanise(d.kind)}: ${d.title}`,
      details: [],
      provenance: d.provenance,
    });
  });
  (p.participations ?? []).forEach((t, i) => {
    events.push({
      key: `trial-${i}`,
      kind: 'trial',
      at: t.since,
      title: `Trial ${t.protocolNumber}${t.acronym ? ` (${t.acronym})` : ''}: ${humanise(t.status)}`,
      details: [],
      provenance: t.provenance,
    });
  });
  const order = (k: TimelineKind) => TIMELINE_KINDS.indexOf(k);
  // Undated facts sink to the end instead of scrambling the order.
  return events.sort((a, b) => {
    const ta = timeOf(a.at);
    const tb = timeOf(b.at);
    if (Number.isNaN(ta) !== Number.isNaN(tb)) return Number.isNaN(ta) ? 1 : -1;
    return ta - tb || order(a.kind) - order(b.kind);
  });
}
