import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRIVERS } from './helpers/database';
import { createTestPlatform, type Agent, type TestPlatform } from './helpers/platform';

describe.each(DRIVERS)('trials API on %s', (driver) => {
  let p: TestPlatform;
  let coordinator: Agent;
  beforeAll(async () => {
    p = await createTestPlatform(driver, { patients: 30 });
    coordinator = await p.signIn('coordinator');
  });
  afterAll(() => p.close());

  it('lists the catalogue with open slots, and filters by phase and status', async () => {
    const all = (await coordinator.request({ method: 'GET', url: '/api/trials?pageSize=200' })).json();
    expect(all.total).toBeGreaterThanOrEqual(30);
    const phase1 = (await coordinator.request({ method: 'GET', url: '/api/trials?phase=I&pageSize=200' })).json();
    expect(phase1.total).toBeGreaterThan(0);
    for (const t of phase1.items) expect(t.phase).toBe('I');
    for (const t of all.items) expect(t.slotsOpen).toBeLessThanOrEqual(t.slotsTotal);
    const bad = await coordinator.request({ method: 'GET', url: '/api/trials?phase=V' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('query.phase');
  });

  it('shows a trial with its arms and aggregate participation counts', async () => {
    const t = (await coordinator.request({ method: 'GET', url: '/api/trials?pageSize=1' })).json().items[0];
    const full = (await coordinator.request({ method: 'GET', url: `/api/trials/${t.id}` })).json();
    expect(full.arms.length).toBeGreaterThan(0);
    expect(full.protocolNumber).toBe(t.protocolNumber);
  });

  it('updates a cohort’s slots with optimistic concurrency: the stale writer gets 409 and nothing is overwritten', async () => {
    const t = (await coordinator.request({ method: 'GET', url: '/api/trials?status=open&pageSize=1' })).json().items[0];
    const arm = (await coordinator.request({ method: 'GET', url: `/api/trials/${t.id}` })).json().arms[0];
    const first = await coordinator.request({
      method: 'PATCH', url: `/api/trials/${t.id}/arms/${arm.id}`, payload: { version: arm.version, reason: 'patient enrolled', slotsUsed: Math.min(arm.slotsUsed + 1, arm.slotsTotal) },
    });
    expect(first.statusCode).toBe(200);
    const second = await coordinator.request({
      method: 'PATCH', url: `/api/trials/${t.id}/arms/${arm.id}`, payload: { version: arm.version, reason: 'stale form', status: 'closed' },
    });
    expect(second.statusCode).toBe(409);
    expect(second.headers['content-type']).toMatch(/problem\+json/);
    const now = (await p.db.query<{ status: string; version: number }>('select status, version from trial_arm where id = $1', [arm.id])).rows[0];
    expect(now).toEqual({ status: arm.status, version: arm.version + 1 });
  });

  it('refuses more slots used than slots total, naming the field, and writes nothing', async () => {
    const t = (await coordinator.request({ method: 'GET', url: '/api/trials?pageSize=1&page=2' })).json().items[0];
    const arm = (await coordinator.request({ method: 'GET', url: `/api/trials/${t.id}` })).json().arms[0];
    const before = (await p.db.query<{ n: number }>('select count(*)::int n from audit_log')).rows[0]!.n;
    const r = await coordinator.request({ method: 'PATCH', url: `/api/trials/${t.id}/arms/${arm.id}`, payload: { version: arm.version, reason: 'typo', slotsUsed: arm.slotsTotal + 1 } });
    expect(r.statusCode).toBe(400);
    expect(r.json().errors[0].path).toBe('body.slotsUsed');
    expect((await p.db.query<{ n: number }>('select count(*)::int n from audit_log')).rows[0]!.n).toBe(before);
  });

  it('lets no MTB member change a trial', async () => {
    const mtb = await p.signIn('mtb');
    const t = (await mtb.request({ method: 'GET', url: '/api/trials?pageSize=1' })).json().items[0];
    const r = await mtb.request({ method: 'PATCH', url: `/api/trials/${t.id}`, payload: { version: t.version, reason: 'x'.repeat(5), status: 'suspended' } });
    expect(r.statusCode).toBe(403);
  });
});
