import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const oncotreeRoutes: FastifyPluginAsyncZod = async (app) => {
  const { oncotree } = app.deps;
  const items = oncotree.all().map((n) => ({ code: n.code, name: n.name, parent: n.parent ?? null, tissue: n.tissue ?? null }));
  app.get('/', { config: { access: 'signed-in' }, schema: { summary: 'OncoTree codes (2025-10-03 release)' } }, async () => ({ items }));
};
