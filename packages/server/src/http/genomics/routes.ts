import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { atlasRoutes } from './atlas-routes';
import { reviewRoutes } from './review-routes';
import { timelineRoutes } from './timeline-routes';

/** Genomics over time (prefix /api): a patient's genomic timeline, resistance reviews, the resistance atlas. */
export const genomicsRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(timelineRoutes);
  await app.register(reviewRoutes);
  await app.register(atlasRoutes);
};
