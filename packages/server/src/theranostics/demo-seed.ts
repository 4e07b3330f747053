/**
 * Theranostics demo data, written after the synthetic cohort: PSMA PET reads for a few prostate
 * cancer patients (eligible by the VISION criteria, not eligible — a PSMA-negative liver
 * metastasis —, and undecided — no liver reference), somatostatin-receptor PET reads for a few
 * neuroendocrine tumour patients (Krenning 4, 1 and 3–4), and one prostate cancer patient with
 * three administered [177Lu]Lu-PSMA-617 cycles — batch, QC and release, patient dose,
 * administration, treatment course and cycles, and the dosimetry of each administration — whose
 * cumulative kidney BED leaves too little room for a fourth 7.4 GBq cycle.
 *
 * Everything goes through the audited paths with the demo accounts as actors, PET reads through
 * the same service as the API (which re-matches the patient).
 */
import { checkCycleLimits, decayFactor, type PetLesion, type ReferenceUptake } from '@continuum/core';
import type { Actor } from '../audit/record';
import type { Db, Queryable } from '../db/driver';
import { audited } from '../http/common/audited';
import { Matcher } from '../matching/matcher';
import { codeOrNameHierarchy } from '../matching/oncotree';
import { releaseHash } from '../radiopharmacy/release-signature';
import { loadOncoTree } from '../reference';
import type { FeatureDemoContext } from '../seed/feature-demos';
import { asCycleDosimetry } from './cumulative';
import { demoInjectedMBq, demoPsmaCycleInput, DEMO_CYCLES } from './demo-data';
import { createStudy, loadAdministration, loadStudies } from './dosimetry-service';
import { recordPetRead, type PetReadInput } from './pet-read-service';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

async function actor(db: Queryable, username: string): Promise<Actor> {
  const r = (
    await db.query<{ id: string; username: string; role: string }>('select id, username, role from app_user where username = $1', [
      username,
    ])
  ).rows[0];
  return r ?? { id: null, username, role: username };
}

/** Alive patients whose primary diagnosis is one of `codes`, in pseudonym order. */
async function patientsWith(db: Queryable, codes: string[], limit: number): Promise<Array<{ id: string; pseudonym: string }>> {
  return (
    await db.query<{ id: string; pseudonym: string }>(
      `select distinct p.id, p.pseudonym from patient p join condition c on c.patient_id = p.id and c.kind = 'primary'
        where c.oncotree_code = any($1::text[]) and p.vital_status = 'alive' order by p.pseudonym limit $2`,
      [codes, limit],
    )
  ).rows;
}

const read = (
  tracer: string,
  scannedAt: Date,
  reference: ReferenceUptake,
  lesions: PetLesion[],
  conclusion: string,
): Omit<PetReadInput, 'reason'> => ({
  tracer,
  scannedAt: scannedAt.toISOString(),
  reference,
  lesions,
  conclusion,
});

/** The PSMA reads of the prostate cancer patients, the first being the one treated. */
function psmaReads(now: Date): Array<Omit<PetReadInput, 'reason'>> {
  const ago = (weeks: number) => new Date(now.getTime() - weeks * WEEK - 2 * HOUR);
  return [
    read(
      '[68Ga]Ga-PSMA-11',
      ago(19),
      { liverSuvMean: 5.2, parotidSuvMean: 14.1, spleenSuvMean: 6.0 },
      [
        { site: 'L3 vertebra', region: 'bone', suvMax: 24.6, shortAxisMm: null, ctMeasurable: false },
        { site: 'right common iliac node', region: 'lymph-node', suvMax: 18.3, shortAxisMm: 16 },
        { site: 'left 7th rib', region: 'bone', suvMax: 11.2, shortAxisMm: null, ctMeasurable: false },
      ],
      'Intense PSMA uptake in osseous and nodal metastases, above liver; no PSMA-negative measurable lesion. VISION criteria met.',
    ),
    read(
      '[18F]PSMA-1007',
      ago(6),
      { liverSuvMean: 9.8, parotidSuvMean: 16.5, spleenSuvMean: 8.9 },
      [
        { site: 'prostate bed', region: 'prostate', suvMax: 15.0, shortAxisMm: 18 },
        { site: 'left para-aortic node', region: 'lymph-node', suvMax: 22.4, shortAxisMm: 12 },
        { site: 'T10 vertebra', region: 'bone', suvMax: 19.1, shortAxisMm: null, ctMeasurable: false },
      ],
      'PSMA-avid nodal and osseous disease above liver.',
    ),
    read(
      '[68Ga]Ga-PSMA-11',
      ago(4),
      { liverSuvMean: 5.0, parotidSuvMean: 12.8, spleenSuvMean: 5.6 },
      [
        { site: 'right iliac bone', region: 'bone', suvMax: 17.5, shortAxisMm: null, ctMeasurable: false },
        { site: 'liver segment VII', region: 'liver', suvMax: 3.1, shortAxisMm: 14 },
      ],
      'Liver metastasis of 14 mm with PSMA uptake below liver background (PSMA-negative): discordant disease.',
    ),
    read(
      '[68Ga]Ga-PSMA-11',
      ago(2),
      { parotidSuvMean: 13.4 },
      [
        { site: 'sacrum', region: 'bone', suvMax: 21.0, shortAxisMm: null, ctMeasurable: false },
        { site: 'left obturator node', region: 'lymph-node', suvMax: 9.4, shortAxisMm: 11 },
      ],
      'Limited field of view (skull base to mid-thigh reconstructed without the liver VOI): liver reference not measured.',
    ),
  ];
}

function sstrReads(now: Date): Array<Omit<PetReadInput, 'reason'>> {
  const ago = (weeks: number) => new Date(now.getTime() - weeks * WEEK - 3 * HOUR);
  return [
    read(
      '[68Ga]Ga-DOTATATE',
      ago(5),
      { liverSuvMean: 6.1, spleenSuvMean: 22.4 },
      [
        { site: 'liver segment IV', region: 'liver', suvMax: 38.5, shortAxisMm: 32 },
        { site: 'mesenteric mass', region: 'soft-tissue', suvMax: 29.7, shortAxisMm: 24 },
      ],
      'Somatostatin-receptor uptake above spleen in all lesions (Krenning 4).',
    ),
    read(
      '[68Ga]Ga-DOTATOC',
      ago(3),
      { liverSuvMean: 5.8, spleenSuvMean: 19.0 },
      [
        { site: 'liver segment VI', region: 'liver', suvMax: 24.0, shortAxisMm: 21 },
        { site: 'pancreatic tail', region: 'other', suvMax: 4.1, shortAxisMm: 27 },
      ],
      'Heterogeneous expression: the pancreatic tail lesion takes up less than liver.',
    ),
    read(
      '[68Ga]Ga-DOTATATE',
      ago(1),
      { liverSuvMean: 6.4 },
      [
        { site: 'liver segment II', region: 'liver', suvMax: 15.2, shortAxisMm: 18 },
        { site: 'coeliac node', region: 'lymph-node', suvMax: 11.0, shortAxisMm: 13 },
      ],
      'Uptake above liver in both lesions. Splenectomised: no spleen reference.',
    ),
  ];
}

/** Batch (released after QC), dose, cycle and administration of one treatment cycle, consistently. */
async function administerCycle(
  tx: Queryable,
  o: { patientId: string; courseId: string; cycle: number; administeredAt: Date; injectedMBq: number; limitCheck: unknown },
): Promise<string> {
  const { patientId, cycle, administeredAt, injectedMBq } = o;
  const decay = (fromMs: number, toMs: number) => decayFactor('Lu-177', (toMs - fromMs) / HOUR);
  const residualMBq = Math.round(injectedMBq * 0.008 * 10) / 10;
  const atInjection = injectedMBq + residualMBq;
  const drawnAt = administeredAt.getTime() - 2 * HOUR;
  const drawnMBq = atInjection / decay(drawnAt, administeredAt.getTime());
  const calibratedAt = administeredAt.getTime() - 20 * HOUR;
  const batchMBq = Math.round((drawnMBq / decay(calibratedAt, drawnAt)) * 1.02);
  const preparedAt = calibratedAt - HOUR;
  const day = new Date(administeredAt).toISOString().slice(0, 10).replace(/-/g, '');
  const batch = (
    await tx.query<Row>(
      `insert into radiopharm_batch (batch_number, product_id, hot_cell_id, origin, supplier_lot, activity_mbq, calibrated_at, volume_ml, expires_at,
         status, prepared_by, prepared_at, staff_dose_usv)
       values ($1, 'lu177-psma617', 'HC-THERAPY', 'delivery', $2, $3, $4, 7.6, $5, 'qc-pending', 'radiopharmacist', $6, 4.2) returning *`,
      [
        `TH-PSMA617-${day}-C${cycle}`,
        `PLV-${day}-A`,
        batchMBq,
        new Date(calibratedAt).toISOString(),
        new Date(calibratedAt + 120 * HOUR).toISOString(),
        new Date(preparedAt).toISOString(),
      ],
    )
  ).rows[0]!;
  const spec = (
    await tx.query<{ qc_spec: Array<Record<string, unknown>> }>("select qc_spec from radiopharm_product where id = 'lu177-psma617'")
  ).rows[0]!.qc_spec;
  const results: Record<string, { value?: number; outcome?: 'pass' }> = {
    appearance: { outcome: 'pass' },
    ph: { value: 5.3 },
    'radiochemical-purity': { value: 98.6 + cycle * 0.2 },
  };
  const qcAt = new Date(calibratedAt + 0.5 * HOUR).toISOString();
  for (const item of spec) {
    const r = results[String(item.test)];
    if (!r) continue;
    await tx.query(
      `insert into qc_result (batch_id, test, value, outcome, unit, spec, passed, recorded_by, recorded_at) values ($1,$2,$3,$4,$5,$6::jsonb,true,'radiopharmacist',$7)`,
      [batch.id, item.test, r.value ?? null, r.outcome ?? null, (item.unit as string | undefined) ?? null, JSON.stringify(item), qcAt],
    );
  }
  const qcRows = (await tx.query<Row>('select * from qc_result where batch_id = $1', [batch.id])).rows;
  const releasedAt = new Date(calibratedAt + HOUR).toISOString();
  const meaning = 'Released for human use: QC within specification (Pluvicto SmPC)';
  const hash = releaseHash(batch, qcRows, meaning, 'radiopharmacist', releasedAt);
  await tx.query(
    `update radiopharm_batch set status = 'released', released_by = 'radiopharmacist', released_at = $2, release_meaning = $3, release_hash = $4 where id = $1`,
    [batch.id, releasedAt, meaning, hash],
  );
  const cycleRow = (
    await tx.query<{ id: string }>(
      `insert into treatment_cycle (course_id, patient_id, cycle_number, planned_on, prescribed_mbq, status, limit_check)
       values ($1, $2, $3, $4, 7400, 'administered', $5::jsonb) returning id`,
      [o.courseId, patientId, cycle, administeredAt.toISOString().slice(0, 10), JSON.stringify(o.limitCheck)],
    )
  ).rows[0]!;
  const dose = (
    await tx.query<{ id: string }>(
      `insert into patient_dose (batch_id, patient_id, prescribed_mbq, tolerance_pct, drawn_mbq, drawn_at, volume_ml, planned_injection_at,
         activity_at_injection_mbq, out_of_tolerance, status, cycle_id, drawn_by)
       values ($1, $2, 7400, 10, $3, $4, 7.5, $5, $6, false, 'administered', $7, 'radiopharmacist') returning id`,
      [batch.id, patientId, drawnMBq, new Date(drawnAt).toISOString(), administeredAt.toISOString(), atInjection, cycleRow.id],
    )
  ).rows[0]!;
  const adm = (
    await tx.query<{ id: string }>(
      `insert into administration (dose_id, patient_id, administered_at, activity_mbq, residual_mbq, residual_measured_at, room_resource_id, cycle_id,
         administered_by, recorded_at)
       values ($1, $2, $3, $4, $5, $6, 'ROOM-1', $7, 'investigator', $8) returning id`,
      [
        dose.id,
        patientId,
        administeredAt.toISOString(),
        injectedMBq,
        residualMBq,
        new Date(administeredAt.getTime() + 0.5 * HOUR).toISOString(),
        cycleRow.id,
        new Date(administeredAt.getTime() + HOUR).toISOString(),
      ],
    )
  ).rows[0]!;
  return adm.id;
}

export async function seedTheranosticsDemo(db: Db, ctx: FeatureDemoContext): Promise<void> {
  if ((await db.query('select 1 from pet_read limit 1')).rows.length > 0) return;
  const now = ctx.now;
  const actors = {
    investigator: await actor(db, 'investigator'),
    radiopharmacist: await actor(db, 'radiopharmacist'),
    physicist: await actor(db, 'physicist'),
  };
  const matcher = new Matcher({ oncotree: codeOrNameHierarchy(loadOncoTree()) });
  const rematch = (tx: Queryable, patientId: string) => matcher.rematchPatient(tx, patientId);

  const prostate = await patientsWith(db, ['PRAD'], 4);
  const net = await patientsWith(db, ['SBWDNET', 'PANET', 'GINET', 'PANCREAS_NET'], 3);
  const reads = [
    ...psmaReads(now)
      .slice(0, prostate.length)
      .map((input, i) => ({ patient: prostate[i]!, input })),
    ...sstrReads(now)
      .slice(0, net.length)
      .map((input, i) => ({ patient: net[i]!, input })),
  ];
  for (const { patient, input } of reads) {
    await audited(db, actors.investigator, (tx, audit) =>
      recordPetRead(tx, audit, {
        patientId: patient.id,
        input: { ...input, reason: 'Diagnostic PET read for radioligand eligibility' },
        actor: actors.investigator,
        now,
        rematch,
      }),
    );
  }

  // The treated patient: three [177Lu]Lu-PSMA-617 cycles six weeks apart, the last three weeks ago.
  const treated = prostate[0];
  if (!treated) return;
  const firstAt = new Date(now.getTime() - 15 * WEEK);
  firstAt.setUTCHours(9, 0, 0, 0);
  const courseId = await audited(db, actors.investigator, async (tx, audit) => {
    const row = (
      await tx.query<Row>(
        `insert into treatment_course (patient_id, regimen_id, started_on, status, kidney_risk_factors, created_by)
         values ($1, 'lu177-psma617-6x6w', $2, 'active', true, 'investigator') returning *`,
        [treated.id, firstAt.toISOString().slice(0, 10)],
      )
    ).rows[0]!;
    await audit({
      action: 'create',
      entityType: 'treatment_course',
      entityId: row.id,
      patientId: treated.id,
      after: row,
      reason: 'Radioligand therapy after VISION-eligible PSMA PET; single functioning kidney and hypertension (renal risk factors)',
    });
    return row.id as string;
  });
  for (let cycle = 1; cycle <= DEMO_CYCLES; cycle++) {
    const administeredAt = new Date(firstAt.getTime() + (cycle - 1) * 6 * WEEK);
    const studies = await loadStudies(db, treated.id);
    // The check made before the cycle was scheduled: the earlier cycles' dosimetry (none before the first).
    const limitCheck = checkCycleLimits({
      cycleNumber: cycle,
      prescribedMBq: 7400,
      kidneyRiskFactors: true,
      studies: studies.map(asCycleDosimetry),
    });
    const administrationId = await audited(db, actors.investigator, async (tx, audit) => {
      const id = await administerCycle(tx, {
        patientId: treated.id,
        courseId,
        cycle,
        administeredAt,
        injectedMBq: demoInjectedMBq(cycle),
        limitCheck,
      });
      await audit({
        action: 'create',
        entityType: 'administration',
        entityId: id,
        patientId: treated.id,
        after: { cycle, administeredAt: administeredAt.toISOString(), activityMBq: demoInjectedMBq(cycle), product: 'lu177-psma617' },
        reason: `[177Lu]Lu-PSMA-617 cycle ${cycle} administered`,
      });
      return id;
    });
    const administration = (await loadAdministration(db, administrationId))!;
    const computedAt = new Date(administeredAt.getTime() + 8 * DAY);
    await audited(db, actors.physicist, (tx, audit) =>
      createStudy(tx, audit, {
        administration,
        body: { ...demoPsmaCycleInput(cycle), reason: `Post-therapy SPECT/CT dosimetry, cycle ${cycle} (4 time points)` },
        actor: actors.physicist,
        now: computedAt,
      }),
    );
  }
}
