import { buildResistanceAtlas, CLINICAL_READERS, reviewStatusOf, type AtlasFilters, type AtlasMechanism } from '@continuum/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { atlasSnapshot } from '../../genomics/resistance-atlas';
import { caseReviewOf, loadReviews } from '../../genomics/resistance-reviews';
import { atlasQuery } from './schemas';

/** GET /api/genomics/resistance-atlas — mechanisms by drug class and target, with the cases behind each count. */
export const atlasRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;
  app.get(
    '/genomics/resistance-atlas',
    {
      config: { access: CLINICAL_READERS },
      schema: {
        summary:
          'Resistance atlas: alterations acquired at progression, counted by drug class × target × mechanism (confirmed mechanism when reviewed), with the cases behind each count',
        querystring: atlasQuery,
      },
    },
    async (request) => {
      const q = request.query;
      const [snapshot, reviews] = await Promise.all([atlasSnapshot(db), loadReviews(db)]);
      const cases = snapshot.cases.map((c) => {
        const r = reviews.get(c.key);
        return r ? { ...c, review: caseReviewOf(r) } : c;
      });
      const filters: AtlasFilters = {
        ...(q.drugClass ? { drugClass: q.drugClass } : {}),
        ...(q.target ? { target: q.target } : {}),
        ...(q.mechanism ? { mechanism: q.mechanism as AtlasMechanism } : {}),
        ...(q.status ? { status: q.status } : {}),
      };
      const atlas = buildResistanceAtlas(cases, filters);
      const pairs = new Map<string, { drugClass: string; target: string }>();
      for (const c of cases) pairs.set(`${c.drugClass}\u0000${c.target}`, { drugClass: c.drugClass, target: c.target });
      return {
        computedAt: snapshot.computedAt,
        computeMs: snapshot.computeMs,
        cached: snapshot.cached,
        patientsScanned: snapshot.patientsScanned,
        patientsRecomputed: snapshot.patientsRecomputed,
        filters,
        /** Every drug class / target pair with a case, whatever the filters: what the filters can choose from. */
        facets: [...pairs.values()].sort((a, b) => a.drugClass.localeCompare(b.drugClass) || a.target.localeCompare(b.target)),
        mechanisms: atlas.mechanisms,
        rows: atlas.rows,
        cells: atlas.cells,
        total: atlas.total,
        patients: atlas.patients,
        rejected: atlas.rejected,
        confirmed: atlas.confirmed,
        needsReview: atlas.needsReview,
        cases: atlas.cases.slice(0, q.limit).map((c) => ({ ...c, status: reviewStatusOf(c) })),
      };
    },
  );
};
