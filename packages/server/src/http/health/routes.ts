import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    {
      config: { access: 'public' },
      schema: {
        summary: 'Liveness and database reachability',
        response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgresql']) }) },
      },
    },
    async () => {
      // A failing query surfaces as 503 through the error handler.
      await app.deps.db.query('select 1');
      return { status: 'ok' as const, database: app.deps.db.kind };
    },
  );
};
