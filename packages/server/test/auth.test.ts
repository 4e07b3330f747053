import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { verifyAuditChain } from '../src/audit/verify';
import { installAccessControl } from '../src/http/common/access';
import { DRIVERS } from './helpers/database';
import { createTestPlatform, type TestPlatform } from './helpers/platform';

describe.each(DRIVERS)('accounts, sessions and roles on %s', (driver) => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await createTestPlatform(driver, { patients: 20 });
  });
  afterAll(() => p.close());

  it('signs in with an HttpOnly, SameSite=Strict session cookie and audits the sign-in', async () => {
    const res = await p.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'investigator', password: 'continuum-demo' } });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'cx_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    expect(res.json().user).toMatchObject({ username: 'investigator', role: 'investigator' });
    const { rows } = await p.db.query<{ action: string }>(`select action from audit_log where actor_username = 'investigator' order by seq desc limit 1`);
    expect(rows[0]?.action).toBe('sign-in');
  });

  it('stores argon2id hashes, never passwords', async () => {
    const { rows } = await p.db.query<{ password_hash: string }>(`select password_hash from app_user where username = 'admin'`);
    expect(rows[0]!.password_hash).toMatch(/^\$argon2id\$v=19\$/);
  });

  it('answers a bad password with 401 problem+json, without saying whether the account exists', async () => {
    const bad = await p.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'nope' }, remoteAddress: '10.0.0.9' });
    const none = await p.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'ghost', password: 'nope' }, remoteAddress: '10.0.0.9' });
    expect(bad.statusCode).toBe(401);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(bad.json().detail).toBe(none.json().detail);
  });

  it('throttles an account after 10 failed sign-ins in a minute, even with the right password', async () => {
    for (let i = 0; i < 10; i++) {
      const r = await p.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'radiopharmacist', password: `wrong-${i}` }, remoteAddress: `10.1.0.${i}` });
      expect(r.statusCode).toBe(401);
    }
    const r = await p.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'radiopharmacist', password: 'continuum-demo' }, remoteAddress: '10.1.1.1' });
    expect(r.statusCode).toBe(429);
    expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
    // Another account from another address is not affected.
    const other = await p.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'physicist', password: 'continuum-demo' }, remoteAddress: '10.2.0.1' });
    expect(other.statusCode).toBe(200);
  });

  it('throttles an address after 10 failed sign-ins across accounts', async () => {
    for (let i = 0; i < 10; i++) {
      await p.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: `nobody${i}`, password: 'x' }, remoteAddress: '10.3.0.1' });
    }
    const r = await p.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'coordinator', password: 'continuum-demo' }, remoteAddress: '10.3.0.1' });
    expect(r.statusCode).toBe(429);
  });

  it('requires a session (401) and the CSRF token on writes (403)', async () => {
    expect((await p.app.inject({ method: 'GET', url: '/api/patients' })).statusCode).toBe(401);
    const admin = await p.signIn('admin');
    const noCsrf = await admin.request({ method: 'POST', url: '/api/auth/logout', headers: { 'x-csrf-token': 'forged' } });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().detail).toMatch(/CSRF/);
  });

  it('gives a sponsor 403 on every patient route', async () => {
    const sponsor = await p.signIn('sponsor');
    const { rows } = await p.db.query<{ id: string }>('select id from patient limit 1');
    for (const url of ['/api/patients', `/api/patients/${rows[0]!.id}`, `/api/patients/${rows[0]!.id}/identity`]) {
      const r = await sponsor.request({ method: 'GET', url });
      expect(r.statusCode, url).toBe(403);
    }
  });

  it('shows a sponsor only its own trials and aggregate KPIs', async () => {
    const sponsor = await p.signIn('sponsor');
    const me = (await sponsor.request({ method: 'GET', url: '/api/auth/me' })).json();
    const trials = (await sponsor.request({ method: 'GET', url: '/api/trials?pageSize=200' })).json();
    expect(trials.total).toBeGreaterThan(0);
    for (const t of trials.items) expect(t.sponsor).toBe(me.user.sponsor);
    const other = (await p.db.query<{ id: string }>('select id from trial where sponsor <> $1 limit 1', [me.user.sponsor])).rows[0]!;
    expect((await sponsor.request({ method: 'GET', url: `/api/trials/${other.id}` })).statusCode).toBe(404);
    const kpis = (await sponsor.request({ method: 'GET', url: '/api/sponsor/kpis' })).json();
    const serialised = JSON.stringify(kpis);
    expect(serialised).not.toMatch(/CTM-\d{6}/); // no pseudonym (CTM-000123), let alone a name
    for (const t of kpis.trials) expect(t.sponsor).toBe(me.user.sponsor);
  });

  it('keeps identity data from roles that do not need it', async () => {
    const { rows } = await p.db.query<{ id: string }>('select id from patient limit 1');
    const mtb = await p.signIn('mtb');
    expect((await mtb.request({ method: 'GET', url: `/api/patients/${rows[0]!.id}` })).statusCode).toBe(200);
    const r = await mtb.request({ method: 'GET', url: `/api/patients/${rows[0]!.id}/identity` });
    expect(r.statusCode).toBe(403);
    const record = (await mtb.request({ method: 'GET', url: `/api/patients/${rows[0]!.id}` })).json();
    expect(JSON.stringify(record)).not.toMatch(/familyName|hospitalNumber|birthDate/);
    const coordinator = await p.signIn('coordinator');
    const id = await coordinator.request({ method: 'GET', url: `/api/patients/${rows[0]!.id}/identity` });
    expect(id.statusCode).toBe(200);
    expect(id.json()).toHaveProperty('hospitalNumber');
  });

  it('shows a referrer only its own referrals', async () => {
    const referrer = await p.signIn('referrer');
    const trial = (await p.db.query<{ id: string }>(`select id from trial where status = 'open' limit 1`)).rows[0]!;
    const created = await referrer.request({
      method: 'POST', url: '/api/referrals',
      payload: { trialId: trial.id, summary: '62-year-old, metastatic LUAD, KRAS G12C on tissue NGS, ECOG 1, after 2 lines.' },
    });
    expect(created.statusCode).toBe(201);
    // A referral by someone else, written directly.
    const coordinatorId = (await p.db.query<{ id: string }>(`select id from app_user where username = 'coordinator'`)).rows[0]!.id;
    await p.db.query('insert into referral (referrer_id, trial_id, summary) values ($1, $2, $3)', [coordinatorId, trial.id, 'someone else’s referral']);
    const mine = (await referrer.request({ method: 'GET', url: '/api/referrals' })).json();
    expect(mine.total).toBe(1);
    expect(mine.items[0].summary).toMatch(/KRAS G12C/);
    expect((await referrer.request({ method: 'GET', url: '/api/patients' })).statusCode).toBe(403);
    const coordinator = await p.signIn('coordinator');
    expect((await coordinator.request({ method: 'GET', url: '/api/referrals' })).json().total).toBe(2);
  });

  it('signs out: the session no longer works, and the whole trail still verifies', async () => {
    const a = await p.signIn('physicist');
    expect((await a.request({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(204);
    expect((await a.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    expect((await verifyAuditChain(p.db)).ok).toBe(true);
  });

  it('refuses at start a route that does not declare who may call it', async () => {
    const app = Fastify();
    installAccessControl(app, p.db);
    expect(() => app.get('/api/unguarded', async () => 'x')).toThrow(/declares no access/);
  });
});
