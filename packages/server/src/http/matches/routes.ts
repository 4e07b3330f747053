import type { FastifyPluginAsync } from 'fastify';
import { candidateRoutes } from './candidate-routes';
import { criteriaRoutes } from './criteria-routes';
import { importRoutes } from './import-routes';
import { patientMatchRoutes } from './patient-routes';

/** Matching's routes, beside the patient and trial routes they extend (docs/api.md "Matching"). */
export const matchRoutes: FastifyPluginAsync = async (app) => {
  await app.register(patientMatchRoutes, { prefix: '/patients' });
  await app.register(candidateRoutes, { prefix: '/trials' });
  await app.register(criteriaRoutes, { prefix: '/trials' });
  await app.register(importRoutes, { prefix: '/trials' });
};
