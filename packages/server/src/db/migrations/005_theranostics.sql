-- Theranostics and nuclear medicine: the radiopharmacy (products, hot cells, batches, QC, release,
-- patient doses, administrations, waste), scheduling (resources, bookings, regimens, courses and
-- cycles) and per-patient theranostics (PET reads, eligibility, dosimetry per administration).
-- Activities are MBq, times are UTC instants, doses Gy; column names carry the unit.
-- Traceability runs batch → patient_dose → administration → dosimetry_study and back by foreign keys.

-- ── Radiopharmacy ────────────────────────────────────────────────────────────────────────────

-- Shielded hot cells and what each may handle (DOMAIN.md: 4 cells).
create table hot_cell (
  id text primary key,
  name text not null,
  energy_class text not null check (energy_class in ('pet-fractionation','ga68-labelling','low-medium-energy','therapy-high-energy')),
  nuclides text[] not null,
  version int not null default 1
);

-- A radiopharmaceutical the department prepares or receives; qc_spec is the release specification:
-- [{ "test": "radiochemical-purity", "unit": "%", "min": 95, "reference": "Ph. Eur. …" }, …].
create table radiopharm_product (
  id text primary key,
  name text not null,
  nuclide text not null,
  purpose text not null check (purpose in ('diagnostic','therapeutic')),
  investigational boolean not null default false,
  hot_cell_class text not null check (hot_cell_class in ('pet-fractionation','ga68-labelling','low-medium-energy','therapy-high-energy')),
  shelf_life_min int not null check (shelf_life_min > 0),
  qc_spec jsonb not null,
  -- Accepted deviation of the activity at injection from the prescription, percent.
  tolerance_pct double precision not null default 10 check (tolerance_pct > 0 and tolerance_pct <= 50),
  active boolean not null default true,
  version int not null default 1
);

create table radiopharm_batch (
  id uuid primary key default gen_random_uuid(),
  batch_number text not null unique,
  product_id text not null references radiopharm_product(id),
  hot_cell_id text not null references hot_cell(id),
  origin text not null check (origin in ('delivery','generator-elution','synthesis')),
  supplier_lot text,
  -- Activity of the whole batch at calibration, and the calibration instant.
  activity_mbq double precision not null check (activity_mbq > 0),
  calibrated_at timestamptz not null,
  volume_ml double precision check (volume_ml > 0),
  expires_at timestamptz not null,
  status text not null default 'in-preparation' check (status in ('in-preparation','qc-pending','released','rejected','expired')),
  prepared_by text not null,
  prepared_at timestamptz not null,
  -- Operator's dose for this preparation (extremity or whole body as measured), µSv.
  staff_dose_usv double precision check (staff_dose_usv >= 0),
  -- Release: who signed, when, meaning, and the SHA-256 of the canonical batch + QC content signed.
  released_by text,
  released_at timestamptz,
  release_meaning text,
  release_hash text,
  rejection_reason text,
  -- Carrier-added Lu-177 carries long-lived Lu-177m (T½ 160.4 d): waste handling differs.
  carrier_added boolean not null default false,
  version int not null default 1,
  check (expires_at > calibrated_at)
);
create index radiopharm_batch_day on radiopharm_batch(calibrated_at);

create table qc_result (
  id uuid primary key default gen_random_uuid(),
  batch_id uuid not null references radiopharm_batch(id) on delete cascade,
  test text not null,
  value double precision,
  -- Pass/fail tests (e.g. visual inspection) use outcome instead of value.
  outcome text check (outcome in ('pass','fail')),
  unit text,
  spec jsonb not null,
  passed boolean not null,
  recorded_by text not null,
  recorded_at timestamptz not null
);
create index qc_result_batch on qc_result(batch_id);

create table patient_dose (
  id uuid primary key default gen_random_uuid(),
  batch_id uuid not null references radiopharm_batch(id),
  patient_id uuid not null references patient(id),
  prescribed_mbq double precision not null check (prescribed_mbq > 0),
  tolerance_pct double precision not null check (tolerance_pct > 0),
  -- Measured in the dose calibrator when drawn, and the instant of that measurement.
  drawn_mbq double precision not null check (drawn_mbq > 0),
  drawn_at timestamptz not null,
  volume_ml double precision check (volume_ml > 0),
  planned_injection_at timestamptz not null,
  -- drawn_mbq decay-corrected to planned_injection_at.
  activity_at_injection_mbq double precision not null check (activity_at_injection_mbq > 0),
  out_of_tolerance boolean not null,
  override_reason text,
  override_by text,
  status text not null default 'drawn' check (status in ('drawn','administered','discarded')),
  booking_id uuid,
  cycle_id uuid,
  drawn_by text not null,
  version int not null default 1,
  check (not out_of_tolerance or override_reason is not null)
);
create index patient_dose_patient on patient_dose(patient_id);
create index patient_dose_batch on patient_dose(batch_id);

create table administration (
  id uuid primary key default gen_random_uuid(),
  dose_id uuid not null unique references patient_dose(id),
  patient_id uuid not null references patient(id),
  administered_at timestamptz not null,
  -- Activity administered at administered_at (dose decay-corrected, minus the measured residual).
  activity_mbq double precision not null check (activity_mbq > 0),
  residual_mbq double precision check (residual_mbq >= 0),
  room_resource_id text,
  cycle_id uuid,
  administered_by text not null,
  recorded_at timestamptz not null
);
create index administration_patient on administration(patient_id, administered_at);

-- Decay-in-storage: held until release_at (≥ 10 half-lives of the longest-lived nuclide present).
create table radioactive_waste (
  id uuid primary key default gen_random_uuid(),
  batch_id uuid references radiopharm_batch(id),
  container text not null,
  nuclide text not null,
  activity_mbq double precision not null check (activity_mbq >= 0),
  measured_at timestamptz not null,
  release_at timestamptz not null,
  note text,
  released_at timestamptz,
  released_by text,
  recorded_by text not null,
  version int not null default 1
);

-- ── Scheduling ───────────────────────────────────────────────────────────────────────────────

-- PET scanners, gamma cameras, shielded rooms, hot cells; opening = [{ "weekday": 1-7, "from": "07:30", "to": "19:00" }] (Europe/Paris local).
create table resource (
  id text primary key,
  kind text not null check (kind in ('pet-scanner','gamma-camera','shielded-room','hot-cell')),
  name text not null,
  hot_cell_id text references hot_cell(id),
  opening jsonb not null,
  active boolean not null default true,
  version int not null default 1
);

create table treatment_regimen (
  id text primary key,
  name text not null,
  product_id text not null references radiopharm_product(id),
  activity_mbq double precision not null check (activity_mbq > 0),
  interval_weeks int not null check (interval_weeks > 0),
  cycles int not null check (cycles > 0),
  investigational boolean not null default false,
  reference text not null
);

create table treatment_course (
  id uuid primary key default gen_random_uuid(),
  patient_id uuid not null references patient(id),
  regimen_id text not null references treatment_regimen(id),
  started_on date not null,
  status text not null default 'active' check (status in ('planned','active','completed','stopped')),
  -- Kidney BED limit 28 Gy with risk factors (hypertension, diabetes …), 40 Gy without.
  kidney_risk_factors boolean not null default false,
  created_by text not null,
  version int not null default 1
);
create index treatment_course_patient on treatment_course(patient_id);

create table treatment_cycle (
  id uuid primary key default gen_random_uuid(),
  course_id uuid not null references treatment_course(id) on delete cascade,
  patient_id uuid not null references patient(id),
  cycle_number int not null check (cycle_number > 0),
  planned_on date not null,
  prescribed_mbq double precision not null check (prescribed_mbq > 0),
  status text not null default 'planned' check (status in ('planned','scheduled','administered','deferred','cancelled')),
  -- The organ-at-risk check made before scheduling (core wouldExceed), kept with the cycle.
  limit_check jsonb,
  limit_override_reason text,
  version int not null default 1,
  unique (course_id, cycle_number)
);
create index treatment_cycle_patient on treatment_cycle(patient_id);

create table booking (
  id uuid primary key default gen_random_uuid(),
  resource_id text not null references resource(id),
  patient_id uuid references patient(id),
  kind text not null check (kind in ('pet-scan','scintigraphy','therapy-admission','preparation','maintenance')),
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  product_id text references radiopharm_product(id),
  cycle_id uuid references treatment_cycle(id),
  batch_id uuid references radiopharm_batch(id),
  status text not null default 'booked' check (status in ('booked','done','cancelled')),
  note text,
  created_by text not null,
  version int not null default 1,
  check (ends_at > starts_at)
);
create index booking_resource_time on booking(resource_id, starts_at);
create index booking_patient on booking(patient_id);

-- ── Theranostics per patient ─────────────────────────────────────────────────────────────────

-- A diagnostic PET read: tracer, reference organs' uptake, lesions.
create table pet_read (
  id uuid primary key default gen_random_uuid(),
  patient_id uuid not null references patient(id),
  tracer text not null,
  scanned_at timestamptz not null,
  -- { "liverSuvMean": 5.1, "parotidSuvMean": 9.8, "spleenSuvMean": … }
  reference_uptake jsonb not null,
  conclusion text,
  source text not null, observed_at timestamptz not null, recorded_at timestamptz not null, recorded_by text not null,
  version int not null default 1
);
create index pet_read_patient on pet_read(patient_id, scanned_at);

create table pet_lesion (
  id uuid primary key default gen_random_uuid(),
  pet_read_id uuid not null references pet_read(id) on delete cascade,
  site text not null,
  region text not null check (region in ('prostate','lymph-node','bone','liver','lung','brain','soft-tissue','other')),
  suv_max double precision not null check (suv_max >= 0),
  short_axis_mm double precision check (short_axis_mm >= 0),
  -- e.g. PSMA-negative on PET but measurable on CT (a VISION exclusion).
  ct_measurable boolean
);
create index pet_lesion_read on pet_lesion(pet_read_id);

-- Dosimetry of one administration: the inputs, the full core report (methods per number) and the
-- organ-at-risk figures the cumulative limits need.
create table dosimetry_study (
  id uuid primary key default gen_random_uuid(),
  patient_id uuid not null references patient(id),
  administration_id uuid references administration(id),
  cycle_number int not null check (cycle_number > 0),
  nuclide text not null,
  injected_mbq double precision not null check (injected_mbq > 0),
  administered_at timestamptz not null,
  phantom text not null check (phantom in ('male','female')),
  input jsonb not null,
  report jsonb not null,
  kidney_dose_gy double precision,
  kidney_bed_gy double precision,
  -- The kidney dose-rate shape (core DoseRateShape, from doseRateShapeOf of the kidney fit): what
  -- projecting the next cycle's BED needs.
  kidney_shape jsonb,
  red_marrow_dose_gy double precision,
  computed_by text not null,
  computed_at timestamptz not null,
  version int not null default 1
);
create index dosimetry_study_patient on dosimetry_study(patient_id, cycle_number);
