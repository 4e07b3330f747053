import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit, SYSTEM_ACTOR } from '../src/audit/record';
import { verifyAuditChain } from '../src/audit/verify';
import { DRIVERS, openTestDb, type TestDb } from './helpers/database';

describe.each(DRIVERS)('audit trail on %s', (driver) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb(driver);
  });
  afterAll(() => t.dispose());

  const write = (n: number) =>
    t.db.transaction(async (tx) => {
      for (let i = 0; i < n; i++) {
        await appendAudit(tx, SYSTEM_ACTOR, {
          action: 'update', entityType: 'patient', entityId: `p${i}`,
          before: { ecog: 1, nested: { b: 2, a: [1, 2.5] } }, after: { ecog: 2, note: 'é ✓', at: new Date('2026-01-02T03:04:05.678Z') },
          reason: 'test entry',
        });
      }
    });

  // A tamperer with database superuser rights can switch the trigger off; the chain still tells.
  const tamper = async (sql: string) => {
    await t.db.exec(`alter table audit_log disable trigger audit_log_no_update; ${sql}; alter table audit_log enable trigger audit_log_no_update;`);
  };

  it('refuses UPDATE, DELETE and TRUNCATE on audit_log', async () => {
    await write(1);
    await expect(t.db.query(`update audit_log set reason = 'x'`)).rejects.toThrow(/append-only/);
    await expect(t.db.query('delete from audit_log')).rejects.toThrow(/append-only/);
    await expect(t.db.query('truncate audit_log')).rejects.toThrow(/append-only/);
  });

  it('verifies an intact chain after a round trip through jsonb', async () => {
    await write(5);
    const v = await verifyAuditChain(t.db);
    expect(v).toMatchObject({ ok: true, entries: 6 });
  });

  it('loses no entry when the transaction that wrote it rolls back, and keeps the chain contiguous', async () => {
    await expect(
      t.db.transaction(async (tx) => {
        await appendAudit(tx, SYSTEM_ACTOR, { action: 'create', entityType: 'x' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    await write(1);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, entries: 7 });
  });

  it('catches an edited row and names it', async () => {
    await tamper(`update audit_log set reason = 'innocent' where seq = 3`);
    const v = await verifyAuditChain(t.db);
    expect(v).toMatchObject({ ok: false, firstBadSeq: 3 });
    if (!v.ok) expect(v.problem).toMatch(/altered/);
    await tamper(`update audit_log set reason = 'test entry' where seq = 3`);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });

  it('catches an edit hidden inside jsonb', async () => {
    await tamper(`update audit_log set after = jsonb_set(after, '{ecog}', '0') where seq = 4`);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, firstBadSeq: 4 });
    await tamper(`update audit_log set after = jsonb_set(after, '{ecog}', '2') where seq = 4`);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });

  it('catches two rows swapped (reordered)', async () => {
    await tamper(`update audit_log set seq = -seq where seq in (2, 3); update audit_log set seq = 3 where seq = -2; update audit_log set seq = 2 where seq = -3`);
    const v = await verifyAuditChain(t.db);
    expect(v).toMatchObject({ ok: false, firstBadSeq: 2 });
  });

  it('catches a deleted row', async () => {
    await tamper(`update audit_log set seq = -seq where seq in (2, 3); update audit_log set seq = 3 where seq = -2; update audit_log set seq = 2 where seq = -3`);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
    await tamper('delete from audit_log where seq = 5');
    const v = await verifyAuditChain(t.db);
    expect(v).toMatchObject({ ok: false, firstBadSeq: 5 });
    if (!v.ok) expect(v.problem).toMatch(/missing/);
  });

  it('catches entries removed from the end when given the head recorded earlier', async () => {
    const t2 = await openTestDb(driver);
    try {
      await appendAudit(t2.db, SYSTEM_ACTOR, { action: 'a', entityType: 'x' });
      await appendAudit(t2.db, SYSTEM_ACTOR, { action: 'b', entityType: 'x' });
      const head = await verifyAuditChain(t2.db);
      if (!head.ok) throw new Error('chain should be intact');
      await t2.db.exec(`alter table audit_log disable trigger audit_log_no_update; delete from audit_log where seq = 2;`);
      expect((await verifyAuditChain(t2.db)).ok).toBe(true);
      expect(await verifyAuditChain(t2.db, head.headHash)).toMatchObject({ ok: false, firstBadSeq: 2 });
    } finally {
      await t2.dispose();
    }
  });
});

describe.each(DRIVERS)('driver value types on %s', (driver) => {
  it('returns dates as ISO date strings and int8/numeric as numbers, the same on every driver', async () => {
    const t = await openTestDb(driver);
    try {
      const { rows } = await t.db.query(`select '2024-01-02'::date d, 5::int8 n, 5.5::numeric x`);
      expect(rows[0]).toEqual({ d: '2024-01-02', n: 5, x: 5.5 });
      const inTx = await t.db.transaction((tx) => tx.query(`select '2024-02-03'::date d`));
      expect(inTx.rows[0]).toEqual({ d: '2024-02-03' });
    } finally {
      await t.dispose();
    }
  });
});
