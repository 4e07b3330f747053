import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRIVERS } from './helpers/database';
import { createTestPlatform, type Agent, type TestPlatform } from './helpers/platform';

describe.each(DRIVERS)('patients API on %s', (driver) => {
  let p: TestPlatform;
  let investigator: Agent;
  beforeAll(async () => {
    p = await createTestPlatform(driver, { patients: 120 });
    investigator = await p.signIn('investigator');
  });
  afterAll(() => p.close());

  const get = (url: string) => investigator.request({ method: 'GET', url });

  it('lists patients page by page, with the total', async () => {
    const first = (await get('/api/patients?pageSize=50')).json();
    const third = (await get('/api/patients?pageSize=50&page=3')).json();
    expect(first.total).toBe(120);
    expect(first.items).toHaveLength(50);
    expect(third.items).toHaveLength(20);
    expect(first.items[0].pseudonym < third.items[0].pseudonym).toBe(true);
  });

  it('searches by pseudonym', async () => {
    const any = (await get('/api/patients?pageSize=1')).json().items[0];
    const found = (await get(`/api/patients?q=${encodeURIComponent(any.pseudonym)}`)).json();
    expect(found.items.map((i: { pseudonym: string }) => i.pseudonym)).toContain(any.pseudonym);
  });

  it('filters by tumour type including OncoTree descendants (NSCLC finds LUAD)', async () => {
    const { rows } = await p.db.query<{ n: number }>(`select count(distinct patient_id)::int n from condition where kind = 'primary' and oncotree_code in ('LUAD','LUSC','NSCLC','LCLC','NSCLCPD')`);
    const nsclc = (await get('/api/patients?tumourType=NSCLC&pageSize=200')).json();
    expect(rows[0]!.n).toBeGreaterThan(0);
    expect(nsclc.total).toBeGreaterThanOrEqual(rows[0]!.n);
    for (const item of nsclc.items) expect(['LUAD', 'LUSC', 'NSCLC', 'LCLC', 'NSCLCPD', 'LUACC', 'LUAS', 'LUMEC', 'LUPC', 'SARCOMATOID', 'CMPT', 'LECLC', 'SGTTL', 'LUCS']).toContain(item.primaryDiagnosis.oncotreeCode);
  });

  it('names the closest codes when the tumour type is unknown', async () => {
    const r = await get('/api/patients?tumourType=LUADD');
    expect(r.statusCode).toBe(400);
    expect(r.json().errors[0]).toMatchObject({ path: 'query.tumourType' });
    expect(r.json().errors[0].message).toMatch(/LUAD/);
  });

  it('filters by biomarker: gene, gene + protein change', async () => {
    const { rows } = await p.db.query<{ gene: string; hgvs_protein: string }>(
      `select gene, hgvs_protein from alteration where hgvs_protein is not null group by gene, hgvs_protein order by count(*) desc limit 1`,
    );
    const { gene, hgvs_protein } = rows[0]!;
    const byGene = (await get(`/api/patients?biomarker=${gene}&pageSize=200`)).json();
    const byChange = (await get(`/api/patients?biomarker=${encodeURIComponent(`${gene} ${hgvs_protein}`)}&pageSize=200`)).json();
    expect(byChange.total).toBeGreaterThan(0);
    expect(byGene.total).toBeGreaterThanOrEqual(byChange.total);
    for (const item of byChange.items) expect(item.biomarkers).toContain(`${gene} ${hgvs_protein}`);
    const bad = await get('/api/patients?biomarker=KRAS%20G12C');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('query.biomarker');
  });

  it('filters by trial participation status', async () => {
    const { rows } = await p.db.query<{ status: string; n: number }>(`select status, count(distinct patient_id)::int n from trial_participation group by status order by n desc limit 1`);
    const r = (await get(`/api/patients?trialStatus=${rows[0]!.status}&pageSize=200`)).json();
    expect(r.total).toBe(rows[0]!.n);
  });

  it('opens a record with its timeline in date order, every fact with provenance, and audits the opening', async () => {
    const id = (await p.db.query<{ patient_id: string }>('select patient_id from molecular_report limit 1')).rows[0]!.patient_id;
    const r = await get(`/api/patients/${id}`);
    expect(r.statusCode).toBe(200);
    const rec = r.json();
    expect(rec.timeline.length).toBeGreaterThan(3);
    const dates = rec.timeline.map((t: { at: string }) => t.at);
    expect([...dates].sort()).toEqual(dates);
    expect(new Set(rec.timeline.map((t: { kind: string }) => t.kind))).toContain('molecular');
    for (const fact of [...rec.conditions, ...rec.labs, ...rec.therapyLines, ...rec.molecularReports]) {
      expect(fact.provenance).toMatchObject({ source: expect.any(String), observedAt: expect.any(String), recordedAt: expect.any(String), recordedBy: expect.any(String) });
    }
    const audit = await p.db.query<{ action: string; actor_username: string }>(`select action, actor_username from audit_log where patient_id = $1 order by seq desc limit 1`, [id]);
    expect(audit.rows[0]).toEqual({ action: 'read', actor_username: 'investigator' });
  });

  it('answers 404 problem+json for an unknown patient and 400 naming the field for a malformed id', async () => {
    const missing = await get('/api/patients/00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toMatch(/problem\+json/);
    const malformed = await get('/api/patients/not-a-uuid');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors[0].path).toBe('params.id');
  });

  it('updates with a reason, and refuses a stale version with 409 without overwriting', async () => {
    const pt = (await get('/api/patients?pageSize=1')).json().items[0];
    const ok = await investigator.request({ method: 'PATCH', url: `/api/patients/${pt.id}`, payload: { version: pt.version, reason: 'death certificate received', vitalStatus: 'deceased' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ vitalStatus: 'deceased', version: pt.version + 1 });
    const stale = await investigator.request({ method: 'PATCH', url: `/api/patients/${pt.id}`, payload: { version: pt.version, reason: 'outdated form', vitalStatus: 'alive' } });
    expect(stale.statusCode).toBe(409);
    const now = (await p.db.query<{ vital_status: string; version: number }>('select vital_status, version from patient where id = $1', [pt.id])).rows[0];
    expect(now).toEqual({ vital_status: 'deceased', version: pt.version + 1 });
    const audit = (await p.db.query<{ before: { vital_status: string }; after: { vital_status: string }; reason: string }>(
      `select before, after, reason from audit_log where entity_id = $1 and action = 'update' order by seq desc limit 1`, [pt.id],
    )).rows[0]!;
    expect(audit.reason).toBe('death certificate received');
    expect(audit.before.vital_status).toBe(pt.vitalStatus);
    expect(audit.after.vital_status).toBe('deceased');
  });

  it('refuses a change to clinical data without a reason, naming the field', async () => {
    const pt = (await get('/api/patients?pageSize=1')).json().items[0];
    const r = await investigator.request({ method: 'POST', url: `/api/patients/${pt.id}/performance`, payload: { ecog: 1, observedAt: '2026-11-20' } });
    expect(r.statusCode).toBe(400);
    expect(r.json().errors.map((e: { path: string }) => e.path)).toContain('body.reason');
    const bad = await investigator.request({ method: 'POST', url: `/api/patients/${pt.id}/performance`, payload: { ecog: 7, observedAt: '2026-11-20', reason: 'visit' } });
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toContain('body.ecog');
  });

  it('records a lab result with provenance and its audit entry in one transaction', async () => {
    const pt = (await get('/api/patients?pageSize=1&page=2')).json().items[0];
    const r = await investigator.request({
      method: 'POST', url: `/api/patients/${pt.id}/labs`,
      payload: { loinc: '2160-0', display: 'Creatinine', value: 0.9, unit: 'mg/dL', upperLimitOfNormal: 1.2, observedAt: '2026-11-20T08:00:00Z', reason: 'screening labs' },
    });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ source: 'user:investigator', recorded_by: 'investigator' });
    const audit = (await p.db.query<{ n: number }>(`select count(*)::int n from audit_log where entity_type = 'lab_result' and entity_id = $1`, [r.json().id])).rows[0]!;
    expect(audit.n).toBe(1);
  });

  it('does not let a radiopharmacist change clinical data', async () => {
    const rp = await p.signIn('radiopharmacist');
    const pt = (await get('/api/patients?pageSize=1')).json().items[0];
    const r = await rp.request({ method: 'POST', url: `/api/patients/${pt.id}/performance`, payload: { ecog: 1, observedAt: '2026-11-20', reason: 'visit' } });
    expect(r.statusCode).toBe(403);
  });
});
