import { CLINICAL_READERS, type Role } from '@continuum/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { cancelBooking, createBooking, loadBooking } from '../../scheduling/bookings';
import { actorOf, audited } from '../common/audited';
import { badRequest, forbidden, notFound } from '../common/problem';
import { schedulingProblem } from './problems';
import { bookingBody, bookingParams, cancelBody } from './schemas';

/** Who books: the nuclear-medicine physician (investigator), coordinators, admin — and radiopharmacists their preparations. */
export const BOOKERS: readonly Role[] = ['admin', 'investigator', 'coordinator', 'radiopharmacist'];
const onlyPreparations = (role: Role) => role === 'radiopharmacist';

export const bookingRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;

  app.get(
    '/bookings/:id',
    { config: { access: CLINICAL_READERS }, schema: { summary: 'One booking', params: bookingParams } },
    async (request) => {
      const b = await loadBooking(db, request.params.id);
      if (!b) throw notFound(`Booking ${request.params.id}`);
      return b;
    },
  );

  app.post(
    '/bookings',
    {
      config: { access: BOOKERS },
      schema: { summary: 'Book a resource (conflicts are refused with their reason: 409)', body: bookingBody },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const body = request.body;
      if (onlyPreparations(request.session!.user.role) && body.kind !== 'preparation') {
        throw forbidden('A radiopharmacist books preparations in the hot cells; patient bookings are made by the department.');
      }
      if (body.patientId && (await db.query('select 1 from patient where id = $1', [body.patientId])).rows.length === 0) {
        throw badRequest(`Patient ${body.patientId} does not exist.`, [{ path: 'body.patientId', message: 'no such patient' }]);
      }
      try {
        const created = await audited(db, actor, (tx, audit) =>
          createBooking(tx, audit, body, { createdBy: actor.username, reason: body.reason ?? null }),
        );
        return reply.status(201).send(created);
      } catch (e) {
        throw schedulingProblem(e);
      }
    },
  );

  app.post(
    '/bookings/:id/cancel',
    {
      config: { access: BOOKERS },
      schema: { summary: 'Cancel a booking (optimistic concurrency on version)', params: bookingParams, body: cancelBody },
    },
    async (request) => {
      const { id } = request.params;
      const existing = await loadBooking(db, id);
      if (!existing) throw notFound(`Booking ${id}`);
      if (onlyPreparations(request.session!.user.role) && existing.kind !== 'preparation') {
        throw forbidden('A radiopharmacist cancels preparations only.');
      }
      try {
        return await audited(db, actorOf(request), (tx, audit) => cancelBooking(tx, audit, id, request.body));
      } catch (e) {
        throw schedulingProblem(e);
      }
    },
  );
};
