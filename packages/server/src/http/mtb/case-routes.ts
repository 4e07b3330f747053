import { CLINICAL_READERS } from '@continuum/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { queueReport } from '../../mtb/cases';
import { caseView, listCases, recommendationView } from '../../mtb/queries';
import { createRecommendation, deleteRecommendation, updateRecommendation } from '../../mtb/recommendations';
import { actorOf, audited } from '../common/audited';
import { notFound } from '../common/problem';
import type { MtbContextSource } from './context';
import {
  caseListQuery,
  caseParams,
  MTB_WRITERS,
  queueBody,
  recommendationBody,
  recommendationParams,
  recommendationUpdateBody,
  versionedReasonBody,
} from './schemas';

/** The queue, the case view, and recommendations per alteration. */
export const mtbCaseRoutes: FastifyPluginAsyncZod<{ mtb: MtbContextSource }> = async (app, { mtb }) => {
  const { db } = app.deps;

  app.get(
    '/cases',
    {
      config: { access: CLINICAL_READERS },
      schema: { summary: 'The MTB queue: cases by status, newest first', querystring: caseListQuery },
    },
    async (request) => {
      const q = request.query;
      const { total, items } = await listCases(db, mtb(), { status: q.status, q: q.q || undefined, page: q.page, pageSize: q.pageSize });
      return { page: q.page, pageSize: q.pageSize, total, items };
    },
  );

  app.post(
    '/cases',
    { config: { access: MTB_WRITERS }, schema: { summary: 'Queue a molecular report for the MTB by hand', body: queueBody } },
    async (request, reply) => {
      const user = request.session!.user;
      const created = await audited(db, actorOf(request), (tx, audit) =>
        queueReport(tx, audit, request.body.reportId, `user:${user.username}`, request.body.reason),
      );
      return reply.status(201).send({ id: created.id, status: created.status, version: created.version });
    },
  );

  app.get(
    '/cases/:id',
    {
      config: { access: CLINICAL_READERS },
      schema: {
        summary: 'An MTB case: summary, ranked alterations, evidence, trials, recommendations, signature (audited read)',
        params: caseParams,
      },
    },
    async (request) => {
      const user = request.session!.user;
      const view = await caseView(db, mtb(), request.params.id, user);
      if (!view) throw notFound(`MTB case ${request.params.id}`);
      await audited(db, actorOf(request), (_tx, audit) =>
        audit({ action: 'read', entityType: 'mtb_case', entityId: view.id, patientId: view.patient.id }),
      );
      return view;
    },
  );

  app.post(
    '/cases/:id/recommendations',
    {
      config: { access: MTB_WRITERS },
      schema: {
        summary: 'Record a recommendation on an alteration of the case (unsigned cases only)',
        params: caseParams,
        body: recommendationBody,
      },
    },
    async (request, reply) => {
      const user = request.session!.user;
      const { alterationKey, reason, ...fields } = request.body;
      const created = await audited(db, actorOf(request), (tx, audit) =>
        createRecommendation(tx, mtb(), audit, { id: user.id, username: user.username }, request.params.id, {
          alterationKey,
          reason,
          ...fields,
        }),
      );
      return reply.status(201).send(recommendationView(created));
    },
  );

  app.patch(
    '/cases/:id/recommendations/:recommendationId',
    {
      config: { access: MTB_WRITERS },
      schema: {
        summary: 'Change a recommendation (optimistic concurrency on version)',
        params: recommendationParams,
        body: recommendationUpdateBody,
      },
    },
    async (request) => {
      const { id, recommendationId } = request.params;
      const updated = await audited(db, actorOf(request), (tx, audit) =>
        updateRecommendation(tx, mtb(), audit, id, recommendationId, request.body),
      );
      return recommendationView(updated);
    },
  );

  app.delete(
    '/cases/:id/recommendations/:recommendationId',
    {
      config: { access: MTB_WRITERS },
      schema: { summary: 'Withdraw a recommendation (body: version, reason)', params: recommendationParams, body: versionedReasonBody },
    },
    async (request, reply) => {
      const { id, recommendationId } = request.params;
      await audited(db, actorOf(request), (tx, audit) => deleteRecommendation(tx, audit, id, recommendationId, request.body));
      return reply.status(204).send();
    },
  );
};
