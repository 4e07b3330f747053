import type { FastifyPluginAsync } from 'fastify';
import { mtbCaseRoutes } from './case-routes';
import { mtbContextSource } from './context';
import { mtbMeetingRoutes } from './meeting-routes';
import { mtbSignRoutes } from './sign-routes';

/** The Molecular Tumour Board (docs/mtb.md), under /api/mtb. */
export const mtbRoutes: FastifyPluginAsync = async (app) => {
  const mtb = mtbContextSource(app.deps.oncotree);
  await app.register(mtbCaseRoutes, { mtb });
  await app.register(mtbMeetingRoutes, { mtb });
  await app.register(mtbSignRoutes, { mtb });
};
