import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRIVERS } from './helpers/database';
import { createTestPlatform, type Agent, type TestPlatform } from './helpers/platform';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Live re-matching through the API: each write re-matches what it touches inside its own
 * request, and the stored matches say which input versions they came from.
 */
describe.each(DRIVERS)('matching API on %s', (driver) => {
  let p: TestPlatform;
  let investigator: Agent;
  // The scenario: one alive patient with a primary diagnosis, and an open cohort with free slots
  // of an open trial, whose clause the tests rewrite to hinge on a creatinine result.
  let patient: { id: string; code: string };
  let trial: { id: string; armId: string; code: string; path: string };

  const one = async <T = Json>(sql: string, params: unknown[] = []) => (await p.db.query<T>(sql, params)).rows[0]!;
  const matchesOf = async (patientId: string, includeClosed = false) => {
    const r = await investigator.request({ method: 'GET', url: `/api/patients/${patientId}/matches${includeClosed ? '?includeClosed=true' : ''}` });
    expect(r.statusCode).toBe(200);
    return r.json().items as Json[];
  };
  const onLevel = (items: Json[]) => items.find((m) => m.trialId === trial.id && m.levelPath === trial.path);
  const criteria = async () => (await investigator.request({ method: 'GET', url: `/api/trials/${trial.id}/criteria` })).json();
  const putTree = (version: number, tree: unknown, reason = 'protocol amendment 3') =>
    investigator.request({ method: 'PUT', url: `/api/trials/${trial.id}/criteria`, payload: { version, reason, criteria: { [trial.path]: tree } } });
  const postCreatinine = (value: number) =>
    investigator.request({
      method: 'POST', url: `/api/patients/${patient.id}/labs`,
      payload: { loinc: '2160-0', display: 'Creatinine', value, unit: 'mg/dL', upperLimitOfNormal: 1.3, observedAt: today(), reason: 'screening bloods' },
    });

  beforeAll(async () => {
    p = await createTestPlatform(driver, { patients: 60 });
    investigator = await p.signIn('investigator');
    const pt = await one<{ id: string; code: string }>(
      `select p.id, c.oncotree_code as code from patient p join condition c on c.patient_id = p.id and c.kind = 'primary'
        where p.vital_status = 'alive' order by p.pseudonym limit 1`,
    );
    patient = pt;
    const arm = await one<{ trial_id: string; arm_id: string; code: string }>(
      `select t.id as trial_id, a.id as arm_id, a.code from trial t join trial_arm a on a.trial_id = t.id
        where t.status = 'open' and a.status = 'open' and a.slots_used + 2 <= a.slots_total and a.kind <> 'step'
        order by t.protocol_number, a.code limit 1`,
    );
    const doc = (await p.signIn('coordinator')).request({ method: 'GET', url: `/api/trials/${arm.trial_id}/criteria` });
    const level = (await doc).json().levels.find((l: Json) => l.code === arm.code);
    trial = { id: arm.trial_id, armId: arm.arm_id, code: arm.code, path: level.path };
  });
  afterAll(() => p.close());

  it('seeds criteria for every catalogue trial and stores matches with the input versions they came from', async () => {
    const { n: trials } = await one<{ n: number }>('select count(*)::int n from trial t where not exists (select 1 from trial_criteria c where c.trial_id = t.id)');
    expect(trials).toBe(0);
    const { n: matches } = await one<{ n: number }>('select count(*)::int n from trial_match');
    expect(matches).toBeGreaterThan(0);
    const stale = await one<{ n: number }>(
      `select count(*)::int n from trial_match m
         join patient p on p.id = m.patient_id
         join trial_criteria c on c.trial_id = m.trial_id
         left join trial_arm a on a.id = m.arm_id
        where m.facts_version <> p.facts_version or m.criteria_version <> c.version or m.arm_version is distinct from a.version`,
    );
    expect(stale.n).toBe(0);
  });

  it('ranks a patient’s matches as core ranks them and explains each with evidence and its provenance', async () => {
    const { patient_id } = await one<{ patient_id: string }>(
      `select patient_id from trial_match group by patient_id order by count(*) desc, patient_id limit 1`,
    );
    const items = await matchesOf(patient_id, true);
    expect(items.length).toBeGreaterThan(1);
    // Eligible before potential; within a tier, fewer criteria to verify first.
    const key = (m: Json) => (m.status === 'eligible' ? 0 : 1000) + m.unknownCount + m.staleCount;
    for (let i = 1; i < items.length; i++) expect(key(items[i - 1]!)).toBeLessThanOrEqual(key(items[i]!));
    const open = await matchesOf(patient_id);
    expect(open.every((m) => m.availability === 'open')).toBe(true);
    const record = (await investigator.request({ method: 'GET', url: `/api/patients/${patient_id}` })).json();
    const factIds = new Set<string>([
      record.id,
      ...record.conditions.map((c: Json) => c.id), ...record.labs.map((l: Json) => l.id), ...record.performance.map((x: Json) => x.id),
      ...record.therapyLines.map((t: Json) => t.id), ...record.molecularReports.map((m: Json) => m.id),
      ...record.molecularReports.flatMap((m: Json) => m.alterations.map((a: Json) => a.id)),
    ]);
    const evidence: Json[] = [];
    const walk = (n: Json) => {
      expect(['met', 'not_met', 'unknown']).toContain(n.status);
      expect(typeof n.text).toBe('string');
      evidence.push(...n.evidence);
      (n.children ?? []).forEach(walk);
    };
    items.forEach((m) => walk(m.explanation));
    expect(evidence.length).toBeGreaterThan(0);
    for (const e of evidence) {
      expect(e).toMatchObject({ field: expect.any(String), label: expect.any(String), source: expect.any(String) });
      expect(factIds.has(e.refId), `${e.field} ${e.refId}`).toBe(true);
    }
    const diagnosis = evidence.find((e) => e.field === 'diagnoses')!;
    expect(diagnosis.observedAt).toMatch(/^\d{4}-\d{2}-\d{2}/);
    expect(diagnosis.recordedBy).toBe('system');
  });

  it('re-matches a patient on a new lab result in the same request: potential → eligible → gone', async () => {
    const c = await criteria();
    const tree = {
      kind: 'all',
      of: [
        { kind: 'diagnosis', oncotree: patient.code },
        { kind: 'lab', loinc: '2160-0', display: 'Creatinine', op: '<=', value: 1.5, unit: 'mg/dL', withinDays: 14 },
      ],
    };
    const put = await putTree(c.version, tree);
    expect(put.statusCode).toBe(200);
    expect(put.json().version).toBe(c.version + 1);
    expect(put.json().rematch.patients).toBe(60);

    // No creatinine within 14 days of today: unknown (none on record) or stale (an older one).
    const before = onLevel(await matchesOf(patient.id))!;
    expect(before.status).toBe('potential');
    expect(before.unknownCount + before.staleCount).toBe(1);
    expect(before.checklist[0].text).toMatch(/2160-0|Creatinine/);
    const { facts_version: v0 } = await one<{ facts_version: number }>('select facts_version from patient where id = $1', [patient.id]);

    const lab = await postCreatinine(1.0);
    expect(lab.statusCode).toBe(201);
    // Nothing else ran between the POST and this read: the POST's own transaction re-matched.
    const stored = await one<{ status: string; facts_version: number }>(
      'select status, facts_version from trial_match where patient_id = $1 and trial_id = $2 and level_path = $3',
      [patient.id, trial.id, trial.path],
    );
    expect(stored).toEqual({ status: 'eligible', facts_version: v0 + 1 });
    const after = onLevel(await matchesOf(patient.id))!;
    expect(after).toMatchObject({ status: 'eligible', unknownCount: 0, inputs: { factsVersion: v0 + 1, criteriaVersion: c.version + 1 } });
    const labNode = after.explanation.children.find((n: Json) => n.kind === 'lab');
    expect(labNode.status).toBe('met');
    expect(labNode.evidence[0]).toMatchObject({ refId: lab.json().id, source: 'user:investigator', recordedBy: 'investigator', field: 'labs' });
    expect(labNode.evidence[0].observedAt.slice(0, 10)).toBe(today());

    expect((await postCreatinine(3.2)).statusCode).toBe(201);
    expect(onLevel(await matchesOf(patient.id, true))).toBeUndefined();
    expect((await postCreatinine(0.9)).statusCode).toBe(201);
    expect(onLevel(await matchesOf(patient.id))).toMatchObject({ status: 'eligible' });
  });

  it('closing a cohort removes its open matches in the same request; re-opening brings the same rows back', async () => {
    const arm = (await investigator.request({ method: 'GET', url: `/api/trials/${trial.id}` })).json().arms.find((a: Json) => a.id === trial.armId);
    const rowsBefore = (await p.db.query<Json>('select id, computed_at, availability from trial_match where arm_id = $1 order by id', [trial.armId])).rows;
    expect(rowsBefore.length).toBeGreaterThan(0);
    expect(rowsBefore.every((r) => r.availability === 'open')).toBe(true);

    const close = await investigator.request({ method: 'PATCH', url: `/api/trials/${trial.id}/arms/${trial.armId}`, payload: { version: arm.version, reason: 'cohort closed by sponsor', status: 'closed' } });
    expect(close.statusCode).toBe(200);
    expect(onLevel(await matchesOf(patient.id))).toBeUndefined();
    expect(onLevel(await matchesOf(patient.id, true))).toMatchObject({ availability: 'closed', status: 'eligible', inputs: { armVersion: arm.version + 1 } });
    const candidates = (await investigator.request({ method: 'GET', url: `/api/trials/${trial.id}/candidates?level=${encodeURIComponent(trial.code)}` })).json();
    expect(candidates.total).toBe(0);

    const reopen = await investigator.request({ method: 'PATCH', url: `/api/trials/${trial.id}/arms/${trial.armId}`, payload: { version: arm.version + 1, reason: 'cohort re-opened', status: 'open' } });
    expect(reopen.statusCode).toBe(200);
    expect(onLevel(await matchesOf(patient.id))).toMatchObject({ availability: 'open', status: 'eligible' });
    // Nobody was re-evaluated: the same rows, computed when they were, with the cohort's new version.
    const rowsAfter = (await p.db.query<Json>('select id, computed_at, availability, arm_version from trial_match where arm_id = $1 order by id', [trial.armId])).rows;
    expect(rowsAfter.map((r) => [r.id, String(r.computed_at)])).toEqual(rowsBefore.map((r) => [r.id, String(r.computed_at)]));
    expect(rowsAfter.every((r) => r.availability === 'open' && r.arm_version === arm.version + 2)).toBe(true);

    const full = await investigator.request({ method: 'PATCH', url: `/api/trials/${trial.id}/arms/${trial.armId}`, payload: { version: arm.version + 2, reason: 'last slot taken', slotsUsed: arm.slotsTotal } });
    expect(full.statusCode).toBe(200);
    expect(onLevel(await matchesOf(patient.id))).toBeUndefined();
    expect(onLevel(await matchesOf(patient.id, true))).toMatchObject({ availability: 'waitlist' });
    const freed = await investigator.request({ method: 'PATCH', url: `/api/trials/${trial.id}/arms/${trial.armId}`, payload: { version: arm.version + 3, reason: 'patient withdrew', slotsUsed: arm.slotsUsed } });
    expect(freed.statusCode).toBe(200);
    expect(onLevel(await matchesOf(patient.id))).toMatchObject({ availability: 'open' });
  });

  it('marks matches new until the user has seen them, per user, and again when a match changes', async () => {
    const mtb = await p.signIn('mtb');
    expect((await matchesOf(patient.id)).some((m) => m.isNew)).toBe(true);
    const seen = await investigator.request({ method: 'POST', url: `/api/patients/${patient.id}/matches/seen` });
    expect(seen.statusCode).toBe(204);
    expect((await matchesOf(patient.id)).every((m) => !m.isNew)).toBe(true);
    // Another user's mark is their own.
    expect((await mtb.request({ method: 'GET', url: `/api/patients/${patient.id}/matches` })).json().items.some((m: Json) => m.isNew)).toBe(true);

    const newOnly = () => investigator.request({ method: 'GET', url: `/api/trials/${trial.id}/candidates?newOnly=true` }).then((r) => r.json());
    expect((await newOnly()).total).toBeGreaterThan(0);
    expect((await investigator.request({ method: 'POST', url: `/api/trials/${trial.id}/candidates/seen` })).statusCode).toBe(204);
    expect((await newOnly()).total).toBe(0);

    // A changed answer is new again: an amendment turns the eligible match into a potential one.
    const c = await criteria();
    const put = await putTree(c.version, {
      kind: 'all', of: [{ kind: 'diagnosis', oncotree: patient.code }, { kind: 'ecog', max: 0, withinDays: 1 }, { kind: 'freeText', text: 'adequate organ function' }],
    });
    expect(put.statusCode).toBe(200);
    const changed = onLevel(await matchesOf(patient.id))!;
    expect(changed).toMatchObject({ status: 'potential', isNew: true });
    const listed = (await newOnly()).items.map((m: Json) => m.patientId);
    expect(listed).toContain(patient.id);
  });

  it('filters candidates by status and level and pages them in ranking order', async () => {
    const all = (await investigator.request({ method: 'GET', url: `/api/trials/${trial.id}/candidates?includeClosed=true&pageSize=200` })).json();
    expect(all.total).toBeGreaterThan(0);
    expect(all.items[0]).toMatchObject({ patientId: expect.any(String), pseudonym: expect.any(String), trialId: trial.id });
    const tier = all.items.map((m: Json) => (m.status === 'eligible' ? 0 : 1));
    expect([...tier].sort()).toEqual(tier);
    const potential = (await investigator.request({ method: 'GET', url: `/api/trials/${trial.id}/candidates?status=potential&level=${encodeURIComponent(trial.path)}` })).json();
    expect(potential.items.every((m: Json) => m.status === 'potential' && m.levelPath === trial.path)).toBe(true);
    const page = (await investigator.request({ method: 'GET', url: `/api/trials/${trial.id}/candidates?includeClosed=true&pageSize=1&page=2` })).json();
    if (all.total > 1) expect(page.items[0].id).toBe(all.items[1].id);
    const bad = await investigator.request({ method: 'GET', url: `/api/trials/${trial.id}/candidates?status=maybe` });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('query.status');
  });

  it('refuses a stale criteria version with 409 and changes nothing', async () => {
    const c = await criteria();
    const audit = await one<{ n: number }>('select count(*)::int n from audit_log');
    const r = await putTree(c.version - 1, { kind: 'diagnosis', oncotree: 'BREAST' }, 'stale editor tab');
    expect(r.statusCode).toBe(409);
    expect(r.headers['content-type']).toMatch(/problem\+json/);
    expect((await criteria()).version).toBe(c.version);
    expect((await criteria()).criteria[trial.path]).toEqual(c.criteria[trial.path]);
    expect((await one<{ n: number }>('select count(*)::int n from audit_log')).n).toBe(audit.n);
  });

  it('names the CTML path of a malformed criterion, suggests codes and genes, and writes nothing', async () => {
    const c = await criteria();
    const doc = JSON.parse(c.ctml.json);
    const put = (d: unknown) =>
      investigator.request({ method: 'PUT', url: `/api/trials/${trial.id}/criteria`, payload: { version: c.version, reason: 'amendment', ctml: JSON.stringify(d), format: 'json' } });
    // The level's object in the CTML document, and its JSON path ("treatment_list.step.0.arm.1" → "treatment_list.step[0].arm[1]").
    const level = trial.path.split('.').reduce((o: Json, k) => o[/^\d+$/.test(k) ? Number(k) : k], doc);
    const levelAt = trial.path.replace(/\.(\d+)/g, '[$1]');
    const at = `${levelAt}.match[0].and`;

    level.match = [{ and: [{ genomic: { hugo_symbol: 'ERBB2', cnv_call: 'Big Amp' } }] }];
    const cnv = await put(doc);
    expect(cnv.statusCode).toBe(400);
    expect(cnv.json().errors[0]).toMatchObject({ path: `body.ctml.${at}[0].genomic.cnv_call`, ctmlPath: `$.${at}[0].genomic.cnv_call` });
    expect(cnv.json().errors[0].message).toMatch(/copy-number call/);

    level.match = [{ and: [{ clinical: { oncotree_primary_diagnosis: 'Lung Adenocarcinom' } }] }];
    const dx = await put(doc);
    expect(dx.statusCode).toBe(400);
    expect(dx.json().errors[0]).toMatchObject({ path: `body.ctml.${at}[0].clinical.oncotree_primary_diagnosis` });
    expect(dx.json().errors[0].suggestions).toContain('LUAD');

    level.match = [{ and: [{ genomic: { hugo_symbol: 'KRASS', protein_change: 'p.G12C' } }] }];
    const unknownGene = await put(doc);
    expect(unknownGene.statusCode).toBe(400);
    expect(unknownGene.json().errors[0]).toMatchObject({ path: `body.ctml.${at}[0].genomic.hugo_symbol` });
    expect(unknownGene.json().errors[0].suggestions).toContain('KRAS');

    const syntax = await investigator.request({ method: 'PUT', url: `/api/trials/${trial.id}/criteria`, payload: { version: c.version, reason: 'amendment', ctml: '{"protocol_no": ', format: 'json' } });
    expect(syntax.statusCode).toBe(400);
    expect(syntax.json().errors[0]).toMatchObject({ path: 'body.ctml', ctmlPath: expect.stringMatching(/^line 1, column/) });

    level[Object.keys(level).find((k) => k.endsWith('_code'))!] = 'NOT-A-COHORT';
    level.match = [{ clinical: { age_numerical: '>=18' } }];
    const cohort = await put(doc);
    expect(cohort.statusCode).toBe(400);
    expect(cohort.json().errors.map((e: Json) => e.path)).toContain(`body.ctml.${levelAt}`);

    const tree = await putTree(c.version, { kind: 'all', of: [{ kind: 'age', op: '>=', years: -1 }, { kind: 'alteration', gene: 'BRAFF' }] });
    expect(tree.statusCode).toBe(400);
    const paths = tree.json().errors.map((e: Json) => e.path);
    expect(paths).toContain(`body.criteria[${trial.path}].of.0.years`);
    const geneTree = await putTree(c.version, { kind: 'all', of: [{ kind: 'age', op: '>=', years: 18 }, { kind: 'alteration', gene: 'BRAFF' }] });
    expect(geneTree.statusCode).toBe(400);
    expect(geneTree.json().errors[0]).toMatchObject({ path: `body.criteria[${trial.path}].of.1.gene` });
    expect(geneTree.json().errors[0].suggestions).toContain('BRAF');

    expect((await criteria()).version).toBe(c.version);
  });

  it('replaces criteria from CTML YAML, re-matching the trial in the same request', async () => {
    const c = await criteria();
    const yaml = c.ctml.yaml as string;
    const r = await investigator.request({ method: 'PUT', url: `/api/trials/${trial.id}/criteria`, payload: { version: c.version, reason: 'curated in YAML', ctml: yaml, format: 'yaml' } });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ version: c.version + 1, sourceFormat: 'ctml-yaml' });
    const stale = await one<{ n: number }>('select count(*)::int n from trial_match where trial_id = $1 and criteria_version <> $2', [trial.id, c.version + 1]);
    expect(stale.n).toBe(0);
  });

  it('imports CTML trials all or nothing, matches them, and refuses a protocol number twice', async () => {
    const ctml = (protocol: string, gene: string) => ({
      protocol_no: protocol, phase: 'II', status: 'Open to Accrual', long_title: `Basket ${protocol}`,
      treatment_list: { step: [{ step_code: '1', arm: [{ arm_code: 'A', arm_description: 'All comers', arm_suspended: 'N', continuum_slots: { total: 10, used: 2 },
        match: [{ and: [{ clinical: { age_numerical: '>=18', oncotree_primary_diagnosis: patient.code } }, { genomic: { hugo_symbol: gene, variant_category: '!Mutation' } }] }] }] }] },
    });
    const before = await one<{ n: number }>('select count(*)::int n from trial');
    const bad = await investigator.request({ method: 'POST', url: '/api/trials/import', payload: { reason: 'new baskets', format: 'json', ctml: JSON.stringify([ctml('IMP-1', 'NTRK3'), ctml('IMP-2', 'TPP53')]) } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('body.ctml[1].treatment_list.step[0].arm[0].match[0].and[1].genomic.hugo_symbol');
    expect((await one<{ n: number }>('select count(*)::int n from trial')).n).toBe(before.n);

    const ok = await investigator.request({ method: 'POST', url: '/api/trials/import', payload: { reason: 'new baskets', format: 'json', ctml: JSON.stringify([ctml('IMP-1', 'NTRK3'), ctml('IMP-2', 'KRAS')]) } });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().trials.map((t: Json) => t.protocolNumber)).toEqual(['IMP-1', 'IMP-2']);
    const id = ok.json().trials[0].id;
    const arms = (await investigator.request({ method: 'GET', url: `/api/trials/${id}` })).json().arms;
    expect(arms).toMatchObject([{ code: 'A', status: 'open', slotsTotal: 10, slotsUsed: 2 }]);
    const candidates = (await investigator.request({ method: 'GET', url: `/api/trials/${id}/candidates` })).json();
    expect(candidates.items.map((m: Json) => m.patientId)).toContain(patient.id);

    const again = await investigator.request({ method: 'POST', url: '/api/trials/import', payload: { reason: 'again', format: 'json', ctml: JSON.stringify(ctml('IMP-1', 'NTRK3')) } });
    expect(again.statusCode).toBe(409);
    const noPhase = await investigator.request({ method: 'POST', url: '/api/trials/import', payload: { reason: 'x'.repeat(4), format: 'json', ctml: JSON.stringify({ ...ctml('IMP-3', 'NTRK3'), phase: undefined }) } });
    expect(noPhase.statusCode).toBe(400);
    expect(noPhase.json().errors[0].path).toBe('body.ctml.phase');
  });

  it('concurrent writes on one patient and its trial queue rather than deadlock, and leave no stale match', async () => {
    const rec = (await investigator.request({ method: 'GET', url: `/api/patients/${patient.id}` })).json();
    const c = await criteria();
    const results = await Promise.all([
      postCreatinine(1.1),
      investigator.request({ method: 'PATCH', url: `/api/patients/${patient.id}`, payload: { version: rec.version, reason: 'sex corrected', sex: rec.sex } }),
      investigator.request({ method: 'POST', url: `/api/patients/${patient.id}/performance`, payload: { ecog: 0, observedAt: today(), reason: 'clinic visit' } }),
      putTree(c.version, { kind: 'all', of: [{ kind: 'diagnosis', oncotree: patient.code }, { kind: 'ecog', max: 1, withinDays: 7 }] }),
    ]);
    expect(results.map((r) => r.statusCode)).toEqual([201, 200, 201, 200]);
    const stale = await one<{ n: number }>(
      `select count(*)::int n from trial_match m join patient p on p.id = m.patient_id join trial_criteria c on c.trial_id = m.trial_id
        where m.facts_version <> p.facts_version or m.criteria_version <> c.version`,
    );
    expect(stale.n).toBe(0);
    expect(onLevel(await matchesOf(patient.id))).toMatchObject({ status: 'eligible' });
  });

  it('drops a deceased patient’s matches and restores them when the record is corrected', async () => {
    const rec = (await investigator.request({ method: 'GET', url: `/api/patients/${patient.id}` })).json();
    expect((await matchesOf(patient.id)).length).toBeGreaterThan(0);
    // (the record's version moved with the concurrent PATCH above)
    const dead = await investigator.request({ method: 'PATCH', url: `/api/patients/${patient.id}`, payload: { version: rec.version, reason: 'death notified', vitalStatus: 'deceased' } });
    expect(dead.statusCode).toBe(200);
    expect(await matchesOf(patient.id, true)).toEqual([]);
    const alive = await investigator.request({ method: 'PATCH', url: `/api/patients/${patient.id}`, payload: { version: rec.version + 1, reason: 'wrong patient notified', vitalStatus: 'alive' } });
    expect(alive.statusCode).toBe(200);
    expect((await matchesOf(patient.id)).length).toBeGreaterThan(0);
  });

  it('never shows patient-level matches to sponsors or referrers', async () => {
    for (const role of ['sponsor', 'referrer'] as const) {
      const a = await p.signIn(role);
      for (const url of [`/api/patients/${patient.id}/matches`, `/api/trials/${trial.id}/candidates`, `/api/trials/${trial.id}/criteria`]) {
        const r = await a.request({ method: 'GET', url });
        expect(r.statusCode, `${role} ${url}`).toBe(403);
      }
      expect((await a.request({ method: 'POST', url: `/api/patients/${patient.id}/matches/seen` })).statusCode).toBe(403);
    }
    const mtb = await p.signIn('mtb');
    expect((await mtb.request({ method: 'PUT', url: `/api/trials/${trial.id}/criteria`, payload: { version: 1, reason: 'xxxx', criteria: {} } })).statusCode).toBe(403);
    expect((await mtb.request({ method: 'GET', url: `/api/trials/${trial.id}/candidates` })).statusCode).toBe(200);
  });
});
