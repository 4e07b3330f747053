/**
 * Radiopharmacy demo data for "today" (ctx.now): batches in the four hot cells — released ones
 * with doses drawn and some administered, one waiting for its QC, one rejected on a failing
 * radiochemical purity, one still in preparation — staff doses, and waste in decay-in-storage.
 * PSMA products go to prostate cancer patients (OncoTree PRAD), DOTATATE to neuroendocrine
 * tumours (SBWDNET, PANET, GINET). Everything is written through the same services (and audit)
 * as the API, by the demo radiopharmacist and investigator accounts.
 */
import { decayCorrect, mbq, releaseMeaning } from '@continuum/core';
import { SYSTEM_ACTOR, type Actor } from '../audit/record';
import type { Db } from '../db/driver';
import { audited } from '../http/common/audited';
import type { FeatureDemoSeeder } from '../seed/feature-demos';
import { createBatch, rejectBatch, recordQc, releaseBatch, type CreateBatchInput } from './batches';
import { drawDose, recordAdministration } from './doses';
import { recordWaste } from './waste';
import type { Row } from './rows';

const MIN = 60_000;
const REASON = 'demo data: a day of the radiopharmacy';

async function actorFor(db: Db, username: string): Promise<Actor> {
  const u = (await db.query<Row>('select id, username, role from app_user where username = $1 and active', [username])).rows[0];
  return u ? { id: u.id, username: u.username, role: u.role } : SYSTEM_ACTOR;
}

async function patientsWith(db: Db, codes: string[], limit: number, exclude: Set<string>): Promise<string[]> {
  const rows = (
    await db.query<{ id: string }>(
      `select distinct p.id, p.pseudonym from patient p join condition c on c.patient_id = p.id and c.kind = 'primary'
      where p.vital_status = 'alive' and ($1::text[] is null or c.oncotree_code = any($1::text[])) order by p.pseudonym limit $2`,
      [codes.length ? codes : null, limit + exclude.size],
    )
  ).rows
    .map((r) => r.id)
    .filter((id) => !exclude.has(id));
  return rows.slice(0, limit);
}

export const seedRadiopharmacyDemo: FeatureDemoSeeder = async (db, ctx) => {
  const T = ctx.now.getTime();
  const at = (minutes: number) => new Date(T + minutes * MIN);
  const isoAt = (minutes: number) => at(minutes).toISOString();
  const rp = await actorFor(db, 'radiopharmacist');
  const physician = await actorFor(db, 'investigator');

  const used = new Set<string>();
  const take = async (codes: string[], n: number) => {
    let ids = await patientsWith(db, codes, n, used);
    // A small cohort may have no such patient: any living patient then stands in.
    if (ids.length < n) ids = [...ids, ...(await patientsWith(db, [], n - ids.length, new Set([...used, ...ids])))];
    ids.forEach((id) => used.add(id));
    return ids;
  };
  const prostate = await take(['PRAD'], 5);
  const net = await take(['SBWDNET', 'PANET', 'GINET'], 1);
  const others = await take([], 3);
  if (prostate.length + net.length + others.length === 0) return;

  const create = (input: Omit<CreateBatchInput, 'reason'>, atMinutes: number) =>
    audited(db, rp, (tx, audit) => createBatch(tx, audit, rp, { ...input, reason: REASON }, at(atMinutes)));
  const qc = (batch: Row, results: { test: string; value?: number; outcome?: 'pass' | 'fail' }[], atMinutes: number) =>
    audited(db, rp, (tx, audit) => recordQc(tx, audit, rp, batch.id, { version: batch.version, results, reason: REASON }, at(atMinutes)));
  const release = async (batch: Row, productName: string, atMinutes: number) =>
    audited(db, rp, (tx, audit) =>
      releaseBatch(
        tx,
        audit,
        rp,
        batch.id,
        { version: batch.version, meaning: releaseMeaning(batch.batch_number, productName) },
        at(atMinutes),
      ),
    );
  /** A dose drawn `drawMin` and injected `injectMin` (minutes from now), `deviation` off its prescription at injection. */
  const dose = async (
    batch: Row,
    nuclide: string,
    patientId: string | undefined,
    prescribedMBq: number,
    drawMin: number,
    injectMin: number,
    deviation = 0,
  ) => {
    if (!patientId) return null;
    const drawnMBq = decayCorrect({
      nuclide,
      activityMBq: mbq(prescribedMBq * (1 + deviation)),
      at: isoAt(injectMin),
      to: isoAt(drawMin),
    }).activityMBq;
    const { row } = await audited(db, rp, (tx, audit) =>
      drawDose(
        tx,
        audit,
        rp,
        batch.id,
        {
          patientId,
          prescribedMBq,
          drawnMBq: Math.round(drawnMBq),
          drawnAt: isoAt(drawMin),
          plannedInjectionAt: isoAt(injectMin),
          reason: REASON,
        },
        at(Math.max(drawMin, -1)),
      ),
    );
    return row;
  };
  const administer = (d: Row | null, atMinutes: number, residualMBq: number, room: string | null = null) =>
    d
      ? audited(db, physician, (tx, audit) =>
          recordAdministration(
            tx,
            audit,
            physician,
            d.id,
            { version: d.version, administeredAt: isoAt(atMinutes), residualMBq, roomResourceId: room, reason: REASON },
            at(atMinutes + 1),
          ),
        )
      : null;
  const roomExists = async (id: string) => (await db.query('select 1 from resource where id = $1', [id])).rows.length > 0;
  const room = (await roomExists('ROOM-1')) ? 'ROOM-1' : null;

  // Hot cell 1 — [18F]FDG from this morning's synthesis, fractionated for the PET list.
  let fdg = await create(
    {
      productId: 'f18-fdg',
      hotCellId: 'HC-PET',
      origin: 'synthesis',
      activityMBq: 80_000,
      calibratedAt: isoAt(-100),
      preparedAt: isoAt(-150),
      volumeMl: 15,
      staffDoseUSv: 16,
    },
    -150,
  );
  fdg = await qc(
    fdg,
    [
      { test: 'appearance', outcome: 'pass' },
      { test: 'ph', value: 5.8 },
      { test: 'radiochemical-purity', value: 98.6 },
      { test: 'half-life', value: 109.3 },
      { test: 'kryptofix', value: 0.02 },
      { test: 'acetonitrile', value: 0.05 },
      { test: 'endotoxins', value: 1.2 },
      { test: 'filter-integrity', outcome: 'pass' },
    ],
    -90,
  );
  fdg = await release(fdg, '[18F]FDG (fludeoxyglucose)', -80);
  const fdg1 = await dose(fdg, 'F-18', others[0], 250, -60, -30, 0.02);
  await administer(fdg1, -30, 4);
  await dose(fdg, 'F-18', others[1], 250, -35, -5, -0.03);
  await dose(fdg, 'F-18', others[2], 220, -10, 25, 0.01);

  // Hot cell 2 — [68Ga]Ga-PSMA-11 from a generator elution (activity computed from the generator), and [68Ga]Ga-DOTATOC awaiting QC.
  let psma11 = await create(
    {
      productId: 'ga68-psma11',
      hotCellId: 'HC-GA68',
      origin: 'generator-elution',
      calibratedAt: isoAt(-60),
      preparedAt: isoAt(-80),
      staffDoseUSv: 24,
      generator: {
        ge68CalibrationMBq: 1850,
        ge68CalibratedAt: isoAt(-120 * 24 * 60),
        lastElutionAt: isoAt(-18 * 60),
        elutedAt: isoAt(-75),
        elutionEfficiency: 0.8,
        labellingYieldPct: 95,
      },
    },
    -80,
  );
  psma11 = await qc(
    psma11,
    [
      { test: 'appearance', outcome: 'pass' },
      { test: 'ph', value: 4.6 },
      { test: 'radiochemical-purity', value: 99.2 },
      { test: 'half-life', value: 67.9 },
    ],
    -50,
  );
  psma11 = await release(psma11, '[68Ga]Ga-PSMA-11 (gozetotide)', -45);
  await dose(psma11, 'Ga-68', prostate[0], 150, -20, 10, 0.03);
  await dose(psma11, 'Ga-68', prostate[1], 150, -5, 40, -0.04);

  const dotatoc = await create(
    {
      productId: 'ga68-dotatoc',
      hotCellId: 'HC-GA68',
      origin: 'synthesis',
      activityMBq: 900,
      calibratedAt: isoAt(-15),
      preparedAt: isoAt(-45),
      staffDoseUSv: 19,
    },
    -45,
  );
  await qc(
    dotatoc,
    [
      { test: 'appearance', outcome: 'pass' },
      { test: 'ph', value: 4.8 },
    ],
    -10,
  );

  // Hot cell 3 — [99mTc]Tc-MDP for bone scans; this morning's first kit failed its radiochemical purity and was rejected.
  let mdpFailed = await create(
    {
      productId: 'tc99m-mdp',
      hotCellId: 'HC-SPECT',
      origin: 'synthesis',
      activityMBq: 10_000,
      calibratedAt: isoAt(-230),
      preparedAt: isoAt(-240),
      staffDoseUSv: 3,
    },
    -240,
  );
  mdpFailed = await qc(
    mdpFailed,
    [
      { test: 'appearance', outcome: 'pass' },
      { test: 'ph', value: 5.9 },
      { test: 'radiochemical-purity', value: 91.2 },
    ],
    -220,
  );
  await audited(db, rp, (tx, audit) =>
    rejectBatch(
      tx,
      audit,
      rp,
      mdpFailed.id,
      { version: mdpFailed.version, reason: 'radiochemical purity 91.2 % < 95 % (Ph. Eur. 0641): free pertechnetate; kit re-prepared' },
      at(-215),
    ),
  );
  let mdp = await create(
    {
      productId: 'tc99m-mdp',
      hotCellId: 'HC-SPECT',
      origin: 'synthesis',
      activityMBq: 12_000,
      calibratedAt: isoAt(-200),
      preparedAt: isoAt(-210),
      staffDoseUSv: 4,
    },
    -210,
  );
  mdp = await qc(
    mdp,
    [
      { test: 'appearance', outcome: 'pass' },
      { test: 'ph', value: 6.2 },
      { test: 'radiochemical-purity', value: 97.8 },
    ],
    -190,
  );
  mdp = await release(mdp, '[99mTc]Tc-MDP (medronate)', -185);
  const bone = await dose(mdp, 'Tc-99m', prostate[2], 600, -120, -110, 0.01);
  await administer(bone, -110, 8);
  await dose(mdp, 'Tc-99m', prostate[3], 600, -15, 15, -0.02);

  // Hot cell 4 — delivered [177Lu]Lu-PSMA-617 and [177Lu]Lu-DOTATATE, an investigational [177Lu]Lu-NeoB in preparation.
  let pluvicto = await create(
    {
      productId: 'lu177-psma617',
      hotCellId: 'HC-THERAPY',
      origin: 'delivery',
      supplierLot: 'PLU-DEMO-0417',
      activityMBq: 16_000,
      calibratedAt: isoAt(-180),
      preparedAt: isoAt(-180),
      staffDoseUSv: 9,
    },
    -180,
  );
  pluvicto = await qc(
    pluvicto,
    [
      { test: 'appearance', outcome: 'pass' },
      { test: 'ph', value: 5.2 },
      { test: 'radiochemical-purity', value: 99.1 },
    ],
    -160,
  );
  pluvicto = await release(pluvicto, '[177Lu]Lu-PSMA-617 (vipivotide tetraxetan)', -150);
  const lu1 = await dose(pluvicto, 'Lu-177', prostate[4] ?? prostate[0], 7400, -120, -90, 0.01);
  await administer(lu1, -88, 60, room);
  await dose(pluvicto, 'Lu-177', prostate[1], 7400, -30, 60, -0.02);

  let lutathera = await create(
    {
      productId: 'lu177-dotatate',
      hotCellId: 'HC-THERAPY',
      origin: 'delivery',
      supplierLot: 'LUT-DEMO-2231',
      activityMBq: 7_800,
      calibratedAt: isoAt(-120),
      preparedAt: isoAt(-130),
      staffDoseUSv: 6,
    },
    -130,
  );
  lutathera = await qc(
    lutathera,
    [
      { test: 'appearance', outcome: 'pass' },
      { test: 'radiochemical-purity', value: 98.7 },
    ],
    -110,
  );
  lutathera = await release(lutathera, '[177Lu]Lu-DOTATATE (oxodotreotide)', -105);
  const prrt = await dose(lutathera, 'Lu-177', net[0], 7400, -60, -30, 0.0);
  await administer(prrt, -30, 45, room);

  await create(
    {
      productId: 'lu177-neob',
      hotCellId: 'HC-THERAPY',
      origin: 'synthesis',
      activityMBq: 9_500,
      calibratedAt: isoAt(-5),
      preparedAt: isoAt(-25),
      carrierAdded: true,
      staffDoseUSv: 14,
    },
    -5,
  );

  // Decay-in-storage: the therapy residues, and the empty carrier-added Lu-177 precursor vial (Lu-177m: years, not weeks).
  await audited(db, rp, (tx, audit) =>
    recordWaste(tx, audit, rp, {
      batchId: lutathera.id,
      container: 'THERAPY-BIN-1',
      activityMBq: 45,
      measuredAt: isoAt(-20),
      note: 'syringe, line and vial residues',
    }),
  );
  await audited(db, rp, (tx, audit) =>
    recordWaste(tx, audit, rp, {
      container: 'LU-PRECURSOR-VIALS',
      nuclide: 'Lu-177',
      carrierAdded: true,
      activityMBq: 30,
      measuredAt: isoAt(-10),
      note: 'empty LutaPol (carrier-added) precursor vials',
    }),
  );
  await audited(db, rp, (tx, audit) =>
    recordWaste(tx, audit, rp, {
      batchId: mdpFailed.id,
      container: 'SPECT-BIN-1',
      activityMBq: 6_000,
      measuredAt: isoAt(-200),
      note: 'rejected MDP kit',
    }),
  );
};
