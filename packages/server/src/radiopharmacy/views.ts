/**
 * What the API shows of batches and doses: the status as of now (expiry read from the clock),
 * activity now and at injection, the QC evaluation against the specification, the release
 * signature and whether its hash still matches, and the traceability chain both ways.
 */
import {
  effectiveStatus,
  evaluateQc,
  expiryCountdown,
  recallSummary,
  releaseMeaning,
  remainingActivityAt,
  batchActivityAt,
  type BatchActivity,
} from '@continuum/core';
import type { Queryable } from '../db/driver';
import { notFound } from '../http/common/problem';
import { releaseHashValid } from './release-signature';
import {
  administrationRecord,
  batchRecord,
  doseRecord,
  hotCellOf,
  isoOf,
  productOf,
  qcResultView,
  wasteRecord,
  type AdministrationRecord,
  type DoseRecord,
  type Row,
} from './rows';

export const productSummary = (p: ReturnType<typeof productOf>) => ({
  id: p.id,
  name: p.name,
  nuclide: p.nuclide,
  purpose: p.purpose,
  investigational: p.investigational,
  tolerancePct: p.tolerancePct,
  shelfLifeMin: p.shelfLifeMin,
});

export function activityOf(batchRow: Row, nuclide: string, doseRows: readonly Row[]): BatchActivity {
  return {
    nuclide,
    activityMBq: batchRow.activity_mbq,
    calibratedAt: isoOf(batchRow.calibrated_at),
    expiresAt: isoOf(batchRow.expires_at),
    preparedAt: isoOf(batchRow.prepared_at),
    doses: doseRows.map((d) => ({ drawnMBq: d.drawn_mbq, drawnAt: isoOf(d.drawn_at) })),
  };
}

export async function batchDetail(db: Queryable, id: string, now: Date) {
  const row = (await db.query<Row>('select * from radiopharm_batch where id = $1', [id])).rows[0];
  if (!row) throw notFound(`Batch ${id}`);
  const product = productOf((await db.query<Row>('select * from radiopharm_product where id = $1', [row.product_id])).rows[0]!);
  const cell = hotCellOf((await db.query<Row>('select * from hot_cell where id = $1', [row.hot_cell_id])).rows[0]!);
  const qcRows = (await db.query<Row>('select * from qc_result where batch_id = $1 order by recorded_at, id', [id])).rows;
  const doses = await traceOfBatch(db, id);
  const doseRows = (await db.query<Row>('select * from patient_dose where batch_id = $1', [id])).rows;
  const waste = (await db.query<Row>('select * from radioactive_waste where batch_id = $1 order by measured_at', [id])).rows.map(
    wasteRecord,
  );
  const evaluation = evaluateQc(
    product.qcSpec,
    qcRows.map((q) => ({ test: q.test, value: q.value, outcome: q.outcome })),
  );
  const record = batchRecord(row);
  const activity = activityOf(row, product.nuclide, doseRows);
  const remaining = remainingActivityAt(activity, now);
  return {
    ...record,
    status: effectiveStatus({ status: row.status, expiresAt: record.expiresAt }, now),
    product: { ...productSummary(product), qcSpec: product.qcSpec },
    hotCell: { id: cell.id, name: cell.name, energyClass: cell.energyClass },
    activityNowMBq: batchActivityAt(activity, now),
    remainingNowMBq: remaining.remainingMBq,
    ...countdown(record.expiresAt, now),
    qc: {
      results: qcRows.map(qcResultView),
      releasable: evaluation.releasable,
      tests: evaluation.tests,
      issues: evaluation.issues,
      postReleaseFailures: evaluation.postReleaseFailures.map((t) => t.test),
    },
    release: {
      /** The statement a signer is shown and signs. */
      meaning: releaseMeaning(record.batchNumber, product.name),
      signed: record.releasedAt
        ? {
            by: record.releasedBy,
            at: record.releasedAt,
            meaning: record.releaseMeaning,
            hash: record.releaseHash,
            hashValid: releaseHashValid(row, qcRows),
          }
        : null,
    },
    doses,
    recall: recallSummary(doses),
    waste,
  };
}

const countdown = (expiresAt: string, now: Date) => {
  const c = expiryCountdown(expiresAt, now);
  return { secondsToExpiry: c.secondsLeft, expired: c.expired };
};

export type TracedDoseView = DoseRecord & {
  patient: { id: string; pseudonym: string };
  administration: AdministrationRecord | null;
  batch: { id: string; batchNumber: string; productId: string; productName: string; nuclide: string; status: string; expiresAt: string };
};

const TRACE_SELECT = `select d.*, p.pseudonym, b.batch_number, b.product_id b_product_id, b.status b_status, b.expires_at b_expires_at,
         pr.name product_name, pr.nuclide product_nuclide, to_jsonb(a.*) administration
    from patient_dose d
    join patient p on p.id = d.patient_id
    join radiopharm_batch b on b.id = d.batch_id
    join radiopharm_product pr on pr.id = b.product_id
    left join administration a on a.dose_id = d.id`;

function tracedView(r: Row): TracedDoseView {
  return {
    ...doseRecord(r),
    patient: { id: r.patient_id, pseudonym: r.pseudonym },
    administration: r.administration ? administrationRecord(r.administration) : null,
    batch: {
      id: r.batch_id,
      batchNumber: r.batch_number,
      productId: r.b_product_id,
      productName: r.product_name,
      nuclide: r.product_nuclide,
      status: r.b_status,
      expiresAt: isoOf(r.b_expires_at),
    },
  };
}

/** Batch → doses → patients → administrations: whom a recall of this batch reaches. */
export async function traceOfBatch(db: Queryable, batchId: string): Promise<TracedDoseView[]> {
  return (await db.query<Row>(`${TRACE_SELECT} where d.batch_id = $1 order by d.drawn_at, d.id`, [batchId])).rows.map(tracedView);
}

/** Patient → doses → batches (and administrations): what this patient received and from which batch. */
export async function traceOfPatient(db: Queryable, patientId: string): Promise<TracedDoseView[]> {
  return (await db.query<Row>(`${TRACE_SELECT} where d.patient_id = $1 order by d.planned_injection_at desc, d.id`, [patientId])).rows.map(
    tracedView,
  );
}
