/**
 * The content of an MTB case as the chair signs it, and its SHA-256.
 *
 * Content = the patient's pseudonymised summary, the report, its alterations ranked with the
 * evidence summary and flags the board saw, the recommendations, the meeting, and the versions
 * of the knowledge sources. Its canonical JSON (keys sorted, audit/canonical.ts) is what is
 * hashed and stored with the signature, so the signed report can be re-rendered exactly and
 * re-checked at any time.
 *
 * The "record" part (case, report, alteration rows, recommendations) is what stays locked after
 * signing: verify-on-read rebuilds it from the live tables and compares it with the signed
 * snapshot. The rest (ECOG, lines of therapy, evidence) may legitimately move on after the
 * meeting; the snapshot keeps what was signed.
 */
import type { GenomicsKnowledge, OncoTree } from '@continuum/core';
import { createHash } from 'node:crypto';
import { canonicalJson } from '../audit/canonical';
import { annotateStoredReport, type RankedAlteration } from './annotation';
import { iso, type CaseRecord, type RecommendationRow } from './case-record';

export const CONTENT_FORMAT = 'continuum-mtb-case/1';

/** The chair's statement, shown before signing and stored with the signature (21 CFR 11.50: the meaning of a signature). */
export const SIGNATURE_MEANING = 'I approve these recommendations as chair of this Molecular Tumour Board.';

export interface ContentAlteration {
  key: string;
  rank: number;
  gene: string;
  alteration: string;
  alterationClass: string;
  hgvsCdna: string | null;
  vaf: number | null;
  copyNumber: number | null;
  fusionPartner: string | null;
  escatSuggested: string;
  escatRule: string;
  escatTherapies: string[];
  evidence: {
    source: string;
    version: string;
    level: string;
    direction: string;
    supports: boolean;
    therapies: string[];
    disease: string;
    relation: string;
    items: number;
  }[];
  flags: { kind: string; reason: string; action: string }[];
}

export interface ContentRecommendation {
  id: string;
  alterationKey: string;
  gene: string;
  alteration: string;
  kind: string;
  therapy: string | null;
  trial: { id: string; protocolNumber: string | null; title: string | null } | null;
  escatSuggested: string;
  escatDecided: string;
  rationale: string;
  author: { username: string; displayName: string | null };
}

export interface CaseContent {
  format: string;
  case: { id: string; reportId: string; patientId: string };
  patient: {
    pseudonym: string;
    sex: string;
    birthYear: number | null;
    diagnosis: { oncotreeCode: string; name: string; diagnosedAt: string; stage: string | null } | null;
    ecog: { value: number; observedAt: string | null } | null;
    therapyLines: {
      lineNumber: number;
      setting: string;
      drugs: string[];
      startedAt: string;
      endedAt: string | null;
      bestResponse: string | null;
    }[];
  };
  report: {
    id: string;
    specimen: string;
    panel: string;
    reportedAt: string;
    tmb: number | null;
    msi: string | null;
    tumourFraction: number | null;
    source: string;
  };
  tumourType: { code: string; name: string; basis: 'primary diagnosis' | 'no diagnosis on record' };
  alterations: ContentAlteration[];
  recommendations: ContentRecommendation[];
  meeting: { id: string; title: string; scheduledAt: string; chair: { username: string; displayName: string } } | null;
  knowledgeBase: { source: string; version: string }[];
}

export interface BuiltContent {
  content: CaseContent;
  sha256: string;
  ranked: RankedAlteration[];
}

export const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export function tumourTypeOf(record: CaseRecord, oncotree: OncoTree): CaseContent['tumourType'] {
  const code = record.diagnosis?.oncotree_code as string | undefined;
  if (code && oncotree.has(code)) return { code: code.toUpperCase(), name: oncotree.get(code)!.name, basis: 'primary diagnosis' };
  const root = oncotree.get('TISSUE');
  return { code: 'TISSUE', name: root?.name ?? 'Tissue', basis: 'no diagnosis on record' };
}

function recommendationContent(r: RecommendationRow, ranked: readonly RankedAlteration[]): ContentRecommendation {
  const key = r.alteration_id ?? r.biomarker!;
  const a = ranked.find((x) => x.key === key);
  return {
    id: r.id,
    alterationKey: key,
    gene: a?.gene ?? (r.biomarker ? (r.biomarker === 'MSI-H' ? 'MSI' : 'TMB') : '?'),
    alteration: a?.alteration ?? r.biomarker ?? '?',
    kind: r.kind,
    therapy: r.therapy,
    trial: r.trial_id ? { id: r.trial_id, protocolNumber: r.protocol_number, title: r.trial_title } : null,
    escatSuggested: r.escat_suggested,
    escatDecided: r.escat_decided,
    rationale: r.rationale,
    author: { username: r.author, displayName: r.author_name },
  };
}

export function buildCaseContent(record: CaseRecord, knowledge: Pick<GenomicsKnowledge, 'kb'>, oncotree: OncoTree): BuiltContent {
  const tumourType = tumourTypeOf(record, oncotree);
  const ranked = annotateStoredReport(knowledge, record.report, record.alterations, tumourType.code);
  const rank = new Map(ranked.map((a) => [a.key, a.rank]));
  const recs = [...record.recommendations].sort(
    (x, y) =>
      (rank.get(x.alteration_id ?? x.biomarker!) ?? 999) - (rank.get(y.alteration_id ?? y.biomarker!) ?? 999) ||
      x.created_at.localeCompare(y.created_at) ||
      x.id.localeCompare(y.id),
  );
  const d = record.diagnosis;
  const r = record.report;
  const content: CaseContent = {
    format: CONTENT_FORMAT,
    case: { id: record.case.id, reportId: record.case.report_id, patientId: record.case.patient_id },
    patient: {
      pseudonym: record.patient.pseudonym,
      sex: record.patient.sex,
      birthYear: record.patient.birth_year,
      diagnosis: d
        ? {
            oncotreeCode: d.oncotree_code,
            name: oncotree.get(d.oncotree_code)?.name ?? d.oncotree_code,
            diagnosedAt: d.diagnosed_at,
            stage: d.stage ?? null,
          }
        : null,
      ecog: record.ecog ? { value: record.ecog.ecog, observedAt: iso(record.ecog.observed_at) } : null,
      therapyLines: record.therapyLines.map((l) => ({
        lineNumber: l.line_number,
        setting: l.setting,
        drugs: ((l.drugs ?? []) as { name: string }[]).map((x) => x.name),
        startedAt: l.started_at,
        endedAt: l.ended_at ?? null,
        bestResponse: l.best_response ?? null,
      })),
    },
    report: {
      id: r.id,
      specimen: r.specimen,
      panel: r.panel,
      reportedAt: r.reported_at,
      tmb: r.tmb,
      msi: r.msi,
      tumourFraction: r.tumour_fraction,
      source: r.source,
    },
    tumourType,
    alterations: ranked.map((a) => ({
      key: a.key,
      rank: a.rank,
      gene: a.gene,
      alteration: a.alteration,
      alterationClass: a.alterationClass,
      hgvsCdna: a.hgvsCdna,
      vaf: a.vaf,
      copyNumber: a.copyNumber,
      fusionPartner: a.fusionPartner,
      escatSuggested: a.escat.tier,
      escatRule: a.escat.rule,
      escatTherapies: a.escat.therapies,
      evidence: a.evidence.map((g) => ({
        source: g.source,
        version: g.version,
        level: g.level,
        direction: g.direction,
        supports: g.supports,
        therapies: g.therapies,
        disease: g.oncotreeCode ?? g.disease,
        relation: g.relation,
        items: g.items.length,
      })),
      flags: a.flags.map((f) => ({ kind: f.kind, reason: f.reason, action: f.action })),
    })),
    recommendations: recs.map((x) => recommendationContent(x, ranked)),
    meeting: record.meeting
      ? {
          id: record.meeting.id,
          title: record.meeting.title,
          scheduledAt: record.meeting.scheduledAt,
          chair: { username: record.meeting.chair.username, displayName: record.meeting.chair.displayName },
        }
      : null,
    knowledgeBase: knowledge.kb.versions(),
  };
  return { content, sha256: sha256Hex(canonicalJson(content)), ranked };
}

/** The part of the content that must not change after signing (see the file comment). */
export function lockedPart(c: CaseContent) {
  return {
    case: c.case,
    report: c.report,
    alterations: c.alterations.map((a) => ({
      key: a.key,
      gene: a.gene,
      alteration: a.alteration,
      alterationClass: a.alterationClass,
      hgvsCdna: a.hgvsCdna,
      vaf: a.vaf,
      copyNumber: a.copyNumber,
      fusionPartner: a.fusionPartner,
    })),
    // Trial titles and display names may be edited elsewhere later; ids and usernames may not.
    recommendations: c.recommendations.map((r) => ({
      id: r.id,
      alterationKey: r.alterationKey,
      kind: r.kind,
      therapy: r.therapy,
      trialId: r.trial?.id ?? null,
      escatSuggested: r.escatSuggested,
      escatDecided: r.escatDecided,
      rationale: r.rationale,
      author: r.author.username,
    })),
  };
}
