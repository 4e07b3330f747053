import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { HttpProblem, type FieldError } from './problem';

const PROBLEM = 'application/problem+json';

function send(reply: FastifyReply, status: number, body: Record<string, unknown>) {
  return reply.status(status).type(PROBLEM).send({ type: 'about:blank', status, ...body });
}

// SQLSTATE classes that mean "the database is not there", not "the request is wrong".
const UNAVAILABLE = /^(08|53|57P|58)/;
const isDatabaseDown = (e: { code?: unknown; message?: string }) =>
  (typeof e.code === 'string' && (UNAVAILABLE.test(e.code) || ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND'].includes(e.code))) ||
  /Connection terminated|PGlite is closed|database .* closed|pool after calling end|Client was closed|connection timeout/i.test(e.message ?? '');

/** Every error leaves the server as problem+json; internals (stack, SQL) never do. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof HttpProblem) {
      if (error.headers) reply.headers(error.headers);
      return send(reply, error.status, {
        title: error.title,
        detail: error.detail,
        ...(error.errors ? { errors: error.errors } : {}),
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext === 'querystring' ? 'query' : (error.validationContext ?? 'body');
      const errors: FieldError[] = error.validation.map((v) => {
        const field = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
        return { path: field ? `${where}.${field}` : where, message: v.message ?? 'invalid' };
      });
      return send(reply, 400, {
        title: 'Bad Request',
        detail: errors.map((e) => `${e.path}: ${e.message}`).join('; '),
        errors,
      });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      // Fastify's own client errors: malformed JSON, wrong content type, body too large.
      return send(reply, error.statusCode, { title: 'Bad Request', detail: error.message });
    }
    if (isDatabaseDown(error)) {
      request.log.error({ err: error }, 'database unavailable');
      return send(reply, 503, { title: 'Service Unavailable', detail: 'The database is unavailable. Try again shortly.' });
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, 500, { title: 'Internal Server Error', detail: 'An unexpected error occurred; it has been logged.' });
  });
}

/** 404 as problem+json, naming the method and path that matched nothing. */
export function sendNotFound(request: FastifyRequest, reply: FastifyReply) {
  return send(reply, 404, { title: 'Not Found', detail: `No route ${request.method} ${request.url.split('?')[0]}.` });
}
