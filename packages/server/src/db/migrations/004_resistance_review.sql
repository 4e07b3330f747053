-- The MTB's decision on the resistance classification of an acquired alteration (an alteration
-- found at progression on a line of therapy and not before it; docs/precision-oncology.md).
-- The classification itself is computed from the reports and the reference data each time; what
-- is stored is the human decision, with what was suggested when it was taken. Until a row exists
-- the classification "needs review".

create table resistance_review (
  id uuid primary key default gen_random_uuid(),
  patient_id uuid not null references patient(id) on delete cascade,
  -- The alteration row in the progression sample, and the line it is read as resistance to.
  alteration_id uuid not null references alteration(id) on delete cascade,
  therapy_line_id uuid not null references therapy_line(id) on delete cascade,
  baseline_report_id uuid references molecular_report(id) on delete set null,
  -- What the platform suggested when the decision was taken (core timeline.ts).
  suggested_mechanism text not null check (suggested_mechanism in ('on_target','bypass','lineage','reversion','unclassified')),
  suggested_mechanism_class text,
  -- confirmed: an acquired resistance mechanism, as `mechanism`; rejected: not one (artefact,
  -- clonal haematopoiesis, passenger) — it leaves the atlas's counts.
  decision text not null check (decision in ('confirmed','rejected')),
  mechanism text check (mechanism in ('on_target','bypass','lineage','reversion')),
  mechanism_class text,
  note text not null check (length(note) between 3 and 2000),
  reviewed_by_id uuid references app_user(id),
  reviewed_by text not null,
  reviewer_role text not null,
  reviewed_at timestamptz not null default now(),
  version int not null default 1,
  unique (alteration_id, therapy_line_id),
  check ((decision = 'confirmed') = (mechanism is not null))
);
create index resistance_review_patient on resistance_review(patient_id);

-- The resistance atlas checks on every request whether reports or lines changed since it last
-- computed (server genomics/resistance-atlas.ts): the newest recording of each is then an index
-- lookup, not a scan of 100,000 rows.
create index molecular_report_recorded_at on molecular_report(recorded_at);
create index therapy_line_recorded_at on therapy_line(recorded_at);
