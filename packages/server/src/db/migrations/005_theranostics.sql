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

-- Radiopharmacy additions: the generator or delivery data a batch came from, why a dose was
-- discarded, when a residual was measured, and which nuclide and how many half-lives govern a
-- waste container's release.
alter table radiopharm_batch add column origin_detail jsonb;
alter table patient_dose add column discard_reason text;
alter table administration add column residual_measured_at timestamptz;
alter table radioactive_waste add column governing_nuclide text;
alter table radioactive_waste add column half_lives double precision check (half_lives > 0);

-- The four hot cells of DOMAIN.md; a product may be prepared only in a cell of its class that lists its nuclide.
insert into hot_cell (id, name, energy_class, nuclides) values
  ('HC-PET', 'Hot cell 1 — PET fractionation with dispensing tunnel', 'pet-fractionation', array['F-18','Cu-64']),
  ('HC-GA68', 'Hot cell 2 — Ga-68 labelling (very high energy)', 'ga68-labelling', array['Ga-68','Ge-68']),
  ('HC-SPECT', 'Hot cell 3 — Tc-99m and I-123 (low/medium energy)', 'low-medium-energy', array['Tc-99m','I-123','In-111']),
  ('HC-THERAPY', 'Hot cell 4 — radioligand therapy (high energy)', 'therapy-high-energy', array['Lu-177','I-131','Y-90','Ac-225']);

-- Products and their release specifications. Each qc_spec item: test (id), label, kind ("numeric" with min/max
-- and unit, or "pass-fail"), required (false = tested after release, e.g. sterility, Ge-68 breakthrough after
-- Ga-68 has decayed: recorded when known, never a release condition) and the reference of the limit.
-- Shelf life runs from calibration (end of synthesis/labelling, or the supplier's calibration time).
insert into radiopharm_product (id, name, nuclide, purpose, investigational, hot_cell_class, shelf_life_min, tolerance_pct, qc_spec) values
  ('ga68-psma11', '[68Ga]Ga-PSMA-11 (gozetotide)', 'Ga-68', 'diagnostic', false, 'ga68-labelling', 360, 10, '[
    {"test":"appearance","label":"Appearance: clear, colourless, no particles","kind":"pass-fail","required":true,"reference":"Ph. Eur. 0125 Radiopharmaceutical preparations"},
    {"test":"ph","label":"pH","kind":"numeric","unit":"pH","min":4.0,"max":8.0,"required":true,"reference":"Ph. Eur. 3044 Gallium (68Ga) PSMA-11 injection"},
    {"test":"radiochemical-purity","label":"Radiochemical purity","kind":"numeric","unit":"%","min":95,"required":true,"reference":"Locametz SmPC (radiochemical purity ≥ 95 %; use within 6 h of labelling)"},
    {"test":"half-life","label":"Radionuclidic identity (half-life)","kind":"numeric","unit":"min","min":62,"max":74,"required":true,"reference":"Ph. Eur. 2464 Gallium (68Ga) chloride solution for radiolabelling"},
    {"test":"ge68-breakthrough","label":"Ge-68 breakthrough","kind":"numeric","unit":"%","max":0.001,"required":false,"reference":"Ph. Eur. 2464 (≤ 0.001 %; measured after Ga-68 has decayed)"}
  ]'::jsonb),
  ('ga68-dotatoc', '[68Ga]Ga-DOTATOC (edotreotide)', 'Ga-68', 'diagnostic', false, 'ga68-labelling', 240, 10, '[
    {"test":"appearance","label":"Appearance: clear, colourless, no particles","kind":"pass-fail","required":true,"reference":"Ph. Eur. 0125 Radiopharmaceutical preparations"},
    {"test":"ph","label":"pH","kind":"numeric","unit":"pH","min":4.0,"max":8.0,"required":true,"reference":"Ph. Eur. 2482 Gallium (68Ga) edotreotide injection"},
    {"test":"radiochemical-purity","label":"Radiochemical purity","kind":"numeric","unit":"%","min":95,"required":true,"reference":"SomaKit TOC SmPC (radiochemical purity ≥ 95 %)"},
    {"test":"half-life","label":"Radionuclidic identity (half-life)","kind":"numeric","unit":"min","min":62,"max":74,"required":true,"reference":"Ph. Eur. 2464 Gallium (68Ga) chloride solution for radiolabelling"},
    {"test":"ge68-breakthrough","label":"Ge-68 breakthrough","kind":"numeric","unit":"%","max":0.001,"required":false,"reference":"Ph. Eur. 2464 (≤ 0.001 %; measured after Ga-68 has decayed)"}
  ]'::jsonb),
  ('ga68-fapi46', '[68Ga]Ga-FAPI-46 (investigational)', 'Ga-68', 'diagnostic', true, 'ga68-labelling', 180, 10, '[
    {"test":"appearance","label":"Appearance: clear, colourless, no particles","kind":"pass-fail","required":true,"reference":"Ph. Eur. 0125 Radiopharmaceutical preparations"},
    {"test":"ph","label":"pH","kind":"numeric","unit":"pH","min":4.0,"max":8.0,"required":true,"reference":"IMPD of the trial (in line with Ph. Eur. Ga-68 monographs)"},
    {"test":"radiochemical-purity","label":"Radiochemical purity","kind":"numeric","unit":"%","min":95,"required":true,"reference":"IMPD of the trial"},
    {"test":"half-life","label":"Radionuclidic identity (half-life)","kind":"numeric","unit":"min","min":62,"max":74,"required":true,"reference":"Ph. Eur. 2464 Gallium (68Ga) chloride solution for radiolabelling"},
    {"test":"endotoxins","label":"Bacterial endotoxins","kind":"numeric","unit":"EU/mL","max":17.5,"required":true,"reference":"Ph. Eur. 0125: 175 IU per maximum volume V (V = 10 mL)"},
    {"test":"filter-integrity","label":"Sterilising filter integrity (bubble point)","kind":"pass-fail","required":true,"reference":"Ph. Eur. 5.1.1 / EU GMP Annex 1"},
    {"test":"sterility","label":"Sterility","kind":"pass-fail","required":false,"reference":"Ph. Eur. 2.6.1 (result after release)"},
    {"test":"ge68-breakthrough","label":"Ge-68 breakthrough","kind":"numeric","unit":"%","max":0.001,"required":false,"reference":"Ph. Eur. 2464 (≤ 0.001 %; measured after Ga-68 has decayed)"}
  ]'::jsonb),
  ('f18-fdg', '[18F]FDG (fludeoxyglucose)', 'F-18', 'diagnostic', false, 'pet-fractionation', 600, 10, '[
    {"test":"appearance","label":"Appearance: clear, colourless or slightly yellow","kind":"pass-fail","required":true,"reference":"Ph. Eur. 1325 Fludeoxyglucose (18F) injection"},
    {"test":"ph","label":"pH","kind":"numeric","unit":"pH","min":4.5,"max":8.5,"required":true,"reference":"Ph. Eur. 1325 Fludeoxyglucose (18F) injection"},
    {"test":"radiochemical-purity","label":"Radiochemical purity ([18F]FDG + [18F]FDM)","kind":"numeric","unit":"%","min":95,"required":true,"reference":"Ph. Eur. 1325 Fludeoxyglucose (18F) injection"},
    {"test":"half-life","label":"Radionuclidic identity (half-life)","kind":"numeric","unit":"min","min":105,"max":115,"required":true,"reference":"Ph. Eur. 1325 Fludeoxyglucose (18F) injection"},
    {"test":"kryptofix","label":"Aminopolyether (Kryptofix 2.2.2)","kind":"numeric","unit":"mg/mL","max":0.22,"required":true,"reference":"Ph. Eur. 1325 (2.2 mg per V, V = 10 mL)"},
    {"test":"acetonitrile","label":"Residual acetonitrile","kind":"numeric","unit":"mg/mL","max":0.41,"required":true,"reference":"Ph. Eur. 1325 / ICH Q3C (4.1 mg per V, V = 10 mL)"},
    {"test":"endotoxins","label":"Bacterial endotoxins","kind":"numeric","unit":"EU/mL","max":17.5,"required":true,"reference":"Ph. Eur. 1325: 175 IU per V (V = 10 mL)"},
    {"test":"filter-integrity","label":"Sterilising filter integrity (bubble point)","kind":"pass-fail","required":true,"reference":"Ph. Eur. 5.1.1 / EU GMP Annex 1"},
    {"test":"sterility","label":"Sterility","kind":"pass-fail","required":false,"reference":"Ph. Eur. 2.6.1 (result after release)"}
  ]'::jsonb),
  ('f18-psma1007', '[18F]PSMA-1007', 'F-18', 'diagnostic', false, 'pet-fractionation', 480, 10, '[
    {"test":"appearance","label":"Appearance: clear, colourless, no particles","kind":"pass-fail","required":true,"reference":"Ph. Eur. 0125 Radiopharmaceutical preparations"},
    {"test":"ph","label":"pH","kind":"numeric","unit":"pH","min":4.8,"max":8.5,"required":true,"reference":"[18F]PSMA-1007 GMP specification, Pharmaceuticals 2021;14:599, table 4"},
    {"test":"radiochemical-purity","label":"Radiochemical purity","kind":"numeric","unit":"%","min":95,"required":true,"reference":"[18F]PSMA-1007 GMP specification, Pharmaceuticals 2021;14:599, table 4"},
    {"test":"half-life","label":"Radionuclidic identity (half-life)","kind":"numeric","unit":"min","min":105,"max":115,"required":true,"reference":"Ph. Eur. 0125 / [18F] monographs (105–115 min)"},
    {"test":"endotoxins","label":"Bacterial endotoxins","kind":"numeric","unit":"EU/mL","max":17.5,"required":true,"reference":"Ph. Eur. 0125: 175 IU per V (V = 10 mL)"},
    {"test":"filter-integrity","label":"Sterilising filter integrity (bubble point)","kind":"pass-fail","required":true,"reference":"Ph. Eur. 5.1.1 / EU GMP Annex 1"},
    {"test":"sterility","label":"Sterility","kind":"pass-fail","required":false,"reference":"Ph. Eur. 2.6.1 (result after release)"}
  ]'::jsonb),
  ('tc99m-mdp', '[99mTc]Tc-MDP (medronate)', 'Tc-99m', 'diagnostic', false, 'low-medium-energy', 480, 10, '[
    {"test":"appearance","label":"Appearance: clear, colourless, no particles","kind":"pass-fail","required":true,"reference":"Ph. Eur. 0641 Technetium (99mTc) medronate injection"},
    {"test":"ph","label":"pH","kind":"numeric","unit":"pH","min":3.5,"max":7.5,"required":true,"reference":"Ph. Eur. 0641 Technetium (99mTc) medronate injection"},
    {"test":"radiochemical-purity","label":"Radiochemical purity","kind":"numeric","unit":"%","min":95,"required":true,"reference":"Ph. Eur. 0641 Technetium (99mTc) medronate injection"}
  ]'::jsonb),
  ('i123-mibg', '[123I]MIBG (iobenguane)', 'I-123', 'diagnostic', false, 'low-medium-energy', 1440, 10, '[
    {"test":"appearance","label":"Appearance: clear, no particles","kind":"pass-fail","required":true,"reference":"Ph. Eur. 0125 Radiopharmaceutical preparations"},
    {"test":"radiochemical-purity","label":"Radiochemical purity (as iobenguane)","kind":"numeric","unit":"%","min":90,"required":true,"reference":"USP Iobenguane I 123 Injection (≥ 90 % of the radioactivity as iobenguane)"}
  ]'::jsonb),
  ('lu177-psma617', '[177Lu]Lu-PSMA-617 (vipivotide tetraxetan)', 'Lu-177', 'therapeutic', false, 'therapy-high-energy', 7200, 10, '[
    {"test":"appearance","label":"Appearance: clear, colourless to slightly yellow","kind":"pass-fail","required":true,"reference":"Pluvicto SmPC section 3"},
    {"test":"ph","label":"pH","kind":"numeric","unit":"pH","min":4.5,"max":7.0,"required":true,"reference":"Pluvicto SmPC section 3 (pH 4.5 to 7.0)"},
    {"test":"radiochemical-purity","label":"Radiochemical purity","kind":"numeric","unit":"%","min":95,"required":true,"reference":"Pluvicto SmPC (radiochemical purity ≥ 95 %)"}
  ]'::jsonb),
  ('lu177-dotatate', '[177Lu]Lu-DOTATATE (oxodotreotide)', 'Lu-177', 'therapeutic', false, 'therapy-high-energy', 4320, 10, '[
    {"test":"appearance","label":"Appearance: clear, colourless to slightly yellow","kind":"pass-fail","required":true,"reference":"Lutathera SmPC section 3"},
    {"test":"radiochemical-purity","label":"Radiochemical purity","kind":"numeric","unit":"%","min":95,"required":true,"reference":"Department specification for [177Lu]Lu-DOTA-peptides (cf. EANM PRRT procedure guideline, Bodei et al., EJNMMI 2013)"}
  ]'::jsonb),
  ('lu177-neob', '[177Lu]Lu-NeoB (investigational, first in human)', 'Lu-177', 'therapeutic', true, 'therapy-high-energy', 2880, 10, '[
    {"test":"appearance","label":"Appearance: clear, colourless, no particles","kind":"pass-fail","required":true,"reference":"IMPD of the trial"},
    {"test":"ph","label":"pH","kind":"numeric","unit":"pH","min":4.0,"max":8.0,"required":true,"reference":"IMPD of the trial"},
    {"test":"radiochemical-purity","label":"Radiochemical purity","kind":"numeric","unit":"%","min":95,"required":true,"reference":"IMPD of the trial"},
    {"test":"endotoxins","label":"Bacterial endotoxins","kind":"numeric","unit":"EU/mL","max":17.5,"required":true,"reference":"Ph. Eur. 0125: 175 IU per V (V = 10 mL)"},
    {"test":"sterility","label":"Sterility","kind":"pass-fail","required":false,"reference":"Ph. Eur. 2.6.1 (result after release)"}
  ]'::jsonb);

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

-- Scheduling additions: a patient booking carries its prescribed activity and a preparation the
-- activity expected at the end of synthesis; a Ga-68 PET names the same-day preparation its dose
-- is drawn from; a cancellation keeps its reason. A course keeps what it sets differently from its
-- regimen (an investigational protocol's activities, a reduction); a cycle scheduled past a limit
-- keeps who overrode the check.
alter table booking add column activity_mbq double precision check (activity_mbq > 0);
alter table booking add column preparation_id uuid references booking(id);
alter table booking add column cancel_reason text;
create index booking_time on booking(starts_at) where status <> 'cancelled';
create index booking_preparation on booking(preparation_id) where preparation_id is not null;
create index booking_cycle on booking(cycle_id) where cycle_id is not null;
alter table treatment_course add column protocol jsonb not null default '{}'::jsonb;
alter table treatment_cycle add column limit_override_by text;

-- The department's resources (DOMAIN.md: 2 digital PET scanners, 2 gamma cameras, 4 shielded rooms,
-- 4 hot cells). Opening hours are Europe/Paris local; shielded rooms are open round the clock because
-- treated patients stay overnight.
insert into resource (id, kind, name, hot_cell_id, opening) values
  ('PET-1', 'pet-scanner', 'PET/CT 1 (digital)', null, '[{"weekday":1,"from":"07:30","to":"19:00"},{"weekday":2,"from":"07:30","to":"19:00"},{"weekday":3,"from":"07:30","to":"19:00"},{"weekday":4,"from":"07:30","to":"19:00"},{"weekday":5,"from":"07:30","to":"19:00"}]'::jsonb),
  ('PET-2', 'pet-scanner', 'PET/CT 2 (digital)', null, '[{"weekday":1,"from":"07:30","to":"19:00"},{"weekday":2,"from":"07:30","to":"19:00"},{"weekday":3,"from":"07:30","to":"19:00"},{"weekday":4,"from":"07:30","to":"19:00"},{"weekday":5,"from":"07:30","to":"19:00"}]'::jsonb),
  ('GC-1', 'gamma-camera', 'Gamma camera 1 (SPECT/CT)', null, '[{"weekday":1,"from":"08:00","to":"18:00"},{"weekday":2,"from":"08:00","to":"18:00"},{"weekday":3,"from":"08:00","to":"18:00"},{"weekday":4,"from":"08:00","to":"18:00"},{"weekday":5,"from":"08:00","to":"18:00"}]'::jsonb),
  ('GC-2', 'gamma-camera', 'Gamma camera 2 (3D CZT)', null, '[{"weekday":1,"from":"08:00","to":"18:00"},{"weekday":2,"from":"08:00","to":"18:00"},{"weekday":3,"from":"08:00","to":"18:00"},{"weekday":4,"from":"08:00","to":"18:00"},{"weekday":5,"from":"08:00","to":"18:00"}]'::jsonb),
  ('ROOM-1', 'shielded-room', 'Shielded room 1', null, '[{"weekday":1,"from":"00:00","to":"24:00"},{"weekday":2,"from":"00:00","to":"24:00"},{"weekday":3,"from":"00:00","to":"24:00"},{"weekday":4,"from":"00:00","to":"24:00"},{"weekday":5,"from":"00:00","to":"24:00"},{"weekday":6,"from":"00:00","to":"24:00"},{"weekday":7,"from":"00:00","to":"24:00"}]'::jsonb),
  ('ROOM-2', 'shielded-room', 'Shielded room 2', null, '[{"weekday":1,"from":"00:00","to":"24:00"},{"weekday":2,"from":"00:00","to":"24:00"},{"weekday":3,"from":"00:00","to":"24:00"},{"weekday":4,"from":"00:00","to":"24:00"},{"weekday":5,"from":"00:00","to":"24:00"},{"weekday":6,"from":"00:00","to":"24:00"},{"weekday":7,"from":"00:00","to":"24:00"}]'::jsonb),
  ('ROOM-3', 'shielded-room', 'Shielded room 3', null, '[{"weekday":1,"from":"00:00","to":"24:00"},{"weekday":2,"from":"00:00","to":"24:00"},{"weekday":3,"from":"00:00","to":"24:00"},{"weekday":4,"from":"00:00","to":"24:00"},{"weekday":5,"from":"00:00","to":"24:00"},{"weekday":6,"from":"00:00","to":"24:00"},{"weekday":7,"from":"00:00","to":"24:00"}]'::jsonb),
  ('ROOM-4', 'shielded-room', 'Shielded room 4', null, '[{"weekday":1,"from":"00:00","to":"24:00"},{"weekday":2,"from":"00:00","to":"24:00"},{"weekday":3,"from":"00:00","to":"24:00"},{"weekday":4,"from":"00:00","to":"24:00"},{"weekday":5,"from":"00:00","to":"24:00"},{"weekday":6,"from":"00:00","to":"24:00"},{"weekday":7,"from":"00:00","to":"24:00"}]'::jsonb),
  ('RES-HC-PET', 'hot-cell', 'Hot cell 1 — PET fractionation', 'HC-PET', '[{"weekday":1,"from":"06:30","to":"18:30"},{"weekday":2,"from":"06:30","to":"18:30"},{"weekday":3,"from":"06:30","to":"18:30"},{"weekday":4,"from":"06:30","to":"18:30"},{"weekday":5,"from":"06:30","to":"18:30"}]'::jsonb),
  ('RES-HC-GA68', 'hot-cell', 'Hot cell 2 — Ga-68 labelling', 'HC-GA68', '[{"weekday":1,"from":"07:00","to":"17:00"},{"weekday":2,"from":"07:00","to":"17:00"},{"weekday":3,"from":"07:00","to":"17:00"},{"weekday":4,"from":"07:00","to":"17:00"},{"weekday":5,"from":"07:00","to":"17:00"}]'::jsonb),
  ('RES-HC-SPECT', 'hot-cell', 'Hot cell 3 — Tc-99m / I-123', 'HC-SPECT', '[{"weekday":1,"from":"07:30","to":"17:00"},{"weekday":2,"from":"07:30","to":"17:00"},{"weekday":3,"from":"07:30","to":"17:00"},{"weekday":4,"from":"07:30","to":"17:00"},{"weekday":5,"from":"07:30","to":"17:00"}]'::jsonb),
  ('RES-HC-THERAPY', 'hot-cell', 'Hot cell 4 — radioligand therapy', 'HC-THERAPY', '[{"weekday":1,"from":"07:30","to":"17:00"},{"weekday":2,"from":"07:30","to":"17:00"},{"weekday":3,"from":"07:30","to":"17:00"},{"weekday":4,"from":"07:30","to":"17:00"},{"weekday":5,"from":"07:30","to":"17:00"}]'::jsonb);

-- Radioligand regimens. The approved ones are the pivotal trials' schedules; the investigational one
-- holds its protocol's first dose level as defaults, the course giving the protocol's activities.
insert into treatment_regimen (id, name, product_id, activity_mbq, interval_weeks, cycles, investigational, reference) values
  ('lu177-psma617-6x6w', '[177Lu]Lu-PSMA-617 7.4 GBq every 6 weeks × 6', 'lu177-psma617', 7400, 6, 6, false,
   'VISION: Sartor et al., N Engl J Med 2021;385:1091-1103 (7.4 GBq ± 10 % every 6 weeks, up to 6 cycles); Pluvicto SmPC'),
  ('lu177-dotatate-4x8w', '[177Lu]Lu-DOTATATE 7.4 GBq every 8 weeks × 4', 'lu177-dotatate', 7400, 8, 4, false,
   'NETTER-1: Strosberg et al., N Engl J Med 2017;376:125-135 (7.4 GBq every 8 weeks, 4 cycles); Lutathera SmPC'),
  ('lu177-neob-protocol', '[177Lu]Lu-NeoB per protocol (first in human)', 'lu177-neob', 1850, 6, 4, true,
   'NeoRay phase I/IIa, NCT03872778: per protocol; dose level 1 gave 1.85 GBq in cycle 1 then 5.55 GBq in cycles 2-4, at least 6 weeks apart');

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

-- Theranostics additions: lesions keep the order the reader wrote them in; each stored dosimetry
-- figure keeps the method that produced it (the red-marrow dose may be missing: no remainder of
-- body in the data); one study per administration (a redo replaces it, with its version).
alter table pet_lesion add column ordinal int not null default 0;
alter table dosimetry_study add column kidney_method text;
alter table dosimetry_study add column kidney_bed_method text;
alter table dosimetry_study add column red_marrow_method text;
alter table dosimetry_study add column notes jsonb not null default '[]'::jsonb;
create unique index dosimetry_study_administration on dosimetry_study(administration_id) where administration_id is not null;
