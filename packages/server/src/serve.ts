import { TRIAL_CATALOGUE } from '@continuum/core';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from './config';
import { createDemoAccounts } from './demo';
import { buildApp } from './http/app';
import { openPlatformDb } from './platform';
import { loadOncoTree } from './reference';
import { seedFeatureDemos } from './seed/feature-demos';
import { DEFAULT_REFERENCE_DATE, seedCohort } from './seed/seedCohort';

const WEB_DIST = resolve(dirname(fileURLToPath(import.meta.url)), '../../web/dist');

/** Starts the platform: database, migrations, demo data on first start (not in production), HTTP. */
export async function serve(config: Config): Promise<void> {
  const db = await openPlatformDb(config);
  const log = (m: string) => process.stdout.write(`${m}\n`);
  if (!config.production) {
    const accounts = await createDemoAccounts(db, TRIAL_CATALOGUE);
    const empty = (await db.query('select 1 from patient limit 1')).rows.length === 0;
    if (empty && config.demoPatients > 0) {
      log(`Seeding the demo cohort: ${config.demoPatients} synthetic patients…`);
      const t0 = Date.now();
      await seedCohort(db, { patients: config.demoPatients, seed: 42, referenceDate: DEFAULT_REFERENCE_DATE });
      await seedFeatureDemos(db, { referenceDate: DEFAULT_REFERENCE_DATE, now: new Date() }, log);
      log(`  done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }
    if (accounts.length > 0) {
      log('\nDemo accounts (demo mode only — NODE_ENV=production creates none):');
      for (const a of accounts) log(`  ${a.username.padEnd(16)} password: ${a.password}   (${a.role})`);
      log('');
    }
  }
  const app = await buildApp({ db, oncotree: loadOncoTree(), production: config.production, logLevel: config.logLevel, webDist: WEB_DIST });
  const shutdown = async () => {
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  await app.listen({ port: config.port, host: config.host });
  log(`Continuum is running on http://localhost:${config.port} (database: ${db.kind}${db.kind === 'pglite' ? `, ${config.dataDir}` : ''})`);
}
