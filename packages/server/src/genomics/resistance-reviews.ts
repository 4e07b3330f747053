/**
 * The MTB's decisions on resistance classifications (migration 004), read back as core's
 * CaseReview and laid over computed timelines and atlas cases.
 */
import { caseKey, type CaseReview, type ResistanceMechanism } from '@continuum/core';
import type { Queryable } from '../db/driver';

export interface StoredReview {
  id: string;
  patientId: string;
  alterationId: string;
  therapyLineId: string;
  baselineReportId: string | null;
  suggestedMechanism: string;
  suggestedMechanismClass: string | null;
  decision: 'confirmed' | 'rejected';
  mechanism: ResistanceMechanism | null;
  mechanismClass: string | null;
  note: string;
  reviewedBy: string;
  reviewerRole: string;
  reviewedAt: string;
  version: number;
}

export const REVIEW_COLUMNS = `id, patient_id, alteration_id, therapy_line_id, baseline_report_id, suggested_mechanism, suggested_mechanism_class,
  decision, mechanism, mechanism_class, note, reviewed_by, reviewer_role, reviewed_at, version`;

type Row = Record<string, unknown>;
const iso = (v: unknown): string => (v instanceof Date ? v.toISOString() : String(v));

export function reviewView(r: Row): StoredReview {
  return {
    id: String(r.id),
    patientId: String(r.patient_id),
    alterationId: String(r.alteration_id),
    therapyLineId: String(r.therapy_line_id),
    baselineReportId: (r.baseline_report_id as string | null) ?? null,
    suggestedMechanism: String(r.suggested_mechanism),
    suggestedMechanismClass: (r.suggested_mechanism_class as string | null) ?? null,
    decision: r.decision as StoredReview['decision'],
    mechanism: (r.mechanism as ResistanceMechanism | null) ?? null,
    mechanismClass: (r.mechanism_class as string | null) ?? null,
    note: String(r.note),
    reviewedBy: String(r.reviewed_by),
    reviewerRole: String(r.reviewer_role),
    reviewedAt: iso(r.reviewed_at),
    version: Number(r.version),
  };
}

/** Reviews by case key (`alterationId:lineId`), of one patient or of all. */
export async function loadReviews(db: Queryable, patientId?: string): Promise<Map<string, StoredReview>> {
  const { rows } = patientId
    ? await db.query<Row>(`select ${REVIEW_COLUMNS} from resistance_review where patient_id = $1`, [patientId])
    : await db.query<Row>(`select ${REVIEW_COLUMNS} from resistance_review`);
  return new Map(rows.map((r) => [caseKey(String(r.alteration_id), String(r.therapy_line_id)), reviewView(r)]));
}

export function caseReviewOf(r: StoredReview): CaseReview {
  return {
    decision: r.decision,
    ...(r.mechanism ? { mechanism: r.mechanism } : {}),
    reviewedBy: r.reviewedBy,
    reviewedAt: r.reviewedAt,
  };
}
