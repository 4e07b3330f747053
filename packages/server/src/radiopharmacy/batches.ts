/**
 * Batches: creation (delivery, synthesis or Ge-68/Ga-68 generator elution), QC results, the
 * signed release, rejection (a recall once released) and the operator's dose. Each function
 * runs inside the caller's audited transaction and refuses before writing anything.
 */
import {
  assertHotCellCanHandle,
  batchExpiry,
  decayCorrect,
  evaluateQc,
  ga68Elution,
  hoursBetween,
  activityAt,
  mbq,
  nextStatus,
  NUCLIDES,
  qcPasses,
  RadiopharmacyError,
  recallSummary,
  releaseMeaning,
  validateQcMeasurement,
  type BatchOrigin,
  type QcMeasurement,
  type RadiopharmacyIssue,
} from '@continuum/core';
import type { Actor } from '../audit/record';
import type { Queryable } from '../db/driver';
import type { Audit } from '../http/common/audited';
import { conflict } from '../http/common/problem';
import { departmentDate } from './department-day';
import { issuesProblem } from './problems';
import { batchRecord, doseRecord, isoOf, type Row } from './rows';
import { doseRowsOfBatch, loadHotCell, loadProduct, lockBatch, qcRowsOf } from './store';
import { releaseHash } from './release-signature';

/** How far ahead of the server's clock a stated instant may be (two clocks never agree to the second). */
export const CLOCK_SKEW_MS = 5 * 60_000;

export interface GeneratorInput {
  /** Ge-68 activity on the generator's certificate, and its calibration instant. */
  ge68CalibrationMBq: number;
  ge68CalibratedAt: string;
  lastElutionAt: string;
  elutedAt: string;
  /** Fraction of the Ga-68 on the column an elution recovers, (0, 1]. */
  elutionEfficiency: number;
  /** Decay-corrected labelling yield, percent (100 when not given). */
  labellingYieldPct?: number;
}

export interface CreateBatchInput {
  productId: string;
  hotCellId: string;
  origin: BatchOrigin;
  supplierLot?: string | null;
  activityMBq?: number;
  calibratedAt: string;
  volumeMl?: number | null;
  preparedAt?: string;
  staffDoseUSv?: number | null;
  carrierAdded?: boolean;
  generator?: GeneratorInput;
  reason?: string;
}

const versionConflict = (row: Row, version: number) =>
  conflict(`Batch ${row.batch_number} is at version ${row.version}, not ${version}: someone else changed it. Reload and retry.`);

export function checkVersion(row: Row, version: number): void {
  if (row.version !== version) throw versionConflict(row, version);
}

const NUMBER_PREFIX = (nuclide: string) => nuclide.replace(/-/g, '').toUpperCase();
const BATCH_NUMBER_LOCK = 727_105;

/** "GA68-20260304-02": nuclide, department day, sequence; serialised so two preparations never share a number. */
async function nextBatchNumber(tx: Queryable, nuclide: string, preparedAt: Date): Promise<string> {
  await tx.query('select pg_advisory_xact_lock($1)', [BATCH_NUMBER_LOCK]);
  const day = departmentDate(preparedAt).replace(/-/g, '');
  const prefix = `${NUMBER_PREFIX(nuclide)}-${day}-`;
  const n = (await tx.query<{ n: number }>('select count(*)::int n from radiopharm_batch where batch_number like $1', [`${prefix}%`]))
    .rows[0]!.n;
  return `${prefix}${String(n + 1).padStart(2, '0')}`;
}

function generatorActivity(g: GeneratorInput, calibratedAt: string, issues: RadiopharmacyIssue[]) {
  const sinceLast = hoursBetween(g.lastElutionAt, g.elutedAt);
  if (sinceLast <= 0) {
    issues.push({
      field: 'generator.elutedAt',
      code: 'out-of-order',
      message: `elution ${g.elutedAt} is not after the last elution ${g.lastElutionAt}`,
      limit: `> ${g.lastElutionAt}`,
    });
    return null;
  }
  if (hoursBetween(g.ge68CalibratedAt, g.lastElutionAt) < -24 * 366) {
    issues.push({
      field: 'generator.ge68CalibratedAt',
      code: 'out-of-order',
      message: 'the generator calibration is more than a year after the last elution',
      limit: `≤ ${g.lastElutionAt}`,
    });
    return null;
  }
  const ge68AtLastElution = activityAt(mbq(g.ge68CalibrationMBq), NUCLIDES['Ge-68'], hoursBetween(g.ge68CalibratedAt, g.lastElutionAt));
  const elution = ga68Elution({
    ge68AtLastElutionMBq: ge68AtLastElution,
    hoursSinceLastElution: sinceLast,
    elutionEfficiency: g.elutionEfficiency,
  });
  const yieldPct = g.labellingYieldPct ?? 100;
  const labelledAtElution = (elution.elutedGa68MBq * yieldPct) / 100;
  const atCalibration = decayCorrect({ nuclide: 'Ga-68', activityMBq: mbq(labelledAtElution), at: g.elutedAt, to: calibratedAt });
  return {
    ...g,
    ge68AtLastElutionMBq: ge68AtLastElution,
    hoursSinceLastElution: sinceLast,
    elutedGa68MBq: elution.elutedGa68MBq,
    fractionOfEquilibrium: elution.fractionOfEquilibrium,
    labellingYieldPct: yieldPct,
    predictedActivityAtCalibrationMBq: atCalibration.activityMBq,
    method: `${elution.method}; × labelling yield ${yieldPct} %; ${atCalibration.method}`,
  };
}

export async function createBatch(tx: Queryable, audit: Audit, actor: Actor, input: CreateBatchInput, now: Date) {
  const product = await loadProduct(tx, input.productId);
  const cell = await loadHotCell(tx, input.hotCellId);
  const issues: RadiopharmacyIssue[] = [];
  if (!product.active)
    issues.push({ field: 'productId', code: 'invalid', message: `${product.name} is no longer prepared`, limit: 'an active product' });
  try {
    assertHotCellCanHandle(cell, product);
  } catch (e) {
    if (e instanceof RadiopharmacyError) issues.push(...e.issues);
    else throw e;
  }
  if (input.carrierAdded && product.nuclide !== 'Lu-177') {
    issues.push({
      field: 'carrierAdded',
      code: 'invalid',
      message: `carrier-added applies to Lu-177 (Lu-177m impurity), not ${product.nuclide}`,
      limit: 'Lu-177 products only',
    });
  }
  if (input.origin === 'generator-elution' && product.nuclide !== 'Ga-68') {
    issues.push({
      field: 'origin',
      code: 'invalid',
      message: `a generator elution gives Ga-68, not ${product.nuclide}`,
      limit: 'Ga-68 products only',
    });
  }
  if (input.generator && input.origin !== 'generator-elution') {
    issues.push({
      field: 'generator',
      code: 'invalid',
      message: `generator data given for a batch of origin "${input.origin}"`,
      limit: 'origin generator-elution',
    });
  }
  const preparedAt = input.preparedAt ?? now.toISOString();
  if (Date.parse(preparedAt) > now.getTime() + CLOCK_SKEW_MS) {
    issues.push({
      field: 'preparedAt',
      code: 'out-of-order',
      message: `preparation ${preparedAt} is in the future`,
      limit: `≤ now (${now.toISOString()})`,
    });
  }
  const generator = input.generator && issues.length === 0 ? generatorActivity(input.generator, input.calibratedAt, issues) : null;
  const activityMBq = input.activityMBq ?? generator?.predictedActivityAtCalibrationMBq;
  if (activityMBq === undefined) {
    issues.push({
      field: 'activityMBq',
      code: 'invalid',
      message: 'the batch activity at calibration is missing',
      limit: '> 0 MBq (or generator data to compute it)',
    });
  }
  const expiresAt = batchExpiry(input.calibratedAt, product.shelfLifeMin);
  if (Date.parse(expiresAt) <= now.getTime()) {
    issues.push({
      field: 'calibratedAt',
      code: 'expired',
      message: `calibrated ${input.calibratedAt}, the batch expired at ${expiresAt} (shelf life ${product.shelfLifeMin} min)`,
      limit: `> ${new Date(now.getTime() - product.shelfLifeMin * 60_000).toISOString()}`,
    });
  }
  if (issues.length > 0) throw issuesProblem(issues);

  const batchNumber = await nextBatchNumber(tx, product.nuclide, new Date(preparedAt));
  const row = (
    await tx.query<Row>(
      `insert into radiopharm_batch (batch_number, product_id, hot_cell_id, origin, origin_detail, supplier_lot, activity_mbq, calibrated_at,
       volume_ml, expires_at, prepared_by, prepared_at, staff_dose_usv, carrier_added)
     values ($1,$2,$3,$4,$5::jsonb,$6,$7,$8,$9,$10,$11,$12,$13,$14) returning *`,
      [
        batchNumber,
        product.id,
        cell.id,
        input.origin,
        generator ? JSON.stringify({ generator }) : null,
        input.supplierLot ?? null,
        activityMBq,
        input.calibratedAt,
        input.volumeMl ?? null,
        expiresAt,
        actor.username,
        preparedAt,
        input.staffDoseUSv ?? null,
        input.carrierAdded ?? false,
      ],
    )
  ).rows[0]!;
  await audit({
    action: 'create',
    entityType: 'radiopharm_batch',
    entityId: row.id,
    after: batchRecord(row),
    reason: input.reason ?? null,
  });
  return row;
}

export interface QcInput {
  version: number;
  results: QcMeasurement[];
  reason?: string;
}

/** Records QC results, all or none; the first release test moves the batch to qc-pending. */
export async function recordQc(tx: Queryable, audit: Audit, actor: Actor, batchId: string, input: QcInput, now: Date) {
  const row = await lockBatch(tx, batchId);
  checkVersion(row, input.version);
  const product = await loadProduct(tx, row.product_id, 'batch.productId');
  const issues: RadiopharmacyIssue[] = [];
  const specs = input.results.map((r, i) => {
    try {
      return validateQcMeasurement(product.qcSpec, r, `results[${i}]`);
    } catch (e) {
      if (e instanceof RadiopharmacyError) issues.push(...e.issues);
      else throw e;
      return null;
    }
  });
  if (issues.length > 0) throw issuesProblem(issues);
  const releaseTests = specs.some((s) => s!.required);
  const status = nextStatus(
    { status: row.status, expiresAt: isoOf(row.expires_at) },
    releaseTests ? 'record-qc' : 'record-post-release-qc',
    now,
    'batch.status',
  );
  const inserted: Row[] = [];
  for (const [i, r] of input.results.entries()) {
    const spec = specs[i]!;
    inserted.push(
      (
        await tx.query<Row>(
          `insert into qc_result (batch_id, test, value, outcome, unit, spec, passed, recorded_by, recorded_at)
         values ($1,$2,$3,$4,$5,$6::jsonb,$7,$8,$9) returning *`,
          [
            batchId,
            r.test,
            spec.kind === 'numeric' ? r.value : null,
            spec.kind === 'pass-fail' ? r.outcome : null,
            spec.unit ?? null,
            JSON.stringify(spec),
            qcPasses(spec, r),
            actor.username,
            now.toISOString(),
          ],
        )
      ).rows[0]!,
    );
  }
  const after = (
    await tx.query<Row>(`update radiopharm_batch set status = $2, version = version + 1 where id = $1 returning *`, [
      batchId,
      status === 'expired' ? row.status : status,
    ])
  ).rows[0]!;
  const evaluation = evaluateQc(
    product.qcSpec,
    (await qcRowsOf(tx, batchId)).map((q) => ({ test: q.test, value: q.value, outcome: q.outcome })),
  );
  await audit({
    action: 'record-qc',
    entityType: 'radiopharm_batch',
    entityId: batchId,
    before: { status: row.status, version: row.version },
    after: {
      status: after.status,
      version: after.version,
      results: inserted.map((q) => ({ test: q.test, value: q.value, outcome: q.outcome, unit: q.unit, passed: q.passed })),
      releasable: evaluation.releasable,
    },
    reason: input.reason ?? null,
  });
  return after;
}

/** The meaning the signer must have been shown for this batch. */
export async function expectedMeaning(tx: Queryable, row: Row): Promise<string> {
  const product = await loadProduct(tx, row.product_id, 'batch.productId');
  return releaseMeaning(row.batch_number, product.name);
}

/**
 * The signed release; the password has been checked by the route. Refused (422) unless every
 * required QC test is recorded and passes, naming each one that is not.
 */
export async function releaseBatch(
  tx: Queryable,
  audit: Audit,
  signer: Actor,
  batchId: string,
  input: { version: number; meaning: string },
  now: Date,
) {
  const row = await lockBatch(tx, batchId);
  checkVersion(row, input.version);
  const product = await loadProduct(tx, row.product_id, 'batch.productId');
  nextStatus({ status: row.status, expiresAt: isoOf(row.expires_at) }, 'release', now, 'batch.status');
  const qcRows = await qcRowsOf(tx, batchId);
  const evaluation = evaluateQc(
    product.qcSpec,
    qcRows.map((q) => ({ test: q.test, value: q.value, outcome: q.outcome })),
  );
  if (!evaluation.releasable) throw issuesProblem(evaluation.issues, 'body', 'Release refused: QC incomplete or out of specification');
  const signedAt = now.toISOString();
  const hash = releaseHash(row, qcRows, input.meaning, signer.username, signedAt);
  const after = (
    await tx.query<Row>(
      `update radiopharm_batch set status = 'released', released_by = $2, released_at = $3, release_meaning = $4, release_hash = $5, version = version + 1
      where id = $1 returning *`,
      [batchId, signer.username, signedAt, input.meaning, hash],
    )
  ).rows[0]!;
  await audit({
    action: 'release',
    entityType: 'radiopharm_batch',
    entityId: batchId,
    before: { status: row.status, version: row.version },
    after: {
      status: after.status,
      version: after.version,
      releasedBy: signer.username,
      releasedAt: signedAt,
      releaseHash: hash,
      qc: evaluation.tests.map((t) => ({ test: t.test, status: t.status })),
    },
    reason: input.meaning,
  });
  return after;
}

/** Rejection; of a released batch it is a recall, and the answer lists whom it reaches. */
export async function rejectBatch(
  tx: Queryable,
  audit: Audit,
  _actor: Actor,
  batchId: string,
  input: { version: number; reason: string },
  now: Date,
) {
  const row = await lockBatch(tx, batchId);
  checkVersion(row, input.version);
  nextStatus({ status: row.status, expiresAt: isoOf(row.expires_at) }, 'reject', now, 'batch.status');
  const doses = (await doseRowsOfBatch(tx, batchId)).map(doseRecord);
  const recall = recallSummary(doses);
  const after = (
    await tx.query<Row>(
      `update radiopharm_batch set status = 'rejected', rejection_reason = $2, version = version + 1 where id = $1 returning *`,
      [batchId, input.reason],
    )
  ).rows[0]!;
  await audit({
    action: row.status === 'released' ? 'recall' : 'reject',
    entityType: 'radiopharm_batch',
    entityId: batchId,
    before: { status: row.status, version: row.version },
    after: { status: 'rejected', version: after.version, recall },
    reason: input.reason,
  });
  return { row: after, recall };
}

/** The operator's measured dose for this preparation (extremity or whole body, µSv). */
export async function recordStaffDose(
  tx: Queryable,
  audit: Audit,
  _actor: Actor,
  batchId: string,
  input: { version: number; staffDoseUSv: number; reason?: string },
) {
  const row = await lockBatch(tx, batchId);
  checkVersion(row, input.version);
  const after = (
    await tx.query<Row>('update radiopharm_batch set staff_dose_usv = $2, version = version + 1 where id = $1 returning *', [
      batchId,
      input.staffDoseUSv,
    ])
  ).rows[0]!;
  await audit({
    action: 'record-staff-dose',
    entityType: 'radiopharm_batch',
    entityId: batchId,
    before: { staffDoseUSv: row.staff_dose_usv, version: row.version },
    after: { staffDoseUSv: after.staff_dose_usv, version: after.version, preparedBy: row.prepared_by },
    reason: input.reason ?? null,
  });
  return after;
}
