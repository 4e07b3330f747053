/**
 * Patient doses: drawn from a released batch, decay-corrected to the planned injection and held
 * to the product's tolerance (an override needs a reason and is audited as such), administered
 * (activity net of the residual), or discarded. Every dose names its batch and its patient, and
 * every administration its dose: the chain a recall walks.
 */
import { administeredActivity, nextStatus, planDose, toleranceIssue, type RadiopharmacyIssue } from '@continuum/core';
import type { Actor } from '../audit/record';
import type { Queryable } from '../db/driver';
import type { Audit } from '../http/common/audited';
import { conflict, notFound } from '../http/common/problem';
import { CLOCK_SKEW_MS } from './batches';
import { issuesProblem } from './problems';
import { administrationRecord, doseRecord, isoOf, type Row } from './rows';
import { doseRowsOfBatch, loadProduct, lockBatch } from './store';

export interface DrawInput {
  patientId: string;
  prescribedMBq: number;
  drawnMBq: number;
  drawnAt: string;
  plannedInjectionAt: string;
  volumeMl?: number | null;
  bookingId?: string | null;
  cycleId?: string | null;
  override?: { reason: string } | null;
  reason?: string;
}

const notInFuture = (field: string, value: string, now: Date, issues: RadiopharmacyIssue[]) => {
  if (Date.parse(value) > now.getTime() + CLOCK_SKEW_MS) {
    issues.push({
      field,
      code: 'out-of-order',
      message: `${value} is in the future: record what was measured`,
      limit: `≤ now (${now.toISOString()})`,
    });
  }
};

async function exists(tx: Queryable, table: 'patient' | 'booking' | 'treatment_cycle', id: string): Promise<boolean> {
  return (await tx.query(`select 1 from ${table} where id = $1`, [id])).rows.length > 0;
}

export async function drawDose(tx: Queryable, audit: Audit, actor: Actor, batchId: string, input: DrawInput, now: Date) {
  const batch = await lockBatch(tx, batchId);
  nextStatus({ status: batch.status, expiresAt: isoOf(batch.expires_at) }, 'draw-dose', now, 'batch.status');
  const product = await loadProduct(tx, batch.product_id, 'batch.productId');
  const issues: RadiopharmacyIssue[] = [];
  if (!(await exists(tx, 'patient', input.patientId)))
    issues.push({ field: 'patientId', code: 'invalid', message: `no patient ${input.patientId}` });
  if (input.bookingId && !(await exists(tx, 'booking', input.bookingId)))
    issues.push({ field: 'bookingId', code: 'invalid', message: `no booking ${input.bookingId}` });
  if (input.cycleId && !(await exists(tx, 'treatment_cycle', input.cycleId)))
    issues.push({ field: 'cycleId', code: 'invalid', message: `no treatment cycle ${input.cycleId}` });
  notInFuture('drawnAt', input.drawnAt, now, issues);
  if (issues.length > 0) throw issuesProblem(issues);

  const previous = await doseRowsOfBatch(tx, batchId);
  const plan = planDose(
    {
      nuclide: product.nuclide,
      activityMBq: batch.activity_mbq,
      calibratedAt: isoOf(batch.calibrated_at),
      expiresAt: isoOf(batch.expires_at),
      preparedAt: isoOf(batch.prepared_at),
      doses: previous.map((d) => ({ drawnMBq: d.drawn_mbq, drawnAt: isoOf(d.drawn_at) })),
    },
    {
      prescribedMBq: input.prescribedMBq,
      drawnMBq: input.drawnMBq,
      drawnAt: input.drawnAt,
      plannedInjectionAt: input.plannedInjectionAt,
      tolerancePct: product.tolerancePct,
    },
  );
  const overridden = !plan.tolerance.within;
  if (overridden && !input.override) throw issuesProblem([toleranceIssue(plan.tolerance)], 'body', 'Dose outside its tolerance');

  const row = (
    await tx.query<Row>(
      `insert into patient_dose (batch_id, patient_id, prescribed_mbq, tolerance_pct, drawn_mbq, drawn_at, volume_ml, planned_injection_at,
       activity_at_injection_mbq, out_of_tolerance, override_reason, override_by, booking_id, cycle_id, drawn_by)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15) returning *`,
      [
        batchId,
        input.patientId,
        input.prescribedMBq,
        product.tolerancePct,
        input.drawnMBq,
        input.drawnAt,
        input.volumeMl ?? null,
        input.plannedInjectionAt,
        plan.activityAtInjectionMBq,
        overridden,
        overridden ? input.override!.reason : null,
        overridden ? actor.username : null,
        input.bookingId ?? null,
        input.cycleId ?? null,
        actor.username,
      ],
    )
  ).rows[0]!;
  await audit({
    action: overridden ? 'dispense-override' : 'dispense',
    entityType: 'patient_dose',
    entityId: row.id,
    patientId: input.patientId,
    after: {
      ...doseRecord(row),
      batchNumber: batch.batch_number,
      tolerance: { deviationPct: plan.tolerance.deviationPct, tolerancePct: plan.tolerance.tolerancePct, within: plan.tolerance.within },
      remainingAfterMBq: plan.remainingAfterMBq,
      method: plan.method,
    },
    reason: overridden ? `override: ${input.override!.reason}` : (input.reason ?? null),
  });
  return { row, plan, batch };
}

export interface AdministrationInput {
  version: number;
  administeredAt: string;
  residualMBq?: number | null;
  residualMeasuredAt?: string | null;
  roomResourceId?: string | null;
  cycleId?: string | null;
  reason?: string;
}

async function lockDose(tx: Queryable, doseId: string): Promise<Row> {
  const row = (await tx.query<Row>('select * from patient_dose where id = $1 for update', [doseId])).rows[0];
  if (!row) throw notFound(`Dose ${doseId}`);
  return row;
}

function checkDose(row: Row, version: number): void {
  if (row.version !== version)
    throw conflict(`Dose ${row.id} is at version ${row.version}, not ${version}: someone else changed it. Reload and retry.`);
  if (row.status !== 'drawn') throw conflict(`Dose ${row.id} is ${row.status}: only a drawn dose can be administered or discarded.`);
}

export async function recordAdministration(
  tx: Queryable,
  audit: Audit,
  actor: Actor,
  doseId: string,
  input: AdministrationInput,
  now: Date,
) {
  const dose = await lockDose(tx, doseId);
  checkDose(dose, input.version);
  const batch = (await tx.query<Row>('select * from radiopharm_batch where id = $1', [dose.batch_id])).rows[0]!;
  if (batch.status === 'rejected') {
    throw conflict(
      `Batch ${batch.batch_number} was rejected (${batch.rejection_reason ?? 'no reason given'}): its doses must not be administered.`,
    );
  }
  const product = await loadProduct(tx, batch.product_id, 'batch.productId');
  const issues: RadiopharmacyIssue[] = [];
  notInFuture('administeredAt', input.administeredAt, now, issues);
  if (input.roomResourceId && (await tx.query('select 1 from resource where id = $1', [input.roomResourceId])).rows.length === 0) {
    issues.push({ field: 'roomResourceId', code: 'invalid', message: `no resource ${input.roomResourceId}` });
  }
  if (input.cycleId && !(await exists(tx, 'treatment_cycle', input.cycleId)))
    issues.push({ field: 'cycleId', code: 'invalid', message: `no treatment cycle ${input.cycleId}` });
  if (issues.length > 0) throw issuesProblem(issues);
  const given = administeredActivity({
    nuclide: product.nuclide,
    drawnMBq: dose.drawn_mbq,
    drawnAt: isoOf(dose.drawn_at),
    administeredAt: input.administeredAt,
    expiresAt: isoOf(batch.expires_at),
    residualMBq: input.residualMBq ?? null,
    residualMeasuredAt: input.residualMeasuredAt ?? null,
  });
  const row = (
    await tx.query<Row>(
      `insert into administration (dose_id, patient_id, administered_at, activity_mbq, residual_mbq, residual_measured_at, room_resource_id, cycle_id, administered_by, recorded_at)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) returning *`,
      [
        doseId,
        dose.patient_id,
        input.administeredAt,
        given.activityMBq,
        input.residualMBq ?? null,
        input.residualMeasuredAt ?? null,
        input.roomResourceId ?? null,
        input.cycleId ?? dose.cycle_id ?? null,
        actor.username,
        now.toISOString(),
      ],
    )
  ).rows[0]!;
  await tx.query(`update patient_dose set status = 'administered', version = version + 1 where id = $1`, [doseId]);
  await audit({
    action: 'administer',
    entityType: 'administration',
    entityId: row.id,
    patientId: dose.patient_id,
    before: { doseStatus: 'drawn', doseVersion: dose.version },
    after: { ...administrationRecord(row), batchNumber: batch.batch_number, method: given.method },
    reason: input.reason ?? null,
  });
  return { row, given };
}

export async function discardDose(tx: Queryable, audit: Audit, _actor: Actor, doseId: string, input: { version: number; reason: string }) {
  const dose = await lockDose(tx, doseId);
  checkDose(dose, input.version);
  const after = (
    await tx.query<Row>(
      `update patient_dose set status = 'discarded', discard_reason = $2, version = version + 1 where id = $1 returning *`,
      [doseId, input.reason],
    )
  ).rows[0]!;
  await audit({
    action: 'discard',
    entityType: 'patient_dose',
    entityId: doseId,
    patientId: dose.patient_id,
    before: { status: dose.status, version: dose.version },
    after: { status: after.status, version: after.version },
    reason: input.reason,
  });
  return after;
}
