/**
 * Everything stored about one MTB case, read in one round of queries: the case row, the
 * patient's pseudonymised summary (primary diagnosis, latest ECOG, therapy lines), the report and
 * its alteration rows, the recommendations, the meeting whose agenda holds it, and the signature.
 * No identity data: the MTB works on pseudonyms.
 */
import type { Queryable } from '../db/driver';
import type { StoredAlteration, StoredReport } from './annotation';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export type CaseStatus = 'queued' | 'scheduled' | 'discussed' | 'signed';
export const CASE_STATUSES: readonly CaseStatus[] = ['queued', 'scheduled', 'discussed', 'signed'];

/** Timestamps as ISO instants, dates as YYYY-MM-DD, whatever the driver hands back. */
export const iso = (v: unknown): string | null => (v == null ? null : v instanceof Date ? v.toISOString() : String(v));

export interface CaseRow {
  id: string;
  report_id: string;
  patient_id: string;
  status: CaseStatus;
  queued_by: string;
  queued_at: string;
  updated_at: string;
  version: number;
}

export interface RecommendationRow {
  id: string;
  case_id: string;
  alteration_id: string | null;
  biomarker: 'MSI-H' | 'TMB-H' | null;
  kind: string;
  therapy: string | null;
  trial_id: string | null;
  protocol_number: string | null;
  trial_title: string | null;
  escat_suggested: string;
  escat_decided: string;
  rationale: string;
  author_id: string | null;
  author: string;
  author_name: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface MeetingRef {
  id: string;
  title: string;
  scheduledAt: string;
  version: number;
  position: number;
  chair: { id: string; username: string; displayName: string; role: string };
}

export interface SignatureRow {
  case_id: string;
  meeting_id: string | null;
  signer_id: string;
  signer_username: string;
  signer_name: string;
  signer_role: string;
  signed_at: string;
  meaning: string;
  content_sha256: string;
  content: string;
}

export interface CaseRecord {
  case: CaseRow;
  patient: { id: string; pseudonym: string; sex: string; birth_year: number | null; vital_status: string };
  diagnosis: Row | null;
  ecog: Row | null;
  therapyLines: Row[];
  report: StoredReport & Row;
  alterations: StoredAlteration[];
  recommendations: RecommendationRow[];
  meeting: MeetingRef | null;
  signature: SignatureRow | null;
}

export const CASE_COLUMNS = 'id, report_id, patient_id, status, queued_by, queued_at, updated_at, version';

export const RECOMMENDATION_SELECT = `select r.id, r.case_id, r.alteration_id, r.biomarker, r.kind, r.therapy, r.trial_id, t.protocol_number, t.title trial_title,
    r.escat_suggested, r.escat_decided, r.rationale, r.author_id, r.author, u.display_name author_name, r.created_at, r.updated_at, r.version
  from mtb_recommendation r left join trial t on t.id = r.trial_id left join app_user u on u.id = r.author_id`;

export function recommendationRow(r: Row): RecommendationRow {
  return { ...r, created_at: iso(r.created_at)!, updated_at: iso(r.updated_at)! } as RecommendationRow;
}

export async function loadMeetingOf(db: Queryable, caseId: string): Promise<MeetingRef | null> {
  const m = (
    await db.query<Row>(
      `select m.id, m.title, m.scheduled_at, m.version, a.position, u.id chair_id, u.username chair_username, u.display_name chair_name, u.role chair_role
         from mtb_agenda_item a join mtb_meeting m on m.id = a.meeting_id join app_user u on u.id = m.chair_id
        where a.case_id = $1`,
      [caseId],
    )
  ).rows[0];
  if (!m) return null;
  return {
    id: m.id,
    title: m.title,
    scheduledAt: iso(m.scheduled_at)!,
    version: m.version,
    position: m.position,
    chair: { id: m.chair_id, username: m.chair_username, displayName: m.chair_name, role: m.chair_role },
  };
}

/** The case, or null when there is none. Queries run one after another: inside a transaction they share one connection. */
export async function loadCaseRecord(db: Queryable, caseId: string): Promise<CaseRecord | null> {
  const c = (await db.query<Row>(`select ${CASE_COLUMNS} from mtb_case where id = $1`, [caseId])).rows[0];
  if (!c) return null;
  const caseRow: CaseRow = { ...(c as CaseRow), queued_at: iso(c.queued_at)!, updated_at: iso(c.updated_at)! };
  const patient = (
    await db.query<CaseRecord['patient']>('select id, pseudonym, sex, birth_year, vital_status from patient where id = $1', [
      caseRow.patient_id,
    ])
  ).rows[0]!;
  const diagnosis =
    (
      await db.query<Row>(
        `select id, oncotree_code, diagnosed_at::text diagnosed_at, stage, tnm_t, tnm_n, tnm_m, source from condition
          where patient_id = $1 and kind = 'primary' order by diagnosed_at, id limit 1`,
        [patient.id],
      )
    ).rows[0] ?? null;
  const ecog =
    (
      await db.query<Row>(
        'select id, ecog, observed_at, source from performance_status where patient_id = $1 order by observed_at desc, recorded_at desc, id limit 1',
        [patient.id],
      )
    ).rows[0] ?? null;
  const therapyLines = (
    await db.query<Row>(
      `select id, line_number, setting, drugs, started_at::text started_at, ended_at::text ended_at, best_response, stop_reason
         from therapy_line where patient_id = $1 order by started_at, line_number, id`,
      [patient.id],
    )
  ).rows;
  const report = (
    await db.query<Row>(
      `select id, specimen, panel, reported_at::text reported_at, tmb, msi, tumour_fraction, source, recorded_by from molecular_report where id = $1`,
      [caseRow.report_id],
    )
  ).rows[0] as StoredReport & Row;
  const alterations = (
    await db.query<StoredAlteration>(
      `select id, gene, alteration_class, hgvs_protein, hgvs_cdna, vaf, copy_number, fusion_partner from alteration where report_id = $1 order by gene, id`,
      [caseRow.report_id],
    )
  ).rows;
  const recommendations = (
    await db.query<Row>(`${RECOMMENDATION_SELECT} where r.case_id = $1 order by r.created_at, r.id`, [caseId])
  ).rows.map(recommendationRow);
  const meeting = await loadMeetingOf(db, caseId);
  const s = (await db.query<Row>('select * from mtb_signature where case_id = $1', [caseId])).rows[0];
  const signature = s ? ({ ...s, signed_at: iso(s.signed_at)! } as SignatureRow) : null;
  return { case: caseRow, patient, diagnosis, ecog, therapyLines, report, alterations, recommendations, meeting, signature };
}
