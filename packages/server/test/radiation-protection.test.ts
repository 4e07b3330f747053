/**
 * Radiation protection after a [177Lu] administration, through the API. Expected values are
 * computed here from the point-source law Ḣ = Γ·A/r² with Lu-177 T½ = 6.647 d (ICRP-107) and
 * Γ = 0.00628 µSv·m²/(MBq·h) (the nuclide table's H*(10) constant and its source), independently
 * of the code under test: release when Γ·A(t)/r² falls to the threshold, A(t) physical or the
 * measured whole-body curve.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRIVERS } from './helpers/database';
import { createTestPlatform, type Agent, type TestPlatform } from './helpers/platform';

const GAMMA = 0.00628;
const LAMBDA_LU177 = Math.LN2 / (6.647 * 24);
const ADMINISTERED = 7400;
const AT = '2026-11-02T09:00:00.000Z';

describe.each(DRIVERS)('radiation protection after an administration on %s', (driver) => {
  let p: TestPlatform;
  let physicist: Agent;
  let administrationId = '';
  let withStudyId = '';
  beforeAll(async () => {
    p = await createTestPlatform(driver, { patients: 5 });
    physicist = await p.signIn('physicist');
    const patient = (await p.db.query<{ id: string }>('select id from patient limit 1')).rows[0]!.id;
    await p.db
      .exec(`insert into hot_cell (id, name, energy_class, nuclides) values ('T-HC', 'test cell', 'therapy-high-energy', '{Lu-177}');
      insert into radiopharm_product (id, name, nuclide, purpose, hot_cell_class, shelf_life_min, qc_spec)
        values ('t-lu177', 'test [177Lu]', 'Lu-177', 'therapeutic', 'therapy-high-energy', 4320, '[]')`);
    const batch = (
      await p.db.query<{ id: string }>(
        `insert into radiopharm_batch (batch_number, product_id, hot_cell_id, origin, activity_mbq, calibrated_at, expires_at, prepared_by, prepared_at, status)
         values ('T-1', 't-lu177', 'T-HC', 'delivery', 30000, $1, $1::timestamptz + interval '3 days', 'test', $1, 'released') returning id`,
        [AT],
      )
    ).rows[0]!.id;
    const administer = async () => {
      const dose = (
        await p.db.query<{ id: string }>(
          `insert into patient_dose (batch_id, patient_id, prescribed_mbq, tolerance_pct, drawn_mbq, drawn_at, planned_injection_at, activity_at_injection_mbq, out_of_tolerance, drawn_by)
           values ($1, $2, 7400, 10, 7400, $3, $3, 7400, false, 'test') returning id`,
          [batch, patient, AT],
        )
      ).rows[0]!.id;
      return (
        await p.db.query<{ id: string }>(
          `insert into administration (dose_id, patient_id, administered_at, activity_mbq, administered_by, recorded_at) values ($1, $2, $3, $4, 'test', $3) returning id`,
          [dose, patient, AT, ADMINISTERED],
        )
      ).rows[0]!.id;
    };
    administrationId = await administer();
    withStudyId = await administer();
    // A measured whole-body retention: effective half-life 40 h from 3.3 GBq at t = 0 (renal
    // excretion removes more than half of a [177Lu]Lu-PSMA-617 activity in the first hours).
    const timesH = [4, 24, 48, 96];
    const activitiesMBq = timesH.map((t) => 3300 * Math.exp((-Math.LN2 / 40) * t));
    await p.db.query(
      `insert into dosimetry_study (patient_id, administration_id, cycle_number, nuclide, injected_mbq, administered_at, phantom, input, report, computed_by, computed_at)
       values ($1, $2, 1, 'Lu-177', 7400, $3, 'male', $4, $5, 'test', $3)`,
      [
        patient,
        withStudyId,
        AT,
        JSON.stringify({ regions: [{ name: 'WB', organ: 'Total Body', timesH, activitiesMBq }] }),
        JSON.stringify({ regions: [{ name: 'WB', model: 'mono-exponential' }] }),
      ],
    );
  });
  afterAll(() => p.close());

  it('without measured retention: physical decay, dose rate now and the release time from the point-source law', async () => {
    const now = '2026-11-03T09:00:00.000Z'; // 24 h after
    const res = await physicist.request({
      method: 'GET',
      url: `/api/administrations/${administrationId}/radiation-protection?thresholdUSvPerH=20&minimumStayH=0&turnaroundH=2&at=${now}`,
    });
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r.retention).toMatch(/physical decay/);
    expect(r.atAdministration.doseRateUSvPerH).toBeCloseTo(GAMMA * ADMINISTERED, 6); // 46.5 µSv/h at 1 m
    expect(r.now.remainingMBq).toBeCloseTo(ADMINISTERED * Math.exp(-LAMBDA_LU177 * 24), 3);
    expect(r.now.doseRateUSvPerH).toBeCloseTo(GAMMA * ADMINISTERED * Math.exp(-LAMBDA_LU177 * 24), 4);
    const releaseH = Math.log((GAMMA * ADMINISTERED) / 20) / LAMBDA_LU177; // ≈ 194 h
    expect(r.release.hoursAfterAdmission).toBeCloseTo(releaseH, 2);
    const releasable = Date.parse(r.release.patientReleasableAt);
    expect(Math.abs(releasable - (Date.parse(AT) + releaseH * 3_600_000))).toBeLessThan(2000);
    expect(Date.parse(r.release.roomAvailableAt) - releasable).toBe(2 * 3_600_000);
    expect(r.settings).toEqual({ thresholdUSvPerH: 20, distanceM: 1, minimumStayH: 0, turnaroundH: 2 });
  });

  it("with a dosimetry study's whole-body curve: the patient's own retention shortens the stay", async () => {
    const res = await physicist.request({
      method: 'GET',
      url: `/api/administrations/${withStudyId}/radiation-protection?thresholdUSvPerH=10&minimumStayH=0&turnaroundH=0&at=${AT}`,
    });
    const r = res.json();
    expect(r.retention).toMatch(/measured whole-body retention/);
    const releaseH = Math.log((GAMMA * 3300) / 10) / (Math.LN2 / 40); // ≈ 42 h
    expect(r.release.hoursAfterAdmission).toBeCloseTo(releaseH, 1);
    expect(r.now.remainingMBq).toBeCloseTo(3300, 0);
  });

  it('2 m instead of 1 m: a quarter of the dose rate (inverse square)', async () => {
    const r = (
      await physicist.request({ method: 'GET', url: `/api/administrations/${administrationId}/radiation-protection?distanceM=2&at=${AT}` })
    ).json();
    expect(r.atAdministration.doseRateUSvPerH).toBeCloseTo((GAMMA * ADMINISTERED) / 4, 6);
  });

  it('refuses a threshold the curve never reaches, naming it; unknown administration → 404; sponsor → 403', async () => {
    const bad = await physicist.request({
      method: 'GET',
      url: `/api/administrations/${administrationId}/radiation-protection?thresholdUSvPerH=0`,
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().errors)).toContain('thresholdUSvPerH');
    const missing = await physicist.request({
      method: 'GET',
      url: '/api/administrations/00000000-0000-4000-8000-000000000000/radiation-protection',
    });
    expect(missing.statusCode).toBe(404);
    const sponsor = await p.signIn('sponsor');
    expect(
      (await sponsor.request({ method: 'GET', url: `/api/administrations/${administrationId}/radiation-protection` })).statusCode,
    ).toBe(403);
  });
});
