import { CLINICAL_READERS, TRIAL_WRITERS } from '@continuum/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { criteriaDocument, readArms, readCriteria, skeletonOf, writeCriteria } from '../../matching/criteria-store';
import { actorOf, audited } from '../common/audited';
import { badRequest, conflict, notFound } from '../common/problem';
import { criteriaFromCtml, criteriaFromTrees } from './criteria-input';
import { criteriaUpdateBody, trialParams } from './schemas';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** GET and PUT /api/trials/:id/criteria: a trial's computable eligibility, read and replaced. */
export const criteriaRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, matcher, vocabulary } = app.deps;

  app.get(
    '/:id/criteria',
    { config: { access: CLINICAL_READERS }, schema: { summary: "A trial's eligibility criteria: levels, trees and CTML", params: trialParams } },
    async (request) => {
      const trial = (await db.query<Row>('select id, protocol_number, status from trial where id = $1', [request.params.id])).rows[0];
      if (!trial) throw notFound(`Trial ${request.params.id}`);
      return criteriaDocument(trial as { protocol_number: string; status: string }, await readArms(db, trial.id), await readCriteria(db, trial.id));
    },
  );

  app.put(
    '/:id/criteria',
    {
      config: { access: TRIAL_WRITERS },
      schema: {
        summary: "Replace a trial's criteria (CTML or trees; optimistic concurrency) and re-match the trial",
        params: trialParams,
        body: criteriaUpdateBody,
      },
    },
    async (request) => {
      const { id } = request.params;
      const b = request.body;
      if ((b.ctml === undefined) === (b.criteria === undefined)) {
        throw badRequest('Send either ctml (with format) or criteria.', [{ path: b.ctml === undefined ? 'body.criteria' : 'body.ctml', message: 'send exactly one of ctml or criteria' }]);
      }
      if (b.ctml !== undefined && !b.format) throw badRequest('CTML needs its format.', [{ path: 'body.format', message: 'expected "json" or "yaml"' }]);
      const user = request.session!.user;
      return audited(db, actorOf(request), async (tx, audit) => {
        // Lock the trial row: two criteria writes for one trial queue rather than interleave.
        const trial = (await tx.query<Row>('select id, protocol_number, status from trial where id = $1 for update', [id])).rows[0];
        if (!trial) throw notFound(`Trial ${id}`);
        const arms = await readArms(tx, id);
        const before = await readCriteria(tx, id);
        const current = before?.version ?? 0;
        if (b.version !== current) {
          throw conflict(`The criteria of ${trial.protocol_number} are at version ${current}, not ${b.version}: someone else changed them. Reload and retry.`);
        }
        const eligibility =
          b.ctml !== undefined
            ? criteriaFromCtml(b.ctml, b.format!, trial.protocol_number, arms, vocabulary)
            : criteriaFromTrees(b.criteria!, before?.eligibility ?? skeletonOf(trial.protocol_number, arms), vocabulary);
        const sourceFormat = b.ctml !== undefined ? (b.format === 'yaml' ? 'ctml-yaml' : 'ctml-json') : 'criteria';
        const version = await writeCriteria(tx, id, current, { eligibility, sourceFormat, sourceText: b.ctml ?? null, by: user.username });
        if (version === null) throw conflict(`The criteria of ${trial.protocol_number} changed while saving. Reload and retry.`);
        await audit({
          action: 'update', entityType: 'trial_criteria', entityId: id, reason: b.reason,
          before: before ? { version: before.version, sourceFormat: before.sourceFormat, eligibility: before.eligibility } : null,
          after: { version, sourceFormat, eligibility },
        });
        // New criteria: this trial against every patient, in this transaction.
        const rematch = await matcher.rematchTrial(tx, id);
        const stored = await readCriteria(tx, id);
        return { ...criteriaDocument(trial as { protocol_number: string; status: string }, arms, stored), rematch };
      });
    },
  );
};
