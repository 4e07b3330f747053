/**
 * Scheduling demo data, written after the cohort and the other features' demos: a week of the
 * department around `now` — PET scans on both scanners (F-18 and Ga-68, the Ga-68 ones drawn from
 * same-day preparations in the Ga-68 cell), scintigraphies on the gamma cameras, preparations in
 * the hot cells — and radioligand courses for a few prostate and neuroendocrine tumour patients,
 * with their next cycle scheduled in a shielded room after its organ-at-risk check. Courses
 * another demo recorded with fewer cycles than their regimen (the theranostics demo's patient with
 * three administered cycles) get their remaining cycles planned, so that the fourth cycle — which
 * the dosimetry says would cross the kidney BED limit — is there to be checked.
 *
 * Everything goes through the scheduling services (conflict checks, audit) with the demo
 * accounts as actors; bookings already in the past are then marked done.
 */
import { addDays, DEPARTMENT_TIME_ZONE, localToInstant, planCycles, toLocal } from '@continuum/core';
import type { Actor } from '../audit/record';
import type { Db, Queryable } from '../db/driver';
import { audited } from '../http/common/audited';
import type { FeatureDemoContext } from '../seed/feature-demos';
import { BookingRefused, createBooking, loadSchedulingReference, type AuditFn, type BookingInput } from './bookings';
import { createCourse, scheduleCycle } from './courses';
import { lockScheduling } from './locks';
import { regimenOf, type Row } from './rows';

const REASON = 'demo data: a week of the nuclear-medicine department';

async function actor(q: Queryable, username: string): Promise<Actor> {
  const r = (
    await q.query<{ id: string; username: string; role: string }>('select id, username, role from app_user where username = $1', [username])
  ).rows[0];
  return r ?? { id: null, username, role: username };
}

async function patientsWith(q: Queryable, codes: string[] | null, limit: number): Promise<string[]> {
  return (
    await q.query<{ id: string }>(
      `select p.id from patient p
        where p.vital_status = 'alive'
          and ($1::text[] is null or exists (select 1 from condition c where c.patient_id = p.id and c.kind = 'primary' and c.oncotree_code = any($1::text[])))
        order by p.pseudonym limit $2`,
      [codes, limit],
    )
  ).rows.map((r) => r.id);
}

/** An instant at local `hhmm` on a local date. */
const at = (date: string, hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return new Date(localToInstant(date, h * 60 + m, DEPARTMENT_TIME_ZONE)).toISOString();
};
const plus = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000).toISOString();

/** The day plan of one weekday: which bookings, at what local times. */
function dayPlan(date: string, patient: () => string): BookingInput[] {
  const b: BookingInput[] = [];
  const prep = (resourceId: string, productId: string, from: string, minutes: number, activityMBq?: number) =>
    b.push({
      resourceId,
      kind: 'preparation',
      productId,
      startsAt: at(date, from),
      endsAt: plus(at(date, from), minutes),
      activityMBq: activityMBq ?? null,
    });
  const scan = (
    resourceId: string,
    kind: 'pet-scan' | 'scintigraphy',
    productId: string,
    from: string,
    minutes: number,
    activityMBq: number,
  ) =>
    b.push({
      resourceId,
      kind,
      patientId: patient(),
      productId,
      startsAt: at(date, from),
      endsAt: plus(at(date, from), minutes),
      activityMBq,
    });

  // Hot cells: FDG fractionation at opening, Ga-68 labellings before each Ga-68 block, kits.
  prep('RES-HC-PET', 'f18-fdg', '06:45', 45);
  prep('RES-HC-GA68', 'ga68-psma11', '07:30', 45, 1100);
  prep('RES-HC-GA68', 'ga68-dotatoc', '11:00', 45, 900);
  prep('RES-HC-GA68', 'ga68-psma11', '13:30', 45, 1100);
  prep('RES-HC-SPECT', 'tc99m-mdp', '07:45', 30);
  // PET-1: FDG all day, 25-minute slots (digital PET: half the acquisition time).
  for (let m = 7 * 60 + 30; m + 25 <= 18 * 60 + 45; m += 25) {
    const hhmm = `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    scan('PET-1', 'pet-scan', 'f18-fdg', hhmm, 20, 185);
  }
  // PET-2: Ga-68 blocks an hour after each labelling ends (PSMA/SSTR uptake 60 min), F-18 PSMA in between.
  for (const t of ['09:15', '09:45', '10:15']) scan('PET-2', 'pet-scan', 'ga68-psma11', t, 25, 150);
  for (const t of ['10:45', '11:15']) scan('PET-2', 'pet-scan', 'f18-psma1007', t, 25, 250);
  for (const t of ['12:45', '13:15']) scan('PET-2', 'pet-scan', 'ga68-dotatoc', t, 25, 150);
  for (const t of ['15:15', '15:45', '16:15']) scan('PET-2', 'pet-scan', 'ga68-psma11', t, 25, 150);
  for (const t of ['16:45', '17:15', '17:45', '18:15']) scan('PET-2', 'pet-scan', 'f18-fdg', t, 25, 185);
  // Gamma cameras: bone scans, and an MIBG.
  for (const t of ['08:30', '09:15', '10:00', '10:45', '11:30', '13:30', '14:15', '15:00', '15:45', '16:30'])
    scan('GC-1', 'scintigraphy', 'tc99m-mdp', t, 40, 650);
  for (const t of ['09:00', '14:00']) scan('GC-2', 'scintigraphy', 'i123-mibg', t, 60, 185);
  return b;
}

async function bookAll(tx: Queryable, audit: AuditFn, inputs: BookingInput[], by: (i: BookingInput) => string): Promise<number> {
  let made = 0;
  const reference = await loadSchedulingReference(tx);
  for (const input of inputs) {
    try {
      // One transaction holds the demo lock: no per-booking locks needed.
      await createBooking(tx, audit, input, { createdBy: by(input), reason: REASON, locked: true, reference });
      made++;
    } catch (e) {
      // A demo slot another demo already took is simply left out.
      if (!(e instanceof BookingRefused)) throw e;
    }
  }
  return made;
}

/** Plans the missing cycles of courses stored with fewer cycles than their regimen gives. */
async function completeCourses(db: Db, by: Actor): Promise<void> {
  const short = (
    await db.query<Row>(
      `select r.*, c.id course_id, c.patient_id, c.started_on, c.protocol, (select max(cycle_number) from treatment_cycle t where t.course_id = c.id) last
         from treatment_course c join treatment_regimen r on r.id = c.regimen_id
        where c.status in ('planned', 'active') and coalesce((select max(cycle_number) from treatment_cycle t where t.course_id = c.id), 0) < r.cycles`,
    )
  ).rows;
  for (const c of short) {
    const plan = planCycles(regimenOf(c), c.started_on, c.protocol ?? {});
    const missing = plan.cycles.filter((p) => p.cycleNumber > Number(c.last ?? 0));
    await audited(db, by, async (tx, audit) => {
      for (const p of missing) {
        await tx.query(
          'insert into treatment_cycle (course_id, patient_id, cycle_number, planned_on, prescribed_mbq) values ($1,$2,$3,$4,$5)',
          [c.course_id, c.patient_id, p.cycleNumber, p.plannedOn, p.prescribedMBq],
        );
      }
      await audit({
        action: 'plan-cycles',
        entityType: 'treatment_course',
        entityId: c.course_id,
        patientId: c.patient_id,
        after: { cycles: missing },
        reason: `${REASON}: remaining cycles of the regimen`,
      });
    });
  }
}

export async function seedSchedulingDemo(db: Db, ctx: FeatureDemoContext): Promise<void> {
  if ((await db.query("select 1 from booking where note = 'demo' limit 1")).rows.length > 0) return;
  const coordinator = await actor(db, 'coordinator');
  const investigator = await actor(db, 'investigator');
  const radiopharmacist = await actor(db, 'radiopharmacist');

  await completeCourses(db, investigator);

  // A week around now: the working days from three days ago to four days ahead.
  const today = toLocal(ctx.now.getTime()).date;
  const days = Array.from({ length: 8 }, (_, i) => addDays(today, i - 3)).filter((d) => toLocal(localToInstant(d, 12 * 60)).weekday <= 5);
  const pool = await patientsWith(db, null, 400);
  if (pool.length === 0) return;
  let next = 0;
  await audited(db, coordinator, async (tx, audit) => {
    await lockScheduling(tx, ['demo']);
    for (const date of days) {
      const inputs = dayPlan(date, () => pool[next++ % pool.length]!).map((i) => ({ ...i, note: 'demo' }));
      await bookAll(tx, audit, inputs, (i) => (i.kind === 'preparation' ? radiopharmacist.username : coordinator.username));
    }
  });

  // Courses: prostate cancer patients on [177Lu]Lu-PSMA-617 (VISION), NET patients on
  // [177Lu]Lu-DOTATATE (NETTER-1), one first-in-human [177Lu]Lu-NeoB course; each with its next
  // cycle falling in the demo week, the earlier ones given. Patients already on a course are skipped.
  const taken = new Set((await db.query<{ patient_id: string }>('select patient_id from treatment_course')).rows.map((r) => r.patient_id));
  const pick = async (codes: string[], n: number) =>
    (await patientsWith(db, codes, n + taken.size)).filter((id) => !taken.has(id)).slice(0, n);
  const plans: {
    patientId: string;
    regimenId: string;
    cyclesDone: number;
    weeks: number;
    risk: boolean;
    protocol?: { activitiesMBq: number[] };
  }[] = [
    ...(await pick(['PRAD'], 3)).map((patientId, i) => ({
      patientId,
      regimenId: 'lu177-psma617-6x6w',
      cyclesDone: i,
      weeks: 6,
      risk: i === 2,
    })),
    ...(await pick(['SBWDNET', 'PANET', 'GINET'], 2)).map((patientId, i) => ({
      patientId,
      regimenId: 'lu177-dotatate-4x8w',
      cyclesDone: i + 1,
      weeks: 8,
      risk: false,
    })),
    ...(await pick(['IDC', 'ILC', 'BRCA'], 1)).map((patientId) => ({
      patientId,
      regimenId: 'lu177-neob-protocol',
      cyclesDone: 1,
      weeks: 6,
      risk: false,
      protocol: { activitiesMBq: [1850, 5550] },
    })),
  ];
  for (const [i, plan] of plans.entries()) {
    // The next cycle on a Tuesday to Thursday of the demo week, at 09:00 or 11:00 local.
    const cycleDay = days.filter((d) => d >= today)[1 + (i % 3)] ?? days[days.length - 1]!;
    const startedOn = addDays(cycleDay, -7 * plan.weeks * plan.cyclesDone);
    const course = await audited(db, investigator, (tx, audit) =>
      createCourse(
        tx,
        audit,
        {
          patientId: plan.patientId,
          regimenId: plan.regimenId,
          startedOn,
          kidneyRiskFactors: plan.risk,
          ...(plan.protocol ? { protocol: plan.protocol } : {}),
        },
        { createdBy: investigator.username, reason: `${REASON}: radioligand therapy decided at the tumour board` },
      ),
    );
    const cycles = (
      await db.query<Row>('select id, cycle_number, version from treatment_cycle where course_id = $1 order by cycle_number', [
        course.courseId,
      ])
    ).rows;
    await audited(db, investigator, async (tx, audit) => {
      for (const c of cycles.filter((c) => Number(c.cycle_number) <= plan.cyclesDone)) {
        await tx.query(`update treatment_cycle set status = 'administered', version = version + 1 where id = $1`, [c.id]);
        await audit({
          action: 'update',
          entityType: 'treatment_cycle',
          entityId: c.id,
          patientId: plan.patientId,
          after: { status: 'administered' },
          reason: `${REASON}: earlier cycle given`,
        });
      }
    });
    const nextCycle = cycles.find((c) => Number(c.cycle_number) === plan.cyclesDone + 1);
    if (!nextCycle) continue;
    const version = Number(nextCycle.version);
    try {
      await audited(db, investigator, (tx, audit) =>
        scheduleCycle(
          tx,
          audit,
          {
            cycleId: nextCycle.id,
            version,
            startsAt: at(cycleDay, i % 2 === 0 ? '09:00' : '11:00'),
            stayHours: 24,
            reason: `${REASON}: cycle ${plan.cyclesDone + 1}`,
          },
          investigator,
        ),
      );
    } catch (e) {
      if (!(e instanceof BookingRefused)) throw e;
    }
  }

  // What has already happened is done.
  await audited(db, coordinator, async (tx, audit) => {
    const done = (
      await tx.query<{ id: string }>(
        `update booking set status = 'done', version = version + 1 where status = 'booked' and ends_at <= $1 returning id`,
        [ctx.now.toISOString()],
      )
    ).rows;
    if (done.length > 0)
      await audit({ action: 'complete', entityType: 'booking', after: { bookings: done.length }, reason: `${REASON}: past bookings done` });
  });
}
