import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { bookingRoutes } from './booking-routes';
import { courseRoutes } from './course-routes';
import { resourceRoutes } from './resource-routes';

/** /api/scheduling: resources and calendars, bookings, treatment courses and cycles. */
export const schedulingRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(resourceRoutes);
  await app.register(bookingRoutes);
  await app.register(courseRoutes);
};
