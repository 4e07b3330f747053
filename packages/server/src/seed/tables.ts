import type { Column } from './bulk';

const provenance: Column[] = [
  ['source', 'text'], ['observed_at', 'timestamptz'], ['recorded_at', 'timestamptz'], ['recorded_by', 'text'],
];

/** Columns written by the cohort writer, parents before children. */
export const COHORT_TABLES: Record<string, readonly Column[]> = {
  patient: [['id', 'uuid'], ['pseudonym', 'text'], ['sex', 'text'], ['birth_year', 'int'], ['vital_status', 'text']],
  patient_identity: [['patient_id', 'uuid'], ['family_name', 'text'], ['given_name', 'text'], ['birth_date', 'date'], ['hospital_number', 'text']],
  condition: [
    ['patient_id', 'uuid'], ['kind', 'text'], ['oncotree_code', 'text'], ['body_site', 'text'], ['diagnosed_at', 'date'],
    ['tnm_t', 'text'], ['tnm_n', 'text'], ['tnm_m', 'text'], ['stage', 'text'], ...provenance,
  ],
  performance_status: [['patient_id', 'uuid'], ['ecog', 'smallint'], ...provenance],
  lab_result: [
    ['patient_id', 'uuid'], ['loinc', 'text'], ['display', 'text'], ['value', 'double precision'], ['unit', 'text'],
    ['upper_limit_of_normal', 'double precision'], ['lower_limit_of_normal', 'double precision'], ...provenance,
  ],
  therapy_line: [
    ['patient_id', 'uuid'], ['line_number', 'int'], ['setting', 'text'], ['drugs', 'jsonb'], ['started_at', 'date'], ['ended_at', 'date'],
    ['best_response', 'text'], ['stop_reason', 'text'], ...provenance,
  ],
  molecular_report: [
    ['id', 'uuid'], ['patient_id', 'uuid'], ['specimen', 'text'], ['panel', 'text'], ['reported_at', 'date'], ['tmb', 'double precision'],
    ['msi', 'text'], ['tumour_fraction', 'double precision'], ...provenance,
  ],
  alteration: [
    ['report_id', 'uuid'], ['patient_id', 'uuid'], ['gene', 'text'], ['alteration_class', 'text'], ['hgvs_protein', 'text'],
    ['hgvs_cdna', 'text'], ['vaf', 'double precision'], ['copy_number', 'double precision'], ['fusion_partner', 'text'],
  ],
  clinical_document: [
    ['patient_id', 'uuid'], ['kind', 'text'], ['title', 'text'], ['authored_at', 'timestamptz'], ['body', 'text'], ...provenance,
  ],
  trial_participation: [['patient_id', 'uuid'], ['trial_id', 'uuid'], ['status', 'text'], ['since', 'date'], ...provenance],
};
