/**
 * Stored reports, alterations and therapy lines as core's timeline input, for one patient or
 * for every patient who could have a resistance case (two reports or more and a line that
 * ended) — the atlas reads those in four queries, whatever the cohort's size.
 */
import type { Drug, GenomicTimelineInput, TimelineAlteration, TimelineLineInput, TimelineSampleInput } from '@continuum/core';
import type { Queryable } from '../db/driver';

export interface TimelinePatient {
  id: string;
  pseudonym: string;
  tumourType?: string;
  input: GenomicTimelineInput;
}

interface PatientRow {
  id: string;
  pseudonym: string;
  tumour_type: string | null;
}
interface ReportRow {
  id: string;
  patient_id: string;
  specimen: 'tissue' | 'ctdna';
  panel: string;
  reported_at: string;
  tmb: number | null;
  msi: string | null;
  tumour_fraction: number | null;
}
interface AlterationRow {
  id: string;
  report_id: string;
  gene: string;
  alteration_class: TimelineAlteration['alterationClass'];
  hgvs_protein: string | null;
  hgvs_cdna: string | null;
  vaf: number | null;
  copy_number: number | null;
  fusion_partner: string | null;
}
interface LineRow {
  id: string;
  patient_id: string;
  line_number: number;
  setting: string;
  drugs: Drug[] | string;
  started_at: string;
  ended_at: string | null;
  stop_reason: string | null;
  best_response: string | null;
}

/** Patients who may have a resistance case: ≥ 2 reports (a baseline and a progression) and a line with an end. */
const CANDIDATES = `
  select patient_id from molecular_report group by patient_id having count(*) >= 2
  intersect
  select patient_id from therapy_line where ended_at is not null`;

/** The primary tumour: the earliest primary condition. */
const TUMOUR = `(select c.oncotree_code from condition c where c.patient_id = p.id and c.kind = 'primary' order by c.diagnosed_at, c.id limit 1)`;

export async function loadTimelinePatient(db: Queryable, patientId: string): Promise<TimelinePatient | undefined> {
  const patients = (
    await db.query<PatientRow>(`select p.id, p.pseudonym, ${TUMOUR} as tumour_type from patient p where p.id = $1`, [patientId])
  ).rows;
  if (patients.length === 0) return undefined;
  const [reports, alterations, lines] = await Promise.all([
    db.query<ReportRow>(`${REPORT_COLUMNS} where patient_id = $1`, [patientId]),
    db.query<AlterationRow>(`${ALTERATION_COLUMNS} where patient_id = $1`, [patientId]),
    db.query<LineRow>(`${LINE_COLUMNS} where patient_id = $1`, [patientId]),
  ]);
  return assemble(patients, reports.rows, alterations.rows, lines.rows)[0];
}

/** Every candidate patient of the atlas, or only those listed. */
export async function loadAtlasPatients(db: Queryable, ids?: readonly string[]): Promise<TimelinePatient[]> {
  if (ids && ids.length === 0) return [];
  const scope = ids ? 'patient_id = any($1::uuid[])' : `patient_id in (${CANDIDATES})`;
  const params = ids ? [ids] : [];
  const [patients, reports, alterations, lines] = await Promise.all([
    db.query<PatientRow>(
      `select p.id, p.pseudonym, ${TUMOUR} as tumour_type from patient p where ${ids ? 'p.id = any($1::uuid[])' : `p.id in (${CANDIDATES})`}`,
      params,
    ),
    db.query<ReportRow>(`${REPORT_COLUMNS} where ${scope}`, params),
    db.query<AlterationRow>(`${ALTERATION_COLUMNS} where ${scope}`, params),
    db.query<LineRow>(`${LINE_COLUMNS} where ${scope}`, params),
  ]);
  return assemble(patients.rows, reports.rows, alterations.rows, lines.rows);
}

/**
 * What each candidate's timeline is computed from, in one string per patient: its facts version
 * (bumped by clinical writes), the count and newest recording of its reports and lines, its
 * alteration count and primary tumour. A changed string means: recompute that patient.
 */
export async function loadAtlasSignatures(db: Queryable): Promise<Map<string, string>> {
  const { rows } = await db.query<{ id: string; signature: string }>(
    `with r as (select patient_id, count(*) n, max(recorded_at) at from molecular_report group by patient_id having count(*) >= 2),
          l as (select patient_id, count(*) n, max(recorded_at) at from therapy_line group by patient_id having count(ended_at) > 0),
          a as (select patient_id, count(*) n from alteration where patient_id in (select patient_id from r) group by patient_id)
     select p.id, concat_ws('|', p.facts_version, r.n, r.at, l.n, l.at, coalesce(a.n, 0), ${TUMOUR}) as signature
       from patient p join r on r.patient_id = p.id join l on l.patient_id = p.id left join a on a.patient_id = p.id`,
  );
  return new Map(rows.map((r) => [r.id, r.signature]));
}

const REPORT_COLUMNS = `select id, patient_id, specimen, panel, reported_at::text as reported_at, tmb, msi, tumour_fraction from molecular_report`;
const ALTERATION_COLUMNS = `select id, report_id, gene, alteration_class, hgvs_protein, hgvs_cdna, vaf, copy_number, fusion_partner from alteration`;
const LINE_COLUMNS = `select id, patient_id, line_number, setting, drugs, started_at::text as started_at, ended_at::text as ended_at, stop_reason, best_response from therapy_line`;

function assemble(patients: PatientRow[], reports: ReportRow[], alterations: AlterationRow[], lines: LineRow[]): TimelinePatient[] {
  const byReport = new Map<string, TimelineAlteration[]>();
  for (const a of alterations) {
    const list = byReport.get(a.report_id) ?? [];
    list.push({
      id: a.id,
      gene: a.gene,
      alterationClass: a.alteration_class,
      ...(a.hgvs_protein !== null ? { hgvsProtein: a.hgvs_protein } : {}),
      ...(a.hgvs_cdna !== null ? { hgvsCdna: a.hgvs_cdna } : {}),
      ...(a.vaf !== null ? { vaf: a.vaf } : {}),
      ...(a.copy_number !== null ? { copyNumber: a.copy_number } : {}),
      ...(a.fusion_partner !== null ? { fusionPartner: a.fusion_partner } : {}),
    });
    byReport.set(a.report_id, list);
  }
  const samples = new Map<string, TimelineSampleInput[]>();
  for (const r of reports) {
    const list = samples.get(r.patient_id) ?? [];
    list.push({
      id: r.id,
      specimen: r.specimen,
      panel: r.panel,
      reportedAt: r.reported_at,
      ...(r.tumour_fraction !== null ? { tumourFraction: r.tumour_fraction } : {}),
      ...(r.tmb !== null ? { tmb: r.tmb } : {}),
      ...(r.msi !== null ? { msi: r.msi } : {}),
      alterations: byReport.get(r.id) ?? [],
    });
    samples.set(r.patient_id, list);
  }
  const therapy = new Map<string, TimelineLineInput[]>();
  for (const l of lines) {
    const list = therapy.get(l.patient_id) ?? [];
    list.push({
      id: l.id,
      lineNumber: l.line_number,
      setting: l.setting,
      drugs: typeof l.drugs === 'string' ? (JSON.parse(l.drugs) as Drug[]) : l.drugs,
      startedAt: l.started_at,
      ...(l.ended_at !== null ? { endedAt: l.ended_at } : {}),
      ...(l.stop_reason !== null ? { stopReason: l.stop_reason } : {}),
      ...(l.best_response !== null ? { bestResponse: l.best_response } : {}),
    });
    therapy.set(l.patient_id, list);
  }
  return patients.map((p) => ({
    id: p.id,
    pseudonym: p.pseudonym,
    ...(p.tumour_type !== null ? { tumourType: p.tumour_type } : {}),
    input: {
      ...(p.tumour_type !== null ? { tumourType: p.tumour_type } : {}),
      samples: samples.get(p.id) ?? [],
      lines: therapy.get(p.id) ?? [],
    },
  }));
}
