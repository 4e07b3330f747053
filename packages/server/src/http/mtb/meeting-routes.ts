import { CLINICAL_READERS } from '@continuum/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { addToAgenda, CHAIR_ROLES, createMeeting, deleteMeeting, removeFromAgenda, reorderAgenda, updateMeeting } from '../../mtb/meetings';
import { listMeetings, meetingDetail } from '../../mtb/queries';
import { actorOf, audited } from '../common/audited';
import { notFound } from '../common/problem';
import type { MtbContextSource } from './context';
import {
  agendaAddBody,
  agendaItemParams,
  agendaOrderBody,
  meetingBody,
  meetingListQuery,
  meetingParams,
  meetingUpdateBody,
  MTB_WRITERS,
  versionedReasonBody,
} from './schemas';

/** Meetings, their chair, and the ordered agenda of cases. */
export const mtbMeetingRoutes: FastifyPluginAsyncZod<{ mtb: MtbContextSource }> = async (app, { mtb }) => {
  const { db } = app.deps;

  const detail = async (id: string) => {
    const m = await meetingDetail(db, mtb(), id);
    if (!m) throw notFound(`MTB meeting ${id}`);
    return m;
  };

  app.get(
    '/chairs',
    { config: { access: MTB_WRITERS }, schema: { summary: 'Accounts that may chair a meeting (and sign its cases)' } },
    async () => {
      const { rows } = await db.query<{ id: string; username: string; display_name: string; role: string }>(
        'select id, username, display_name, role from app_user where active and role = any($1::text[]) order by display_name, username',
        [CHAIR_ROLES],
      );
      return { items: rows.map((r) => ({ id: r.id, username: r.username, displayName: r.display_name, role: r.role })) };
    },
  );

  app.get(
    '/meetings',
    {
      config: { access: CLINICAL_READERS },
      schema: { summary: 'MTB meetings: upcoming (soonest first), past, or all (latest first)', querystring: meetingListQuery },
    },
    async (request) => {
      const q = request.query;
      const { total, items } = await listMeetings(db, q, new Date());
      return { page: q.page, pageSize: q.pageSize, total, items };
    },
  );

  app.post(
    '/meetings',
    { config: { access: MTB_WRITERS }, schema: { summary: 'Schedule a meeting', body: meetingBody } },
    async (request, reply) => {
      const user = request.session!.user;
      const m = await audited(db, actorOf(request), (tx, audit) => createMeeting(tx, audit, user.username, request.body));
      return reply.status(201).send(await detail(m.id));
    },
  );

  app.get(
    '/meetings/:id',
    { config: { access: CLINICAL_READERS }, schema: { summary: 'A meeting with its agenda', params: meetingParams } },
    async (request) => detail(request.params.id),
  );

  app.patch(
    '/meetings/:id',
    {
      config: { access: MTB_WRITERS },
      schema: {
        summary: 'Change title, date or chair (optimistic concurrency on version)',
        params: meetingParams,
        body: meetingUpdateBody,
      },
    },
    async (request) => {
      await audited(db, actorOf(request), (tx, audit) => updateMeeting(tx, audit, request.params.id, request.body));
      return detail(request.params.id);
    },
  );

  app.delete(
    '/meetings/:id',
    {
      config: { access: MTB_WRITERS },
      schema: {
        summary: 'Cancel a meeting that discussed nothing; its cases return to the queue',
        params: meetingParams,
        body: versionedReasonBody,
      },
    },
    async (request, reply) => {
      await audited(db, actorOf(request), (tx, audit) => deleteMeeting(tx, audit, request.params.id, request.body));
      return reply.status(204).send();
    },
  );

  app.post(
    '/meetings/:id/agenda',
    {
      config: { access: MTB_WRITERS },
      schema: { summary: 'Put a queued case at the end of the agenda', params: meetingParams, body: agendaAddBody },
    },
    async (request) => {
      await audited(db, actorOf(request), (tx, audit) => addToAgenda(tx, audit, request.params.id, request.body));
      return detail(request.params.id);
    },
  );

  app.put(
    '/meetings/:id/agenda',
    {
      config: { access: MTB_WRITERS },
      schema: { summary: 'Reorder the agenda: every case of it, in the new order', params: meetingParams, body: agendaOrderBody },
    },
    async (request) => {
      await audited(db, actorOf(request), (tx, audit) => reorderAgenda(tx, audit, request.params.id, request.body));
      return detail(request.params.id);
    },
  );

  app.delete(
    '/meetings/:id/agenda/:caseId',
    {
      config: { access: MTB_WRITERS },
      schema: { summary: 'Take a case off the agenda (back to the queue)', params: agendaItemParams, body: versionedReasonBody },
    },
    async (request) => {
      const { id, caseId } = request.params;
      await audited(db, actorOf(request), (tx, audit) => removeFromAgenda(tx, audit, id, caseId, request.body));
      return detail(id);
    },
  );
};
