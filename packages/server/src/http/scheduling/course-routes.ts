import { CLINICAL_READERS, type Role } from '@continuum/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createCourse, loadCourses, scheduleCycle } from '../../scheduling/courses';
import { checkCycle, cycleContextOf } from '../../scheduling/limit-check';
import type { Row } from '../../scheduling/rows';
import { actorOf, audited } from '../common/audited';
import { notFound } from '../common/problem';
import { schedulingProblem } from './problems';
import { courseBody, cycleParams, limitCheckQuery, patientParams, scheduleBody } from './schemas';

/** Who plans courses and schedules cycles: the nuclear-medicine physician (investigator), coordinators, admin. */
export const COURSE_WRITERS: readonly Role[] = ['admin', 'investigator', 'coordinator'];

export const courseRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;
  const patientExists = async (id: string) => (await db.query('select 1 from patient where id = $1', [id])).rows.length > 0;

  app.get(
    '/patients/:patientId/courses',
    {
      config: { access: CLINICAL_READERS },
      schema: {
        summary: "A patient's treatment courses and cycles, each open cycle with its organ-at-risk check computed now",
        params: patientParams,
      },
    },
    async (request) => {
      const { patientId } = request.params;
      if (!(await patientExists(patientId))) throw notFound(`Patient ${patientId}`);
      return { patientId, items: await loadCourses(db, patientId) };
    },
  );

  app.post(
    '/patients/:patientId/courses',
    {
      config: { access: COURSE_WRITERS },
      schema: { summary: 'Plan a treatment course from a regimen (creates its cycles)', params: patientParams, body: courseBody },
    },
    async (request, reply) => {
      const { patientId } = request.params;
      if (!(await patientExists(patientId))) throw notFound(`Patient ${patientId}`);
      const actor = actorOf(request);
      const { reason, ...input } = request.body;
      try {
        const { courseId } = await audited(db, actor, (tx, audit) =>
          createCourse(tx, audit, { patientId, ...input }, { createdBy: actor.username, reason }),
        );
        return reply.status(201).send((await loadCourses(db, patientId, courseId))[0]);
      } catch (e) {
        // The plan's fields live under body.protocol, except the start date.
        throw schedulingProblem(e, (f) => (f === 'startedOn' || f === 'regimenId' ? `body.${f}` : `body.protocol.${f}`));
      }
    },
  );

  app.get(
    '/cycles/:id/limit-check',
    {
      config: { access: CLINICAL_READERS },
      schema: {
        summary: 'The organ-at-risk check of a cycle, computed now (optionally at another activity)',
        params: cycleParams,
        querystring: limitCheckQuery,
      },
    },
    async (request) => {
      const row = (
        await db.query<Row>(
          `select t.*, c.kidney_risk_factors from treatment_cycle t join treatment_course c on c.id = t.course_id where t.id = $1`,
          [request.params.id],
        )
      ).rows[0];
      if (!row) throw notFound(`Cycle ${request.params.id}`);
      return checkCycle(db, cycleContextOf(row), { prescribedMBq: request.query.prescribedMBq });
    },
  );

  app.post(
    '/cycles/:id/schedule',
    {
      config: { access: COURSE_WRITERS },
      schema: {
        summary:
          'Schedule a cycle: organ-at-risk check first (422 when a limit would be crossed, unless overridden by an investigator), then the shielded room',
        params: cycleParams,
        body: scheduleBody,
      },
    },
    async (request) => {
      const actor = actorOf(request);
      try {
        const result = await audited(db, actor, (tx, audit) =>
          scheduleCycle(tx, audit, { cycleId: request.params.id, ...request.body }, actor),
        );
        if (!result) throw notFound(`Cycle ${request.params.id}`);
        return result;
      } catch (e) {
        throw schedulingProblem(e);
      }
    },
  );
};
