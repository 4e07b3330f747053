import type { Queryable } from '../../db/driver';
import type { BiomarkerFilter } from './biomarker';

export interface PatientListFilter {
  q?: string;
  /** OncoTree codes, the requested code and its descendants. */
  oncotreeCodes?: string[];
  biomarker?: BiomarkerFilter;
  trialStatus?: string;
}

/** Builds the WHERE clause once for the count and the page queries. */
function whereOf(f: PatientListFilter): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const clauses: string[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  if (f.q) clauses.push(`p.pseudonym ilike ${p(`%${f.q.replace(/[%_\\]/g, (m) => `\\${m}`)}%`)}`);
  if (f.oncotreeCodes) {
    clauses.push(`exists (select 1 from condition c where c.patient_id = p.id and c.kind = 'primary' and c.oncotree_code = any(${p(f.oncotreeCodes)}::text[]))`);
  }
  if (f.biomarker?.kind === 'msi-high') {
    clauses.push(`exists (select 1 from molecular_report m where m.patient_id = p.id and m.msi = 'MSI-H')`);
  } else if (f.biomarker?.kind === 'gene') {
    const conds = [`a.patient_id = p.id`, `a.gene = ${p(f.biomarker.gene)}`];
    if (f.biomarker.protein) conds.push(`a.hgvs_protein = ${p(f.biomarker.protein)}`);
    if (f.biomarker.alterationClass) conds.push(`a.alteration_class = ${p(f.biomarker.alterationClass)}`);
    clauses.push(`exists (select 1 from alteration a where ${conds.join(' and ')})`);
  }
  if (f.trialStatus) {
    clauses.push(`exists (select 1 from trial_participation tp where tp.patient_id = p.id and tp.status = ${p(f.trialStatus)})`);
  }
  return { sql: clauses.length ? `where ${clauses.join(' and ')}` : '', params };
}

export interface PatientSummaryRow {
  id: string;
  pseudonym: string;
  sex: string;
  birth_year: number | null;
  vital_status: string;
  version: number;
  oncotree_code: string | null;
  diagnosed_at: string | null;
  stage: string | null;
  ecog: number | null;
  biomarkers: string[] | null;
  trial_status: string | null;
  trial_protocol: string | null;
}

export async function listPatients(db: Queryable, f: PatientListFilter, limit: number, offset: number) {
  const where = whereOf(f);
  const total = (await db.query<{ n: number }>(`select count(*)::int as n from patient p ${where.sql}`, where.params)).rows[0]!.n;
  const n = where.params.length;
  const { rows } = await db.query<PatientSummaryRow>(
    `with page as (select p.* from patient p ${where.sql} order by p.pseudonym limit $${n + 1} offset $${n + 2})
     select page.id, page.pseudonym, page.sex, page.birth_year, page.vital_status, page.version,
            pc.oncotree_code, pc.diagnosed_at, pc.stage,
            (select ps.ecog from performance_status ps where ps.patient_id = page.id order by ps.observed_at desc limit 1) as ecog,
            (select array_agg(distinct a.gene || ' ' || coalesce(a.hgvs_protein, a.alteration_class)) from alteration a where a.patient_id = page.id) as biomarkers,
            tp.status as trial_status, tp.protocol_number as trial_protocol
       from page
       left join lateral (select c.oncotree_code, c.diagnosed_at, c.stage from condition c
                           where c.patient_id = page.id and c.kind = 'primary' order by c.diagnosed_at limit 1) pc on true
       left join lateral (select x.status, t.protocol_number from trial_participation x join trial t on t.id = x.trial_id
                           where x.patient_id = page.id order by x.since desc limit 1) tp on true
      order by page.pseudonym`,
    [...where.params, limit, offset],
  );
  return { total, rows };
}

const prov = `source, observed_at, recorded_at, recorded_by`;

/** Everything about one patient but identity, in one round of queries. */
export async function loadPatient(db: Queryable, id: string) {
  const patient = (await db.query<{ id: string; pseudonym: string; sex: string; birth_year: number | null; vital_status: string; version: number }>(
    'select id, pseudonym, sex, birth_year, vital_status, version from patient where id = $1', [id],
  )).rows[0];
  if (!patient) return null;
  const [conditions, performance, labs, lines, reports, alterations, documents, participations] = await Promise.all([
    db.query(`select id, kind, oncotree_code, body_site, diagnosed_at, tnm_t, tnm_n, tnm_m, stage, version, ${prov} from condition where patient_id = $1 order by diagnosed_at`, [id]),
    db.query(`select id, ecog, ${prov} from performance_status where patient_id = $1 order by observed_at`, [id]),
    db.query(`select id, loinc, display, value, unit, upper_limit_of_normal, lower_limit_of_normal, ${prov} from lab_result where patient_id = $1 order by observed_at`, [id]),
    db.query(`select id, line_number, setting, drugs, started_at, ended_at, best_response, stop_reason, ${prov} from therapy_line where patient_id = $1 order by started_at`, [id]),
    db.query(`select id, specimen, panel, reported_at, tmb, msi, tumour_fraction, ${prov} from molecular_report where patient_id = $1 order by reported_at`, [id]),
    db.query(`select id, report_id, gene, alteration_class, hgvs_protein, hgvs_cdna, vaf, copy_number, fusion_partner from alteration where patient_id = $1 order by gene`, [id]),
    db.query(`select id, kind, title, authored_at, body, ${prov} from clinical_document where patient_id = $1 order by authored_at`, [id]),
    db.query(`select tp.id, tp.trial_id, t.protocol_number, t.acronym, tp.status, tp.since, tp.version, tp.source, tp.observed_at, tp.recorded_at, tp.recorded_by
                from trial_participation tp join trial t on t.id = tp.trial_id where tp.patient_id = $1 order by tp.since`, [id]),
  ]);
  return { patient, conditions: conditions.rows, performance: performance.rows, labs: labs.rows, lines: lines.rows, reports: reports.rows, alterations: alterations.rows, documents: documents.rows, participations: participations.rows };
}
