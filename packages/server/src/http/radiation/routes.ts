import { CLINICAL_READERS, NucmedError } from '@continuum/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HttpProblem, notFound } from '../common/problem';
import { administrationProtection, DEFAULT_PROTECTION } from '../../radiation/administration-protection';

/** Radiation protection after an administration: dose rate now, patient release, room release. */
export const radiationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;

  app.get(
    '/administrations/:id/radiation-protection',
    {
      config: { access: CLINICAL_READERS },
      schema: {
        summary: "Dose rate from the patient now, and when the patient and the shielded room can be released (the department's thresholds)",
        params: z.object({ id: z.uuid() }),
        querystring: z.object({
          thresholdUSvPerH: z.coerce.number().positive().max(1000).default(DEFAULT_PROTECTION.thresholdUSvPerH),
          distanceM: z.coerce.number().positive().max(10).default(DEFAULT_PROTECTION.distanceM),
          minimumStayH: z.coerce.number().min(0).max(240).default(DEFAULT_PROTECTION.minimumStayH),
          turnaroundH: z.coerce.number().min(0).max(48).default(DEFAULT_PROTECTION.turnaroundH),
          at: z.iso.datetime({ offset: true }).optional(),
        }),
      },
    },
    async (request) => {
      const { at, ...settings } = request.query;
      try {
        const result = await administrationProtection(db, request.params.id, settings, at ? new Date(at) : new Date());
        if (!result) throw notFound(`Administration ${request.params.id}`);
        return result;
      } catch (e) {
        // e.g. a threshold the retention curve never reaches, or a stored curve that cannot be refitted.
        if (e instanceof NucmedError)
          throw new HttpProblem(422, 'Unprocessable Content', e.message, [{ path: e.field, message: e.reason }]);
        throw e;
      }
    },
  );
};
