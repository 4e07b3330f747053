/**
 * Read models of the MTB: the queue (a page of case summaries), meetings with their agenda, and
 * the full case view (summary, ranked alterations with evidence and related trials, the
 * recommendations, signing state and the signature's verification).
 */
import { compareTiers, type EscatTier } from '@continuum/core';
import type { Queryable } from '../db/driver';
import { annotateStoredReport, type RankedAlteration, type StoredAlteration, type StoredReport } from './annotation';
import { iso, loadCaseRecord, type CaseStatus, type RecommendationRow } from './case-record';
import { buildCaseContent, SIGNATURE_MEANING } from './content';
import type { MtbContext } from './recommendations';
import { loadPatientMatches, relatedTrials, type RelatedTrial } from './related-trials';
import { signingBlockers, verifySignature } from './signature';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export type QueueFilter = CaseStatus | 'open';

export interface CaseSummary {
  id: string;
  status: CaseStatus;
  version: number;
  queuedAt: string;
  queuedBy: string;
  patient: { id: string; pseudonym: string; diagnosis: { oncotreeCode: string; name: string } | null };
  report: { id: string; specimen: string; panel: string; reportedAt: string };
  alterationCount: number;
  recommendationCount: number;
  /** The most actionable alteration by suggested ESCAT tier (null when none has evidence). */
  top: { gene: string; alteration: string; escat: EscatTier } | null;
  meeting: { id: string; title: string; scheduledAt: string } | null;
  signedAt: string | null;
}

const SUMMARY_SELECT = `select c.id, c.status, c.version, c.queued_at, c.queued_by, c.patient_id, p.pseudonym,
    r.id report_id, r.specimen, r.panel, r.reported_at::text reported_at, r.tmb, r.msi, r.tumour_fraction, r.source,
    (select dx.oncotree_code from condition dx where dx.patient_id = c.patient_id and dx.kind = 'primary' order by dx.diagnosed_at, dx.id limit 1) oncotree_code,
    (select count(*)::int from mtb_recommendation x where x.case_id = c.id) recommendation_count,
    m.id meeting_id, m.title meeting_title, m.scheduled_at meeting_at, s.signed_at
  from mtb_case c
  join patient p on p.id = c.patient_id
  join molecular_report r on r.id = c.report_id
  left join mtb_agenda_item a on a.case_id = c.id
  left join mtb_meeting m on m.id = a.meeting_id
  left join mtb_signature s on s.case_id = c.id`;

/** Summaries for rows of SUMMARY_SELECT; the alterations of their reports are read in one query and annotated. */
async function summaries(db: Queryable, ctx: MtbContext, rows: Row[]): Promise<CaseSummary[]> {
  const alterations = (
    await db.query<StoredAlteration & { report_id: string }>(
      'select id, report_id, gene, alteration_class, hgvs_protein, hgvs_cdna, vaf, copy_number, fusion_partner from alteration where report_id = any($1::uuid[]) order by gene, id',
      [rows.map((r) => r.report_id)],
    )
  ).rows;
  const byReport = new Map<string, StoredAlteration[]>();
  for (const a of alterations) byReport.set(a.report_id, [...(byReport.get(a.report_id) ?? []), a]);
  return rows.map((r) => {
    const code: string | null = r.oncotree_code && ctx.oncotree.has(r.oncotree_code) ? r.oncotree_code : null;
    const report: StoredReport = {
      id: r.report_id,
      specimen: r.specimen,
      panel: r.panel,
      reported_at: r.reported_at,
      tmb: r.tmb,
      msi: r.msi,
      tumour_fraction: r.tumour_fraction,
      source: r.source,
    };
    const ranked = annotateStoredReport(ctx.knowledge, report, byReport.get(r.report_id) ?? [], code ?? 'TISSUE');
    const best = ranked[0];
    return {
      id: r.id,
      status: r.status,
      version: r.version,
      queuedAt: iso(r.queued_at)!,
      queuedBy: r.queued_by,
      patient: {
        id: r.patient_id,
        pseudonym: r.pseudonym,
        diagnosis: r.oncotree_code
          ? { oncotreeCode: r.oncotree_code, name: ctx.oncotree.get(r.oncotree_code)?.name ?? r.oncotree_code }
          : null,
      },
      report: { id: r.report_id, specimen: r.specimen, panel: r.panel, reportedAt: r.reported_at },
      alterationCount: (byReport.get(r.report_id) ?? []).length,
      recommendationCount: r.recommendation_count,
      top: best && best.escat.tier !== 'X' ? { gene: best.gene, alteration: best.alteration, escat: best.escat.tier } : null,
      meeting: r.meeting_id ? { id: r.meeting_id, title: r.meeting_title, scheduledAt: iso(r.meeting_at)! } : null,
      signedAt: iso(r.signed_at),
    };
  });
}

export async function listCases(
  db: Queryable,
  ctx: MtbContext,
  q: { status?: QueueFilter; q?: string; page: number; pageSize: number },
): Promise<{ total: number; items: CaseSummary[] }> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (q.status === 'open') where.push(`c.status <> 'signed'`);
  else if (q.status) where.push(`c.status = $${params.push(q.status)}`);
  if (q.q) where.push(`p.pseudonym ilike $${params.push(`%${q.q.replace(/[%_\\]/g, (m) => `\\${m}`)}%`)}`);
  const clause = where.length ? `where ${where.join(' and ')}` : '';
  const total = (
    await db.query<{ n: number }>(`select count(*)::int n from mtb_case c join patient p on p.id = c.patient_id ${clause}`, params)
  ).rows[0]!.n;
  const n = params.length;
  const rows = (
    await db.query<Row>(`${SUMMARY_SELECT} ${clause} order by c.queued_at desc, c.id limit $${n + 1} offset $${n + 2}`, [
      ...params,
      q.pageSize,
      (q.page - 1) * q.pageSize,
    ])
  ).rows;
  return { total, items: await summaries(db, ctx, rows) };
}

export async function caseSummariesById(db: Queryable, ctx: MtbContext, ids: readonly string[]): Promise<Map<string, CaseSummary>> {
  const rows = (await db.query<Row>(`${SUMMARY_SELECT} where c.id = any($1::uuid[])`, [ids])).rows;
  return new Map((await summaries(db, ctx, rows)).map((s) => [s.id, s]));
}

export interface MeetingView {
  id: string;
  title: string;
  scheduledAt: string;
  chair: { id: string; username: string; displayName: string; role: string };
  createdBy: string;
  createdAt: string;
  version: number;
  agendaCount: number;
  signedCount: number;
}

const MEETING_SELECT = `select m.*, u.username chair_username, u.display_name chair_name, u.role chair_role,
    (select count(*)::int from mtb_agenda_item a where a.meeting_id = m.id) agenda_count,
    (select count(*)::int from mtb_agenda_item a join mtb_case c on c.id = a.case_id where a.meeting_id = m.id and c.status = 'signed') signed_count
  from mtb_meeting m join app_user u on u.id = m.chair_id`;

const meetingView = (m: Row): MeetingView => ({
  id: m.id,
  title: m.title,
  scheduledAt: iso(m.scheduled_at)!,
  chair: { id: m.chair_id, username: m.chair_username, displayName: m.chair_name, role: m.chair_role },
  createdBy: m.created_by,
  createdAt: iso(m.created_at)!,
  version: m.version,
  agendaCount: m.agenda_count,
  signedCount: m.signed_count,
});

export async function listMeetings(
  db: Queryable,
  q: { when?: 'upcoming' | 'past'; page: number; pageSize: number },
  now: Date,
): Promise<{ total: number; items: MeetingView[] }> {
  // Upcoming: soonest first (today's meeting stays upcoming until its day is over); past: latest first.
  const dayStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())).toISOString();
  const [clause, order] =
    q.when === 'upcoming'
      ? ['where m.scheduled_at >= $1', 'm.scheduled_at asc']
      : q.when === 'past'
        ? ['where m.scheduled_at < $1', 'm.scheduled_at desc']
        : ['', 'm.scheduled_at desc'];
  const params = clause ? [dayStart] : [];
  const total = (await db.query<{ n: number }>(`select count(*)::int n from mtb_meeting m ${clause}`, params)).rows[0]!.n;
  const rows = (
    await db.query<Row>(`${MEETING_SELECT} ${clause} order by ${order}, m.id limit $${params.length + 1} offset $${params.length + 2}`, [
      ...params,
      q.pageSize,
      (q.page - 1) * q.pageSize,
    ])
  ).rows;
  return { total, items: rows.map(meetingView) };
}

export async function meetingDetail(db: Queryable, ctx: MtbContext, id: string) {
  const m = (await db.query<Row>(`${MEETING_SELECT} where m.id = $1`, [id])).rows[0];
  if (!m) return null;
  const items = (
    await db.query<{ case_id: string; position: number }>(
      'select case_id, position from mtb_agenda_item where meeting_id = $1 order by position',
      [id],
    )
  ).rows;
  const cases = await caseSummariesById(
    db,
    ctx,
    items.map((i) => i.case_id),
  );
  return { ...meetingView(m), agenda: items.map((i) => ({ position: i.position, case: cases.get(i.case_id)! })) };
}

export interface RecommendationView {
  id: string;
  alterationKey: string;
  kind: string;
  therapy: string | null;
  trial: { id: string; protocolNumber: string | null; title: string | null } | null;
  escatSuggested: string;
  escatDecided: string;
  rationale: string;
  author: string;
  authorName: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export const recommendationView = (r: RecommendationRow): RecommendationView => ({
  id: r.id,
  alterationKey: r.alteration_id ?? r.biomarker!,
  kind: r.kind,
  therapy: r.therapy,
  trial: r.trial_id ? { id: r.trial_id, protocolNumber: r.protocol_number, title: r.trial_title } : null,
  escatSuggested: r.escat_suggested,
  escatDecided: r.escat_decided,
  rationale: r.rationale,
  author: r.author,
  authorName: r.author_name,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  version: r.version,
});

export type CaseAlterationView = RankedAlteration & { trials: RelatedTrial[] };

/** The case as the case page shows it, for `user` (whose signing blockers it lists). */
export async function caseView(db: Queryable, ctx: MtbContext, id: string, user: { id: string; displayName: string }) {
  const record = await loadCaseRecord(db, id);
  if (!record) return null;
  const built = buildCaseContent(record, ctx.knowledge, ctx.oncotree);
  const matches = await loadPatientMatches(db, record.patient.id);
  const related = relatedTrials(matches, built.ranked, record.report.id);
  const c = built.content;
  const blockers = signingBlockers(record, user);
  const s = record.signature;
  return {
    id: record.case.id,
    status: record.case.status,
    version: record.case.version,
    queuedAt: record.case.queued_at,
    queuedBy: record.case.queued_by,
    updatedAt: record.case.updated_at,
    patient: { id: record.patient.id, ...c.patient, vitalStatus: record.patient.vital_status },
    report: c.report,
    tumourType: c.tumourType,
    alterations: built.ranked.map((a): CaseAlterationView => ({ ...a, trials: related.get(a.key) ?? [] })),
    // Patient's other matches, for the trial picker of a recommendation.
    otherTrials: matches
      .filter((m) => m.availability !== 'closed')
      .map((m) => ({
        trialId: m.trial_id as string,
        protocolNumber: m.protocol_number as string,
        title: m.title as string,
        levelLabel: m.level_label as string,
        status: m.status as string,
      }))
      .filter((m, i, all) => all.findIndex((x) => x.trialId === m.trialId) === i),
    recommendations: record.recommendations.map(recommendationView),
    meeting: record.meeting,
    knowledgeBase: c.knowledgeBase,
    contentSha256: built.sha256,
    signing: { meaning: SIGNATURE_MEANING, blockers, canSign: blockers.length === 0 },
    signature: s
      ? {
          signerUsername: s.signer_username,
          signerName: s.signer_name,
          signerRole: s.signer_role,
          signedAt: s.signed_at,
          meaning: s.meaning,
          contentSha256: s.content_sha256,
          meetingId: s.meeting_id,
          verification: verifySignature(record, ctx)!,
        }
      : null,
  };
}

/** Highest tier first, for sorting summaries by actionability in the UI. */
export const compareTop = (a: CaseSummary, b: CaseSummary) =>
  a.top && b.top ? compareTiers(a.top.escat, b.top.escat) : a.top ? -1 : b.top ? 1 : 0;
