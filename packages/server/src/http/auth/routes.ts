import { ROLES } from '@continuum/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appendAudit } from '../../audit/record';
import { verifyPassword } from '../../auth/passwords';
import { SESSION_COOKIE, SESSION_TTL_MS, createSession, deleteSession, findSession } from '../../auth/sessions';
import { HttpProblem, unauthorized } from '../common/problem';

const userView = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  sponsor: z.string().nullable(),
});
const sessionView = z.object({ user: userView, csrfToken: z.string() });

// The same answer whether the account exists or not: no account enumeration.
const BAD_CREDENTIALS = 'Unknown username or wrong password.';

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, throttle } = app.deps;

  app.post(
    '/login',
    {
      config: { access: 'public' },
      schema: {
        summary: 'Sign in; sets the session cookie and returns the CSRF token',
        body: z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(1000) }),
        response: { 200: sessionView },
      },
    },
    async (request, reply) => {
      const username = request.body.username.trim().toLowerCase();
      const keys = [`user:${username}`, `ip:${request.ip}`];
      const waitMs = throttle.retryAfterMs(keys);
      if (waitMs > 0) {
        const seconds = Math.ceil(waitMs / 1000);
        throw new HttpProblem(429, 'Too Many Requests', `Too many failed sign-ins. Try again in ${seconds} s.`, undefined, {
          'retry-after': String(seconds),
        });
      }
      const { rows } = await db.query<{
        id: string; username: string; display_name: string; role: (typeof ROLES)[number]; sponsor: string | null; password_hash: string;
      }>('select id, username, display_name, role, sponsor, password_hash from app_user where username = $1 and active', [username]);
      const user = rows[0];
      const ok = user ? await verifyPassword(user.password_hash, request.body.password) : false;
      if (!user || !ok) {
        throttle.recordFailure(keys);
        await db.transaction((tx) =>
          appendAudit(tx, { id: user?.id ?? null, username, role: user?.role ?? 'unknown' }, {
            action: 'sign-in-failed',
            entityType: 'session',
            after: { address: request.ip },
          }),
        );
        throw unauthorized(BAD_CREDENTIALS);
      }
      throttle.clear(`user:${username}`);
      const session = await db.transaction(async (tx) => {
        const created = await createSession(tx, user.id);
        await appendAudit(tx, { id: user.id, username: user.username, role: user.role }, {
          action: 'sign-in',
          entityType: 'session',
          entityId: user.id,
          after: { address: request.ip },
        });
        return created;
      });
      reply.setCookie(SESSION_COOKIE, session.token, {
        httpOnly: true,
        sameSite: 'strict',
        secure: app.deps.production,
        path: '/',
        maxAge: SESSION_TTL_MS / 1000,
      });
      return {
        user: { id: user.id, username: user.username, displayName: user.display_name, role: user.role, sponsor: user.sponsor },
        csrfToken: session.csrfToken,
      };
    },
  );

  app.post(
    '/logout',
    { config: { access: 'signed-in' }, schema: { summary: 'Sign out' } },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      const user = request.session!.user;
      await db.transaction(async (tx) => {
        if (token) await deleteSession(tx, token);
        await appendAudit(tx, { id: user.id, username: user.username, role: user.role }, {
          action: 'sign-out',
          entityType: 'session',
          entityId: user.id,
        });
      });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );

  app.get(
    '/me',
    { config: { access: 'signed-in' }, schema: { summary: 'The signed-in account', response: { 200: sessionView } } },
    async (request) => {
      const token = request.cookies[SESSION_COOKIE]!;
      const session = await findSession(db, token);
      if (!session) throw unauthorized();
      return session;
    },
  );
};
