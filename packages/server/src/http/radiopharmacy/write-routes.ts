import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createBatch, expectedMeaning, recordQc, recordStaffDose, rejectBatch, releaseBatch } from '../../radiopharmacy/batches';
import { discardDose, drawDose, recordAdministration } from '../../radiopharmacy/doses';
import { withProblems } from '../../radiopharmacy/problems';
import { administrationRecord, doseRecord, wasteRecord, type Row } from '../../radiopharmacy/rows';
import { batchDetail } from '../../radiopharmacy/views';
import { recordWaste, releaseWaste } from '../../radiopharmacy/waste';
import { actorOf, audited } from '../common/audited';
import { requireReauthentication } from '../common/reauthenticate';
import { badRequest, notFound } from '../common/problem';
import { clockOf, type ClockOptions } from './clock';
import {
  administrationBody,
  ADMINISTRATION_WRITERS,
  BATCH_RELEASERS,
  batchParams,
  createBatchBody,
  discardBody,
  doseParams,
  drawBody,
  qcBody,
  RADIOPHARMACY_WRITERS,
  rejectBody,
  releaseBody,
  staffDoseBody,
  wasteBody,
  wasteParams,
  wasteReleaseBody,
} from './schemas';

/**
 * Every write of the radiopharmacy: one transaction each, audited inside it, refused before any
 * write with a problem naming the field and the limit.
 */
export const radiopharmacyWriteRoutes: FastifyPluginAsyncZod<ClockOptions> = async (app, opts) => {
  const { db } = app.deps;
  const now = clockOf(opts);
  const writers = { access: RADIOPHARMACY_WRITERS };

  app.post(
    '/batches',
    {
      config: writers,
      schema: {
        summary: 'Create a batch (delivery, synthesis or Ga-68 generator elution) in a hot cell allowed for its product',
        body: createBatchBody,
      },
    },
    async (request, reply) => {
      const at = now();
      const row = await withProblems(() =>
        audited(db, actorOf(request), (tx, audit) => createBatch(tx, audit, actorOf(request), request.body, at)),
      );
      return reply.status(201).send(await batchDetail(db, row.id, at));
    },
  );

  app.post(
    '/batches/:id/qc',
    {
      config: writers,
      schema: {
        summary: 'Record QC results (all or none); the first release test moves the batch to qc-pending',
        params: batchParams,
        body: qcBody,
      },
    },
    async (request) => {
      const at = now();
      await withProblems(() =>
        audited(db, actorOf(request), (tx, audit) => recordQc(tx, audit, actorOf(request), request.params.id, request.body, at)),
      );
      return batchDetail(db, request.params.id, at);
    },
  );

  app.post(
    '/batches/:id/release',
    {
      config: { access: BATCH_RELEASERS },
      schema: {
        summary:
          "Release with the radiopharmacist's signature: re-enter the password; the meaning and the SHA-256 of batch + QC are stored",
        params: batchParams,
        body: releaseBody,
      },
    },
    async (request) => {
      const { id } = request.params;
      const batch = (await db.query<Row>('select * from radiopharm_batch where id = $1', [id])).rows[0];
      if (!batch) throw notFound(`Batch ${id}`);
      const meaning = await expectedMeaning(db, batch);
      if (request.body.meaning !== meaning) {
        throw badRequest('The meaning of the signature must be the statement shown to the signer.', [
          { path: 'body.meaning', message: `expected "${meaning}"` },
        ]);
      }
      await requireReauthentication(request, app.deps, {
        password: request.body.password,
        entityType: 'radiopharm_batch',
        entityId: id,
        notApplied: 'the batch was not released',
      });
      const at = now();
      await withProblems(() =>
        audited(db, actorOf(request), (tx, audit) => releaseBatch(tx, audit, actorOf(request), id, request.body, at)),
      );
      return batchDetail(db, id, at);
    },
  );

  app.post(
    '/batches/:id/reject',
    {
      config: writers,
      schema: {
        summary: 'Reject a batch; a released one is recalled (the answer lists the doses to stop)',
        params: batchParams,
        body: rejectBody,
      },
    },
    async (request) => {
      const at = now();
      await withProblems(() =>
        audited(db, actorOf(request), (tx, audit) => rejectBatch(tx, audit, actorOf(request), request.params.id, request.body, at)),
      );
      return batchDetail(db, request.params.id, at);
    },
  );

  app.post(
    '/batches/:id/staff-dose',
    {
      config: writers,
      schema: { summary: "The operator's measured dose for this preparation (µSv)", params: batchParams, body: staffDoseBody },
    },
    async (request) => {
      await withProblems(() =>
        audited(db, actorOf(request), (tx, audit) => recordStaffDose(tx, audit, actorOf(request), request.params.id, request.body)),
      );
      return batchDetail(db, request.params.id, now());
    },
  );

  app.post(
    '/batches/:id/doses',
    {
      config: writers,
      schema: {
        summary:
          'Draw a patient dose: activity decay-corrected to the planned injection, checked against the tolerance (422 unless override.reason), the batch content and its expiry',
        params: batchParams,
        body: drawBody,
      },
    },
    async (request, reply) => {
      const at = now();
      const { row, plan, batch } = await withProblems(() =>
        audited(db, actorOf(request), (tx, audit) => drawDose(tx, audit, actorOf(request), request.params.id, request.body, at)),
      );
      return reply.status(201).send({
        ...doseRecord(row),
        batchNumber: batch.batch_number,
        tolerance: plan.tolerance,
        remainingAfterMBq: plan.remainingAfterMBq,
        method: plan.method,
      });
    },
  );

  app.post(
    '/doses/:id/administration',
    {
      config: { access: ADMINISTRATION_WRITERS },
      schema: {
        summary: 'Record the administration: activity = dose decay-corrected minus the residual',
        params: doseParams,
        body: administrationBody,
      },
    },
    async (request, reply) => {
      const { row, given } = await withProblems(() =>
        audited(db, actorOf(request), (tx, audit) =>
          recordAdministration(tx, audit, actorOf(request), request.params.id, request.body, now()),
        ),
      );
      return reply
        .status(201)
        .send({ ...administrationRecord(row), method: given.method, doseAtAdministrationMBq: given.doseAtAdministrationMBq });
    },
  );

  app.post(
    '/doses/:id/discard',
    { config: writers, schema: { summary: 'Discard a drawn dose (with the reason)', params: doseParams, body: discardBody } },
    async (request) => {
      const row = await withProblems(() =>
        audited(db, actorOf(request), (tx, audit) => discardDose(tx, audit, actorOf(request), request.params.id, request.body)),
      );
      return doseRecord(row);
    },
  );

  app.post(
    '/waste',
    {
      config: writers,
      schema: {
        summary: 'Record a decay-in-storage container; its release date is 10 half-lives (configurable) of the longest-lived nuclide',
        body: wasteBody,
      },
    },
    async (request, reply) => {
      const { row, release } = await withProblems(() =>
        audited(db, actorOf(request), (tx, audit) => recordWaste(tx, audit, actorOf(request), request.body)),
      );
      return reply.status(201).send({ ...wasteRecord(row), method: release.method, remainingFraction: release.remainingFraction });
    },
  );

  app.post(
    '/waste/:id/release',
    {
      config: writers,
      schema: { summary: 'Release a waste container once its release date has passed', params: wasteParams, body: wasteReleaseBody },
    },
    async (request) => {
      const row = await withProblems(() =>
        audited(db, actorOf(request), (tx, audit) => releaseWaste(tx, audit, actorOf(request), request.params.id, request.body, now())),
      );
      return wasteRecord(row);
    },
  );
};
