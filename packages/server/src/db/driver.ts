import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/**
 * The one seam between Continuum and its database. PGlite (PostgreSQL compiled to WASM,
 * embedded, no server) when DATABASE_URL is unset; PostgreSQL otherwise. Both speak the
 * same SQL and run the same migrations, so everything above this file is driver-agnostic.
 */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgresql';
  /** Runs fn in one transaction: all of its writes land, or none. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

// Dates stay ISO strings (a JS Date would shift them by the time zone); int8 and numeric
// become numbers — Continuum's counts and measurements fit in a double.
const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;
const asNumber = (v: string) => Number(v);
const asText = (v: string) => v;

export async function openPglite(dataDir?: string): Promise<Db> {
  // PGlite 0.5 ignores constructor-level parsers for some types (date came back as a Date), so
  // they travel with every query.
  const parsers = { [DATE_OID]: asText, [INT8_OID]: asNumber, [NUMERIC_OID]: asNumber };
  const lite = new PGlite(dataDir, { parsers });
  await lite.waitReady;
  const run = async <T>(q: Pick<PGlite, 'query'>, sql: string, params?: unknown[]) => {
    const r = await q.query<T>(sql, params as unknown[], { parsers });
    return { rows: r.rows };
  };
  return {
    kind: 'pglite',
    query: (sql, params) => run(lite, sql, params),
    transaction: (fn) =>
      lite.transaction((tx) =>
        fn({
          query: (sql, params) => run(tx, sql, params),
          exec: async (sql) => {
            await tx.exec(sql);
          },
        }),
      ),
    exec: async (sql) => {
      await lite.exec(sql);
    },
    close: () => lite.close(),
  };
}

let pgParsersSet = false;
function setPgParsers(): void {
  if (pgParsersSet) return;
  pg.types.setTypeParser(DATE_OID, asText);
  pg.types.setTypeParser(INT8_OID, asNumber);
  pg.types.setTypeParser(NUMERIC_OID, asNumber);
  pgParsersSet = true;
}

export async function openPostgres(url: string): Promise<Db> {
  setPgParsers();
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // Fail at start, not at the first request, when the server is unreachable.
  await pool.query('select 1');
  return {
    kind: 'postgresql',
    query: async (sql, params) => ({ rows: (await pool.query(sql, params)).rows }),
    transaction: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await fn({
          query: async (sql, params) => ({ rows: (await client.query(sql, params)).rows }),
          exec: async (sql) => {
            await client.query(sql);
          },
        });
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    exec: async (sql) => {
      await pool.query(sql);
    },
    close: () => pool.end(),
  };
}

/** Opens the database the configuration names: PostgreSQL if a URL is given, else PGlite in dataDir (or in memory). */
export function openDatabase(opts: { databaseUrl?: string; dataDir?: string }): Promise<Db> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl) : openPglite(opts.dataDir);
}
