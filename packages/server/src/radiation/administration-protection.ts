/**
 * Radiation protection after one administration: the patient's dose rate at a distance now and
 * at administration, when the release threshold is reached, and when the shielded room is free.
 *
 * The remaining activity follows the patient's own whole-body retention when a dosimetry study
 * of this administration measured it (its whole-body time-activity curve, refitted with the model
 * the study chose), else physical decay of the administered activity — conservative, since it
 * ignores excretion. The threshold, distance, minimum stay and room turnaround are department
 * settings (radiation-protection officer's local rules), passed in and echoed in the answer.
 */
import {
  TOTAL_BODY,
  doseRateAt,
  fitTimeActivity,
  hoursBetween,
  mbq,
  phantomOrgan,
  shieldedRoomRelease,
  evaluateTerms,
  decayConstantPerH,
  type Retention,
  type TacModel,
} from '@continuum/core';
import type { Queryable } from '../db/driver';

export interface ProtectionSettings {
  /** Ḣ*(10) at `distanceM` below which the patient may leave, µSv/h. */
  thresholdUSvPerH: number;
  distanceM: number;
  minimumStayH: number;
  /** Decontamination and survey before the room is used again, h. */
  turnaroundH: number;
}

/** Defaults only: each department enters the values of its own local rules. */
export const DEFAULT_PROTECTION: ProtectionSettings = { thresholdUSvPerH: 20, distanceM: 1, minimumStayH: 4, turnaroundH: 2 };

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface StudyRegion {
  name: string;
  organ: string;
  timesH: number[];
  activitiesMBq: number[];
}

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v));

function isWholeBody(organ: string): boolean {
  try {
    return phantomOrgan(organ).id === TOTAL_BODY;
  } catch {
    return false;
  }
}

/** The whole-body retention of a stored dosimetry study, when it measured one and its model is exponential. */
function measuredRetention(study: Row | undefined, nuclide: string): { retention: Retention; label: string } | undefined {
  if (!study) return undefined;
  const regions = (study.input?.regions ?? []) as StudyRegion[];
  const index = regions.findIndex((r) => isWholeBody(r.organ));
  if (index < 0) return undefined;
  const region = regions[index]!;
  const model = (study.report?.regions?.[index]?.model ?? 'mono-exponential') as TacModel;
  const fit = fitTimeActivity(
    { timesH: region.timesH, activitiesMBq: region.activitiesMBq },
    { model, nuclide, field: `regions[${index}]` },
  );
  if (!fit.terms) return undefined;
  return {
    retention: { kind: 'exponentials', terms: fit.terms, source: `whole-body ${fit.model} fit of dosimetry study ${study.id}` },
    label: `measured whole-body retention (dosimetry study ${study.id}, ${fit.model})`,
  };
}

export async function administrationProtection(db: Queryable, administrationId: string, settings: ProtectionSettings, now: Date) {
  const admin = (
    await db.query<Row>(
      `select a.id, a.patient_id, a.administered_at, a.activity_mbq, a.room_resource_id, p.nuclide, p.name product, b.batch_number
         from administration a join patient_dose d on d.id = a.dose_id join radiopharm_batch b on b.id = d.batch_id
         join radiopharm_product p on p.id = b.product_id where a.id = $1`,
      [administrationId],
    )
  ).rows[0];
  if (!admin) return undefined;
  const study = (
    await db.query<Row>('select id, input, report from dosimetry_study where administration_id = $1 order by computed_at desc limit 1', [
      administrationId,
    ])
  ).rows[0];
  const administeredAt = iso(admin.administered_at);
  const measured = measuredRetention(study, admin.nuclide);
  const retention: Retention = measured?.retention ?? { kind: 'physical', administeredMBq: admin.activity_mbq };
  const remainingAt = (h: number) =>
    retention.kind === 'physical'
      ? retention.administeredMBq * Math.exp(-decayConstantPerH(admin.nuclide) * h)
      : evaluateTerms(retention.terms, h);
  const hoursSince = Math.max(0, hoursBetween(administeredAt, now.toISOString()));
  const geometry = { distanceM: settings.distanceM };
  const release = shieldedRoomRelease({
    nuclide: admin.nuclide,
    administeredAt,
    retention,
    thresholdUSvPerH: settings.thresholdUSvPerH,
    minimumStayH: settings.minimumStayH,
    turnaroundH: settings.turnaroundH,
    ...geometry,
  });
  const remainingNowMBq = Math.max(0, remainingAt(hoursSince));
  return {
    administrationId: admin.id as string,
    patientId: admin.patient_id as string,
    product: admin.product as string,
    batchNumber: admin.batch_number as string,
    nuclide: admin.nuclide as string,
    administeredAt,
    administeredMBq: admin.activity_mbq as number,
    room: (admin.room_resource_id as string | null) ?? null,
    retention: measured?.label ?? 'physical decay of the administered activity (no excretion: conservative)',
    settings,
    atAdministration: { doseRateUSvPerH: doseRateAt(admin.nuclide, mbq(admin.activity_mbq as number), geometry).uSvPerH },
    now: {
      at: now.toISOString(),
      hoursSinceAdministration: hoursSince,
      remainingMBq: remainingNowMBq,
      doseRateUSvPerH: doseRateAt(admin.nuclide, mbq(remainingNowMBq), geometry).uSvPerH,
    },
    release,
  };
}
