/**
 * The real platform for browser tests: the server on an embedded PGlite with demo accounts and a
 * seeded (and matched) cohort, serving the built web app, and Debian's Chromium driven by
 * playwright-core (never a downloaded browser). The web app is built once per run by
 * test/global-setup.ts, so parallel test files never race on packages/web/dist.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { TRIAL_CATALOGUE } from '@continuum/core';
import type { FastifyInstance } from 'fastify';
import { createDemoAccounts, DEMO_PASSWORD } from '../../../server/src/demo';
import { openPglite, type Db } from '../../../server/src/db/driver';
import { migrate } from '../../../server/src/db/migrate';
import { buildApp } from '../../../server/src/http/app';
import { loadOncoTree } from '../../../server/src/reference';
import { seedFeatureDemos } from '../../../server/src/seed/feature-demos';
import { seedCohort } from '../../../server/src/seed/seedCohort';

export const CHROMIUM = '/usr/bin/chromium';
export const WEB_DIST = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist');

export interface LivePlatform {
  db: Db;
  app: FastifyInstance;
  browser: Browser;
  /** e.g. http://127.0.0.1:41234 */
  base: string;
  close(): Promise<void>;
}

export async function startLivePlatform(opts: { patients: number; seed: number }): Promise<LivePlatform> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium (see .ci/run)`);
  if (!existsSync(join(WEB_DIST, 'index.html'))) throw new Error(`${WEB_DIST} has no build: the vitest global setup builds it`);
  const db = await openPglite();
  await migrate(db);
  await createDemoAccounts(db, TRIAL_CATALOGUE);
  await seedCohort(db, { patients: opts.patients, seed: opts.seed, referenceDate: '2026-11-01' });
  await seedFeatureDemos(db, { referenceDate: '2026-11-01', now: new Date() });
  const app = await buildApp({ db, oncotree: loadOncoTree(), logLevel: 'silent', webDist: WEB_DIST });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // This machine has no network: background services would only fail, many times a second.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    db,
    app,
    browser,
    base,
    async close() {
      await browser.close();
      await app.close();
      await db.close();
    },
  };
}

/**
 * Signs a demo account in through the sign-in form, submitted with Enter (the form must work from
 * the keyboard), and waits for the signed-in header, which every role has whatever its home page
 * and navigation links (sponsor and referrer have no Patients link).
 */
export async function signIn(page: Page, base: string, username: string): Promise<void> {
  await page.goto(`${base}/signin`);
  await page.getByLabel(/username/i).fill(username);
  await page.getByLabel(/password/i).fill(DEMO_PASSWORD);
  await page.getByLabel(/password/i).press('Enter');
  await page.getByTestId('current-user').waitFor();
}
