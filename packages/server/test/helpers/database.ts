import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPglite, openPostgres, type Db } from '../../src/db/driver';
import { migrate } from '../../src/db/migrate';

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
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `continuum_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openPostgres(url.toString());
  await migrate(db);
  return {
    db,
    dispose: async () => {
      await db.close();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
