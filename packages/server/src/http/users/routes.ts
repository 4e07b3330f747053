import { ROLES } from '@continuum/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AccountError, createAccount } from '../../auth/accounts';
import { actorOf } from '../common/audited';
import { badRequest } from '../common/problem';

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;
  app.get('/', { config: { access: ['admin'] }, schema: { summary: 'Accounts' } }, async () => {
    const { rows } = await db.query<Record<string, unknown>>('select id, username, display_name, role, sponsor, active, created_at from app_user order by username');
    return { items: rows.map((r) => ({ id: r.id, username: r.username, displayName: r.display_name, role: r.role, sponsor: r.sponsor, active: r.active })) };
  });
  app.post(
    '/',
    {
      config: { access: ['admin'] },
      schema: {
        summary: 'Create an account',
        body: z.object({
          username: z.string().min(2).max(64),
          displayName: z.string().trim().min(1).max(200),
          role: z.enum(ROLES),
          password: z.string().min(12).max(1000),
          sponsor: z.string().trim().min(1).max(200).optional(),
        }),
      },
    },
    async (request, reply) => {
      try {
        const created = await createAccount(db, actorOf(request), request.body);
        return reply.status(201).send(created);
      } catch (e) {
        if (e instanceof AccountError) throw badRequest(e.message, [{ path: `body.${e.field}`, message: e.message }]);
        throw e;
      }
    },
  );
};
