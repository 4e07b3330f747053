-- Trial matching: each trial's computable eligibility, the matches computed from it, and
-- per-user "seen" marks. Stored matches are derived data: each row names the versions of the
-- inputs it was computed from, so a stale row can be told from a fresh one.

-- Bumped by every write of a clinical fact about the patient (labs, ECOG, demographics...):
-- the version of the inputs a match was computed from. `version` stays the optimistic-
-- concurrency version of the patient row itself.
alter table patient add column facts_version int not null default 1;

-- One criteria document per trial: the EligibilityTrial (step → arm → dose level, each with
-- its criterion tree) as JSON. Level codes name trial_arm rows (arm code = level code); the
-- statuses and slots of those rows, not the JSON, say whether a level is open.
create table trial_criteria (
  trial_id uuid primary key references trial(id) on delete cascade,
  version int not null default 1,
  -- How the current version was written: CTML text, a criterion tree from the editor, or the
  -- catalogue shipped with the synthetic cohort.
  source_format text not null check (source_format in ('ctml-json','ctml-yaml','criteria','catalogue')),
  eligibility jsonb not null,
  -- The CTML exactly as submitted (null for trees and the catalogue): what the curator wrote.
  source_text text,
  updated_at timestamptz not null default now(),
  updated_by text not null
);

-- One row per (patient, trial, level) that is eligible (every criterion met) or potentially
-- eligible (nothing failed, something unknown). Not-met levels are not stored. Levels of closed
-- or full cohorts are stored too, with their availability, so that closing a cohort hides its
-- matches and re-opening shows them again without re-evaluating anyone.
create table trial_match (
  id uuid primary key default gen_random_uuid(),
  patient_id uuid not null references patient(id) on delete cascade,
  trial_id uuid not null references trial(id) on delete cascade,
  -- Dotted CTML path of the level ("treatment_list.step.0.arm.1"), or "trial" for the trial-wide clause.
  level_path text not null,
  level_code text,
  level_label text not null,
  -- The cohort row the level is (null for steps and the trial-wide clause).
  arm_id uuid references trial_arm(id) on delete set null,
  status text not null check (status in ('eligible','potential')),
  availability text not null check (availability in ('open','waitlist','closed')),
  unknown_count int not null check (unknown_count >= 0),
  stale_count int not null check (stale_count >= 0),
  borderline_count int not null check (borderline_count >= 0),
  -- Specificity of the met genomic criteria (core genomicSpecificity): a ranking key.
  genomic_strength double precision not null,
  risk_score double precision not null check (risk_score between 0 and 1),
  risk_level text not null check (risk_level in ('low','medium','high')),
  -- json, not jsonb: written whole and read whole, never queried inside, so the text is kept as
  -- sent rather than parsed into jsonb (the seed writes tens of megabytes of explanations).
  checklist json not null,
  explanation json not null,
  -- Input versions: patient.facts_version, trial_criteria.version, trial_arm.version (null without an arm row).
  facts_version int not null,
  criteria_version int not null,
  arm_version int,
  computed_at timestamptz not null,
  created_at timestamptz not null default now(),
  -- When status or availability last changed: what "new since your last visit" compares with.
  changed_at timestamptz not null default now(),
  unique (patient_id, trial_id, level_path)
);
create index trial_match_trial on trial_match(trial_id, availability, status);
create index trial_match_arm on trial_match(arm_id);

-- When a user last looked at a patient's matches (scope 'patient') or a trial's candidates
-- (scope 'trial'); a match changed after that is new to them.
create table match_seen (
  user_id uuid not null references app_user(id) on delete cascade,
  scope text not null check (scope in ('patient','trial')),
  subject_id uuid not null,
  seen_at timestamptz not null,
  primary key (user_id, scope, subject_id)
);
