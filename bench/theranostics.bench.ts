/**
 * Theranostics at the department's scale (issue 5, item 9; DOMAIN.md: ~11,000 PET scans and
 * ~2,000 scintigraphies a year on 2 PET scanners and 2 gamma cameras, >500 radioligand
 * treatments in 4 shielded rooms, 4 hot cells).
 *
 * 1. A year of activity scheduled with conflict checking. For every working day of 2026
 *    (Europe/Paris, both daylight-saving changes included): the hot cells' preparations (FDG
 *    fractionation, four Ga-68 labellings with their end-of-synthesis activity, the Tc-99m kit,
 *    the therapy doses), ~43.5 PET scans (FDG, F-18 PSMA, Ga-68 PSMA-11 and DOTATOC — each Ga-68
 *    dose drawn from a same-day preparation whose activity it shares), ~8 scintigraphies, ~2
 *    radioligand admissions (24 h in a shielded room) each with its post-therapy SPECT at 24 h.
 *    Each request goes through the slot finder and the full conflict rules (opening hours,
 *    resource, patient, Ga-68 window and activity) on the indexed calendar, retrying later when
 *    refused. Then the report: utilisation per resource per month.
 * 2. Baseline in the same run: the same year, same requests, same rules, but every question to
 *    the bookings answered by scanning all bookings (ScanLookup) — both runs must produce the
 *    same schedule; and, separately, the conflict check alone replayed over the final schedule
 *    with each lookup.
 * 3. Dosimetry of one administration: runDosimetry on the SNMMI 2021 Lu-177 challenge patient
 *    (6 regions, 4 time points: fits, TIAs, S-value doses), p50/p95 over many runs, against a
 *    baseline that integrates the same fitted curves numerically (1-minute trapezoid) instead of
 *    analytically.
 *
 * Prints tables and ratios; asserts nothing about time. `npx tsx bench/theranostics.bench.ts`
 * or `npm run bench -- theranostics`. BENCH_THERANOSTICS_DOSIMETRY_RUNS sets the dosimetry runs.
 */
import {
  addDays,
  BookingCalendar,
  checkBooking,
  findNextSlot,
  fitTimeActivity,
  integrateTerms,
  evaluateFit,
  loadDosimetryData,
  localToInstant,
  NUCMED_DATA_PATHS,
  parseOpeningHours,
  runDosimetry,
  ScanLookup,
  toLocal,
  utilisationByMonth,
  type Booking,
  type BookingKind,
  type BookingLookup,
  type BookingRequest,
  type HotCellClass,
  type NucmedDataTexts,
  type ResourceKind,
  type SchedulingProduct,
  type SchedulingResource,
  type TacModel,
} from '@continuum/core';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const YEAR = 2026;
const PET_PER_YEAR = 11_000;
const SCINTI_PER_YEAR = 2_000;
const TREATMENTS_PER_YEAR = 500;
const DOSIMETRY_RUNS = Number(process.env.BENCH_THERANOSTICS_DOSIMETRY_RUNS ?? 2_000);
const REPO = join(fileURLToPath(new URL('.', import.meta.url)), '..');

const fmt = (x: number, digits = 0) => x.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const percentile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor((q / 100) * sorted.length))]!;

// ---------------------------------------------------------------------------------------------
// The department (as the migration stores it)

const hours = (from: string, to: string, days = [1, 2, 3, 4, 5]) => parseOpeningHours(days.map((weekday) => ({ weekday, from, to })));
const res = (
  id: string,
  kind: ResourceKind,
  opening: ReturnType<typeof hours>,
  hotCellClass: HotCellClass | null = null,
): SchedulingResource => ({
  id,
  kind,
  name: id,
  hotCellId: hotCellClass ? id : null,
  hotCellClass,
  opening,
  active: true,
});
const RESOURCES: SchedulingResource[] = [
  res('PET-1', 'pet-scanner', hours('07:30', '19:00')),
  res('PET-2', 'pet-scanner', hours('07:30', '19:00')),
  res('GC-1', 'gamma-camera', hours('08:00', '18:00')),
  res('GC-2', 'gamma-camera', hours('08:00', '18:00')),
  ...[1, 2, 3, 4].map((n) => res(`ROOM-${n}`, 'shielded-room', hours('00:00', '24:00', [1, 2, 3, 4, 5, 6, 7]))),
  res('RES-HC-PET', 'hot-cell', hours('06:30', '18:30'), 'pet-fractionation'),
  res('RES-HC-GA68', 'hot-cell', hours('07:00', '17:00'), 'ga68-labelling'),
  res('RES-HC-SPECT', 'hot-cell', hours('07:30', '17:00'), 'low-medium-energy'),
  res('RES-HC-THERAPY', 'hot-cell', hours('07:30', '17:00'), 'therapy-high-energy'),
];
const RESOURCE_MAP = new Map(RESOURCES.map((r) => [r.id, r]));
const product = (
  id: string,
  nuclide: string,
  purpose: 'diagnostic' | 'therapeutic',
  hotCellClass: HotCellClass,
  shelfLifeMin: number,
): SchedulingProduct => ({
  id,
  name: id,
  nuclide,
  purpose,
  hotCellClass,
  shelfLifeMin,
});
const PRODUCTS = new Map(
  [
    product('ga68-psma11', 'Ga-68', 'diagnostic', 'ga68-labelling', 360),
    product('ga68-dotatoc', 'Ga-68', 'diagnostic', 'ga68-labelling', 240),
    product('f18-fdg', 'F-18', 'diagnostic', 'pet-fractionation', 600),
    product('f18-psma1007', 'F-18', 'diagnostic', 'pet-fractionation', 480),
    product('tc99m-mdp', 'Tc-99m', 'diagnostic', 'low-medium-energy', 480),
    product('lu177-psma617', 'Lu-177', 'therapeutic', 'therapy-high-energy', 7200),
    product('lu177-dotatate', 'Lu-177', 'therapeutic', 'therapy-high-energy', 4320),
  ].map((p) => [p.id, p]),
);

// ---------------------------------------------------------------------------------------------
// The year's requests (deterministic)

interface Request {
  request: Omit<BookingRequest, 'startsAtMs' | 'endsAtMs'>;
  kind: ResourceKind;
  durationMin: number;
  notBeforeMs: number;
}

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

function yearOfRequests(): { requests: Request[]; days: string[] } {
  const rand = rng(2026);
  const days: string[] = [];
  for (let d = `${YEAR}-01-01`; d <= `${YEAR}-12-31`; d = addDays(d, 1)) if (toLocal(localToInstant(d, 720)).weekday <= 5) days.push(d);
  const at = (date: string, hhmm: string) => localToInstant(date, Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)));
  const patients = 20_000;
  const patient = () => `p${Math.floor(rand() * patients)}`;
  const therapyPatient = () => `t${Math.floor(rand() * 110)}`;
  const requests: Request[] = [];
  const perDay = (n: number) => n / days.length;
  let petCarry = 0;
  let scintiCarry = 0;
  let therapyCarry = 0;
  const fixed = (
    resourceId: string,
    kind: BookingKind,
    productId: string | null,
    date: string,
    hhmm: string,
    durationMin: number,
    activityMBq: number | null,
    patientId: string | null = null,
  ): Request => ({
    request: { resourceId, kind, patientId, productId, preparationId: null, activityMBq },
    kind: RESOURCE_MAP.get(resourceId)!.kind,
    durationMin,
    notBeforeMs: at(date, hhmm),
  });
  for (const date of days) {
    // Hot cells: what the day's doses are drawn from.
    requests.push(fixed('RES-HC-PET', 'preparation', 'f18-fdg', date, '06:45', 45, null));
    // Ga-68 labellings, each yielding at end of synthesis what one elution of a ~1.85 GBq
    // Ge-68/Ga-68 generator allows (PSMA-11 1.4 GBq, DOTATOC 1.2 GBq).
    for (const [productId, from, mbq] of [
      ['ga68-psma11', '07:30', 1_400],
      ['ga68-dotatoc', '09:15', 1_200],
      ['ga68-psma11', '11:00', 1_400],
      ['ga68-psma11', '13:30', 1_400],
      ['ga68-psma11', '15:30', 1_400],
    ] as const)
      requests.push(fixed('RES-HC-GA68', 'preparation', productId, date, from, 45, mbq));
    requests.push(fixed('RES-HC-SPECT', 'preparation', 'tc99m-mdp', date, '07:45', 30, null));
    // PET: 28 % Ga-68 (PSMA-11 and DOTATOC), the rest F-18, 20-minute acquisitions (digital PET).
    petCarry += perDay(PET_PER_YEAR);
    const pets = Math.floor(petCarry);
    petCarry -= pets;
    for (let i = 0; i < pets; i++) {
      const u = rand();
      const productId = u < 0.2 ? 'ga68-psma11' : u < 0.28 ? 'ga68-dotatoc' : u < 0.4 ? 'f18-psma1007' : 'f18-fdg';
      // Ga-68 scans are wanted an hour after a labelling ends (uptake 60 min); F-18 any time.
      const wanted =
        productId === 'ga68-psma11'
          ? (['09:15', '12:45', '15:15', '17:15'] as const)[Math.floor(rand() * 4)]!
          : productId === 'ga68-dotatoc'
            ? '11:00'
            : `${String(7 + Math.floor(rand() * 11)).padStart(2, '0')}:${String(Math.floor(rand() * 12) * 5).padStart(2, '0')}`;
      requests.push({
        request: {
          resourceId: '',
          kind: 'pet-scan',
          patientId: patient(),
          productId,
          preparationId: null,
          activityMBq: productId.startsWith('ga68') ? 150 : 200,
        },
        kind: 'pet-scanner',
        durationMin: 20,
        notBeforeMs: at(date, wanted),
      });
    }
    scintiCarry += perDay(SCINTI_PER_YEAR);
    const scintis = Math.floor(scintiCarry);
    scintiCarry -= scintis;
    for (let i = 0; i < scintis; i++) {
      requests.push({
        request: {
          resourceId: '',
          kind: 'scintigraphy',
          patientId: patient(),
          productId: 'tc99m-mdp',
          preparationId: null,
          activityMBq: 650,
        },
        kind: 'gamma-camera',
        durationMin: 40,
        notBeforeMs: at(date, `${String(8 + Math.floor(rand() * 9)).padStart(2, '0')}:00`),
      });
    }
    // Radioligand admissions: 24 h in a shielded room, the dose prepared that morning, a SPECT/CT at 24 h.
    therapyCarry += perDay(TREATMENTS_PER_YEAR);
    const therapies = Math.floor(therapyCarry);
    therapyCarry -= therapies;
    for (let i = 0; i < therapies; i++) {
      const who = therapyPatient();
      const productId = rand() < 0.65 ? 'lu177-psma617' : 'lu177-dotatate';
      requests.push(fixed('RES-HC-THERAPY', 'preparation', productId, date, i === 0 ? '08:00' : '09:00', 45, 7_600));
      requests.push({
        request: { resourceId: '', kind: 'therapy-admission', patientId: who, productId, preparationId: null, activityMBq: 7_400 },
        kind: 'shielded-room',
        durationMin: 24 * 60,
        notBeforeMs: at(date, i === 0 ? '10:00' : '11:00'),
      });
      requests.push({
        request: { resourceId: '', kind: 'scintigraphy', patientId: who, productId, preparationId: null, activityMBq: null },
        kind: 'gamma-camera',
        durationMin: 30,
        notBeforeMs: at(addDays(date, 1), i === 0 ? '10:00' : '11:00'),
      });
    }
  }
  // The hot cells' preparations are planned ahead (standing labellings): all of them first, then
  // the patients' requests day by day, so a request spilling into the next day finds its labellings.
  const preparationsFirst = [
    ...requests.filter((r) => r.request.kind === 'preparation'),
    ...requests.filter((r) => r.request.kind !== 'preparation'),
  ];
  return { requests: preparationsFirst, days };
}

// ---------------------------------------------------------------------------------------------
// Scheduling: slot finder + conflict rules, retried later when refused

interface Scheduled {
  accepted: Booking[];
  unscheduled: number;
  refusals: number;
  refusalsByCode: Map<string, number>;
}

function schedule(requests: Request[], lookup: BookingLookup & { add(b: Booking): void }): Scheduled {
  const byKind = new Map<ResourceKind, SchedulingResource[]>();
  for (const r of RESOURCES) byKind.set(r.kind, [...(byKind.get(r.kind) ?? []), r]);
  const accepted: Booking[] = [];
  const refusalsByCode = new Map<string, number>();
  let unscheduled = 0;
  let refusals = 0;
  requests.forEach((req, n) => {
    const candidates = req.request.resourceId ? [RESOURCE_MAP.get(req.request.resourceId)!] : byKind.get(req.kind)!;
    let notBefore = req.notBeforeMs;
    for (let attempt = 0; attempt < 40; attempt++) {
      const slot = findNextSlot({
        resources: candidates,
        durationMin: req.durationMin,
        notBeforeMs: notBefore,
        lookup,
        patientId: req.request.patientId,
        horizonDays: 14,
      });
      if (!slot) break;
      const request: BookingRequest = { ...req.request, resourceId: slot.resourceId, startsAtMs: slot.startsAtMs, endsAtMs: slot.endsAtMs };
      const check = checkBooking(request, { resources: RESOURCE_MAP, products: PRODUCTS, lookup });
      if (check.ok) {
        const b: Booking = { ...request, id: `b${n}`, preparationId: check.preparationId ?? request.preparationId };
        lookup.add(b);
        accepted.push(b);
        return;
      }
      refusals++;
      for (const c of check.conflicts) refusalsByCode.set(c.code, (refusalsByCode.get(c.code) ?? 0) + 1);
      notBefore = slot.startsAtMs + 10 * 60_000;
    }
    unscheduled++;
  });
  return { accepted, unscheduled, refusals, refusalsByCode };
}

/** The conflict check alone, replayed booking by booking over a final schedule. */
function replay(bookings: Booking[], lookup: BookingLookup & { add(b: Booking): void }): number {
  let ok = 0;
  for (const b of bookings) {
    if (checkBooking(b, { resources: RESOURCE_MAP, products: PRODUCTS, lookup }).ok) ok++;
    lookup.add(b);
  }
  return ok;
}

async function benchYear(): Promise<void> {
  const t0 = performance.now();
  const { requests, days } = yearOfRequests();
  const genMs = performance.now() - t0;
  const count = (k: BookingKind) => requests.filter((r) => r.request.kind === k).length;
  console.log(
    `\nA year of the nuclear-medicine department (${YEAR}, ${days.length} working days, Europe/Paris): ${fmt(requests.length)} requests — ${fmt(count('pet-scan'))} PET scans, ${fmt(count('scintigraphy'))} scintigraphies, ${fmt(count('therapy-admission'))} radioligand admissions, ${fmt(count('preparation'))} preparations`,
  );
  console.log(
    `  (load average at start: ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}; request generation ${fmt(genMs)} ms, not timed below)`,
  );

  let t = performance.now();
  const indexed = schedule(requests, new BookingCalendar());
  const indexedMs = performance.now() - t;

  t = performance.now();
  const util = utilisationByMonth({ resources: RESOURCES, bookings: indexed.accepted, fromDate: `${YEAR}-01-01`, toDate: `${YEAR}-12-31` });
  const reportMs = performance.now() - t;

  t = performance.now();
  const naive = schedule(requests, new ScanLookup([]));
  const naiveMs = performance.now() - t;
  const same =
    naive.accepted.length === indexed.accepted.length &&
    naive.accepted.every((b, i) => {
      const a = indexed.accepted[i]!;
      return a.id === b.id && a.resourceId === b.resourceId && a.startsAtMs === b.startsAtMs && a.preparationId === b.preparationId;
    });

  t = performance.now();
  const replayIndexedOk = replay(indexed.accepted, new BookingCalendar());
  const replayIndexedMs = performance.now() - t;
  t = performance.now();
  const replayScanOk = replay(indexed.accepted, new ScanLookup([]));
  const replayScanMs = performance.now() - t;

  const acceptedOf = (k: BookingKind) => indexed.accepted.filter((b) => b.kind === k).length;
  const rows: Array<[string, string]> = [
    [
      'bookings made (PET / scintigraphy / admissions / preparations)',
      `${fmt(acceptedOf('pet-scan'))} / ${fmt(acceptedOf('scintigraphy'))} / ${fmt(acceptedOf('therapy-admission'))} / ${fmt(acceptedOf('preparation'))}`,
    ],
    ['requests left unscheduled after 40 tries', fmt(indexed.unscheduled)],
    [
      `refused tries (then retried later), by rule`,
      `${fmt(indexed.refusals)}: ${[...indexed.refusalsByCode].map(([k, v]) => `${k} ${fmt(v)}`).join(', ') || 'none'}`,
    ],
    [
      'Ga-68 PETs drawing from a same-day preparation',
      `${fmt(indexed.accepted.filter((b) => b.preparationId).length)} of ${fmt(indexed.accepted.filter((b) => b.productId?.startsWith('ga68') && b.kind === 'pet-scan').length)}`,
    ],
    ['SCHEDULE THE YEAR, indexed calendar (slot finder + every rule)', `${fmt(indexedMs / 1000, 2)} s`],
    ['REPORT utilisation per resource per month', `${fmt(reportMs)} ms (${fmt(util.length)} resource-months)`],
    ['  scheduled + reported', `${fmt((indexedMs + reportMs) / 1000, 2)} s`],
    ['BASELINE: same year, every lookup a scan of all bookings', `${fmt(naiveMs / 1000, 2)} s`],
    ['  same schedule as the indexed run', same ? 'yes' : 'NO'],
    ['SPEED-UP scheduling, indexed vs scan', `${fmt(naiveMs / indexedMs, 1)} ×`],
    [
      `conflict check alone, replayed over the ${fmt(indexed.accepted.length)} bookings: indexed`,
      `${fmt(replayIndexedMs)} ms (${fmt((replayIndexedMs * 1000) / indexed.accepted.length, 1)} µs per booking)`,
    ],
    ['  scan of all bookings', `${fmt(replayScanMs)} ms`],
    [
      '  ratio; every booking passes both',
      `${fmt(replayScanMs / replayIndexedMs, 1)} ×; ${replayIndexedOk === indexed.accepted.length && replayScanOk === indexed.accepted.length ? 'yes' : 'NO'}`,
    ],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
  if (!same) process.exitCode = 1;

  // Utilisation: booked share of open time, per resource (rows) and month (columns).
  const months = [...new Set(util.map((u) => u.month))].sort();
  const table = RESOURCES.map((r) => {
    const row: Record<string, string> = { resource: r.id };
    for (const m of months)
      // Month names, not "10": integer-like keys would be listed before every other column.
      row[new Date(`${m}-01T00:00:00Z`).toLocaleString('en', { month: 'short', timeZone: 'UTC' })] = `${Math.round((util.find((u) => u.resourceId === r.id && u.month === m)?.fraction ?? 0) * 100)}%`;
    const year = util.filter((u) => u.resourceId === r.id);
    row.year = `${Math.round(
      (100 * year.reduce((s, u) => s + u.bookedMinutes, 0)) /
        Math.max(
          1,
          year.reduce((s, u) => s + u.openMinutes, 0),
        ),
    )}%`;
    return row;
  });
  console.log(`\n  Utilisation (booked / open time) per resource and month, ${YEAR}:`);
  console.table(Object.fromEntries(table.map(({ resource, ...rest }) => [resource, rest])));
}

// ---------------------------------------------------------------------------------------------
// Dosimetry of one administration

async function benchDosimetry(): Promise<void> {
  const texts = Object.fromEntries(
    Object.entries(NUCMED_DATA_PATHS).map(([k, p]) => [k, readFileSync(join(REPO, p), 'utf8')]),
  ) as NucmedDataTexts;
  let t = performance.now();
  const data = loadDosimetryData(texts);
  const loadMs = performance.now() - t;
  const input = JSON.parse(
    readFileSync(join(REPO, 'packages/core/test/fixtures/nucmed/snmmi-2021-lu177-dosimetry-input.json'), 'utf8'),
  ) as {
    regions: { name: string; timesH: number[]; activitiesMBq: number[] }[];
  };
  const reference = runDosimetry(input, data);
  const models = new Map(reference.regions.map((r) => [r.name, r.model as TacModel]));

  // Baseline: the same fits, the time-integrated activity by a 1-minute trapezoid of the fitted
  // curve out to 20 of its slowest half-lives, instead of the analytic Σ c/λ.
  const numericTia = () =>
    input.regions.map((r) => {
      const fit = fitTimeActivity(r, { model: models.get(r.name)!, nuclide: 'Lu-177' });
      const slowest = Math.min(...(fit.terms ?? [{ lambdaPerH: Math.LN2 / 159.5, coefficientMBq: 0 }]).map((x) => x.lambdaPerH));
      const end = (20 * Math.LN2) / slowest;
      const step = 1 / 60;
      let sum = 0;
      let prev = evaluateFit(fit, 0);
      for (let h = step; h <= end; h += step) {
        const v = evaluateFit(fit, h);
        sum += ((prev + v) / 2) * step;
        prev = v;
      }
      return { name: r.name, tia: sum, analytic: fit.terms ? integrateTerms(fit.terms) : fit.tiaMBqH };
    });

  const runs = (fn: () => unknown, n: number) => {
    for (let i = 0; i < Math.min(50, n); i++) fn();
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      t = performance.now();
      fn();
      times.push(performance.now() - t);
    }
    return times.sort((a, b) => a - b);
  };
  const fast = runs(() => runDosimetry(input, data), DOSIMETRY_RUNS);
  const slowRuns = Math.max(20, Math.floor(DOSIMETRY_RUNS / 20));
  const slow = runs(numericTia, slowRuns);
  const agreement = Math.max(...numericTia().map((r) => Math.abs(r.tia / r.analytic - 1)));
  console.log(
    `\nDosimetry of one administration: runDosimetry on the SNMMI 2021 Lu-177 challenge patient (${input.regions.length} regions × 4 time points; fits, TIAs, S-value doses), ${fmt(DOSIMETRY_RUNS)} runs`,
  );
  console.table([
    {
      method: 'runDosimetry: fits + analytic TIA + S-value doses',
      'p50 ms': +percentile(fast, 50).toFixed(3),
      'p95 ms': +percentile(fast, 95).toFixed(3),
      'max ms': +percentile(fast, 100).toFixed(3),
    },
    {
      method: `baseline: same fits + 1-min trapezoid TIA (${fmt(slowRuns)} runs)`,
      'p50 ms': +percentile(slow, 50).toFixed(3),
      'p95 ms': +percentile(slow, 95).toFixed(3),
      'max ms': +percentile(slow, 100).toFixed(3),
    },
  ]);
  console.log(
    `  dosimetry data loaded once in ${fmt(loadMs)} ms; baseline / runDosimetry (p50) ${fmt(percentile(slow, 50) / percentile(fast, 50), 1)} ×; numeric vs analytic TIA within ${(agreement * 100).toFixed(3)} %; target < 1 ms per administration: ${percentile(fast, 50) < 1 ? 'met' : 'NOT met'} (p50)`,
  );
}

export async function benchTheranostics(): Promise<void> {
  await benchYear();
  await benchDosimetry();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await benchTheranostics();
