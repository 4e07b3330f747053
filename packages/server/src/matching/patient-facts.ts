import {
  fromPatientRecord,
  type EligibilityRecord,
  type Fact,
  type PatientFacts,
  type PatientRecord,
  type Provenance,
} from '@continuum/core';
import type { Queryable } from '../db/driver';
import { loadPetReads, theranosticEligibilityFacts, type StoredPetRead } from '../theranostics/pet-reads';

/** A patient's facts as the evaluator reads them, with the row versions a match is computed from. */
export interface LoadedPatient {
  id: string;
  pseudonym: string;
  factsVersion: number;
  facts: PatientFacts;
}

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const iso = (v: unknown): string => (v == null ? '' : v instanceof Date ? v.toISOString() : String(v));
const provenanceOf = (r: Row): Provenance => ({
  source: r.source,
  observedAt: iso(r.observed_at),
  recordedAt: iso(r.recorded_at),
  recordedBy: r.recorded_by,
});
const groupBy = (rows: Row[]) => {
  const m = new Map<string, Row[]>();
  for (const r of rows) {
    const list = m.get(r.patient_id);
    if (list) list.push(r);
    else m.set(r.patient_id, [r]);
  }
  return m;
};

// Patients are read in chunks so a re-match of a whole cohort (52,000 patients) never holds
// every lab of every patient in memory at once.
const CHUNK = 2000;

/**
 * Reads patients' facts from the database and maps them through core's fromPatientRecord, the
 * same mapping every other caller uses. Each fact then gets the id of its row, so an
 * explanation's evidence links to the lab, report or alteration it came from.
 */
export async function* loadPatientFacts(db: Queryable, asOf: string, patientIds?: readonly string[]): AsyncGenerator<LoadedPatient[]> {
  const ids = patientIds ?? (await db.query<{ id: string }>('select id from patient order by id')).rows.map((r) => r.id);
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    yield await loadChunk(db, chunk, asOf);
  }
}

async function loadChunk(db: Queryable, ids: string[], asOf: string): Promise<LoadedPatient[]> {
  const prov = 'source, observed_at, recorded_at, recorded_by';
  const where = 'where patient_id = any($1::uuid[])';
  // One query per kind of fact, in the order facts happened. Core takes the last of equally dated
  // facts as the latest, so ties go to the one recorded last (a result re-entered the same day
  // wins). The queries run one after the other: inside a transaction they share one connection.
  // Dates are read as text: PGlite hands `date` columns back as Date objects, PostgreSQL (with
  // the driver's parser) as text, and the evaluator compares ISO strings.
  const patients = await db.query<Row>(
    'select id, pseudonym, sex, birth_year, vital_status, facts_version from patient where id = any($1::uuid[])',
    [ids],
  );
  const conditions = await db.query<Row>(
    `select id, patient_id, kind, oncotree_code, body_site, diagnosed_at::text, stage, ${prov} from condition ${where} order by patient_id, diagnosed_at, recorded_at, id`,
    [ids],
  );
  const performance = await db.query<Row>(
    `select id, patient_id, ecog, ${prov} from performance_status ${where} order by patient_id, observed_at, recorded_at, id`,
    [ids],
  );
  // Lab criteria read the latest result of their LOINC code on or before the reference date
  // (docs/matching.md), so only that one per code travels: a patient has ~50 results, a few codes.
  const labs = await db.query<Row>(
    `select * from (
       select distinct on (patient_id, loinc) id, patient_id, loinc, display, value, unit, upper_limit_of_normal, lower_limit_of_normal, ${prov}
         from lab_result ${where} and (observed_at at time zone 'UTC')::date <= $2::date
        order by patient_id, loinc, observed_at desc, recorded_at desc, id desc) latest
      order by patient_id, observed_at, recorded_at, id`,
    [ids, asOf],
  );
  const lines = await db.query<Row>(
    `select id, patient_id, line_number, setting, drugs, started_at::text, ended_at::text, ${prov} from therapy_line ${where} order by patient_id, started_at, recorded_at, id`,
    [ids],
  );
  const reports = await db.query<Row>(
    `select id, patient_id, specimen, panel, reported_at::text, tmb, msi, tumour_fraction, ${prov} from molecular_report ${where} order by patient_id, reported_at, recorded_at, id`,
    [ids],
  );
  const alterations = await db.query<Row>(
    `select id, report_id, patient_id, gene, alteration_class, hgvs_protein, hgvs_cdna, vaf, copy_number, fusion_partner from alteration ${where} order by patient_id, gene, id`,
    [ids],
  );
  // PET reads become theranostic eligibility facts (each rule on the latest read of its tracer).
  const petReads = await loadPetReads(db, ids);
  const byPatient = {
    conditions: groupBy(conditions.rows),
    performance: groupBy(performance.rows),
    labs: groupBy(labs.rows),
    lines: groupBy(lines.rows),
    reports: groupBy(reports.rows),
  };
  const alterationsByReport = new Map<string, Row[]>();
  for (const a of alterations.rows) {
    const list = alterationsByReport.get(a.report_id);
    if (list) list.push(a);
    else alterationsByReport.set(a.report_id, [a]);
  }
  return patients.rows.map((p) =>
    toLoaded(p, {
      conditions: byPatient.conditions.get(p.id) ?? [],
      performance: byPatient.performance.get(p.id) ?? [],
      labs: byPatient.labs.get(p.id) ?? [],
      lines: byPatient.lines.get(p.id) ?? [],
      reports: (byPatient.reports.get(p.id) ?? []).map((r) => ({ report: r, alterations: alterationsByReport.get(r.id) ?? [] })),
      petReads: petReads.get(p.id) ?? [],
    }),
  );
}

interface Rows {
  conditions: Row[];
  performance: Row[];
  labs: Row[];
  lines: Row[];
  reports: Array<{ report: Row; alterations: Row[] }>;
  petReads: StoredPetRead[];
}

function toLoaded(p: Row, r: Rows): LoadedPatient {
  const record: EligibilityRecord = {
    pseudonym: p.pseudonym,
    sex: p.sex,
    birthYear: p.birth_year,
    vitalStatus: p.vital_status,
    // Eligibility works on pseudonymised data: no identity, hence ages from the birth year.
    identity: undefined as unknown as PatientRecord['identity'],
    conditions: r.conditions.map((c) => ({
      kind: c.kind,
      oncotreeCode: c.oncotree_code,
      diagnosedAt: c.diagnosed_at,
      ...(c.body_site ? { bodySite: c.body_site } : {}),
      ...(c.stage ? { stage: c.stage } : {}),
      provenance: provenanceOf(c),
    })),
    performance: r.performance.map((s) => ({ ecog: s.ecog, provenance: provenanceOf(s) })),
    labs: r.labs.map((l) => ({
      loinc: l.loinc,
      display: l.display,
      value: l.value,
      unit: l.unit,
      ...(l.upper_limit_of_normal != null ? { upperLimitOfNormal: l.upper_limit_of_normal } : {}),
      ...(l.lower_limit_of_normal != null ? { lowerLimitOfNormal: l.lower_limit_of_normal } : {}),
      provenance: provenanceOf(l),
    })),
    therapyLines: r.lines.map((t) => ({
      lineNumber: t.line_number,
      setting: t.setting,
      drugs: t.drugs,
      startedAt: t.started_at,
      ...(t.ended_at ? { endedAt: t.ended_at } : {}),
      provenance: provenanceOf(t),
    })),
    molecularReports: r.reports.map(({ report: m, alterations }) => ({
      specimen: m.specimen,
      panel: m.panel,
      reportedAt: m.reported_at,
      ...(m.tmb != null ? { tmb: m.tmb } : {}),
      ...(m.msi ? { msi: m.msi } : {}),
      ...(m.tumour_fraction != null ? { tumourFraction: m.tumour_fraction } : {}),
      alterations: alterations.map((a) => ({
        gene: a.gene,
        alterationClass: a.alteration_class,
        ...(a.hgvs_protein ? { hgvsProtein: a.hgvs_protein } : {}),
        ...(a.hgvs_cdna ? { hgvsCdna: a.hgvs_cdna } : {}),
        ...(a.vaf != null ? { vaf: a.vaf } : {}),
        ...(a.copy_number != null ? { copyNumber: a.copy_number } : {}),
        ...(a.fusion_partner ? { fusionPartner: a.fusion_partner } : {}),
      })),
      provenance: provenanceOf(m),
    })),
    documents: [],
    participations: [],
    ...(r.petReads.length > 0 ? { theranosticEligibility: theranosticEligibilityFacts(r.petReads) } : {}),
  };
  const facts = fromPatientRecord(record);
  attachRowIds(facts, p.id, r);
  return { id: p.id, pseudonym: p.pseudonym, factsVersion: p.facts_version, facts };
}

/**
 * fromPatientRecord keeps the order of each list, so the n-th fact of a kind is the n-th row.
 * Measurements of a report (TMB, MSI, tumour fraction) point to the report row.
 */
function attachRowIds(facts: PatientFacts, patientId: string, r: Rows): void {
  const setIds = (list: Array<Fact<unknown>> | undefined, ids: string[]) => list?.forEach((f, i) => (f.id = ids[i]));
  for (const f of [facts.sex, facts.vitalStatus, facts.birthYear]) if (f) f.id = patientId;
  setIds(
    facts.diagnoses,
    r.conditions.map((c) => c.id),
  );
  setIds(
    facts.ecog,
    r.performance.map((s) => s.id),
  );
  setIds(
    facts.labs,
    r.labs.map((l) => l.id),
  );
  setIds(
    facts.therapyLines,
    r.lines.map((t) => t.id),
  );
  const g = facts.genomics;
  if (!g) return;
  setIds(
    g.alterations,
    r.reports.flatMap((x) => x.alterations.map((a) => a.id)),
  );
  setIds(
    g.tmb,
    r.reports.filter((x) => x.report.tmb != null).map((x) => x.report.id),
  );
  setIds(
    g.mmr,
    r.reports.filter((x) => x.report.msi).map((x) => x.report.id),
  );
  setIds(
    g.tumourFraction,
    r.reports.filter((x) => x.report.tumour_fraction != null).map((x) => x.report.id),
  );
}
