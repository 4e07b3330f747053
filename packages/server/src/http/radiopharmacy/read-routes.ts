import { cellsFor, recallSummary } from '@continuum/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { buildBoard } from '../../radiopharmacy/board';
import { hotCellOf, productOf, wasteRecord, type Row } from '../../radiopharmacy/rows';
import { batchDetail, traceOfBatch, traceOfPatient } from '../../radiopharmacy/views';
import { offsetOf } from '../common/pagination';
import { notFound } from '../common/problem';
import { clockOf, type ClockOptions } from './clock';
import { batchListQuery, batchParams, boardQuery, patientParams, RADIOPHARMACY_READERS, wasteListQuery } from './schemas';

/** Catalogue, board, batches and traceability: reads for the clinical roles. */
export const radiopharmacyReadRoutes: FastifyPluginAsyncZod<ClockOptions> = async (app, opts) => {
  const { db } = app.deps;
  const now = clockOf(opts);
  const access = { access: RADIOPHARMACY_READERS };

  app.get(
    '/products',
    {
      config: access,
      schema: { summary: 'Radiopharmaceutical products with their QC specification and the hot cells that may prepare them' },
    },
    async () => {
      const cells = (await db.query<Row>('select * from hot_cell order by id')).rows.map(hotCellOf);
      const products = (await db.query<Row>('select * from radiopharm_product order by purpose, nuclide, id')).rows.map(productOf);
      return { items: products.map((p) => ({ ...p, hotCellIds: cellsFor(cells, p).map((c) => c.id) })) };
    },
  );

  app.get(
    '/hot-cells',
    { config: access, schema: { summary: 'Hot cells, their energy class, nuclides and the products each may prepare' } },
    async () => {
      const cells = (await db.query<Row>('select * from hot_cell order by id')).rows.map(hotCellOf);
      const products = (await db.query<Row>('select * from radiopharm_product where active order by id')).rows.map(productOf);
      return { items: cells.map((c) => ({ ...c, productIds: products.filter((p) => cellsFor([c], p).length > 0).map((p) => p.id) })) };
    },
  );

  app.get(
    '/board',
    {
      config: access,
      schema: {
        summary: "Today's preparations by hot cell (Europe/Paris day), activity now and at injection, countdown to expiry",
        querystring: boardQuery,
      },
    },
    async (request) => {
      return buildBoard(db, request.query.at ? new Date(request.query.at) : now());
    },
  );

  app.get('/batches', { config: access, schema: { summary: 'Batches, newest first', querystring: batchListQuery } }, async (request) => {
    const q = request.query;
    const params = [q.status ?? null, q.productId ?? null, q.q ? `%${q.q}%` : null, now().toISOString()];
    // "expired" is read from the clock, as everywhere: a stored status with a past expiry is expired.
    const where = `where ($1::text is null or (case when b.status <> 'rejected' and b.expires_at <= $4 then 'expired' else b.status end) = $1)
        and ($2::text is null or b.product_id = $2) and ($3::text is null or b.batch_number ilike $3 or b.supplier_lot ilike $3)`;
    const total = (await db.query<{ n: number }>(`select count(*)::int n from radiopharm_batch b ${where}`, params)).rows[0]!.n;
    const { rows } = await db.query<Row>(
      `select b.id, b.batch_number, b.product_id, pr.name product_name, pr.nuclide, b.hot_cell_id, b.activity_mbq, b.calibrated_at, b.expires_at, b.prepared_at,
              case when b.status <> 'rejected' and b.expires_at <= $4 then 'expired' else b.status end status, b.version
         from radiopharm_batch b join radiopharm_product pr on pr.id = b.product_id ${where}
        order by b.prepared_at desc, b.batch_number desc limit $5 offset $6`,
      [...params, q.pageSize, offsetOf(q)],
    );
    return {
      page: q.page,
      pageSize: q.pageSize,
      total,
      items: rows.map((r) => ({
        id: r.id,
        batchNumber: r.batch_number,
        productId: r.product_id,
        productName: r.product_name,
        nuclide: r.nuclide,
        hotCellId: r.hot_cell_id,
        activityMBq: r.activity_mbq,
        calibratedAt: new Date(r.calibrated_at).toISOString(),
        expiresAt: new Date(r.expires_at).toISOString(),
        preparedAt: new Date(r.prepared_at).toISOString(),
        status: r.status,
        version: r.version,
      })),
    };
  });

  app.get(
    '/batches/:id',
    {
      config: access,
      schema: {
        summary: 'A batch: QC against its specification, release signature (hash checked), doses with patients and administrations',
        params: batchParams,
      },
    },
    async (request) => batchDetail(db, request.params.id, now()),
  );

  app.get(
    '/batches/:id/trace',
    { config: access, schema: { summary: 'Batch → doses → patients → administrations (recall)', params: batchParams } },
    async (request) => {
      const batch = (await db.query<Row>('select id, batch_number, status from radiopharm_batch where id = $1', [request.params.id]))
        .rows[0];
      if (!batch) throw notFound(`Batch ${request.params.id}`);
      const doses = await traceOfBatch(db, batch.id);
      return { batch: { id: batch.id, batchNumber: batch.batch_number, status: batch.status }, doses, recall: recallSummary(doses) };
    },
  );

  app.get(
    '/patients/:id/doses',
    {
      config: access,
      schema: { summary: "Patient → doses → batches, with administrations (the patient's radiopharmaceuticals)", params: patientParams },
    },
    async (request) => {
      const patient = (await db.query<Row>('select id, pseudonym from patient where id = $1', [request.params.id])).rows[0];
      if (!patient) throw notFound(`Patient ${request.params.id}`);
      const doses = await traceOfPatient(db, patient.id);
      const batchIds = [...new Set(doses.map((d) => d.batch.id))];
      return {
        patient: { id: patient.id, pseudonym: patient.pseudonym },
        doses,
        batches: batchIds.map((id) => doses.find((d) => d.batch.id === id)!.batch),
      };
    },
  );

  app.get(
    '/waste',
    { config: access, schema: { summary: 'Decay-in-storage containers with their release dates', querystring: wasteListQuery } },
    async (request) => {
      const q = request.query;
      const params = [q.state ?? null, now().toISOString()];
      const where = `where ($1::text is null or ($1 = 'released' and released_at is not null) or ($1 = 'held' and released_at is null and release_at > $2)
        or ($1 = 'releasable' and released_at is null and release_at <= $2))`;
      const total = (await db.query<{ n: number }>(`select count(*)::int n from radioactive_waste ${where}`, params)).rows[0]!.n;
      const rows = (
        await db.query<Row>(`select * from radioactive_waste ${where} order by release_at, id limit $3 offset $4`, [
          ...params,
          q.pageSize,
          offsetOf(q),
        ])
      ).rows;
      return {
        page: q.page,
        pageSize: q.pageSize,
        total,
        items: rows.map((r) => ({ ...wasteRecord(r), releasable: !r.released_at && new Date(r.release_at).getTime() <= now().getTime() })),
      };
    },
  );
};
