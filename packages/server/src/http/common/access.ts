import type { Role } from '@continuum/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { SESSION_COOKIE, findSession, sameToken, type Session, type SessionUser } from '../../auth/sessions';
import type { Db } from '../../db/driver';
import { forbidden, unauthorized } from './problem';

/** Who may call a route: anyone, any signed-in account, or the listed roles. */
export type Access = 'public' | 'signed-in' | readonly Role[];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    session: Session | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every /api route must declare its access; registering one that does not fails at start.
 * The check runs before validation, so an unauthorised caller learns nothing about the schema.
 */
export function installAccessControl(app: FastifyInstance, db: Db): void {
  app.decorateRequest('session', null);
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api') && !route.url.startsWith('/api/docs') && !route.config?.access) {
      throw new Error(`route ${route.method} ${route.url} declares no access (config.access)`);
    }
  });
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config?.access;
    if (!access || access === 'public') return;
    const token = request.cookies[SESSION_COOKIE];
    const session = token ? await findSession(db, token) : null;
    if (!session) throw unauthorized();
    if (access !== 'signed-in' && !access.includes(session.user.role)) {
      throw forbidden(`The role "${session.user.role}" may not use ${request.method} ${request.routeOptions.url}.`);
    }
    if (!SAFE_METHODS.has(request.method)) {
      const header = request.headers['x-csrf-token'];
      if (typeof header !== 'string' || !sameToken(header, session.csrfToken)) {
        throw forbidden('Missing or invalid CSRF token (header x-csrf-token).');
      }
    }
    request.session = session;
  });
}

/** The signed-in user of a route that declared access other than 'public'. */
export function userOf(request: FastifyRequest): SessionUser {
  if (!request.session) throw unauthorized();
  return request.session.user;
}
