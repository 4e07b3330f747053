import { cellsFor, type HotCell, type Product } from '@continuum/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/demo';
import { DRIVERS } from './helpers/database';
import { createTestPlatform, type Agent, type TestPlatform } from './helpers/platform';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const MIN = 60_000;
const HOUR = 60 * MIN;
const iso = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();
// ICRP-107 half-lives (hours): Lu-177 6.647 d, Ga-68 67.71 min, F-18 109.77 min.
const LU177_H = 6.647 * 24;

const PLUVICTO_QC = [
  { test: 'appearance', outcome: 'pass' },
  { test: 'ph', value: 5.5 },
  { test: 'radiochemical-purity', value: 98.4 },
];

describe.each(DRIVERS)('radiopharmacy API on %s', (driver) => {
  let p: TestPlatform;
  let rp: Agent;
  let investigator: Agent;
  let patients: { id: string; pseudonym: string }[];

  const count = async (table: string) => (await p.db.query<{ n: number }>(`select count(*)::int n from ${table}`)).rows[0]!.n;
  const post = (agent: Agent, url: string, payload: unknown) =>
    agent.request({ method: 'POST', url: `/api/radiopharmacy${url}`, payload: payload as Json });
  const get = (agent: Agent, url: string) => agent.request({ method: 'GET', url: `/api/radiopharmacy${url}` });

  async function createBatch(body: Json): Promise<Json> {
    const r = await post(rp, '/batches', body);
    expect(r.statusCode, r.body).toBe(201);
    return r.json();
  }
  async function qc(batch: Json, results: Json[]) {
    return post(rp, `/batches/${batch.id}/qc`, { version: batch.version, results });
  }
  async function release(batch: Json, password = DEMO_PASSWORD) {
    return post(rp, `/batches/${batch.id}/release`, { version: batch.version, password, meaning: batch.release.meaning });
  }
  /** A Pluvicto batch (40 GBq calibrated an hour ago), QC'd and released. */
  async function releasedPluvicto(activityMBq = 40_000): Promise<Json> {
    const created = await createBatch({
      productId: 'lu177-psma617',
      hotCellId: 'HC-THERAPY',
      origin: 'delivery',
      supplierLot: 'NOV-123',
      activityMBq,
      calibratedAt: iso(-HOUR),
      preparedAt: iso(-2 * HOUR),
    });
    const tested = (await qc(created, PLUVICTO_QC)).json();
    const r = await release(tested);
    expect(r.statusCode, r.body).toBe(200);
    return r.json();
  }

  beforeAll(async () => {
    p = await createTestPlatform(driver, { patients: 40 });
    rp = await p.signIn('radiopharmacist');
    investigator = await p.signIn('investigator');
    patients = (await p.db.query<{ id: string; pseudonym: string }>('select id, pseudonym from patient order by pseudonym limit 5')).rows;
  });
  afterAll(() => p.close());

  it('ships the four hot cells and ten products; each product has exactly one cell that may prepare it, and every limit cites its source', async () => {
    const cells = (await get(rp, '/hot-cells')).json().items as HotCell[];
    const products = (await get(rp, '/products')).json().items as (Product & { hotCellIds: string[] })[];
    expect(cells.map((c) => c.id).sort()).toEqual(['HC-GA68', 'HC-PET', 'HC-SPECT', 'HC-THERAPY']);
    expect(products.map((x) => x.id).sort()).toEqual(
      [
        'f18-fdg',
        'f18-psma1007',
        'ga68-dotatoc',
        'ga68-fapi46',
        'ga68-psma11',
        'i123-mibg',
        'lu177-dotatate',
        'lu177-neob',
        'lu177-psma617',
        'tc99m-mdp',
      ].sort(),
    );
    for (const product of products) {
      expect(
        cellsFor(cells, product).map((c) => c.id),
        product.id,
      ).toHaveLength(1);
      expect(product.hotCellIds).toEqual(cellsFor(cells, product).map((c) => c.id));
      expect(product.qcSpec.some((s) => s.test === 'radiochemical-purity' && s.required)).toBe(true);
      for (const s of product.qcSpec) expect(s.reference.length, `${product.id} ${s.test}`).toBeGreaterThan(5);
    }
    // Pluvicto SmPC: radiochemical purity ≥ 95 %; 7,400 MBq ± 10 %; 120 h shelf life.
    const pluvicto = products.find((x) => x.id === 'lu177-psma617')!;
    expect(pluvicto.qcSpec.find((s) => s.test === 'radiochemical-purity')).toMatchObject({ min: 95, unit: '%' });
    expect(pluvicto).toMatchObject({ tolerancePct: 10, shelfLifeMin: 7200, nuclide: 'Lu-177' });
  });

  it('refuses a product in a hot cell that may not handle it, naming the cell, the product and the limit; nothing written', async () => {
    const before = [await count('radiopharm_batch'), await count('audit_log')];
    const r = await post(rp, '/batches', {
      productId: 'lu177-psma617',
      hotCellId: 'HC-SPECT',
      origin: 'delivery',
      activityMBq: 30_000,
      calibratedAt: iso(0),
    });
    expect(r.statusCode).toBe(422);
    expect(r.headers['content-type']).toMatch(/problem\+json/);
    const e = r.json().errors[0];
    expect(e).toMatchObject({ path: 'body.hotCellId', limit: 'a therapy-high-energy cell listing Lu-177' });
    expect(e.message).toMatch(/HC-SPECT .* \[177Lu\]Lu-PSMA-617/);
    expect([await count('radiopharm_batch'), await count('audit_log')]).toEqual(before);
  });

  it('refuses bad input naming the field: negative activity, instant without offset, a batch already expired at creation', async () => {
    const neg = await post(rp, '/batches', {
      productId: 'f18-fdg',
      hotCellId: 'HC-PET',
      origin: 'synthesis',
      activityMBq: -5,
      calibratedAt: iso(0),
    });
    expect(neg.statusCode).toBe(400);
    expect(neg.json().errors[0].path).toBe('body.activityMBq');
    const local = await post(rp, '/batches', {
      productId: 'f18-fdg',
      hotCellId: 'HC-PET',
      origin: 'synthesis',
      activityMBq: 5,
      calibratedAt: '2026-03-04T10:00:00',
    });
    expect(local.statusCode).toBe(400);
    expect(local.json().errors[0].path).toBe('body.calibratedAt');
    // [18F]FDG shelf life 600 min: calibrated 11 h ago, it expired an hour ago.
    const stale = await post(rp, '/batches', {
      productId: 'f18-fdg',
      hotCellId: 'HC-PET',
      origin: 'synthesis',
      activityMBq: 50_000,
      calibratedAt: iso(-11 * HOUR),
    });
    expect(stale.statusCode).toBe(422);
    expect(stale.json().errors[0]).toMatchObject({ path: 'body.calibratedAt', code: 'expired' });
  });

  it('computes a Ga-68 elution from the generator data (Bateman ingrowth, core ga68Elution)', async () => {
    const elutedAt = iso(-10 * MIN);
    const batch = await createBatch({
      productId: 'ga68-psma11',
      hotCellId: 'HC-GA68',
      origin: 'generator-elution',
      calibratedAt: elutedAt,
      // A 1.85 GBq generator calibrated at its elution a day ago: fully in equilibrium, 80 % eluted.
      generator: {
        ge68CalibrationMBq: 1850,
        ge68CalibratedAt: iso(-24 * HOUR - 10 * MIN),
        lastElutionAt: iso(-24 * HOUR - 10 * MIN),
        elutedAt,
        elutionEfficiency: 0.8,
      },
    });
    const g = batch.originDetail.generator;
    // Ge-68 (T½ 270.95 d) after 1 d: 1850·2^(−1/270.95); Ga-68 at 24 h ingrowth ≈ equilibrium × λ2/(λ2−λ1) ≈ 1.00017.
    const ge68Now = 1850 * 2 ** (-1 / 270.95);
    expect(g.elutedGa68MBq).toBeCloseTo(0.8 * ge68Now * 1.00017, 0);
    expect(batch.activityMBq).toBeCloseTo(g.elutedGa68MBq, 6);
    expect(batch.batchNumber).toMatch(/^GA68-\d{8}-\d{2}$/);
    const wrong = await post(rp, '/batches', {
      productId: 'f18-fdg',
      hotCellId: 'HC-PET',
      origin: 'generator-elution',
      activityMBq: 100,
      calibratedAt: iso(0),
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors[0].path).toBe('body.origin');
  });

  it('refuses release while QC fails or is missing, naming each test and its limit; releases with the password, meaning and SHA-256', async () => {
    const batch = await createBatch({
      productId: 'f18-fdg',
      hotCellId: 'HC-PET',
      origin: 'synthesis',
      activityMBq: 60_000,
      calibratedAt: iso(-10 * MIN),
      staffDoseUSv: 12,
    });
    expect(batch.status).toBe('in-preparation');
    // Ph. Eur. 1325: RCP ≥ 95 %; pH missing; the rest passes.
    const failing = await qc(batch, [
      { test: 'appearance', outcome: 'pass' },
      { test: 'radiochemical-purity', value: 93.1, unit: '%' },
      { test: 'half-life', value: 109.5 },
      { test: 'kryptofix', value: 0.05 },
      { test: 'acetonitrile', value: 0.1 },
      { test: 'endotoxins', value: 2 },
      { test: 'filter-integrity', outcome: 'pass' },
    ]);
    expect(failing.statusCode).toBe(200);
    let b = failing.json();
    expect(b.status).toBe('qc-pending');
    expect(b.qc.releasable).toBe(false);

    const refused = await release(b);
    expect(refused.statusCode).toBe(422);
    const errors = refused.json().errors as Json[];
    expect(errors.map((e) => [e.path, e.code, e.limit])).toEqual([
      ['qc.ph', 'qc-missing', '4.5–8.5'],
      ['qc.radiochemical-purity', 'qc-failed', '≥ 95 %'],
    ]);
    expect(errors[1]!.message).toMatch(/93\.1 %.*Ph\. Eur\. 1325/);
    expect((await p.db.query('select status from radiopharm_batch where id = $1', [b.id])).rows[0]).toEqual({ status: 'qc-pending' });

    // A retest replaces the failing result (both stay on record); pH added.
    b = (
      await qc(b, [
        { test: 'radiochemical-purity', value: 97.2 },
        { test: 'ph', value: 6.1 },
      ])
    ).json();
    expect(b.qc.releasable).toBe(true);
    expect(b.qc.results).toHaveLength(9);

    const wrongMeaning = await post(rp, `/batches/${b.id}/release`, { version: b.version, password: DEMO_PASSWORD, meaning: 'ok' });
    expect(wrongMeaning.statusCode).toBe(400);
    expect(wrongMeaning.json().errors[0].path).toBe('body.meaning');
    const wrongPassword = await release(b, 'not-my-password');
    expect(wrongPassword.statusCode).toBe(401);
    expect(wrongPassword.json().errors[0].path).toBe('body.password');
    const failedSign = await p.db.query<{ action: string }>(`select action from audit_log where entity_id = $1 order by seq desc limit 1`, [
      b.id,
    ]);
    expect(failedSign.rows[0]!.action).toBe('sign-failed');

    // An administrator is not a pharmacist: the release route does not admit the role at all.
    const admin = await p.signIn('admin');
    const byAdmin = await admin.request({
      method: 'POST',
      url: `/api/radiopharmacy/batches/${b.id}/release`,
      payload: { version: b.version, password: DEMO_PASSWORD, meaning: b.release.meaning },
    });
    expect(byAdmin.statusCode).toBe(403);
    const ok = await release(b);
    expect(ok.statusCode, ok.body).toBe(200);
    const released = ok.json();
    expect(released.status).toBe('released');
    expect(released.release.signed).toMatchObject({ by: 'radiopharmacist', meaning: b.release.meaning, hashValid: true });
    expect(released.release.signed.hash).toMatch(/^[0-9a-f]{64}$/);
    const audit = (
      await p.db.query<Json>(`select action, reason, after from audit_log where entity_id = $1 and action = 'release'`, [b.id])
    ).rows[0]!;
    expect(audit.reason).toBe(b.release.meaning);
    expect(audit.after.releaseHash).toBe(released.release.signed.hash);

    // A stored batch edited behind the signature's back no longer matches its hash.
    await p.db.query('update radiopharm_batch set activity_mbq = activity_mbq + 1 where id = $1', [b.id]);
    expect((await get(rp, `/batches/${b.id}`)).json().release.signed.hashValid).toBe(false);

    // Released: a release test cannot be re-recorded (409); a post-release one (sterility) can.
    const late = await qc(released, [{ test: 'ph', value: 6 }]);
    expect(late.statusCode).toBe(409);
    const sterility = await qc(released, [{ test: 'sterility', outcome: 'pass' }]);
    expect(sterility.statusCode).toBe(200);
    expect(sterility.json().status).toBe('released');
  });

  it('records QC all or nothing: one unknown test in a list writes no result', async () => {
    const batch = await createBatch({
      productId: 'tc99m-mdp',
      hotCellId: 'HC-SPECT',
      origin: 'synthesis',
      activityMBq: 8_000,
      calibratedAt: iso(-5 * MIN),
    });
    const before = await count('qc_result');
    const r = await qc(batch, [
      { test: 'appearance', outcome: 'pass' },
      { test: 'colour', value: 1 },
      { test: 'ph', value: 5.1, unit: 'mg/mL' },
    ]);
    expect(r.statusCode).toBe(422);
    expect(r.json().errors.map((e: Json) => e.path)).toEqual(['body.results[1].test', 'body.results[2].unit']);
    expect(await count('qc_result')).toBe(before);
    const stale = await qc({ ...batch, version: batch.version + 5 }, [{ test: 'appearance', outcome: 'pass' }]);
    expect(stale.statusCode).toBe(409);
  });

  it('blocks a dose outside its tolerance (422: field, deviation, limit), writes nothing, and records an override with its reason in the audit trail', async () => {
    const batch = await releasedPluvicto();
    const patient = patients[0]!;
    const drawnAt = iso(-5 * MIN);
    const plannedInjectionAt = new Date(Date.parse(drawnAt) + 24 * HOUR).toISOString();
    const before = [await count('patient_dose'), await count('audit_log')];
    // Pluvicto 7,400 MBq ± 10 %: 9,300 MBq drawn a day ahead is 9300·2^(−24/159.53) = 8,379 MBq at injection, +13.2 %.
    const body = { patientId: patient.id, prescribedMBq: 7400, drawnMBq: 9300, drawnAt, plannedInjectionAt };
    const blocked = await post(rp, `/batches/${batch.id}/doses`, body);
    expect(blocked.statusCode).toBe(422);
    const e = blocked.json().errors[0];
    expect(e).toMatchObject({ path: 'body.drawnMBq', code: 'out-of-tolerance', limit: '±10 %' });
    expect(e.message).toMatch(/8379 MBq deviates \+13\.2 % from the prescribed 7400 MBq/);
    expect([await count('patient_dose'), await count('audit_log')]).toEqual(before);

    const overridden = await post(rp, `/batches/${batch.id}/doses`, {
      ...body,
      override: { reason: 'physician prescribed the upper activity for tumour burden' },
    });
    expect(overridden.statusCode, overridden.body).toBe(201);
    const dose = overridden.json();
    expect(dose).toMatchObject({ outOfTolerance: true, overrideBy: 'radiopharmacist', batchNumber: batch.batchNumber });
    expect(dose.activityAtInjectionMBq).toBeCloseTo(9300 * 2 ** (-24 / LU177_H), 6);
    const audit = (await p.db.query<Json>(`select action, reason, patient_id from audit_log where entity_id = $1`, [dose.id])).rows;
    expect(audit).toEqual([
      {
        action: 'dispense-override',
        reason: 'override: physician prescribed the upper activity for tumour burden',
        patient_id: patient.id,
      },
    ]);

    // Within tolerance: 9,000 MBq → 8,108.7 MBq at injection, +9.6 %.
    const within = await post(rp, `/batches/${batch.id}/doses`, { ...body, patientId: patients[1]!.id, drawnMBq: 9000 });
    expect(within.statusCode).toBe(201);
    expect(within.json()).toMatchObject({ outOfTolerance: false, overrideReason: null });
    expect(within.json().tolerance.deviationPct).toBeCloseTo(9.58, 2);
  });

  it('blocks a dose whose planned injection is after the batch expiry, and a draw larger than what the batch holds', async () => {
    // [68Ga]Ga-PSMA-11, 6 h shelf life, calibrated 5 h ago: it expires in an hour.
    const created = await createBatch({
      productId: 'ga68-psma11',
      hotCellId: 'HC-GA68',
      origin: 'synthesis',
      activityMBq: 20_000,
      calibratedAt: iso(-5 * HOUR),
      preparedAt: iso(-5.5 * HOUR),
    });
    const tested = (
      await qc(created, [
        { test: 'appearance', outcome: 'pass' },
        { test: 'ph', value: 4.5 },
        { test: 'radiochemical-purity', value: 99 },
        { test: 'half-life', value: 68.1 },
      ])
    ).json();
    const batch = (await release(tested)).json();
    const before = await count('patient_dose');
    const late = await post(rp, `/batches/${batch.id}/doses`, {
      patientId: patients[2]!.id,
      prescribedMBq: 150,
      drawnMBq: 300,
      drawnAt: iso(-MIN),
      plannedInjectionAt: iso(2 * HOUR),
    });
    expect(late.statusCode).toBe(422);
    expect(late.json().errors[0]).toMatchObject({
      path: 'body.plannedInjectionAt',
      code: 'expired',
      limit: `≤ batch expiry ${batch.expiresAt}`,
    });
    // 20 GBq five hours ago (4.43 half-lives) is 20000·2^(−300/67.71) ≈ 933 MBq now.
    const tooMuch = await post(rp, `/batches/${batch.id}/doses`, {
      patientId: patients[2]!.id,
      prescribedMBq: 800,
      drawnMBq: 1200,
      drawnAt: iso(-MIN),
      plannedInjectionAt: iso(0),
    });
    expect(tooMuch.statusCode).toBe(422);
    expect(tooMuch.json().errors[0]).toMatchObject({ path: 'body.drawnMBq', code: 'exceeds-remaining' });
    expect(await count('patient_dose')).toBe(before);
    // Injection before the draw: times out of order.
    const order = await post(rp, `/batches/${batch.id}/doses`, {
      patientId: patients[2]!.id,
      prescribedMBq: 150,
      drawnMBq: 160,
      drawnAt: iso(-MIN),
      plannedInjectionAt: iso(-10 * MIN),
    });
    expect(order.json().errors[0]).toMatchObject({ path: 'body.plannedInjectionAt', code: 'out-of-order' });
  });

  it('refuses to dispense from a batch that is not released (409 naming the state)', async () => {
    const batch = await createBatch({
      productId: 'lu177-dotatate',
      hotCellId: 'HC-THERAPY',
      origin: 'delivery',
      activityMBq: 30_000,
      calibratedAt: iso(0),
    });
    const r = await post(rp, `/batches/${batch.id}/doses`, {
      patientId: patients[0]!.id,
      prescribedMBq: 7400,
      drawnMBq: 7400,
      drawnAt: iso(0),
      plannedInjectionAt: iso(HOUR),
    });
    expect(r.statusCode).toBe(409);
    expect(r.json().errors[0]).toMatchObject({ path: 'batch.status', code: 'transition-refused' });
    expect(r.json().errors[0].message).toMatch(/still in preparation/);
  });

  it('traces batch → doses → patients → administrations and patient → doses → batches; a recall lists the doses to stop', async () => {
    const batch = await releasedPluvicto();
    const [a, b] = [patients[3]!, patients[4]!];
    const drawnAt = iso(-30 * MIN);
    const doseA = (
      await post(rp, `/batches/${batch.id}/doses`, {
        patientId: a.id,
        prescribedMBq: 7400,
        drawnMBq: 7450,
        drawnAt,
        plannedInjectionAt: iso(-10 * MIN),
      })
    ).json();
    const doseB = (
      await post(rp, `/batches/${batch.id}/doses`, {
        patientId: b.id,
        prescribedMBq: 7400,
        drawnMBq: 7500,
        drawnAt: iso(-25 * MIN),
        plannedInjectionAt: iso(2 * HOUR),
      })
    ).json();

    // The radiopharmacist dispenses; the physician records the administration.
    const forbidden = await post(rp, `/doses/${doseA.id}/administration`, { version: doseA.version, administeredAt: iso(-10 * MIN) });
    expect(forbidden.statusCode).toBe(403);
    const administeredAt = new Date(Date.parse(drawnAt) + 20 * MIN).toISOString();
    const given = await post(investigator, `/doses/${doseA.id}/administration`, {
      version: doseA.version,
      administeredAt,
      residualMBq: 50,
    });
    expect(given.statusCode, given.body).toBe(201);
    // 7,450 MBq decayed over 20 min (Lu-177) minus a 50 MBq residual.
    expect(given.json().activityMBq).toBeCloseTo(7450 * 2 ** (-(20 / 60) / LU177_H) - 50, 6);
    const twice = await post(investigator, `/doses/${doseA.id}/administration`, { version: doseA.version, administeredAt: iso(-5 * MIN) });
    expect(twice.statusCode).toBe(409);

    const trace = (await get(rp, `/batches/${batch.id}/trace`)).json();
    expect(trace.doses.map((d: Json) => [d.patient.pseudonym, d.status, d.administration?.activityMBq ?? null])).toEqual([
      [a.pseudonym, 'administered', given.json().activityMBq],
      [b.pseudonym, 'drawn', null],
    ]);
    const mine = (await get(investigator, `/patients/${a.id}/doses`)).json();
    expect(mine.patient.pseudonym).toBe(a.pseudonym);
    expect(mine.doses[0]).toMatchObject({
      id: doseA.id,
      batch: { id: batch.id, batchNumber: batch.batchNumber },
      administration: { doseId: doseA.id },
    });

    const stale = await post(rp, `/batches/${batch.id}/reject`, { version: batch.version - 1, reason: 'supplier recall of the lot' });
    expect(stale.statusCode).toBe(409);
    const recalled = (
      await post(rp, `/batches/${batch.id}/reject`, { version: batch.version, reason: 'supplier recall of the lot' })
    ).json();
    expect(recalled.status).toBe('rejected');
    expect(recalled.recall).toEqual({ patients: [a.id, b.id], administered: 1, toStop: [doseB.id], discarded: 0 });
    const blocked = await post(investigator, `/doses/${doseB.id}/administration`, { version: doseB.version, administeredAt: iso(0) });
    expect(blocked.statusCode).toBe(409);
    expect(
      (await p.db.query<Json>(`select action from audit_log where entity_id = $1 order by seq desc limit 1`, [batch.id])).rows[0]!.action,
    ).toBe('recall');
  });

  it("shows today's board by hot cell with activity now, at injection and the countdown, at any instant asked", async () => {
    const batch = await releasedPluvicto(30_000);
    await post(rp, `/batches/${batch.id}/doses`, {
      patientId: patients[0]!.id,
      prescribedMBq: 7400,
      drawnMBq: 7600,
      drawnAt: iso(-MIN),
      plannedInjectionAt: iso(3 * HOUR),
    });
    const at = iso(30 * MIN);
    const board = (await get(rp, `/board?at=${encodeURIComponent(at)}`)).json();
    expect(board.now).toBe(at);
    // In the order the department numbers them (DOMAIN.md: 1 PET, 2 Ga-68, 3 Tc/I, 4 therapy).
    expect(board.hotCells.map((c: Json) => c.id)).toEqual(['HC-PET', 'HC-GA68', 'HC-SPECT', 'HC-THERAPY']);
    const row = board.hotCells.find((c: Json) => c.id === 'HC-THERAPY').batches.find((x: Json) => x.id === batch.id);
    expect(row.status).toBe('released');
    expect(row.secondsToExpiry).toBe(Math.floor((Date.parse(batch.expiresAt) - Date.parse(at)) / 1000));
    const hoursSinceCalibration = (Date.parse(at) - Date.parse(batch.calibratedAt)) / HOUR;
    expect(row.activityNowMBq).toBeCloseTo(30_000 * 2 ** (-hoursSinceCalibration / LU177_H), 6);
    expect(row.doses[0].activityAtInjectionMBq).toBeCloseTo(7600 * 2 ** (-(3 + 1 / 60) / LU177_H), 6);
    expect(row.remainingNowMBq).toBeLessThan(row.activityNowMBq - 7500);
    // Once the batch has expired the board says so and counts down no more.
    const after = (await get(rp, `/board?at=${encodeURIComponent(new Date(Date.parse(batch.expiresAt) + MIN).toISOString())}`)).json();
    const gone = after.hotCells.flatMap((c: Json) => c.batches).find((x: Json) => x.id === batch.id);
    expect(gone === undefined || (gone.status === 'expired' && gone.secondsToExpiry === 0)).toBe(true);
  });

  it('holds carrier-added Lu-177 waste for 10 half-lives of Lu-177m (160.4 d) and refuses an early release', async () => {
    const batch = await createBatch({
      productId: 'lu177-dotatate',
      hotCellId: 'HC-THERAPY',
      origin: 'synthesis',
      activityMBq: 30_000,
      calibratedAt: iso(0),
      carrierAdded: true,
    });
    const measuredAt = iso(-MIN);
    const r = await post(rp, '/waste', { batchId: batch.id, container: 'LU-BIN-7', activityMBq: 120, measuredAt });
    expect(r.statusCode, r.body).toBe(201);
    const w = r.json();
    expect(w).toMatchObject({ nuclide: 'Lu-177', governingNuclide: 'Lu-177m', halfLives: 10 });
    expect(Date.parse(w.releaseAt) - Date.parse(measuredAt)).toBe(Math.round(1604 * 24 * HOUR));
    expect(w.note).toMatch(/Lu-177m/);
    const early = await post(rp, `/waste/${w.id}/release`, { version: w.version });
    expect(early.statusCode).toBe(422);
    expect(early.json().errors[0]).toMatchObject({ path: 'waste.releaseAt' });
    const fdg = (await post(rp, '/waste', { container: 'PET-BIN-1', nuclide: 'F-18', activityMBq: 50, measuredAt })).json();
    expect(Date.parse(fdg.releaseAt) - Date.parse(measuredAt)).toBe(Math.round(10 * 109.77 * MIN));
  });

  it('gives sponsors and referrers 403 everywhere, and other clinical roles read but do not prepare', async () => {
    const batch = (await p.db.query<{ id: string }>('select id from radiopharm_batch limit 1')).rows[0]!;
    for (const role of ['sponsor', 'referrer'] as const) {
      const agent = await p.signIn(role);
      for (const url of [
        '/board',
        '/products',
        `/batches/${batch.id}`,
        `/batches/${batch.id}/trace`,
        `/patients/${patients[0]!.id}/doses`,
      ]) {
        expect((await get(agent, url)).statusCode, `${role} ${url}`).toBe(403);
      }
      expect((await post(agent, '/batches', {})).statusCode).toBe(403);
    }
    expect((await get(investigator, '/board')).statusCode).toBe(200);
    expect((await post(investigator, '/batches', { productId: 'f18-fdg' })).statusCode).toBe(403);
  });
});
