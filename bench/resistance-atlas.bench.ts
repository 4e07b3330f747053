/**
 * The resistance atlas at the centre's scale: 52,000 patients (DOMAIN.md) written by the seed's
 * bulk writer into a fresh file-backed PGlite (and PostgreSQL when BENCH_DATABASE_URL is set),
 * then, on each database:
 *   - cold: read every candidate patient (≥ 2 reports and a line that ended) in four queries
 *     and build each genomic timeline with core (what the first request after a write pays);
 *   - warm: a request served from the cache — the fingerprint query, the reviews, and core's
 *     grouping of the cached cases (what every other request pays);
 *   - baseline: the obvious way, one patient at a time (loadTimelinePatient per candidate, three
 *     queries each) on a subsample, extrapolated to all candidates.
 * `npx tsx bench/resistance-atlas.bench.ts` (BENCH_ATLAS_PATIENTS, BENCH_ATLAS_BASELINE scale it).
 * Prints a table and ratios; asserts nothing about time.
 */
import { buildGenomicTimeline, buildResistanceAtlas, generateCohort, resistanceCasesOf, TRIAL_CATALOGUE } from '@continuum/core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SYSTEM_ACTOR } from '../packages/server/src/audit/record';
import { openPglite, type Db } from '../packages/server/src/db/driver';
import { migrate } from '../packages/server/src/db/migrate';
import { openScratchPostgres } from '../packages/server/src/db/scratch';
import { loadShippedGenomicsKnowledge } from '../packages/server/src/genomics/knowledge';
import { atlasSnapshot } from '../packages/server/src/genomics/resistance-atlas';
import { caseReviewOf, loadReviews } from '../packages/server/src/genomics/resistance-reviews';
import { loadAtlasPatients, loadTimelinePatient } from '../packages/server/src/genomics/timeline-input';
import { writeCohort } from '../packages/server/src/seed/writeCohort';

const PATIENTS = Number(process.env.BENCH_ATLAS_PATIENTS ?? 52_000);
const BASELINE = Number(process.env.BENCH_ATLAS_BASELINE ?? 500);
const WARM_RUNS = 20;

const ms = (t0: number) => performance.now() - t0;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function seeded(db: Db): Promise<number> {
  const t0 = performance.now();
  await writeCohort(db, {
    trials: TRIAL_CATALOGUE,
    patients: generateCohort({ patients: PATIENTS, seed: 42, referenceDate: '2026-11-01' }),
    description: { bench: 'resistance-atlas' },
    actor: SYSTEM_ACTOR,
    onProgress: (w) => {
      if (w % 10_000 === 0) process.stderr.write(`  … ${w} patients written (${db.kind})\n`);
    },
  });
  return ms(t0) / 1000;
}

async function measure(db: Db) {
  const { kb, resistance } = loadShippedGenomicsKnowledge();
  const cpu0 = process.cpuUsage();
  let t0 = performance.now();
  const patients = await loadAtlasPatients(db);
  const loadMs = ms(t0);
  t0 = performance.now();
  let cases = 0;
  for (const p of patients)
    cases += resistanceCasesOf(p, buildGenomicTimeline(p.input, { reference: resistance, kb, series: false })).length;
  const buildMs = ms(t0);
  const cpu = process.cpuUsage(cpu0);

  // The route's path: first call computes and caches, the next ones are warm.
  t0 = performance.now();
  const first = await atlasSnapshot(db);
  const coldMs = ms(t0);
  const warm: number[] = [];
  for (let i = 0; i < WARM_RUNS; i++) {
    t0 = performance.now();
    const [snap, reviews] = await Promise.all([atlasSnapshot(db), loadReviews(db)]);
    if (!snap.cached) throw new Error('the second request should be served from the cache');
    buildResistanceAtlas(snap.cases.map((c) => (reviews.has(c.key) ? { ...c, review: caseReviewOf(reviews.get(c.key)!) } : c)));
    warm.push(ms(t0));
  }
  const fingerprint: number[] = [];
  for (let i = 0; i < WARM_RUNS; i++) {
    t0 = performance.now();
    await atlasSnapshot(db);
    fingerprint.push(ms(t0));
  }

  // One new report for one candidate: only that patient is read and rebuilt.
  const one = patients[0]!;
  await db.query(
    `insert into molecular_report (patient_id, specimen, panel, reported_at, tumour_fraction, source, observed_at, recorded_at, recorded_by)
     values ($1, 'ctdna', 'bench panel', '2026-10-30', 0.05, 'bench', '2026-10-30', now(), 'bench')`,
    [one.id],
  );
  t0 = performance.now();
  const incremental = await atlasSnapshot(db);
  const incrementalMs = ms(t0);
  if (incremental.cached || incremental.patientsRecomputed !== 1)
    throw new Error(`expected one patient recomputed, got ${incremental.patientsRecomputed}`);

  // Baseline: patient by patient, on a subsample of the same candidates.
  const sample = patients.slice(0, BASELINE);
  t0 = performance.now();
  for (const p of sample) {
    const one = (await loadTimelinePatient(db, p.id))!;
    resistanceCasesOf(one, buildGenomicTimeline(one.input, { reference: resistance, kb, series: false }));
  }
  const perPatientMs = ms(t0) / Math.max(1, sample.length);

  return {
    candidates: patients.length,
    cases,
    atlasCases: first.cases.length,
    loadMs,
    buildMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    coldMs,
    warmMs: median(warm),
    fingerprintMs: median(fingerprint),
    incrementalMs,
    baselineMs: perPatientMs * patients.length,
  };
}

export async function benchResistanceAtlas(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'continuum-atlas-'));
  const lite = await openPglite(join(dir, 'pgdata'));
  await migrate(lite);
  const server = process.env.BENCH_DATABASE_URL ? await openScratchPostgres(process.env.BENCH_DATABASE_URL, 'continuum_atlas_bench') : null;
  try {
    const rows = [];
    for (const db of [lite, ...(server ? [server.db] : [])]) {
      const writeSeconds = await seeded(db);
      const m = await measure(db);
      rows.push({ db: db.kind, writeSeconds, ...m });
    }
    console.log(`\nResistance atlas over ${PATIENTS.toLocaleString('en-GB')} synthetic patients (seed 42)`);
    console.table(
      rows.flatMap((r) => [
        { database: r.db, step: `read ${r.candidates} candidate patients (4 queries)`, ms: Math.round(r.loadMs) },
        { database: r.db, step: `build their timelines (core) → ${r.cases} cases`, ms: Math.round(r.buildMs) },
        { database: r.db, step: 'cold request: compute + cache (atlasSnapshot)', ms: Math.round(r.coldMs) },
        { database: r.db, step: 'warm request: fingerprint + reviews + grouping (median)', ms: +r.warmMs.toFixed(1) },
        { database: r.db, step: 'fingerprint query alone (median)', ms: +r.fingerprintMs.toFixed(1) },
        { database: r.db, step: 'after one new report: signatures + 1 patient rebuilt', ms: Math.round(r.incrementalMs) },
        { database: r.db, step: `baseline: patient by patient (${BASELINE} measured, extrapolated)`, ms: Math.round(r.baselineMs) },
      ]),
    );
    for (const r of rows) {
      console.log(
        `${r.db}: cold ${(r.coldMs / 1000).toFixed(1)} s (CPU ${(r.cpuMs / 1000).toFixed(1)} s for read + build), warm ${r.warmMs.toFixed(0)} ms; ` +
          `bulk read vs patient by patient: ${(r.baselineMs / (r.loadMs + r.buildMs)).toFixed(1)}×; cached vs cold: ${(r.coldMs / r.warmMs).toFixed(0)}×`,
      );
    }
  } finally {
    await lite.close();
    rmSync(dir, { recursive: true, force: true });
    await server?.dispose();
  }
  if (!server) console.log('(set BENCH_DATABASE_URL to a PostgreSQL URL with CREATEDB rights to measure PostgreSQL too)');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await benchResistanceAtlas();
