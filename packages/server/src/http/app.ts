import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { OncoTree } from '@continuum/core';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SignInThrottle } from '../auth/throttle';
import type { Db } from '../db/driver';
import { loadGeneSymbols } from '../matching/genes';
import { Matcher } from '../matching/matcher';
import { codeOrNameHierarchy } from '../matching/oncotree';
import type { Vocabulary } from './matches/criteria-input';
import { installAccessControl } from './common/access';
import { installErrorHandling, sendNotFound } from './common/errors';
import { auditRoutes } from './audit/routes';
import { authRoutes } from './auth/routes';
import { genomicsRoutes } from './genomics/routes';
import { healthRoutes } from './health/routes';
import { matchRoutes } from './matches/routes';
import { mtbRoutes } from './mtb/routes';
import { oncotreeRoutes } from './oncotree/routes';
import { patientRoutes } from './patients/routes';
import { radiopharmacyRoutes } from './radiopharmacy/routes';
import { radiationRoutes } from './radiation/routes';
import { referralRoutes } from './referrals/routes';
import { schedulingRoutes } from './scheduling/routes';
import { sponsorRoutes } from './sponsor/routes';
import { theranosticRoutes } from './theranostics/routes';
import { trialRoutes } from './trials/routes';
import { userRoutes } from './users/routes';

export interface AppOptions {
  db: Db;
  oncotree: OncoTree;
  production?: boolean;
  logLevel?: string;
  /** Folder of the built web app (packages/web/dist); served with an SPA fallback when present. */
  webDist?: string;
  throttle?: SignInThrottle;
  /** Live re-matching; one is made from the OncoTree when not given. */
  matcher?: Matcher;
}

export interface AppDeps {
  db: Db;
  oncotree: OncoTree;
  production: boolean;
  throttle: SignInThrottle;
  /** Re-matches what a write touches, inside the write's transaction. */
  matcher: Matcher;
  /** What criteria are checked against: OncoTree (codes and names) and HGNC symbols. */
  vocabulary: Vocabulary;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
  }
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logLevel === 'silent' ? false : { level: opts.logLevel ?? 'info' },
    trustProxy: false,
    bodyLimit: 5 * 1024 * 1024,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const deps: AppDeps = {
    db: opts.db,
    oncotree: opts.oncotree,
    production: opts.production ?? false,
    throttle: opts.throttle ?? new SignInThrottle(),
    matcher: opts.matcher ?? new Matcher({ oncotree: codeOrNameHierarchy(opts.oncotree) }),
    vocabulary: { oncotree: codeOrNameHierarchy(opts.oncotree), genes: loadGeneSymbols() },
  };
  app.decorate('deps', deps);

  installErrorHandling(app);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Swagger UI injects inline styles; scripts stay same-origin only.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        // Only behind TLS: on plain-HTTP demo installs it would break every asset.
        upgradeInsecureRequests: deps.production ? [] : null,
      },
    },
    hsts: deps.production,
  });
  await app.register(cookie);
  installAccessControl(app, opts.db);

  await app.register(swagger, {
    openapi: {
      info: { title: 'Continuum API', version: '0.1.0', description: 'Clinical research platform for cancer centres.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'cx_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  await app.register(healthRoutes, { prefix: '/api' });
  await app.register(authRoutes, { prefix: '/api/auth' });
  await app.register(patientRoutes, { prefix: '/api/patients' });
  await app.register(trialRoutes, { prefix: '/api/trials' });
  await app.register(referralRoutes, { prefix: '/api/referrals' });
  await app.register(sponsorRoutes, { prefix: '/api/sponsor' });
  await app.register(auditRoutes, { prefix: '/api/audit' });
  await app.register(userRoutes, { prefix: '/api/users' });
  await app.register(oncotreeRoutes, { prefix: '/api/oncotree' });
  await app.register(matchRoutes, { prefix: '/api' });
  await app.register(radiopharmacyRoutes, { prefix: '/api/radiopharmacy' });
  await app.register(radiationRoutes, { prefix: '/api' });
  await app.register(mtbRoutes, { prefix: '/api/mtb' });
  await app.register(genomicsRoutes, { prefix: '/api' });
  await app.register(theranosticRoutes, { prefix: '/api' });
  await app.register(schedulingRoutes, { prefix: '/api/scheduling' });

  const spa = opts.webDist && existsSync(join(opts.webDist, 'index.html'));
  if (spa) await app.register(fastifyStatic, { root: opts.webDist!, prefix: '/', wildcard: false });
  // SPA fallback: client routes (/patients/…) get index.html; /api paths and non-GETs stay 404.
  app.setNotFoundHandler((request, reply) =>
    spa && request.method === 'GET' && !request.url.startsWith('/api') ? reply.sendFile('index.html') : sendNotFound(request, reply),
  );
  return app;
}
