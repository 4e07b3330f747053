import { ROLES, type Role } from '@continuum/core';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { createDemoAccounts, DEMO_PASSWORD } from '../../src/demo';
import { buildApp } from '../../src/http/app';
import { loadOncoTree } from '../../src/reference';
import { seedCohort } from '../../src/seed/seedCohort';
import { TRIAL_CATALOGUE } from '@continuum/core';
import { openTestDb, type Driver, type TestDb } from './database';

export interface Agent {
  role: Role;
  csrfToken: string;
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
}

export interface TestPlatform extends TestDb {
  app: FastifyInstance;
  /** Signs in the demo account of a role and returns an agent carrying its cookie and CSRF token. */
  signIn(role: Role, ip?: string): Promise<Agent>;
  close(): Promise<void>;
}

/** A whole platform in one call: database (migrated), demo accounts, a small seeded cohort, the app. */
export async function createTestPlatform(driver: Driver, opts: { patients?: number } = {}): Promise<TestPlatform> {
  const t = await openTestDb(driver);
  await createDemoAccounts(t.db, TRIAL_CATALOGUE);
  await seedCohort(t.db, { patients: opts.patients ?? 80, seed: 7, referenceDate: '2026-11-01' });
  const app = await buildApp({ db: t.db, oncotree: loadOncoTree(), logLevel: 'silent' });
  await app.ready();
  return {
    ...t,
    app,
    async signIn(role, ip = '127.0.0.1') {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: role, password: DEMO_PASSWORD }, remoteAddress: ip });
      if (res.statusCode !== 200) throw new Error(`sign-in as ${role} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'cx_session')!;
      const csrfToken = res.json().csrfToken as string;
      return {
        role,
        csrfToken,
        request: (o: InjectOptions) =>
          app.inject({ ...o, cookies: { cx_session: cookie.value, ...(o.cookies ?? {}) }, headers: { 'x-csrf-token': csrfToken, ...(o.headers ?? {}) } }),
      };
    },
    async close() {
      await app.close();
      await t.dispose();
    },
  };
}

export { ROLES };
