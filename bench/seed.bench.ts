/**
 * Seeding throughput at the centre's scale: 52,000 patients (DOMAIN.md: 52,257 followed a year).
 * Measures, in one run: (1) generation alone; (2) generation + bulk write (json_to_recordset
 * batches, one transaction) into a fresh embedded PGlite; (3) the baseline — the same rows
 * written one INSERT per row — on a subsample, and prints the throughput ratio.
 */
import { TRIAL_CATALOGUE, generateCohort } from '@continuum/core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SYSTEM_ACTOR } from '../packages/server/src/audit/record';
import { openPglite, type Db, type Queryable } from '../packages/server/src/db/driver';
import { openScratchPostgres } from '../packages/server/src/db/scratch';
import { migrate } from '../packages/server/src/db/migrate';
import { addPatientRows, upsertTrials, writeCohort } from '../packages/server/src/seed/writeCohort';
import { COHORT_TABLES } from '../packages/server/src/seed/tables';

const PATIENTS = Number(process.env.BENCH_PATIENTS ?? 52_000);
const BASELINE_PATIENTS = Number(process.env.BENCH_BASELINE_PATIENTS ?? 1_000);
const REFERENCE_DATE = '2026-11-01';

/** The naive writer: same rows, one parameterised INSERT each. */
class RowByRowWriter {
  constructor(private readonly tx: Queryable) {}
  async add(table: string, row: Record<string, unknown>) {
    const cols = COHORT_TABLES[table]!;
    const values = cols.map(([name, type]) => (type === 'jsonb' ? JSON.stringify(row[name] ?? null) : (row[name] ?? null)));
    await this.tx.query(`insert into ${table} (${cols.map(([n]) => n).join(', ')}) values (${cols.map((_, i) => `$${i + 1}`).join(', ')})`, values);
  }
}

async function freshDb() {
  const dir = mkdtempSync(join(tmpdir(), 'continuum-bench-'));
  const db = await openPglite(join(dir, 'pgdata'));
  await migrate(db);
  return { db, dispose: async () => { await db.close(); rmSync(dir, { recursive: true, force: true }); } };
}

/** A fresh database on the PostgreSQL server named by BENCH_DATABASE_URL, when there is one. */
async function freshPostgres() {
  const adminUrl = process.env.BENCH_DATABASE_URL;
  if (!adminUrl) return null;
  return openScratchPostgres(adminUrl, 'continuum_bench');
}

async function timedWrite(db: Db, patients: number): Promise<number> {
  const t0 = performance.now();
  await writeCohort(db, {
    trials: TRIAL_CATALOGUE,
    patients: generateCohort({ patients, seed: 42, referenceDate: REFERENCE_DATE }),
    description: { bench: true },
    actor: SYSTEM_ACTOR,
    onProgress: (w) => {
      if (w % 10_000 === 0) process.stderr.write(`  … ${w} patients written (${db.kind})\n`);
    },
  });
  return (performance.now() - t0) / 1000;
}

export async function benchSeed(): Promise<void> {
  let t0 = performance.now();
  let n = 0;
  for (const _ of generateCohort({ patients: PATIENTS, seed: 42, referenceDate: REFERENCE_DATE })) n++;
  const genSeconds = (performance.now() - t0) / 1000;

  const a = await freshDb();
  const bulkSeconds = await timedWrite(a.db, PATIENTS);
  const rows = (await a.db.query<{ n: number }>(
    `select (select count(*) from patient) + (select count(*) from condition) + (select count(*) from lab_result) + (select count(*) from performance_status)
          + (select count(*) from therapy_line) + (select count(*) from molecular_report) + (select count(*) from alteration)
          + (select count(*) from clinical_document) + (select count(*) from trial_participation) + (select count(*) from patient_identity) as n`,
  )).rows[0]!.n;
  await a.dispose();

  const server = await freshPostgres();
  const pgSeconds = server ? await timedWrite(server.db, PATIENTS) : null;
  await server?.dispose();

  // Baseline on a subsample, through the same generator and row mapping, one INSERT per row.
  const b = await freshDb();
  t0 = performance.now();
  await b.db.transaction(async (tx) => {
    await upsertTrials(tx, TRIAL_CATALOGUE);
    const naive = new RowByRowWriter(tx);
    const trialIds = new Map((await tx.query<{ id: string; protocol_number: string }>('select id, protocol_number from trial')).rows.map((r) => [r.protocol_number, r.id]));
    for (const p of generateCohort({ patients: BASELINE_PATIENTS, seed: 42, referenceDate: REFERENCE_DATE })) await addPatientRows(naive, p, trialIds);
  });
  const naiveSeconds = (performance.now() - t0) / 1000;
  await b.dispose();

  const bulkRate = PATIENTS / bulkSeconds;
  const naiveRate = BASELINE_PATIENTS / naiveSeconds;
  console.log('\nSeeding the synthetic cohort (embedded PGlite, one transaction)');
  console.table([
    { step: 'generate only (core)', patients: n, seconds: +genSeconds.toFixed(2), 'patients/s': Math.round(n / genSeconds) },
    { step: 'generate + bulk write (PGlite)', patients: PATIENTS, seconds: +bulkSeconds.toFixed(2), 'patients/s': Math.round(bulkRate), rows },
    ...(pgSeconds != null
      ? [{ step: 'generate + bulk write (PostgreSQL)', patients: PATIENTS, seconds: +pgSeconds.toFixed(2), 'patients/s': Math.round(PATIENTS / pgSeconds), rows }]
      : []),
    { step: 'baseline: row-by-row INSERT', patients: BASELINE_PATIENTS, seconds: +naiveSeconds.toFixed(2), 'patients/s': Math.round(naiveRate) },
  ]);
  console.log(`bulk vs row-by-row throughput: ${(bulkRate / naiveRate).toFixed(1)}×`);
  console.log(`generation of ${PATIENTS} patients: ${genSeconds.toFixed(1)} s (target < 60 s: ${genSeconds < 60 ? 'met' : 'NOT met'})`);
  if (!server) console.log('(set BENCH_DATABASE_URL to a PostgreSQL URL with CREATEDB rights to measure the PostgreSQL write too)');
}
