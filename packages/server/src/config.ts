import { resolve } from 'node:path';

/** Runtime configuration, read once from the environment (README "Configuration"). */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  production: boolean;
  logLevel: string;
  /** Patients seeded on the first start in demo mode. */
  demoPatients: number;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be an integer between 0 and 65535, got "${env.PORT}"`);
  }
  const demoPatients = Number(env.DEMO_PATIENTS ?? 2000);
  if (!Number.isInteger(demoPatients) || demoPatients < 0) {
    throw new Error(`DEMO_PATIENTS must be a non-negative integer, got "${env.DEMO_PATIENTS}"`);
  }
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: resolve(env.DATA_DIR ?? '.continuum'),
    databaseUrl: env.DATABASE_URL || undefined,
    production: env.NODE_ENV === 'production',
    logLevel: env.LOG_LEVEL ?? 'info',
    demoPatients,
  };
}
