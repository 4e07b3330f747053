import { mkdirSync } from 'node:fs';
import type { Config } from './config';
import { openDatabase, type Db } from './db/driver';
import { migrate } from './db/migrate';

/** Opens the configured database (creating DATA_DIR for PGlite) and applies pending migrations. */
export async function openPlatformDb(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Db> {
  if (!config.databaseUrl) mkdirSync(config.dataDir, { recursive: true });
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.databaseUrl ? undefined : `${config.dataDir}/pgdata` });
  await migrate(db);
  return db;
}
