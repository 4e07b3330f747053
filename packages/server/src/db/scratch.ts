import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPostgres, type Db } from './driver';
import { migrate } from './migrate';

/**
 * A throwaway, migrated database on a PostgreSQL server (tests, benchmarks): created under a
 * random name with the admin URL's rights (CREATEDB), dropped by dispose().
 */
export async function openScratchPostgres(adminUrl: string, prefix: string): Promise<{ db: Db; dispose(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openPostgres(url.toString());
  await migrate(db);
  return {
    db,
    dispose: async () => {
      await db.close();
      // Not WITH (FORCE): forcing terminates every backend on the database and is refused for one
      // of another role — an autovacuum worker that started on it after the test's writes. A plain
      // DROP DATABASE stops autovacuum workers itself; a straggling connection of ours (55006,
      // "being accessed by other users") is waited for briefly.
      for (let attempt = 1; ; attempt++) {
        try {
          await admin(`drop database if exists ${name}`);
          return;
        } catch (e) {
          if ((e as { code?: string }).code !== '55006' || attempt >= 40) throw e;
          await new Promise((r) => setTimeout(r, 250));
        }
      }
    },
  };
}
