import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli';
import { openPglite } from '../src/db/driver';

/** Runs the real CLI in a child process, as `npx continuum …` would, on an embedded database. */
function cli(dataDir: string, args: string[], input?: string) {
  return runCli(args, {
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', NODE_ENV: 'production', CI: '' },
    ...(input !== undefined ? { input } : {}),
  });
}

describe('continuum CLI on an embedded database', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'continuum-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const tamper = async (sql: string) => {
    const db = await openPglite(join(dir, 'pgdata'));
    await db.exec(
      `alter table audit_log disable trigger audit_log_no_update; ${sql}; alter table audit_log enable trigger audit_log_no_update;`,
    );
    await db.close();
  };

  it('creates the first admin of a production install from stdin, refusing a weak password', async () => {
    const weak = await cli(dir, ['admin', 'create', '--username', 'chief', '--display-name', 'Dr Chief'], 'short\n');
    expect(weak.code).toBe(2);
    expect(weak.stderr).toMatch(/password must be at least 12 characters/);
    const ok = await cli(dir, ['admin', 'create', '--username', 'chief', '--display-name', 'Dr Chief'], 'a-long-enough-passphrase\n');
    expect(ok.stderr).toBe('');
    expect(ok.stdout).toMatch(/Created admin account "chief"/);
  });

  it('seeds a cohort', async () => {
    const r = await cli(dir, ['seed', '--patients', '25', '--seed', '9']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Wrote 25 patients/);
  });

  it('rejects a malformed option naming it', async () => {
    const r = await cli(dir, ['seed', '--patients', 'many']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/--patients must be a non-negative integer, got "many"/);
  });

  it('audit verify exits 0 on an intact chain', async () => {
    const r = await cli(dir, ['audit', 'verify']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Audit chain intact: 2 entries/);
  });

  it('audit verify exits 1 naming the first bad entry when a row was edited', async () => {
    await tamper(`update audit_log set actor_username = 'someone-else' where seq = 1`);
    const r = await cli(dir, ['audit', 'verify']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/BROKEN at entry 1: entry 1 was altered/);
    await tamper(`update audit_log set actor_username = 'system' where seq = 1`);
    expect((await cli(dir, ['audit', 'verify'])).code).toBe(0);
  });

  it('audit verify exits 1 when rows were reordered, and when one was deleted', async () => {
    await tamper(
      `update audit_log set seq = -seq; update audit_log set seq = 2 where seq = -1; update audit_log set seq = 1 where seq = -2`,
    );
    const swapped = await cli(dir, ['audit', 'verify']);
    expect(swapped.code).toBe(1);
    expect(swapped.stderr).toMatch(/BROKEN at entry 1/);
    await tamper(
      `update audit_log set seq = -seq; update audit_log set seq = 2 where seq = -1; update audit_log set seq = 1 where seq = -2`,
    );
    expect((await cli(dir, ['audit', 'verify'])).code).toBe(0);
    await tamper('delete from audit_log where seq = 1');
    const deleted = await cli(dir, ['audit', 'verify']);
    expect(deleted.code).toBe(1);
    expect(deleted.stderr).toMatch(/entry 1 is missing/);
  });
});
