import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/http/app';
import { loadOncoTree } from '../src/reference';
import { DRIVERS, openTestDb } from './helpers/database';
import { createTestPlatform, type TestPlatform } from './helpers/platform';

describe.each(DRIVERS)('HTTP surface on %s', (driver) => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await createTestPlatform(driver, { patients: 10 });
  });
  afterAll(() => p.close());

  it(`answers health with the database in use (${driver})`, async () => {
    const r = await p.app.inject({ method: 'GET', url: '/api/health' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ status: 'ok', database: driver });
  });

  it('sends security headers', async () => {
    const r = await p.app.inject({ method: 'GET', url: '/api/health' });
    expect(r.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['x-frame-options']).toBeDefined();
  });

  it('serves an OpenAPI document that lists the routes and their schemas', async () => {
    const r = await p.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(r.statusCode).toBe(200);
    const doc = r.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/patients/', '/api/trials/{id}/arms/{armId}', '/api/health']));
    const patch = doc.paths['/api/patients/{id}'].patch;
    expect(JSON.stringify(patch.requestBody)).toMatch(/reason/);
  });

  it('answers unknown API routes with 404 problem+json', async () => {
    const r = await p.app.inject({ method: 'GET', url: '/api/nowhere' });
    expect(r.statusCode).toBe(404);
    expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('answers malformed JSON with 400 problem+json', async () => {
    const r = await p.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username":' });
    expect(r.statusCode).toBe(400);
    expect(r.headers['content-type']).toMatch(/problem\+json/);
  });

  it('names every missing field of a sign-in', async () => {
    const r = await p.app.inject({ method: 'POST', url: '/api/auth/login', payload: {} });
    expect(r.statusCode).toBe(400);
    expect(r.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(['body.password', 'body.username']);
  });
});

describe.each(DRIVERS)('database failure on %s', (driver) => {
  it('answers 503 without internals when the database is gone', async () => {
    const t = await openTestDb(driver);
    const app = await buildApp({ db: t.db, oncotree: loadOncoTree(), logLevel: 'silent' });
    await t.dispose();
    const r = await app.inject({ method: 'GET', url: '/api/health' });
    expect(r.statusCode).toBe(503);
    expect(r.headers['content-type']).toMatch(/problem\+json/);
    expect(r.body).not.toMatch(/stack|at \w+ \(|select 1/i);
    await app.close();
  });
});
