import { openPglite, type Db } from '../../src/db/driver';
import { migrate } from '../../src/db/migrate';
import { openScratchPostgres } from '../../src/db/scratch';

export type Driver = 'pglite' | 'postgresql';

/**
 * The drivers the database tests run on: always PGlite; PostgreSQL too when TEST_DATABASE_URL
 * names a server (.ci/run starts Debian's postgresql and sets it). Each test file gets a fresh
 * database of its own on that server, dropped afterwards.
 */
export const DRIVERS: Driver[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgresql'] : ['pglite'];

if (!process.env.TEST_DATABASE_URL && process.env.CI) {
  throw new Error('CI must run the database tests on PostgreSQL too: set TEST_DATABASE_URL (see .ci/run).');
}

export interface TestDb {
  db: Db;
  dispose(): Promise<void>;
}

export async function openTestDb(driver: Driver): Promise<TestDb> {
  if (driver === 'pglite') {
    const db = await openPglite();
    await migrate(db);
    return { db, dispose: () => db.close() };
  }
  return openScratchPostgres(process.env.TEST_DATABASE_URL!, 'continuum_test');
}
