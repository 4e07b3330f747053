import { NUCMED_DATA_PATHS, loadDosimetryData, runDosimetry, type NucmedDataTexts } from '@continuum/core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_DIR } from '../src/reference';
import { DRIVERS } from './helpers/database';
import { createTestPlatform, type Agent, type TestPlatform } from './helpers/platform';

/**
 * The kidney figures of a patient on [177Lu]Lu-PSMA-617 7.4 GBq cycles (VISION, Sartor et al. 2021)
 * with a single functioning kidney — a risk factor, so the kidney BED limit is 28 Gy (Bodei et al.,
 * EJNMMI 2008;35:1847-1856). Kidney dose 0.9 Gy/GBq: within one SD of the published means for
 * [177Lu]Lu-PSMA-617 (0.81 ± 0.32 Gy/GBq with a single functioning kidney, Zhang et al., J Nucl
 * Med 2019;60:1579-1586; 0.82 ± 0.25 Gy/GBq, Kabasakal et al., Mol Imaging Radionucl Ther
 * 2017;26:62-68). Kidney effective half-life 40 h (the VISION-like case of the worked examples).
 */
const GY_PER_GBQ = 0.9;
const TEFF_H = 40;
// The published kidney BED for a mono-exponential dose rate (Dale, Br J Radiol 1985; worked
// examples): BED = D·(1 + D/(α/β)·T_rep/(T_rep + T_eff)), α/β 2.6 Gy, T_rep 2.8 h.
const bed = (d: number) => d * (1 + (d / 2.6) * (2.8 / (2.8 + TEFF_H)));

const texts = Object.fromEntries(
  Object.entries(NUCMED_DATA_PATHS).map(([k, path]) => [k, readFileSync(join(DATA_DIR, '..', path), 'utf8')]),
) as NucmedDataTexts;
const dosimetryData = loadDosimetryData(texts);

/**
 * A dosimetry study as the theranostics service stores it: the core report of a mono-exponential
 * kidney curve (T_eff 40 h) scaled so that the kidneys get 0.9 Gy/GBq, and the organ figures.
 */
function kidneyStudy(injectedMBq: number) {
  const times = [4, 24, 72, 168];
  const input = (a0: number) => ({
    nuclide: 'Lu-177',
    injectedMBq,
    phantom: 'male',
    regions: [
      {
        name: 'kidneys',
        organ: 'Kidneys',
        model: 'mono-exponential',
        timesH: times,
        activitiesMBq: times.map((t) => a0 * 2 ** (-t / TEFF_H)),
      },
    ],
  });
  const unit = runDosimetry(input(100), dosimetryData).regions[0]!.doseGy!;
  const report = runDosimetry(input((100 * GY_PER_GBQ * injectedMBq) / 1000 / unit), dosimetryData);
  return { report, kidneyDoseGy: report.regions[0]!.doseGy! };
}

describe.each(DRIVERS)('scheduling API on %s', (driver) => {
  let p: TestPlatform;
  let investigator: Agent;
  let coordinator: Agent;
  let radiopharmacist: Agent;
  let mtb: Agent;
  let sponsor: Agent;
  let referrer: Agent;
  let patients: string[];

  beforeAll(async () => {
    p = await createTestPlatform(driver, { patients: 40 });
    investigator = await p.signIn('investigator');
    coordinator = await p.signIn('coordinator');
    radiopharmacist = await p.signIn('radiopharmacist');
    mtb = await p.signIn('mtb');
    sponsor = await p.signIn('sponsor');
    referrer = await p.signIn('referrer');
    patients = (await p.db.query<{ id: string }>('select id from patient order by pseudonym limit 10')).rows.map((r) => r.id);
  });
  afterAll(() => p.close());

  const post = (a: Agent, url: string, payload: unknown) => a.request({ method: 'POST', url, payload: payload as Record<string, unknown> });
  const get = (a: Agent, url: string) => a.request({ method: 'GET', url });
  const count = async (sql: string, params: unknown[] = []) => (await p.db.query<{ n: number }>(sql, params)).rows[0]!.n;

  it('ships the department: 2 PET scanners, 2 gamma cameras, 4 shielded rooms, 4 hot cells, and the regimens', async () => {
    const resources = (await get(coordinator, '/api/scheduling/resources')).json();
    expect(resources.timeZone).toBe('Europe/Paris');
    const byKind = (k: string) => resources.items.filter((r: { kind: string }) => r.kind === k).map((r: { id: string }) => r.id);
    expect(byKind('pet-scanner')).toEqual(['PET-1', 'PET-2']);
    expect(byKind('gamma-camera')).toEqual(['GC-1', 'GC-2']);
    expect(byKind('shielded-room')).toEqual(['ROOM-1', 'ROOM-2', 'ROOM-3', 'ROOM-4']);
    expect(byKind('hot-cell').sort()).toEqual(['RES-HC-GA68', 'RES-HC-PET', 'RES-HC-SPECT', 'RES-HC-THERAPY']);
    const regimens = (await get(coordinator, '/api/scheduling/regimens')).json().items;
    // VISION 7.4 GBq q6w × 6; NETTER-1 7.4 GBq q8w × 4.
    expect(regimens.find((r: { id: string }) => r.id === 'lu177-psma617-6x6w')).toMatchObject({
      activityMBq: 7400,
      intervalWeeks: 6,
      cycles: 6,
      investigational: false,
    });
    expect(regimens.find((r: { id: string }) => r.id === 'lu177-dotatate-4x8w')).toMatchObject({
      activityMBq: 7400,
      intervalWeeks: 8,
      cycles: 4,
    });
    expect(regimens.find((r: { id: string }) => r.id === 'lu177-neob-protocol')).toMatchObject({ investigational: true });
  });

  describe('bookings', () => {
    // Monday 3 June 2030, CEST.
    const t = (hhmm: string, date = '2030-06-03') => `${date}T${hhmm}:00+02:00`;
    let first: { id: string; version: number };

    it('books a resource, and refuses conflicts with the reason and the booking in the way (nothing written)', async () => {
      const ok = await post(coordinator, '/api/scheduling/bookings', {
        resourceId: 'PET-1',
        kind: 'pet-scan',
        patientId: patients[0],
        productId: 'f18-fdg',
        activityMBq: 200,
        startsAt: t('09:00'),
        endsAt: t('09:20'),
      });
      expect(ok.statusCode).toBe(201);
      first = ok.json();
      expect(first).toMatchObject({
        resourceId: 'PET-1',
        status: 'booked',
        startsAt: '2030-06-03T07:00:00.000Z',
        createdBy: 'coordinator',
      });
      const before = await count(`select count(*)::int n from booking`);

      const overlap = await post(coordinator, '/api/scheduling/bookings', {
        resourceId: 'PET-1',
        kind: 'pet-scan',
        patientId: patients[1],
        productId: 'f18-fdg',
        startsAt: t('09:10'),
        endsAt: t('09:30'),
      });
      expect(overlap.statusCode).toBe(409);
      expect(overlap.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(overlap.json().detail).toBe(`Booking refused: PET-1 is taken 2030-06-03 09:00–09:20 by pet-scan booking ${first.id}`);
      expect(overlap.json().errors).toEqual([
        { path: 'body.startsAt', message: `resource-overlap: PET-1 is taken 2030-06-03 09:00–09:20 by pet-scan booking ${first.id}` },
      ]);

      const twice = await post(coordinator, '/api/scheduling/bookings', {
        resourceId: 'GC-1',
        kind: 'scintigraphy',
        patientId: patients[0],
        productId: 'tc99m-mdp',
        startsAt: t('09:15'),
        endsAt: t('09:45'),
      });
      expect(twice.statusCode).toBe(409);
      expect(twice.json().errors[0].path).toBe('body.patientId');
      expect(twice.json().detail).toMatch(new RegExp(`already booked 2030-06-03 09:00–09:20 on PET-1 \\(pet-scan booking ${first.id}\\)`));

      const saturday = await post(coordinator, '/api/scheduling/bookings', {
        resourceId: 'PET-2',
        kind: 'pet-scan',
        patientId: patients[1],
        productId: 'f18-fdg',
        startsAt: t('09:00', '2030-06-08'),
        endsAt: t('09:20', '2030-06-08'),
      });
      expect(saturday.statusCode).toBe(409);
      expect(saturday.json().detail).toMatch(/outside opening hours \(2030-06-08: closed that day, Europe\/Paris\)/);

      const noRoom = await post(coordinator, '/api/scheduling/bookings', {
        resourceId: 'GC-2',
        kind: 'therapy-admission',
        patientId: patients[2],
        productId: 'lu177-psma617',
        startsAt: t('10:00'),
        endsAt: t('10:00', '2030-06-04'),
      });
      expect(noRoom.statusCode).toBe(409);
      expect(noRoom.json().detail).toMatch(/a therapy admission needs a shielded room for the patient's stay; GC-2 is a gamma camera/);

      const backwards = await post(coordinator, '/api/scheduling/bookings', {
        resourceId: 'PET-2',
        kind: 'pet-scan',
        patientId: patients[1],
        productId: 'f18-fdg',
        startsAt: t('10:00'),
        endsAt: t('09:00'),
      });
      expect(backwards.statusCode).toBe(400);
      expect(backwards.json().errors[0].path).toBe('body.endsAt');
      expect(await count(`select count(*)::int n from booking`)).toBe(before);
    });

    it('lets exactly one of several simultaneous bookings of the same slot through', async () => {
      const body = (patientId: string | undefined) => ({
        resourceId: 'GC-2',
        kind: 'scintigraphy',
        patientId,
        productId: 'tc99m-mdp',
        startsAt: t('15:00'),
        endsAt: t('15:30'),
      });
      // Six writers at once: whatever the interleaving, one booking of the slot lands (the resource lock serialises the checks).
      const results = await Promise.all(
        [4, 9, 4, 9, 4, 9].map((i, k) => post(k % 2 === 0 ? coordinator : investigator, '/api/scheduling/bookings', body(patients[i]))),
      );
      expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409, 409, 409]);
      expect(
        await count(`select count(*)::int n from booking where resource_id = 'GC-2' and status <> 'cancelled' and starts_at = $1`, [
          t('15:00'),
        ]),
      ).toBe(1);
    });

    it('refuses a Ga-68 PET without a same-day preparation in the Ga-68 hot cell, then links it to one', async () => {
      const pet = {
        resourceId: 'PET-2',
        kind: 'pet-scan',
        patientId: patients[3],
        productId: 'ga68-psma11',
        activityMBq: 150,
        startsAt: t('10:00'),
        endsAt: t('10:20'),
      };
      const refused = await post(investigator, '/api/scheduling/bookings', pet);
      expect(refused.statusCode).toBe(409);
      expect(refused.json().errors[0].path).toBe('body.startsAt');
      // Injection at 09:00 (PSMA PET uptake 60 min); Locametz shelf life 6 h.
      expect(refused.json().detail).toMatch(
        /needs a same-day preparation slot in the Ga-68 hot cell: none is booked on 2030-06-03\. Book a preparation ending between 03:00 and 09:00/,
      );

      // A radiopharmacist books preparations, not patients.
      expect((await post(radiopharmacist, '/api/scheduling/bookings', pet)).statusCode).toBe(403);
      const prep = await post(radiopharmacist, '/api/scheduling/bookings', {
        resourceId: 'RES-HC-GA68',
        kind: 'preparation',
        productId: 'ga68-psma11',
        activityMBq: 1100,
        startsAt: t('07:45'),
        endsAt: t('08:30'),
      });
      expect(prep.statusCode).toBe(201);
      const booked = await post(investigator, '/api/scheduling/bookings', pet);
      expect(booked.statusCode).toBe(201);
      expect(booked.json().preparationId).toBe(prep.json().id);

      // The preparation serves a dose: it cannot be cancelled under it.
      const cancelPrep = await post(radiopharmacist, `/api/scheduling/bookings/${prep.json().id}/cancel`, {
        version: 1,
        reason: 'generator failure',
      });
      expect(cancelPrep.statusCode).toBe(409);
      expect(cancelPrep.json().detail).toMatch(new RegExp(`still serves 1 booked dose\\(s\\): ${booked.json().id}`));
    });

    it('shows the calendar with open periods, and cancels with optimistic concurrency (audited)', async () => {
      const cal = (await get(mtb, '/api/scheduling/calendar?from=2030-06-03&to=2030-06-03&kind=pet-scanner')).json();
      expect(cal.resources.map((r: { id: string }) => r.id)).toEqual(['PET-1', 'PET-2']);
      const pet1 = cal.resources[0];
      expect(pet1.openPeriods).toEqual([{ startsAt: '2030-06-03T05:30:00.000Z', endsAt: '2030-06-03T17:00:00.000Z' }]);
      expect(pet1.bookings.map((b: { id: string }) => b.id)).toEqual([first.id]);

      const stale = await post(coordinator, `/api/scheduling/bookings/${first.id}/cancel`, { version: 7, reason: 'patient unwell' });
      expect(stale.statusCode).toBe(409);
      const cancelled = await post(coordinator, `/api/scheduling/bookings/${first.id}/cancel`, {
        version: first.version,
        reason: 'patient unwell',
      });
      expect(cancelled.statusCode).toBe(200);
      expect(cancelled.json()).toMatchObject({ status: 'cancelled', cancelReason: 'patient unwell', version: 2 });
      const entry = (
        await p.db.query<{ action: string; reason: string; actor_username: string }>(
          `select action, reason, actor_username from audit_log where entity_type = 'booking' and entity_id = $1 order by seq desc limit 1`,
          [first.id],
        )
      ).rows[0];
      expect(entry).toEqual({ action: 'cancel', reason: 'patient unwell', actor_username: 'coordinator' });
      // The slot is free again.
      const slot = (
        await get(coordinator, `/api/scheduling/slots/next?kind=pet-scanner&durationMin=20&notBefore=${encodeURIComponent(t('09:00'))}`)
      ).json();
      expect(slot.slot).toEqual({ resourceId: 'PET-1', startsAt: '2030-06-03T07:00:00.000Z', endsAt: '2030-06-03T07:20:00.000Z' });
    });
  });

  describe('the organ-at-risk check before a cycle is scheduled', () => {
    let patient: string;
    let cycles: { id: string; cycleNumber: number; version: number; plannedOn: string; limitCheck: { verdict: string } | null }[];

    async function courseWithThreeStudiedCycles(patientId: string) {
      const created = await post(coordinator, `/api/scheduling/patients/${patientId}/courses`, {
        regimenId: 'lu177-psma617-6x6w',
        startedOn: '2030-01-07',
        kidneyRiskFactors: true,
        reason: 'mCRPC, PSMA-PET positive; single functioning kidney',
      });
      expect(created.statusCode).toBe(201);
      const course = created.json();
      expect(course.cycles.map((c: { plannedOn: string }) => c.plannedOn)).toEqual([
        '2030-01-07',
        '2030-02-18',
        '2030-04-01',
        '2030-05-13',
        '2030-06-24',
        '2030-08-05',
      ]);
      // Cycles 1-3 given, each with its dosimetry (as the radiopharmacy and theranostics services record them).
      for (const c of course.cycles.slice(0, 3)) {
        const { report, kidneyDoseGy } = kidneyStudy(7400);
        await p.db.query(`update treatment_cycle set status = 'administered' where id = $1`, [c.id]);
        await p.db.query(
          `insert into dosimetry_study (patient_id, cycle_number, nuclide, injected_mbq, administered_at, phantom, input, report,
             kidney_dose_gy, kidney_bed_gy, kidney_shape, red_marrow_dose_gy, computed_by, computed_at)
           values ($1,$2,'Lu-177',7400,$3,'male','{}'::jsonb,$4::jsonb,$5,$6,$7::jsonb,$8,'physicist',now())`,
          [
            patientId,
            c.cycleNumber,
            `${c.plannedOn}T09:00:00+01:00`,
            JSON.stringify(report),
            kidneyDoseGy,
            bed(kidneyDoseGy),
            JSON.stringify({ kind: 'mono-exponential', effectiveHalfLifeH: TEFF_H }),
            0.03 * 7.4,
          ],
        );
      }
      return course;
    }

    beforeAll(async () => {
      patient = patients[5]!;
      const course = await courseWithThreeStudiedCycles(patient);
      cycles = course.cycles;
    });

    it('shows the check as unknown, never within, where there is no dosimetry', async () => {
      const other = await post(coordinator, `/api/scheduling/patients/${patients[6]}/courses`, {
        regimenId: 'lu177-dotatate-4x8w',
        startedOn: '2030-02-04',
        kidneyRiskFactors: false,
        reason: 'midgut NET, SSTR-positive',
      });
      expect(other.statusCode).toBe(201);
      expect(other.json().cycles.map((c: { limitCheck: { verdict: string } }) => c.limitCheck.verdict)).toEqual([
        'unknown',
        'unknown',
        'unknown',
        'unknown',
      ]);
    });

    it('flags the 4th cycle before it is scheduled: cumulative and projected kidney BED against 28 Gy', async () => {
      const dPerCycle = GY_PER_GBQ * 7.4;
      const list = (await get(investigator, `/api/scheduling/patients/${patient}/courses`)).json();
      const fourth = list.items[0].cycles.find((c: { cycleNumber: number }) => c.cycleNumber === 4);
      expect(fourth.limitCheck.verdict).toBe('exceeds');
      const bedCheck = fourth.limitCheck.checks.find(
        (c: { organ: string; quantity: string }) => c.organ === 'kidneys' && c.quantity === 'bed',
      );
      expect(bedCheck.limitGy).toBe(28);
      // Computed here from the published formula: 3 × 7.776 Gy = 23.33 Gy before, 31.10 Gy after.
      expect(bedCheck.cumulativeGy).toBeCloseTo(3 * bed(dPerCycle), 6);
      expect(bedCheck.projectedGy).toBeCloseTo(4 * bed(dPerCycle), 6);
      expect(bedCheck.projectedGy).toBeGreaterThan(28);
      // Cycle 3 would have been within: 3 × BED < 28.
      expect(3 * bed(dPerCycle)).toBeLessThan(28);

      const preview = (await get(coordinator, `/api/scheduling/cycles/${fourth.id}/limit-check`)).json();
      expect(preview.verdict).toBe('exceeds');
      const bedMax = preview.checks.find(
        (c: { quantity: string; organ: string }) => c.organ === 'kidneys' && c.quantity === 'bed',
      ).maxActivityMBq;
      expect(bed((bedMax / 1000) * GY_PER_GBQ) + 3 * bed(dPerCycle)).toBeCloseTo(28, 6);
    });

    it('refuses to schedule it (422, naming organ, quantity, values, limit and largest activity); nothing written', async () => {
      const fourth = cycles.find((c) => c.cycleNumber === 4)!;
      const audits = await count('select count(*)::int n from audit_log');
      const r = await post(coordinator, `/api/scheduling/cycles/${fourth.id}/schedule`, {
        version: fourth.version,
        startsAt: '2030-05-13T09:00:00+02:00',
        reason: 'cycle 4 as planned',
      });
      expect(r.statusCode).toBe(422);
      const problem = r.json();
      expect(problem.detail).toMatch(/^Cycle 4 at 7400 MBq would cross an organ-at-risk limit: /);
      expect(problem.detail).toContain(
        `kidneys BED: cumulative ${(3 * bed(GY_PER_GBQ * 7.4)).toFixed(2)} Gy + planned ${bed(GY_PER_GBQ * 7.4).toFixed(2)} Gy = projected ${(4 * bed(GY_PER_GBQ * 7.4)).toFixed(2)} Gy, over the 28 Gy limit`,
      );
      expect(problem.detail).toMatch(
        /kidneys absorbed dose: cumulative 19\.98 Gy \+ planned 6\.66 Gy = projected 26\.64 Gy, over the 23 Gy limit/,
      );
      expect(problem.detail).toMatch(/largest activity within it: \d+ MBq/);
      expect(problem.errors.every((e: { path: string }) => e.path === 'body.overrideReason')).toBe(true);
      expect(await count('select count(*)::int n from audit_log')).toBe(audits);
      expect(await count(`select count(*)::int n from booking where cycle_id = $1`, [fourth.id])).toBe(0);
      expect((await p.db.query<{ status: string }>('select status from treatment_cycle where id = $1', [fourth.id])).rows[0]!.status).toBe(
        'planned',
      );
    });

    it('schedules it only with an investigator’s override reason, audited with the check', async () => {
      const fourth = cycles.find((c) => c.cycleNumber === 4)!;
      const body = {
        version: fourth.version,
        startsAt: '2030-05-13T09:00:00+02:00',
        reason: 'cycle 4',
        overrideReason: 'tumour board: benefit outweighs renal risk; eGFR stable',
      };
      const byCoordinator = await post(coordinator, `/api/scheduling/cycles/${fourth.id}/schedule`, body);
      expect(byCoordinator.statusCode).toBe(403);
      expect(byCoordinator.json().detail).toMatch(/Only an investigator/);

      const ok = await post(investigator, `/api/scheduling/cycles/${fourth.id}/schedule`, body);
      expect(ok.statusCode).toBe(200);
      const result = ok.json();
      expect(result.overridden).toBe(true);
      expect(result.booking).toMatchObject({
        kind: 'therapy-admission',
        resourceId: 'ROOM-1',
        cycleId: fourth.id,
        activityMBq: 7400,
        endsAt: '2030-05-14T07:00:00.000Z',
      });
      const stored = (
        await p.db.query<{ status: string; limit_check: { verdict: string }; limit_override_reason: string; limit_override_by: string }>(
          'select status, limit_check, limit_override_reason, limit_override_by from treatment_cycle where id = $1',
          [fourth.id],
        )
      ).rows[0]!;
      expect(stored).toMatchObject({ status: 'scheduled', limit_override_reason: body.overrideReason, limit_override_by: 'investigator' });
      expect(stored.limit_check.verdict).toBe('exceeds');
      const override = (
        await p.db.query<{ reason: string; actor_username: string; actor_role: string; after: { exceeded: string[] } }>(
          `select reason, actor_username, actor_role, after from audit_log where entity_type = 'treatment_cycle' and entity_id = $1 and action = 'override-limit-check'`,
          [fourth.id],
        )
      ).rows;
      expect(override).toHaveLength(1);
      expect(override[0]).toMatchObject({ reason: body.overrideReason, actor_username: 'investigator', actor_role: 'investigator' });
      expect(override[0]!.after.exceeded.join(' ')).toMatch(/kidneys BED/);

      // The 5th, scheduled after it, counts the scheduled 4th: still over.
      const fifth = (await get(coordinator, `/api/scheduling/patients/${patient}/courses`))
        .json()
        .items[0].cycles.find((c: { cycleNumber: number }) => c.cycleNumber === 5);
      expect(fifth.limitCheck.verdict).toBe('exceeds');
      expect(fifth.limitCheck.basis.pendingCycles).toEqual([4]);
    });

    it('schedules the 4th cycle without override at the largest activity within every limit', async () => {
      const course = await courseWithThreeStudiedCycles(patients[7]!);
      const fourth = course.cycles[3];
      const preview = (await get(coordinator, `/api/scheduling/cycles/${fourth.id}/limit-check`)).json();
      const within = Math.floor(
        Math.min(
          ...preview.checks
            .filter((c: { verdict: string }) => c.verdict === 'exceeds')
            .map((c: { maxActivityMBq: number }) => c.maxActivityMBq),
        ),
      );
      // The absorbed-dose limit is the tighter: (23 − 19.98) Gy / 0.9 Gy/GBq = 3.36 GBq.
      expect(within).toBe(Math.floor(((23 - 3 * GY_PER_GBQ * 7.4) / GY_PER_GBQ) * 1000));
      const r = await post(coordinator, `/api/scheduling/cycles/${fourth.id}/schedule`, {
        version: fourth.version,
        startsAt: '2030-05-13T09:00:00+02:00',
        prescribedMBq: within,
        reason: 'reduced to stay within the kidney limits',
      });
      expect(r.statusCode).toBe(200);
      expect(r.json()).toMatchObject({ overridden: false, limitCheck: { verdict: 'within' } });
      // ROOM-1 is taken by the other patient's stay: the next free room.
      expect(r.json().booking.resourceId).toBe('ROOM-2');
      const escalated = await post(coordinator, `/api/scheduling/cycles/${course.cycles[4].id}/schedule`, {
        version: 1,
        startsAt: '2030-06-24T09:00:00+02:00',
        prescribedMBq: 9000,
        reason: 'x'.repeat(5),
      });
      expect(escalated.statusCode).toBe(400);
      expect(escalated.json().errors[0].path).toBe('body.prescribedMBq');
    });
  });

  it('documents its routes in the OpenAPI document', async () => {
    const doc = (await p.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/scheduling/calendar',
        '/api/scheduling/bookings',
        '/api/scheduling/cycles/{id}/schedule',
        '/api/scheduling/patients/{patientId}/courses',
      ]),
    );
    expect(JSON.stringify(doc.paths['/api/scheduling/cycles/{id}/schedule'].post.requestBody)).toMatch(/overrideReason/);
  });

  it('keeps sponsors and referrers out, and lets clinical readers read but not write', async () => {
    for (const a of [sponsor, referrer]) {
      expect((await get(a, '/api/scheduling/resources')).statusCode).toBe(403);
      expect((await get(a, `/api/scheduling/patients/${patients[0]}/courses`)).statusCode).toBe(403);
    }
    expect((await get(mtb, `/api/scheduling/patients/${patients[0]}/courses`)).statusCode).toBe(200);
    expect(
      (
        await post(mtb, `/api/scheduling/patients/${patients[0]}/courses`, {
          regimenId: 'lu177-dotatate-4x8w',
          startedOn: '2030-01-01',
          kidneyRiskFactors: false,
          reason: 'test',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await post(radiopharmacist, `/api/scheduling/patients/${patients[0]}/courses`, {
          regimenId: 'lu177-dotatate-4x8w',
          startedOn: '2030-01-01',
          kidneyRiskFactors: false,
          reason: 'test',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('plans an investigational course per protocol and refuses an escalated approved one, naming the field', async () => {
    const neob = await post(investigator, `/api/scheduling/patients/${patients[8]}/courses`, {
      regimenId: 'lu177-neob-protocol',
      startedOn: '2030-03-04',
      kidneyRiskFactors: false,
      protocol: { activitiesMBq: [1850, 5550] },
      reason: 'NeoRay dose level 1',
    });
    expect(neob.statusCode).toBe(201);
    expect(neob.json().cycles.map((c: { prescribedMBq: number }) => c.prescribedMBq)).toEqual([1850, 5550, 5550, 5550]);
    const bad = await post(investigator, `/api/scheduling/patients/${patients[8]}/courses`, {
      regimenId: 'lu177-psma617-6x6w',
      startedOn: '2030-03-04',
      kidneyRiskFactors: false,
      protocol: { activitiesMBq: [9000] },
      reason: 'escalation',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('body.protocol.activitiesMBq[0]');
  });
});
