import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ClockOptions } from './clock';
import { radiopharmacyReadRoutes } from './read-routes';
import { radiopharmacyWriteRoutes } from './write-routes';

/**
 * /api/radiopharmacy: products and hot cells, batches (QC, signed release, rejection), patient
 * doses and administrations, waste, today's board and traceability both ways.
 */
export const radiopharmacyRoutes: FastifyPluginAsyncZod<ClockOptions> = async (app, opts) => {
  // Only the clock travels down: the prefix is already this plugin's.
  const clock: ClockOptions = opts.now ? { now: opts.now } : {};
  await app.register(radiopharmacyReadRoutes, clock);
  await app.register(radiopharmacyWriteRoutes, clock);
};
