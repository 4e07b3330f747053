-- Continuum foundation schema: accounts, pseudonymised clinical data apart from identity,
-- trials with arms/cohorts, referrals, and the append-only hash-chained audit trail.

create table app_user (
  id uuid primary key default gen_random_uuid(),
  username text not null unique,
  display_name text not null,
  role text not null check (role in ('admin','investigator','coordinator','mtb','radiopharmacist','physicist','referrer','sponsor')),
  password_hash text not null,
  -- For sponsor accounts: the sponsor name whose trials (aggregates only) they may see.
  sponsor text,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  version int not null default 1
);

create table user_session (
  token_hash text primary key,
  user_id uuid not null references app_user(id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index user_session_user on user_session(user_id);

-- Pseudonymised patient: nothing here identifies a person.
create table patient (
  id uuid primary key default gen_random_uuid(),
  pseudonym text not null unique,
  sex text not null check (sex in ('female','male','other','unknown')),
  birth_year int not null check (birth_year between 1880 and 2100),
  vital_status text not null check (vital_status in ('alive','deceased','unknown')),
  created_at timestamptz not null default now(),
  version int not null default 1
);

-- Identity data, readable only by roles that need it (admin, investigator, coordinator).
create table patient_identity (
  patient_id uuid primary key references patient(id) on delete cascade,
  family_name text not null,
  given_name text not null,
  birth_date date not null,
  hospital_number text not null unique
);

-- Every clinical fact carries provenance: source, observed_at, recorded_at, recorded_by.
create table condition (
  id uuid primary key default gen_random_uuid(),
  patient_id uuid not null references patient(id) on delete cascade,
  kind text not null check (kind in ('primary','secondary')),
  oncotree_code text not null,
  body_site text,
  diagnosed_at date not null,
  tnm_t text, tnm_n text, tnm_m text,
  stage text,
  source text not null, observed_at timestamptz not null, recorded_at timestamptz not null, recorded_by text not null,
  version int not null default 1
);
create index condition_patient on condition(patient_id);
create index condition_code on condition(oncotree_code);

create table performance_status (
  id uuid primary key default gen_random_uuid(),
  patient_id uuid not null references patient(id) on delete cascade,
  ecog smallint not null check (ecog between 0 and 5),
  source text not null, observed_at timestamptz not null, recorded_at timestamptz not null, recorded_by text not null
);
create index performance_status_patient on performance_status(patient_id);

create table lab_result (
  id uuid primary key default gen_random_uuid(),
  patient_id uuid not null references patient(id) on delete cascade,
  loinc text not null,
  display text not null,
  value double precision not null,
  unit text not null,
  upper_limit_of_normal double precision,
  lower_limit_of_normal double precision,
  source text not null, observed_at timestamptz not null, recorded_at timestamptz not null, recorded_by text not null
);
create index lab_result_patient on lab_result(patient_id);

create table therapy_line (
  id uuid primary key default gen_random_uuid(),
  patient_id uuid not null references patient(id) on delete cascade,
  line_number int not null check (line_number >= 0),
  setting text not null,
  -- [{ name, drugClass, atc? }]
  drugs jsonb not null,
  started_at date not null,
  ended_at date,
  best_response text check (best_response in ('CR','PR','SD','PD','NE')),
  stop_reason text,
  source text not null, observed_at timestamptz not null, recorded_at timestamptz not null, recorded_by text not null,
  check (ended_at is null or ended_at >= started_at)
);
create index therapy_line_patient on therapy_line(patient_id);

create table molecular_report (
  id uuid primary key default gen_random_uuid(),
  patient_id uuid not null references patient(id) on delete cascade,
  specimen text not null check (specimen in ('tissue','ctdna')),
  panel text not null,
  reported_at date not null,
  tmb double precision,
  msi text check (msi in ('MSI-H','MSS','indeterminate')),
  tumour_fraction double precision check (tumour_fraction between 0 and 1),
  source text not null, observed_at timestamptz not null, recorded_at timestamptz not null, recorded_by text not null
);
create index molecular_report_patient on molecular_report(patient_id);

create table alteration (
  id uuid primary key default gen_random_uuid(),
  report_id uuid not null references molecular_report(id) on delete cascade,
  patient_id uuid not null references patient(id) on delete cascade,
  gene text not null,
  alteration_class text not null check (alteration_class in ('mutation','amplification','deletion','fusion','structural_variant')),
  hgvs_protein text,
  hgvs_cdna text,
  vaf double precision check (vaf between 0 and 1),
  copy_number double precision,
  fusion_partner text
);
create index alteration_report on alteration(report_id);
create index alteration_gene on alteration(gene, hgvs_protein);
create index alteration_patient on alteration(patient_id);

create table clinical_document (
  id uuid primary key default gen_random_uuid(),
  patient_id uuid not null references patient(id) on delete cascade,
  kind text not null,
  title text not null,
  authored_at timestamptz not null,
  body text not null,
  source text not null, observed_at timestamptz not null, recorded_at timestamptz not null, recorded_by text not null
);
create index clinical_document_patient on clinical_document(patient_id);

create table trial (
  id uuid primary key default gen_random_uuid(),
  protocol_number text not null unique,
  nct_id text check (nct_id ~ '^NCT[0-9]{8}$'),
  title text not null,
  acronym text,
  phase text not null check (phase in ('I','I/II','II','II/III','III','IV')),
  status text not null check (status in ('in-preparation','open','suspended','closed-to-accrual','completed')),
  sponsor text not null,
  committee text not null,
  oncotree_codes text[] not null default '{}',
  biomarkers text[] not null default '{}',
  created_at timestamptz not null default now(),
  version int not null default 1
);

create table trial_arm (
  id uuid primary key default gen_random_uuid(),
  trial_id uuid not null references trial(id) on delete cascade,
  code text not null,
  name text not null,
  kind text not null check (kind in ('arm','cohort','dose-level','step')),
  status text not null check (status in ('open','closed','suspended')),
  slots_total int not null check (slots_total >= 0),
  slots_used int not null check (slots_used >= 0),
  summary text,
  version int not null default 1,
  unique (trial_id, code),
  check (slots_used <= slots_total)
);

create table trial_participation (
  id uuid primary key default gen_random_uuid(),
  patient_id uuid not null references patient(id) on delete cascade,
  trial_id uuid not null references trial(id) on delete cascade,
  status text not null check (status in ('pre-screened','screening','consented','screen-failure','enrolled','on-treatment','follow-up','off-study')),
  since date not null,
  source text not null, observed_at timestamptz not null, recorded_at timestamptz not null, recorded_by text not null,
  version int not null default 1
);
create index trial_participation_patient on trial_participation(patient_id);
create index trial_participation_trial on trial_participation(trial_id, status);

-- A referring physician's request to include a patient; the referrer sees only its own.
create table referral (
  id uuid primary key default gen_random_uuid(),
  referrer_id uuid not null references app_user(id),
  trial_id uuid not null references trial(id),
  summary text not null,
  status text not null default 'submitted' check (status in ('submitted','under-review','accepted','declined')),
  created_at timestamptz not null default now(),
  version int not null default 1
);
create index referral_referrer on referral(referrer_id);

-- The audit trail: append-only and hash-chained (see packages/server/src/audit).
create table audit_log (
  seq bigint primary key,
  at timestamptz not null,
  actor_id uuid,
  actor_username text not null,
  actor_role text not null,
  action text not null,
  entity_type text not null,
  entity_id text,
  patient_id uuid,
  before jsonb,
  after jsonb,
  reason text,
  prev_hash text not null,
  hash text not null unique
);
create index audit_log_actor on audit_log(actor_username, at);
create index audit_log_patient on audit_log(patient_id, at);
create index audit_log_at on audit_log(at);

create function audit_log_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end
$$;
create trigger audit_log_no_update before update or delete on audit_log
  for each row execute function audit_log_refuse_change();
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_refuse_change();
