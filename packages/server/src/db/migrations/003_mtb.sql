-- Molecular Tumour Board: a case per molecular report that needs discussion, meetings with an
-- ordered agenda, recommendations per alteration, and the chair's signature over a snapshot of
-- what was signed (docs/mtb.md).

create table mtb_case (
  id uuid primary key default gen_random_uuid(),
  -- One case per report: a report is discussed once; a new report is a new case.
  report_id uuid not null unique references molecular_report(id) on delete cascade,
  patient_id uuid not null references patient(id) on delete cascade,
  -- queued (waiting for a meeting) → scheduled (on an agenda) → discussed (recommendations
  -- recorded at the meeting) → signed (locked).
  status text not null default 'queued' check (status in ('queued','scheduled','discussed','signed')),
  -- What queued it: "import:<file>", "seed:<name>", "user:<username>".
  queued_by text not null,
  queued_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version int not null default 1
);
create index mtb_case_status on mtb_case(status, queued_at desc);
create index mtb_case_patient on mtb_case(patient_id);

create table mtb_meeting (
  id uuid primary key default gen_random_uuid(),
  title text not null check (length(title) between 3 and 200),
  scheduled_at timestamptz not null,
  -- The chair signs the meeting's reports; an account, so the signature can re-authenticate it.
  chair_id uuid not null references app_user(id),
  created_by text not null,
  created_at timestamptz not null default now(),
  version int not null default 1
);
create index mtb_meeting_scheduled on mtb_meeting(scheduled_at);

-- The ordered agenda. A case sits on one agenda at a time (unique case_id).
create table mtb_agenda_item (
  meeting_id uuid not null references mtb_meeting(id) on delete cascade,
  case_id uuid not null unique references mtb_case(id) on delete cascade,
  position int not null check (position >= 1),
  added_at timestamptz not null default now(),
  primary key (meeting_id, case_id),
  -- Deferrable: a reorder swaps positions inside one statement.
  unique (meeting_id, position) deferrable initially deferred
);

create table mtb_recommendation (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references mtb_case(id) on delete cascade,
  -- The alteration row the recommendation is about, or a report-level biomarker (MSI-H, TMB-high).
  alteration_id uuid references alteration(id) on delete cascade,
  biomarker text check (biomarker in ('MSI-H','TMB-H')),
  kind text not null check (kind in ('targeted-therapy','clinical-trial','further-testing','germline-referral','no-action')),
  therapy text,
  trial_id uuid references trial(id),
  -- ESCAT (Mateo et al. 2018): what the evidence suggested when it was recorded, and what the MTB decided.
  escat_suggested text not null check (escat_suggested in ('I-A','I-B','I-C','II-A','II-B','III-A','III-B','IV-A','IV-B','V','X')),
  escat_decided text not null check (escat_decided in ('I-A','I-B','I-C','II-A','II-B','III-A','III-B','IV-A','IV-B','V','X')),
  rationale text not null check (length(rationale) >= 3),
  author_id uuid references app_user(id),
  author text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version int not null default 1,
  check ((alteration_id is null) <> (biomarker is null)),
  check (kind <> 'targeted-therapy' or therapy is not null),
  check (kind <> 'clinical-trial' or trial_id is not null)
);
create index mtb_recommendation_case on mtb_recommendation(case_id);

-- The chair's signature: who, as what, when, meaning what, over which content. `content` is the
-- canonical JSON that was hashed, kept verbatim so the report can be re-rendered exactly and the
-- hash re-checked; signatures are never changed or removed.
create table mtb_signature (
  case_id uuid primary key references mtb_case(id),
  meeting_id uuid references mtb_meeting(id),
  signer_id uuid not null references app_user(id),
  signer_username text not null,
  signer_name text not null,
  signer_role text not null,
  signed_at timestamptz not null,
  meaning text not null,
  content_sha256 text not null check (content_sha256 ~ '^[0-9a-f]{64}$'),
  content text not null
);

create function mtb_signature_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'mtb_signature is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end
$$;
create trigger mtb_signature_no_update before update or delete on mtb_signature
  for each row execute function mtb_signature_refuse_change();
