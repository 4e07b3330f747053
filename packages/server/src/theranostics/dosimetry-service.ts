import {
  administrationDosimetry,
  evaluateFit,
  nuclide,
  NucmedError,
  parseActivity,
  regionFits,
  type AdministrationDosimetry,
  type DoseRateShape,
  type DosimetryInput,
  type DosimetryReport,
} from '@continuum/core';
import type { Actor } from '../audit/record';
import type { Queryable } from '../db/driver';
import type { Audit } from '../http/common/audited';
import { badRequest, conflict, HttpProblem } from '../http/common/problem';
import { dosimetryData } from './dosimetry-data';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The time-activity data of one administration, as `continuum dosimetry` reads it, plus a reason. */
export interface DosimetryBody {
  nuclide?: string;
  injectedMBq?: number;
  /** The injected activity with its unit ("7.4 GBq"), instead of injectedMBq. */
  injectedActivity?: string;
  phantom?: 'male' | 'female';
  regions: unknown[];
  reason: string;
}

export interface AdministrationRow {
  id: string;
  patientId: string;
  pseudonym: string;
  patientSex: string;
  administeredAt: string;
  activityMBq: number;
  cycleId: string | null;
  cycleNumber: number | null;
  productId: string;
  productName: string;
  nuclide: string;
  purpose: string;
  batchNumber: string;
}

const iso = (v: unknown): string => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());

const ADMINISTRATION_SQL = `
  select a.id, a.patient_id, p.pseudonym, p.sex, a.administered_at, a.activity_mbq, a.cycle_id, c.cycle_number,
         b.product_id, pr.name as product_name, pr.nuclide, pr.purpose, b.batch_number
    from administration a
    join patient p on p.id = a.patient_id
    join patient_dose d on d.id = a.dose_id
    join radiopharm_batch b on b.id = d.batch_id
    join radiopharm_product pr on pr.id = b.product_id
    left join treatment_cycle c on c.id = a.cycle_id`;

function administrationOf(r: Row): AdministrationRow {
  return {
    id: r.id,
    patientId: r.patient_id,
    pseudonym: r.pseudonym,
    patientSex: r.sex,
    administeredAt: iso(r.administered_at),
    activityMBq: Number(r.activity_mbq),
    cycleId: r.cycle_id ?? null,
    cycleNumber: r.cycle_number ?? null,
    productId: r.product_id,
    productName: r.product_name,
    nuclide: r.nuclide,
    purpose: r.purpose,
    batchNumber: r.batch_number,
  };
}

export async function loadAdministration(q: Queryable, id: string): Promise<AdministrationRow | undefined> {
  const r = (await q.query<Row>(`${ADMINISTRATION_SQL} where a.id = $1`, [id])).rows[0];
  return r ? administrationOf(r) : undefined;
}

export async function loadAdministrations(q: Queryable, patientId: string): Promise<AdministrationRow[]> {
  return (await q.query<Row>(`${ADMINISTRATION_SQL} where a.patient_id = $1 order by a.administered_at, a.id`, [patientId])).rows.map(
    administrationOf,
  );
}

/** "regions[0].activitiesMBq[1]" → "body.regions.0.activitiesMBq.1": the API's field paths. */
export function bodyPath(field: string): string {
  return `body.${field.replace(/\[(\d+)\]/g, '.$1').replace(/^\$\.?/, '')}`.replace(/\.$/, '');
}

/** A core NucmedError as a 400 naming the field and the limit. */
export function nucmedProblem(e: NucmedError): HttpProblem {
  const message = `${e.reason}${e.expected ? `; expected ${e.expected}` : ''}${e.suggestions.length ? `; did you mean ${e.suggestions.join(', ')}?` : ''}`;
  return badRequest(`${bodyPath(e.field)}: ${message}`, [{ path: bodyPath(e.field), message }]);
}

// The injected activity a study declares must be the one administered (the administration row is
// the record); a rounding difference is allowed.
const INJECTED_TOLERANCE = 0.01;

/** The dosimetry input of an administration: the body, with what the administration already says filled in and checked. */
export function dosimetryInput(body: DosimetryBody, adm: AdministrationRow): Record<string, unknown> {
  const nuclideName = body.nuclide ?? adm.nuclide;
  const n = nuclide(nuclideName, 'nuclide');
  if (n.id !== nuclide(adm.nuclide).id) {
    throw badRequest(`body.nuclide: ${n.id} is not the nuclide of ${adm.productName}`, [
      { path: 'body.nuclide', message: `the administration's product ${adm.productName} carries ${adm.nuclide}, not ${n.id}` },
    ]);
  }
  let injected = adm.activityMBq;
  let field = 'injectedMBq';
  if (body.injectedActivity !== undefined) {
    injected = parseActivity(body.injectedActivity, 'injectedActivity').mbq;
    field = 'injectedActivity';
  } else if (body.injectedMBq !== undefined) injected = body.injectedMBq;
  if (body.injectedActivity !== undefined || body.injectedMBq !== undefined) {
    if (!(injected > 0)) throw nucmedProblem(new NucmedError({ field, code: 'out-of-range', reason: `${injected} MBq`, expected: '> 0' }));
    if (Math.abs(injected / adm.activityMBq - 1) > INJECTED_TOLERANCE) {
      const message = `${injected.toFixed(1)} MBq is not the administered activity; expected ${adm.activityMBq.toFixed(1)} MBq ± ${INJECTED_TOLERANCE * 100} % (administration of ${adm.administeredAt})`;
      throw badRequest(`body.${field}: ${message}`, [{ path: `body.${field}`, message }]);
    }
  }
  const phantom = body.phantom ?? (adm.patientSex === 'male' || adm.patientSex === 'female' ? adm.patientSex : undefined);
  if (phantom === undefined) {
    throw badRequest('body.phantom: the patient’s sex does not choose a phantom', [
      { path: 'body.phantom', message: 'give "male" or "female": the patient’s recorded sex does not choose an ICRP-89 phantom' },
    ]);
  }
  return { nuclide: n.id, injectedMBq: injected, phantom, regions: body.regions };
}

/** The body checked against the administration, then core's dosimetry; bad values come back as 400s naming the field. */
export function computeDosimetry(body: DosimetryBody, adm: AdministrationRow): AdministrationDosimetry {
  try {
    return administrationDosimetry(dosimetryInput(body, adm), dosimetryData());
  } catch (e) {
    if (e instanceof NucmedError) throw nucmedProblem(e);
    throw e;
  }
}

/** The cycle an administration is: its treatment cycle, else its rank among the patient's administrations of that product. */
async function cycleNumberOf(q: Queryable, adm: AdministrationRow): Promise<number> {
  if (adm.cycleNumber !== null) return adm.cycleNumber;
  const r = await q.query<{ n: number }>(
    `select count(*)::int as n from administration a
       join patient_dose d on d.id = a.dose_id join radiopharm_batch b on b.id = d.batch_id
      where a.patient_id = $1 and b.product_id = $2 and (a.administered_at, a.id) <= ($3::timestamptz, $4::uuid)`,
    [adm.patientId, adm.productId, adm.administeredAt, adm.id],
  );
  return r.rows[0]!.n;
}

export interface StudyRow {
  id: string;
  patientId: string;
  administrationId: string | null;
  cycleNumber: number;
  nuclide: string;
  injectedMBq: number;
  administeredAt: string;
  phantom: 'male' | 'female';
  input: DosimetryInput;
  report: DosimetryReport;
  kidneyDoseGy: number | null;
  kidneyBedGy: number | null;
  kidneyShape: DoseRateShape | null;
  kidneyMethod: string | null;
  kidneyBedMethod: string | null;
  redMarrowDoseGy: number | null;
  redMarrowMethod: string | null;
  notes: string[];
  computedBy: string;
  computedAt: string;
  version: number;
}

const parse = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));
const numOrNull = (v: unknown) => (v == null ? null : Number(v));

function studyOf(r: Row): StudyRow {
  return {
    id: r.id,
    patientId: r.patient_id,
    administrationId: r.administration_id ?? null,
    cycleNumber: r.cycle_number,
    nuclide: r.nuclide,
    injectedMBq: Number(r.injected_mbq),
    administeredAt: iso(r.administered_at),
    phantom: r.phantom,
    input: parse(r.input),
    report: parse(r.report),
    kidneyDoseGy: numOrNull(r.kidney_dose_gy),
    kidneyBedGy: numOrNull(r.kidney_bed_gy),
    kidneyShape: r.kidney_shape == null ? null : parse(r.kidney_shape),
    kidneyMethod: r.kidney_method ?? null,
    kidneyBedMethod: r.kidney_bed_method ?? null,
    redMarrowDoseGy: numOrNull(r.red_marrow_dose_gy),
    redMarrowMethod: r.red_marrow_method ?? null,
    notes: parse(r.notes) ?? [],
    computedBy: r.computed_by,
    computedAt: iso(r.computed_at),
    version: r.version,
  };
}

export async function loadStudies(q: Queryable, patientId: string): Promise<StudyRow[]> {
  return (
    await q.query<Row>('select * from dosimetry_study where patient_id = $1 order by cycle_number, administered_at, id', [patientId])
  ).rows.map(studyOf);
}

export async function loadStudy(q: Queryable, id: string): Promise<StudyRow | undefined> {
  const r = (await q.query<Row>('select * from dosimetry_study where id = $1', [id])).rows[0];
  return r ? studyOf(r) : undefined;
}

/** What an audit entry keeps of a study: the figures and their methods, not the whole report. */
const auditSummary = (s: StudyRow) => ({
  administrationId: s.administrationId,
  cycleNumber: s.cycleNumber,
  injectedMBq: s.injectedMBq,
  phantom: s.phantom,
  regions: s.report.regions.map((r) => ({ name: r.name, model: r.model, tiaMBqH: r.tiaMBqH, doseGy: r.doseGy })),
  kidneyDoseGy: s.kidneyDoseGy,
  kidneyBedGy: s.kidneyBedGy,
  redMarrowDoseGy: s.redMarrowDoseGy,
  version: s.version,
});

function columns(d: AdministrationDosimetry) {
  return [
    JSON.stringify(d.input),
    JSON.stringify(d.report),
    d.kidneys?.doseGy ?? null,
    d.kidneys?.bedGy ?? null,
    d.kidneys ? JSON.stringify(d.kidneys.shape) : null,
    d.redMarrow?.doseGy ?? null,
    d.kidneys?.method ?? null,
    d.kidneys?.bedMethod ?? null,
    d.redMarrow?.method ?? null,
    JSON.stringify(d.notes),
  ];
}

/** Computes and stores the dosimetry of an administration (one per administration), audited. */
export async function createStudy(
  tx: Queryable,
  audit: Audit,
  o: { administration: AdministrationRow; body: DosimetryBody; actor: Actor; now: Date },
): Promise<StudyRow> {
  const adm = o.administration;
  const existing = (
    await tx.query<{ id: string; version: number }>('select id, version from dosimetry_study where administration_id = $1', [adm.id])
  ).rows[0];
  if (existing) {
    throw conflict(
      `Administration ${adm.id} already has dosimetry study ${existing.id} (version ${existing.version}): replace it with PUT /api/dosimetry/${existing.id}.`,
    );
  }
  const d = computeDosimetry(o.body, adm);
  const cycle = await cycleNumberOf(tx, adm);
  const row = (
    await tx.query<Row>(
      `insert into dosimetry_study (patient_id, administration_id, cycle_number, nuclide, injected_mbq, administered_at, phantom,
         input, report, kidney_dose_gy, kidney_bed_gy, kidney_shape, red_marrow_dose_gy, kidney_method, kidney_bed_method, red_marrow_method, notes,
         computed_by, computed_at)
       values ($1,$2,$3,$4,$5,$6,$7, $8::jsonb,$9::jsonb,$10,$11,$12::jsonb,$13,$14,$15,$16,$17::jsonb, $18,$19) returning *`,
      [
        adm.patientId,
        adm.id,
        cycle,
        d.input.nuclide,
        d.input.injectedMBq,
        adm.administeredAt,
        d.input.phantom,
        ...columns(d),
        o.actor.username,
        o.now.toISOString(),
      ],
    )
  ).rows[0]!;
  const study = studyOf(row);
  await audit({
    action: 'create',
    entityType: 'dosimetry_study',
    entityId: study.id,
    patientId: adm.patientId,
    after: auditSummary(study),
    reason: o.body.reason,
  });
  return study;
}

/** Recomputes a study from new data (optimistic concurrency on version), audited with before and after. */
export async function replaceStudy(
  tx: Queryable,
  audit: Audit,
  o: { study: StudyRow; administration: AdministrationRow; version: number; body: DosimetryBody; actor: Actor; now: Date },
): Promise<StudyRow> {
  const d = computeDosimetry(o.body, o.administration);
  const row = (
    await tx.query<Row>(
      `update dosimetry_study set nuclide = $3, injected_mbq = $4, phantom = $5, input = $6::jsonb, report = $7::jsonb, kidney_dose_gy = $8,
         kidney_bed_gy = $9, kidney_shape = $10::jsonb, red_marrow_dose_gy = $11, kidney_method = $12, kidney_bed_method = $13,
         red_marrow_method = $14, notes = $15::jsonb, computed_by = $16, computed_at = $17, version = version + 1
       where id = $1 and version = $2 returning *`,
      [o.study.id, o.version, d.input.nuclide, d.input.injectedMBq, d.input.phantom, ...columns(d), o.actor.username, o.now.toISOString()],
    )
  ).rows[0];
  if (!row)
    throw conflict(
      `Dosimetry study ${o.study.id} is at version ${o.study.version}, not ${o.version}: someone else changed it. Reload and retry.`,
    );
  const study = studyOf(row);
  await audit({
    action: 'update',
    entityType: 'dosimetry_study',
    entityId: study.id,
    patientId: study.patientId,
    before: auditSummary(o.study),
    after: auditSummary(study),
    reason: o.body.reason,
  });
  return study;
}

export interface CurvePoint {
  tH: number;
  activityMBq: number;
}

export interface RegionView {
  name: string;
  organ: string;
  model: string;
  parameters: Record<string, number>;
  rSquared: number | null;
  tiaMBqH: number;
  massG: number | null;
  doseGy: number | null;
  doseGyPerGBq: number | null;
  method: string;
  notes: readonly string[];
  /** The measured points. */
  points: CurvePoint[];
  /** The fitted curve from injection to past the last point. */
  curve: CurvePoint[];
}

export interface StudyView {
  id: string;
  administrationId: string | null;
  cycleNumber: number;
  nuclide: string;
  injectedMBq: number;
  administeredAt: string;
  phantom: string;
  regions: RegionView[];
  kidneyDoseGy: number | null;
  kidneyDoseGyPerGBq: number | null;
  kidneyBedGy: number | null;
  kidneyMethod: string | null;
  kidneyBedMethod: string | null;
  redMarrowDoseGy: number | null;
  redMarrowDoseGyPerGBq: number | null;
  redMarrowMethod: string | null;
  notes: string[];
  method: string;
  computedBy: string;
  computedAt: string;
  version: number;
  reportUrl: string;
}

const CURVE_STEPS = 80;

export function studyView(s: StudyRow): StudyView {
  // The fits are not stored: re-fitting the stored input is deterministic and takes well under a millisecond.
  const fits = regionFits(s.input);
  const lastT = Math.max(...s.input.regions.flatMap((r) => r.timesH));
  const end = lastT * 1.25;
  const grid = Array.from({ length: CURVE_STEPS + 1 }, (_, k) => (end * k) / CURVE_STEPS);
  const gbq = s.injectedMBq / 1000;
  return {
    id: s.id,
    administrationId: s.administrationId,
    cycleNumber: s.cycleNumber,
    nuclide: s.nuclide,
    injectedMBq: s.injectedMBq,
    administeredAt: s.administeredAt,
    phantom: s.phantom,
    regions: s.report.regions.map((r, i) => {
      const input = s.input.regions[i]!;
      const times = [...new Set([...grid, ...input.timesH])].sort((a, b) => a - b);
      return {
        name: r.name,
        organ: r.organ,
        model: r.model,
        parameters: { ...r.parameters },
        rSquared: r.goodnessOfFit?.rSquared ?? null,
        tiaMBqH: r.tiaMBqH,
        massG: r.massG,
        doseGy: r.doseGy,
        doseGyPerGBq: r.doseGyPerGBq,
        method: r.method,
        notes: r.notes,
        points: input.timesH.map((t, k) => ({ tH: t, activityMBq: input.activitiesMBq[k]! })),
        curve: times.map((t) => ({ tH: t, activityMBq: Math.max(evaluateFit(fits[i]!, t), 0) })),
      };
    }),
    kidneyDoseGy: s.kidneyDoseGy,
    kidneyDoseGyPerGBq: s.kidneyDoseGy === null ? null : s.kidneyDoseGy / gbq,
    kidneyBedGy: s.kidneyBedGy,
    kidneyMethod: s.kidneyMethod,
    kidneyBedMethod: s.kidneyBedMethod,
    redMarrowDoseGy: s.redMarrowDoseGy,
    redMarrowDoseGyPerGBq: s.redMarrowDoseGy === null ? null : s.redMarrowDoseGy / gbq,
    redMarrowMethod: s.redMarrowMethod,
    notes: s.notes,
    method: s.report.method,
    computedBy: s.computedBy,
    computedAt: s.computedAt,
    version: s.version,
    reportUrl: `/api/dosimetry/${s.id}/report.pdf`,
  };
}
