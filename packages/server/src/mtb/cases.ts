/**
 * MTB cases: queuing new reports, locking a case for a write, and its status.
 *
 * Status follows from what is stored, so it cannot disagree with it: a case on no agenda is
 * `queued`; on an agenda, `scheduled`, or `discussed` once a recommendation is recorded; a
 * signature makes it `signed` for good.
 */
import type { Queryable } from '../db/driver';
import type { Audit } from '../http/common/audited';
import { badRequest, conflict, notFound } from '../http/common/problem';
import { CASE_COLUMNS, iso, type CaseRow, type CaseStatus } from './case-record';

/** TMB at or above this (mut/Mb) needs discussion: the FDA cut-off for pembrolizumab in TMB-high tumours (2020). */
export const TMB_HIGH_MUT_PER_MB = 10;

/**
 * A report needs the board when it holds an alteration row (rows are the reportable calls:
 * genomics/stored-records.ts) or a report-level biomarker that is actionable on its own.
 * A negative report is filed, not discussed.
 */
export const NEEDS_DISCUSSION = `(exists (select 1 from alteration a where a.report_id = r.id) or r.msi = 'MSI-H' or r.tmb >= ${TMB_HIGH_MUT_PER_MB})`;

/**
 * Queues one case per report that needs discussion and has none yet, inside the caller's
 * transaction (the import's, so a report never lands without its case). The caller's audit
 * entry records the count: a cohort import queues thousands of cases, whose own entries would
 * bury the trail.
 */
export async function queueCasesForReports(
  tx: Queryable,
  reportIds: readonly string[],
  queuedBy: string,
): Promise<{ id: string; report_id: string; patient_id: string }[]> {
  if (reportIds.length === 0) return [];
  const { rows } = await tx.query<{ id: string; report_id: string; patient_id: string }>(
    `insert into mtb_case (report_id, patient_id, queued_by, queued_at)
     select r.id, r.patient_id, $2, r.recorded_at from molecular_report r
      where r.id = any($1::uuid[]) and ${NEEDS_DISCUSSION}
     on conflict (report_id) do nothing
     returning id, report_id, patient_id`,
    [reportIds, queuedBy],
  );
  return rows;
}

/** The case row, locked for the rest of the transaction: writes to one case (and its signature) queue behind each other. */
export async function lockCase(tx: Queryable, caseId: string): Promise<CaseRow> {
  const row = (await tx.query<CaseRow>(`select ${CASE_COLUMNS} from mtb_case where id = $1 for update`, [caseId])).rows[0];
  if (!row) throw notFound(`MTB case ${caseId}`);
  return { ...row, queued_at: iso(row.queued_at)!, updated_at: iso(row.updated_at)! };
}

/** 409 naming who signed and when: a signed report is locked. */
export async function refuseIfSigned(tx: Queryable, c: CaseRow, what: string): Promise<void> {
  if (c.status !== 'signed') return;
  const s = (
    await tx.query<{ signer_name: string; signed_at: unknown }>('select signer_name, signed_at from mtb_signature where case_id = $1', [
      c.id,
    ])
  ).rows[0];
  throw conflict(
    `${what}: MTB case ${c.id} was signed${s ? ` by ${s.signer_name} on ${iso(s.signed_at)}` : ''}; a signed MTB report is locked. ` +
      'Queue the report again as a new case if the board must revisit it.',
  );
}

/** Recomputes the status from the agenda and the recommendations; bumps the version when it or the content changed. */
export async function touchCase(tx: Queryable, c: CaseRow, audit: Audit, reason: string | null): Promise<CaseRow> {
  const onAgenda = (await tx.query('select 1 from mtb_agenda_item where case_id = $1', [c.id])).rows.length > 0;
  const recs = (await tx.query<{ n: number }>('select count(*)::int n from mtb_recommendation where case_id = $1', [c.id])).rows[0]!.n;
  const status: CaseStatus = c.status === 'signed' ? 'signed' : !onAgenda ? 'queued' : recs > 0 ? 'discussed' : 'scheduled';
  const updated = (
    await tx.query<CaseRow>(
      `update mtb_case set status = $2, version = version + 1, updated_at = now() where id = $1 returning ${CASE_COLUMNS}`,
      [c.id, status],
    )
  ).rows[0]!;
  if (status !== c.status) {
    await audit({
      action: 'status',
      entityType: 'mtb_case',
      entityId: c.id,
      patientId: c.patient_id,
      before: { status: c.status },
      after: { status },
      reason,
    });
  }
  return { ...updated, queued_at: iso(updated.queued_at)!, updated_at: iso(updated.updated_at)! };
}

/** Queues one report by hand (any report, even a negative one the board wants to see); 409 when it has a case. */
export async function queueReport(tx: Queryable, audit: Audit, reportId: string, queuedBy: string, reason: string): Promise<CaseRow> {
  const report = (
    await tx.query<{ id: string; patient_id: string }>('select id, patient_id from molecular_report where id = $1', [reportId])
  ).rows[0];
  if (!report) throw badRequest(`Molecular report ${reportId} does not exist.`, [{ path: 'body.reportId', message: 'no such report' }]);
  const row = (
    await tx.query<CaseRow>(
      `insert into mtb_case (report_id, patient_id, queued_by) values ($1, $2, $3) on conflict (report_id) do nothing returning ${CASE_COLUMNS}`,
      [reportId, report.patient_id, queuedBy],
    )
  ).rows[0];
  if (!row) {
    const existing = (await tx.query<{ id: string; status: string }>('select id, status from mtb_case where report_id = $1', [reportId]))
      .rows[0]!;
    throw conflict(`Molecular report ${reportId} already has MTB case ${existing.id} (${existing.status}).`);
  }
  await audit({
    action: 'queue',
    entityType: 'mtb_case',
    entityId: row.id,
    patientId: report.patient_id,
    after: { reportId, queuedBy },
    reason,
  });
  return { ...row, queued_at: iso(row.queued_at)!, updated_at: iso(row.updated_at)! };
}
