/**
 * Today's board: the department day's preparations (Europe/Paris), and every batch still usable
 * today, by hot cell — activity now, what is left in the vial, each dose's activity at its
 * planned injection, and the countdown to expiry. Computed as of an instant the caller gives
 * (the clock is injected), so the same board can be asked for any moment.
 */
import { effectiveStatus, evaluateQc, expiryCountdown, remainingActivityAt, batchActivityAt, decayCorrect, mbq } from '@continuum/core';
import type { Queryable } from '../db/driver';
import { departmentDate, departmentDayBounds } from './department-day';
import { batchRecord, doseRecord, hotCellOf, productOf, type Row } from './rows';
import { activityOf, productSummary } from './views';

export async function buildBoard(db: Queryable, now: Date) {
  const day = departmentDate(now);
  const { start, end } = departmentDayBounds(day);
  const cells = (await db.query<Row>('select * from hot_cell order by name, id')).rows.map(hotCellOf);
  const products = new Map((await db.query<Row>('select * from radiopharm_product')).rows.map((r) => [r.id as string, productOf(r)]));
  const batches = (
    await db.query<Row>(
      `select * from radiopharm_batch
      where prepared_at < $2 and (prepared_at >= $1 or (status <> 'rejected' and expires_at > $3))
      order by prepared_at, batch_number`,
      [start.toISOString(), end.toISOString(), now.toISOString()],
    )
  ).rows;
  const ids = batches.map((b) => b.id as string);
  const doseRows = ids.length
    ? (
        await db.query<Row>(
          `select d.*, p.pseudonym from patient_dose d join patient p on p.id = d.patient_id where d.batch_id = any($1::uuid[]) order by d.planned_injection_at, d.id`,
          [ids],
        )
      ).rows
    : [];
  const qcRows = ids.length
    ? (
        await db.query<Row>(
          'select batch_id, test, value, outcome from qc_result where batch_id = any($1::uuid[]) order by recorded_at, id',
          [ids],
        )
      ).rows
    : [];

  const views = batches.map((b) => {
    const product = products.get(b.product_id)!;
    const record = batchRecord(b);
    const doses = doseRows.filter((d) => d.batch_id === b.id);
    const activity = activityOf(b, product.nuclide, doses);
    const qc = evaluateQc(
      product.qcSpec,
      qcRows.filter((q) => q.batch_id === b.id).map((q) => ({ test: q.test, value: q.value, outcome: q.outcome })),
    );
    const c = expiryCountdown(record.expiresAt, now);
    const doseViews = doses.map((d) => {
      const dose = doseRecord(d);
      return {
        id: dose.id,
        patientId: dose.patientId,
        pseudonym: d.pseudonym as string,
        status: dose.status,
        prescribedMBq: dose.prescribedMBq,
        drawnMBq: dose.drawnMBq,
        drawnAt: dose.drawnAt,
        plannedInjectionAt: dose.plannedInjectionAt,
        activityAtInjectionMBq: dose.activityAtInjectionMBq,
        activityNowMBq: decayCorrect({ nuclide: product.nuclide, activityMBq: mbq(dose.drawnMBq), at: dose.drawnAt, to: now.toISOString() })
          .activityMBq,
        deviationPct: dose.deviationPct,
        outOfTolerance: dose.outOfTolerance,
      };
    });
    const next = doseViews.find((d) => d.status === 'drawn' && Date.parse(d.plannedInjectionAt) >= now.getTime()) ?? null;
    return {
      id: record.id,
      batchNumber: record.batchNumber,
      hotCellId: record.hotCellId,
      product: productSummary(product),
      status: effectiveStatus({ status: b.status, expiresAt: record.expiresAt }, now),
      origin: record.origin,
      activityMBq: record.activityMBq,
      calibratedAt: record.calibratedAt,
      preparedAt: record.preparedAt,
      preparedBy: record.preparedBy,
      expiresAt: record.expiresAt,
      secondsToExpiry: c.secondsLeft,
      activityNowMBq: batchActivityAt(activity, now),
      remainingNowMBq: remainingActivityAt(activity, now).remainingMBq,
      nextInjection: next ? { at: next.plannedInjectionAt, pseudonym: next.pseudonym, activityMBq: next.activityAtInjectionMBq } : null,
      staffDoseUSv: record.staffDoseUSv,
      qc: {
        releasable: qc.releasable,
        failing: qc.issues.filter((i) => i.code === 'qc-failed').map((i) => i.field.replace(/^qc\./, '')),
        missing: qc.issues.filter((i) => i.code === 'qc-missing').length,
      },
      rejectionReason: record.rejectionReason,
      doses: doseViews,
      version: record.version,
    };
  });

  const count = (s: string) => views.filter((v) => v.status === s).length;
  return {
    now: now.toISOString(),
    day,
    timeZone: 'Europe/Paris',
    hotCells: cells.map((cell) => ({
      id: cell.id,
      name: cell.name,
      energyClass: cell.energyClass,
      nuclides: cell.nuclides,
      batches: views.filter((v) => v.hotCellId === cell.id),
    })),
    totals: {
      batches: views.length,
      inPreparation: count('in-preparation'),
      qcPending: count('qc-pending'),
      released: count('released'),
      rejected: count('rejected'),
      expired: count('expired'),
      doses: views.reduce((n, v) => n + v.doses.length, 0),
      // Only today's preparations: a batch still usable from yesterday carried its dose yesterday.
      staffDoseUSv: views.filter((v) => Date.parse(v.preparedAt) >= start.getTime()).reduce((s, v) => s + (v.staffDoseUSv ?? 0), 0),
    },
  };
}

export type Board = Awaited<ReturnType<typeof buildBoard>>;
