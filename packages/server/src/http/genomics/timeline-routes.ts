import { CLINICAL_READERS } from '@continuum/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { notFound } from '../common/problem';
import { patientParams } from './schemas';
import { computeTimeline, timelineView } from './timeline-view';

/** GET /api/patients/:id/genomic-timeline — samples, VAF series, lines, baseline vs progression. */
export const timelineRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;
  app.get(
    '/patients/:id/genomic-timeline',
    {
      config: { access: CLINICAL_READERS },
      schema: {
        summary:
          "A patient's genomic timeline: samples with tumour fraction, each alteration's VAF across samples (detected / not detected / not covered / uninformative), lines of therapy, acquired and lost alterations per line with their resistance classification and review",
        params: patientParams,
      },
    },
    async (request) => {
      const computed = await computeTimeline(db, request.params.id);
      if (!computed) throw notFound(`Patient ${request.params.id}`);
      return timelineView(computed);
    },
  );
};
