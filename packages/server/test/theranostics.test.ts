/**
 * The patient's theranostic pathway through the API, on both drivers: a PET read becomes a
 * three-valued eligibility fact that trial matching uses; the dosimetry of an administration is
 * computed by core and stored with the figures the cumulative limits need; its PDF report; bad
 * input named by field and limit; roles. And the demo seeder's treated patient.
 */
import { administrationDosimetry, biologicallyEffectiveDose, decayFactor, type DoseRateShape } from '@continuum/core';
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dosimetryData } from '../src/theranostics/dosimetry-data';
import { seedTheranosticsDemo } from '../src/theranostics/demo-seed';
import { DRIVERS } from './helpers/database';
import { createTestPlatform, type Agent, type TestPlatform } from './helpers/platform';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const snmmi = JSON.parse(
  readFileSync(new URL('../../core/test/fixtures/nucmed/snmmi-2021-lu177-dosimetry-input.json', import.meta.url), 'utf8'),
) as Json;

/** Text drawn by a PDF's content streams (pdfkit writes hex strings in TJ arrays), streams inflated. */
function pdfText(pdf: Buffer): string {
  const lines: string[] = [];
  for (const m of pdf.toString('latin1').matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let body = Buffer.from(m[1]!, 'latin1');
    try {
      body = inflateSync(body);
    } catch {
      /* an uncompressed stream */
    }
    for (const tj of body.toString('latin1').matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      lines.push([...tj[1]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => Buffer.from(h[1]!, 'hex').toString('latin1')).join(''));
    }
  }
  return lines.join(' ');
}

describe.each(DRIVERS)('theranostics API on %s', (driver) => {
  let p: TestPlatform;
  let investigator: Agent;
  let physicist: Agent;
  let prostate: Array<{ id: string; pseudonym: string }>;

  const one = async <T = Json>(sql: string, params: unknown[] = []) => (await p.db.query<T>(sql, params)).rows[0]!;
  const count = async (table: string) => (await one<{ n: number }>(`select count(*)::int n from ${table}`)).n;
  const theranostics = async (patientId: string, agent: Agent = investigator) => {
    const r = await agent.request({ method: 'GET', url: `/api/patients/${patientId}/theranostics` });
    expect(r.statusCode).toBe(200);
    return r.json() as Json;
  };

  /** A released [177Lu]Lu-PSMA-617 batch, a dose and its administration, as the radiopharmacy records them. */
  async function administration(patientId: string, activityMBq: number, at: string): Promise<string> {
    const t = Date.parse(at);
    const batch = await one<{ id: string }>(
      `insert into radiopharm_batch (batch_number, product_id, hot_cell_id, origin, activity_mbq, calibrated_at, expires_at, status, prepared_by, prepared_at,
         released_by, released_at, release_meaning)
       values ($1, 'lu177-psma617', 'HC-THERAPY', 'delivery', $2, $3, $4, 'released', 'radiopharmacist', $3, 'radiopharmacist', $3, 'QC within specification') returning id`,
      [
        `TEST-${driver}-${t}-${Math.round(activityMBq)}`,
        activityMBq * 1.1,
        new Date(t - 20 * 3600e3).toISOString(),
        new Date(t + 100 * 3600e3).toISOString(),
      ],
    );
    const drawn = activityMBq / decayFactor('Lu-177', 2);
    const dose = await one<{ id: string }>(
      `insert into patient_dose (batch_id, patient_id, prescribed_mbq, tolerance_pct, drawn_mbq, drawn_at, planned_injection_at, activity_at_injection_mbq,
         out_of_tolerance, status, drawn_by)
       values ($1, $2, 7400, 10, $3, $4, $5, $6, false, 'administered', 'radiopharmacist') returning id`,
      [batch.id, patientId, drawn, new Date(t - 2 * 3600e3).toISOString(), at, activityMBq],
    );
    return (
      await one<{ id: string }>(
        `insert into administration (dose_id, patient_id, administered_at, activity_mbq, administered_by, recorded_at) values ($1, $2, $3, $4, 'investigator', $3) returning id`,
        [dose.id, patientId, at, activityMBq],
      )
    ).id;
  }

  beforeAll(async () => {
    p = await createTestPlatform(driver, { patients: 80 });
    investigator = await p.signIn('investigator');
    physicist = await p.signIn('physicist');
    prostate = (
      await p.db.query<{ id: string; pseudonym: string }>(
        `select distinct p.id, p.pseudonym from patient p join condition c on c.patient_id = p.id and c.kind = 'primary'
          where c.oncotree_code = 'PRAD' and p.vital_status = 'alive' order by p.pseudonym`,
      )
    ).rows;
    expect(prostate.length).toBeGreaterThanOrEqual(6);
    // The demo first (it writes only on a database without PET reads); the API tests use other patients.
    await seedTheranosticsDemo(p.db, { referenceDate: '2026-11-01', now: new Date() });
  });
  afterAll(() => p.close());

  it('seeds reads whose verdicts are eligible, eligible, not eligible (PSMA-negative liver lesion) and unknown (no liver reference)', async () => {
    const verdicts = [];
    for (const patient of prostate.slice(0, 4)) {
      const v = (await theranostics(patient.id)).eligibility.find((e: Json) => e.rule === 'vision-psma-pet');
      verdicts.push(v.verdict);
    }
    expect(verdicts).toEqual(['met', 'met', 'not_met', 'unknown']);
    const third = (await theranostics(prostate[2]!.id)).eligibility.find((e: Json) => e.rule === 'vision-psma-pet');
    expect(third.reasons.join(' ')).toMatch(/liver segment VII .* 3\.1 ≤ liver SUVmean 5, short axis 14 mm ≥ 10 mm/);
  });

  it('seeds three [177Lu]Lu-PSMA-617 cycles whose kidney BED leaves no room for a fourth 7.4 GBq cycle (28 Gy with risk factors, Bodei et al. 2008)', async () => {
    const view = await theranostics(prostate[0]!.id);
    expect(view.administrations).toHaveLength(3);
    expect(view.dosimetry.map((s: Json) => s.cycleNumber)).toEqual([1, 2, 3]);
    expect(view.administrations.every((a: Json) => a.studyId && a.productId === 'lu177-psma617')).toBe(true);
    const bed = view.cumulative.limits.find((l: Json) => l.organ === 'kidneys' && l.quantity === 'bed');
    expect(view.cumulative.kidneyRiskFactors).toBe(true);
    expect(bed.limitGy).toBe(28);
    expect(bed.exceeded).toBe(false);
    expect(bed.cumulativeGy).toBeGreaterThan(20);
    expect(bed.perCycle.map((c: Json) => c.valueGy)).toEqual(view.dosimetry.map((s: Json) => s.kidneyBedGy));
    const next = view.cumulative.nextCycle;
    expect(next).toMatchObject({ cycle: 4, activityMBq: 7400 });
    expect(next.check.checks.find((c: Json) => c.quantity === 'bed').verdict).toBe('exceeds');
    expect(next.check.checks.find((c: Json) => c.quantity === 'bed').projectedGy).toBeGreaterThan(28);
    const marrow = view.cumulative.limits.find((l: Json) => l.organ === 'red-marrow');
    expect(marrow).toMatchObject({ limitGy: 2, exceeded: false, missingCycles: [] });
    // The rows of the contract are consistent: batch → dose → administration → cycle → study.
    const chain = await one<{ n: number }>(
      `select count(*)::int n from dosimetry_study s join administration a on a.id = s.administration_id join patient_dose d on d.id = a.dose_id
         join radiopharm_batch b on b.id = d.batch_id join treatment_cycle c on c.id = a.cycle_id and c.id = d.cycle_id and c.cycle_number = s.cycle_number
        where s.patient_id = $1 and b.status = 'released' and c.status = 'administered'`,
      [prostate[0]!.id],
    );
    expect(chain.n).toBe(3);
  });

  it('a PET read becomes an eligibility fact: the trial level hinging on it turns eligible, then not', async () => {
    const patient = prostate[4]!;
    const arm = await one<{ trial_id: string; code: string }>(
      `select t.id as trial_id, a.code from trial t join trial_arm a on a.trial_id = t.id
        where t.status = 'open' and a.status = 'open' and a.slots_used < a.slots_total and a.kind <> 'step' order by t.protocol_number, a.code limit 1`,
    );
    const doc = (await investigator.request({ method: 'GET', url: `/api/trials/${arm.trial_id}/criteria` })).json();
    const level = doc.levels.find((l: Json) => l.code === arm.code);
    const put = await investigator.request({
      method: 'PUT',
      url: `/api/trials/${arm.trial_id}/criteria`,
      payload: {
        version: doc.version,
        reason: 'radioligand cohort: VISION PSMA-PET criteria',
        criteria: {
          [level.path]: {
            kind: 'all',
            of: [
              { kind: 'diagnosis', oncotree: 'PRAD' },
              { kind: 'theranosticEligibility', rule: 'vision-psma-pet' },
            ],
          },
        },
      },
    });
    expect(put.statusCode).toBe(200);
    const onLevel = async () =>
      (
        (await investigator.request({ method: 'GET', url: `/api/patients/${patient.id}/matches?includeClosed=true` })).json()
          .items as Json[]
      ).find((m) => m.trialId === arm.trial_id && m.levelPath === level.path);
    const before = await onLevel();
    expect(before).toMatchObject({ status: 'potential', unknownCount: 1 });
    expect(before!.checklist[0].reason).toMatch(/no PET read evaluated by the VISION PSMA-PET criteria/);
    const factsVersion = (await one<{ v: number }>('select facts_version v from patient where id = $1', [patient.id])).v;

    const post = await investigator.request({
      method: 'POST',
      url: `/api/patients/${patient.id}/pet-reads`,
      payload: {
        tracer: '[68Ga]Ga-PSMA-11',
        scannedAt: '2026-10-20T09:15:00+02:00',
        reference: { liverSuvMean: 5.4, parotidSuvMean: 13.0 },
        lesions: [
          { site: 'T9 vertebra', region: 'bone', suvMax: 16.2, ctMeasurable: false },
          { site: 'left para-aortic node', region: 'lymph-node', suvMax: 3.9, shortAxisMm: 21 },
        ],
        reason: 'PSMA PET for Lu-PSMA eligibility',
      },
    });
    expect(post.statusCode).toBe(201);
    const body = post.json();
    expect(body.eligibility.find((e: Json) => e.rule === 'vision-psma-pet').verdict).toBe('met');
    expect(body.rematch).toMatchObject({ patients: 1 });
    expect(body.petRead.lesions.map((l: Json) => l.aboveLiver)).toEqual([true, false]);
    expect((await one<{ v: number }>('select facts_version v from patient where id = $1', [patient.id])).v).toBe(factsVersion + 1);
    const after = await onLevel();
    expect(after).toMatchObject({ status: 'eligible', unknownCount: 0, inputs: { factsVersion: factsVersion + 1 } });
    const leaf = after!.explanation.children.find((c: Json) => c.kind === 'theranosticEligibility');
    expect(leaf).toMatchObject({ status: 'met', text: 'theranostic eligibility: VISION PSMA-PET criteria' });
    expect(leaf.evidence[0]).toMatchObject({ field: 'theranosticEligibility', refId: body.petRead.id, source: 'user:investigator' });
    const audit = await one<Json>(`select * from audit_log where entity_type = 'pet_read' and entity_id = $1`, [body.petRead.id]);
    expect(audit).toMatchObject({
      action: 'create',
      actor_username: 'investigator',
      reason: 'PSMA PET for Lu-PSMA eligibility',
      patient_id: patient.id,
    });

    // A newer read with a PSMA-negative liver metastasis of 12 mm: not eligible; the match goes.
    const newer = await investigator.request({
      method: 'POST',
      url: `/api/patients/${patient.id}/pet-reads`,
      payload: {
        tracer: '[68Ga]Ga-PSMA-11',
        scannedAt: '2026-11-10T09:00:00Z',
        reference: { liverSuvMean: 5.1 },
        lesions: [
          { site: 'T9 vertebra', region: 'bone', suvMax: 14.0 },
          { site: 'liver segment II', region: 'liver', suvMax: 2.7, shortAxisMm: 12 },
        ],
        reason: 'restaging',
      },
    });
    expect(newer.statusCode).toBe(201);
    expect(newer.json().eligibility.find((e: Json) => e.rule === 'vision-psma-pet').verdict).toBe('not_met');
    expect(await onLevel()).toBeUndefined();
    const view = await theranostics(patient.id);
    expect(view.petReads.map((r: Json) => r.scannedAt)).toEqual(['2026-11-10T09:00:00.000Z', '2026-10-20T07:15:00.000Z']);
  });

  it('refuses a bad PET read naming the field, and writes nothing', async () => {
    const patient = prostate[5]!;
    const reads = await count('pet_read');
    const post = (payload: Json) =>
      investigator.request({
        method: 'POST',
        url: `/api/patients/${patient.id}/pet-reads`,
        payload: {
          tracer: '[68Ga]Ga-PSMA-11',
          scannedAt: '2026-10-01T08:00:00Z',
          reference: { liverSuvMean: 5 },
          lesions: [],
          reason: 'test read',
          ...payload,
        },
      });
    const cases: Array<[Json, string]> = [
      [{ tracer: '[11C]choline' }, 'body.tracer'],
      [{ lesions: [{ site: 'L1', region: 'bone', suvMax: -2 }] }, 'body.lesions.0.suvMax'],
      [{ lesions: [{ site: 'L1', region: 'skull', suvMax: 4 }] }, 'body.lesions.0.region'],
      [{ scannedAt: '2099-01-01T08:00:00Z' }, 'body.scannedAt'],
      [{ scannedAt: '2026-10-01T08:00:00' }, 'body.scannedAt'],
      [{ reason: '' }, 'body.reason'],
    ];
    for (const [payload, path] of cases) {
      const r = await post(payload);
      expect(r.statusCode, path).toBe(400);
      expect(r.headers['content-type']).toMatch(/problem\+json/);
      expect(r.json().errors.map((e: Json) => e.path)).toContain(path);
    }
    expect(await count('pet_read')).toBe(reads);
  });

  it('computes and stores an administration’s dosimetry: kidney BED equal to core’s computation', async () => {
    const patient = prostate[5]!;
    const admId = await administration(patient.id, snmmi.injectedMBq, '2026-10-05T09:00:00Z');
    const r = await physicist.request({
      method: 'POST',
      url: `/api/administrations/${admId}/dosimetry`,
      payload: { ...snmmi, reason: 'post-therapy SPECT/CT, 4 time points' },
    });
    expect(r.statusCode).toBe(201);
    const study = r.json();
    const core = administrationDosimetry(snmmi, dosimetryData());
    expect(study.kidneyDoseGy).toBe(core.kidneys!.doseGy);
    expect(study.kidneyBedGy).toBe(core.kidneys!.bedGy);
    expect(study.redMarrowDoseGy).toBe(core.redMarrow!.doseGy);
    const row = await one<Json>('select * from dosimetry_study where id = $1', [study.id]);
    expect(row.kidney_bed_gy).toBe(biologicallyEffectiveDose(row.kidney_dose_gy, row.kidney_shape as DoseRateShape).bedGy);
    expect(row.report).toEqual(JSON.parse(JSON.stringify(core.report)));
    expect(row).toMatchObject({ administration_id: admId, cycle_number: 1, nuclide: 'Lu-177', phantom: 'male', computed_by: 'physicist' });
    // SNMMI challenge, male phantom: kidneys 0.3877 and 0.3235 Gy/GBq (docs/theranostics.md).
    expect(study.regions.find((x: Json) => x.name === 'Kidney_Left').doseGyPerGBq).toBeCloseTo(0.3877, 3);
    expect(study.regions[0].points).toHaveLength(4);
    expect(study.regions[0].curve.length).toBeGreaterThan(80);
    const audit = await one<Json>(`select * from audit_log where entity_type = 'dosimetry_study' and entity_id = $1`, [study.id]);
    expect(audit).toMatchObject({ action: 'create', actor_username: 'physicist', reason: 'post-therapy SPECT/CT, 4 time points' });

    const again = await physicist.request({
      method: 'POST',
      url: `/api/administrations/${admId}/dosimetry`,
      payload: { ...snmmi, reason: 'again' },
    });
    expect(again.statusCode).toBe(409);
    const stale = await physicist.request({
      method: 'PUT',
      url: `/api/dosimetry/${study.id}`,
      payload: { ...snmmi, version: 2, reason: 'redo' },
    });
    expect(stale.statusCode).toBe(409);
    const female = await physicist.request({
      method: 'PUT',
      url: `/api/dosimetry/${study.id}`,
      payload: { ...snmmi, phantom: 'female', version: 1, reason: 'female phantom check' },
    });
    expect(female.statusCode).toBe(200);
    expect(female.json()).toMatchObject({ version: 2, phantom: 'female' });
  });

  it('refuses bad time-activity data naming the field and the limit; nothing is written', async () => {
    const patient = prostate[5]!;
    const admId = await administration(patient.id, snmmi.injectedMBq, '2026-11-16T09:00:00Z');
    const studies = await count('dosimetry_study');
    const audits = await count('audit_log');
    const region = (i: number, patch: Json) => ({
      ...snmmi,
      regions: snmmi.regions.map((x: Json, j: number) => (j === i ? { ...x, ...patch } : x)),
    });
    const cases: Array<[Json, string, RegExp]> = [
      [region(1, { activitiesMBq: [92.9, -66.9, 23.2, 15.7] }), 'body.regions.1.activitiesMBq.1', />= 0/],
      [region(0, { timesH: [3.7, 27.7, 124.0, 103.1] }), 'body.regions.0.timesH.3', /does not come after 124 h/],
      [{ ...snmmi, nuclide: 'Lu-178' }, 'body.nuclide', /Lu-177/],
      [{ ...snmmi, injectedMBq: undefined, injectedActivity: '194.9 mci' }, 'body.injectedActivity', /ambiguous|mCi/i],
      [{ ...snmmi, injectedMBq: 7400 }, 'body.injectedMBq', /7210\.4 MBq/],
      [region(2, { organ: 'Livre' }), 'body.regions.2.organ', /Liver/],
    ];
    for (const [payload, path, message] of cases) {
      const r = await physicist.request({
        method: 'POST',
        url: `/api/administrations/${admId}/dosimetry`,
        payload: { ...payload, reason: 'bad data' },
      });
      expect(r.statusCode, path).toBe(400);
      const err = r.json().errors.find((e: Json) => e.path === path);
      expect(err, `${path}: ${r.body}`).toBeDefined();
      expect(err.message).toMatch(message);
    }
    expect(await count('dosimetry_study')).toBe(studies);
    expect(await count('audit_log')).toBe(audits);
  });

  it('renders each administration’s dosimetry report as a PDF with the regions, methods and cumulative limits', async () => {
    const view = await theranostics(prostate[0]!.id);
    const study = view.dosimetry[2];
    const r = await investigator.request({ method: 'GET', url: study.reportUrl });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    const pdf = r.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain(prostate[0]!.pseudonym);
    expect(text).toContain('[177Lu]Lu-PSMA-617');
    for (const region of study.regions) expect(text).toContain(region.name);
    expect(text).toContain('bi-exponential-uptake');
    expect(text).toMatch(/MIRD schema/);
    expect(text).toMatch(/Kidneys, BED: .* Gy of 28 Gy/);
    expect(text).toMatch(/Bodei et al/);
    expect(text).toMatch(/Red marrow, absorbed dose: .* Gy of 2 Gy/);
    expect(text).toMatch(/Computed by: +physicist/);
    const audit = await one<Json>(
      `select * from audit_log where entity_type = 'dosimetry_report' and entity_id = $1 order by seq desc limit 1`,
      [study.id],
    );
    expect(audit).toMatchObject({ action: 'export', actor_username: 'investigator' });
  });

  it('lets only the right roles in: sponsors and referrers never, PET reads by investigators, dosimetry by physicists', async () => {
    const sponsor = await p.signIn('sponsor');
    const referrer = await p.signIn('referrer');
    const coordinator = await p.signIn('coordinator');
    const patient = prostate[0]!;
    const study = (await theranostics(patient.id)).dosimetry[0];
    for (const agent of [sponsor, referrer]) {
      expect((await agent.request({ method: 'GET', url: `/api/patients/${patient.id}/theranostics` })).statusCode).toBe(403);
      expect((await agent.request({ method: 'GET', url: study.reportUrl })).statusCode).toBe(403);
    }
    const read = { tracer: '[68Ga]Ga-PSMA-11', scannedAt: '2026-10-01T08:00:00Z', reference: {}, lesions: [], reason: 'x-role' };
    for (const agent of [coordinator, physicist, sponsor]) {
      expect((await agent.request({ method: 'POST', url: `/api/patients/${patient.id}/pet-reads`, payload: read })).statusCode).toBe(403);
    }
    for (const agent of [investigator, coordinator, sponsor]) {
      expect(
        (await agent.request({ method: 'PUT', url: `/api/dosimetry/${study.id}`, payload: { ...snmmi, version: 1, reason: 'x' } }))
          .statusCode,
      ).toBe(403);
    }
    expect(
      (await (await p.signIn('radiopharmacist')).request({ method: 'GET', url: `/api/patients/${patient.id}/theranostics` })).statusCode,
    ).toBe(200);
  });
});
