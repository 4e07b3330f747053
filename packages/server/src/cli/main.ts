import { ROLES, generateCohort, type Role } from '@continuum/core';
import { Command, InvalidArgumentError, Option } from 'commander';
import { createWriteStream } from 'node:fs';
import { AccountError, createAccount } from '../auth/accounts';
import { SYSTEM_ACTOR } from '../audit/record';
import { verifyAuditChain } from '../audit/verify';
import { readConfig } from '../config';
import { openPlatformDb } from '../platform';
import { DEFAULT_REFERENCE_DATE, seedCohort } from '../seed/seedCohort';
import { serve } from '../serve';
import { runMatch, type MatchCommandOptions } from './match';
import { registerGenomicsCommands } from './genomics';
import { registerNucmedCommands } from './nucmed';
import { readPassword } from './password';
import { progressBar } from './progress';

const positiveInt = (name: string) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`${name} must be a non-negative integer, got "${v}"`);
  return n;
};
const isoDate = (v: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v))) throw new InvalidArgumentError(`expected a date YYYY-MM-DD, got "${v}"`);
  return v;
};

/** `seed --out`: the same deterministic cohort, as patient NDJSON, with no database. */
async function writeCohortNdjson(file: string, o: { patients: number; seed: number; referenceDate: string }): Promise<void> {
  const out = createWriteStream(file);
  const bar = progressBar(o.patients, 'Writing patients');
  let n = 0;
  for (const p of generateCohort({ patients: o.patients, seed: o.seed, referenceDate: o.referenceDate })) {
    // Respect back-pressure: 52,000 records must not pile up in memory.
    if (!out.write(`${JSON.stringify(p)}\n`)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    if (++n % 500 === 0) bar.update(n);
  }
  bar.update(n);
  bar.stop();
  await new Promise<void>((resolve, reject) => {
    out.once('error', reject);
    out.end(resolve);
  });
  process.stdout.write(`Wrote ${n} patients to ${file}.\n`);
}

export async function main(argv: string[]): Promise<void> {
  const program = new Command('continuum').description('Continuum — clinical research platform for cancer centres');

  program.command('serve').description('run the platform (HTTP API + web app)').action(async () => {
    await serve(readConfig());
  });

  program
    .command('seed')
    .description('write a deterministic synthetic cohort and the trial catalogue into the database')
    .option('--patients <n>', 'number of patients', positiveInt('--patients'), 2000)
    .option('--seed <s>', 'random seed: the same seed gives the same cohort', positiveInt('--seed'), 42)
    .option('--reference-date <date>', 'date the cohort is generated as of', isoDate, DEFAULT_REFERENCE_DATE)
    .option('--out <file>', 'write the patients as Continuum patient NDJSON (one record per line) instead of into a database')
    .action(async (o: { patients: number; seed: number; referenceDate: string; out?: string }) => {
      if (o.out) {
        await writeCohortNdjson(o.out, o);
        return;
      }
      const db = await openPlatformDb(readConfig());
      const bar = progressBar(o.patients, 'Seeding patients');
      const t0 = performance.now();
      let matching: ReturnType<typeof progressBar> | undefined;
      let t1 = 0;
      try {
        const r = await seedCohort(db, {
          patients: o.patients, seed: o.seed, referenceDate: o.referenceDate, onProgress: bar.update,
          onMatchProgress: (n) => {
            if (!matching) {
              bar.stop();
              t1 = performance.now();
              matching = progressBar(o.patients, 'Matching patients');
            }
            matching.update(n);
          },
        });
        bar.stop();
        matching?.stop();
        const t2 = performance.now();
        const s = (t2 - t0) / 1000;
        process.stdout.write(`Wrote ${r.patients} patients and ${r.trials} trials in ${s.toFixed(1)} s (${Math.round(r.patients / s)} patients/s).\n`);
        process.stdout.write(`Stored the criteria of ${r.criteria} trials and ${r.matches} matches (matching took ${((t2 - (t1 || t2)) / 1000).toFixed(1)} s of it).\n`);
      } catch (e) {
        bar.stop();
        matching?.stop();
        throw e;
      } finally {
        await db.close();
      }
    });

  program
    .command('match')
    .description('match patients to CTML trials, without a server or a database')
    .requiredOption('--trials <path>', 'a CTML file (JSON or YAML) or a folder of them')
    .option('--patients <file>', 'Continuum patient NDJSON (one PatientRecord per line; see `seed --out`)')
    .option('--clinical <file>', 'MatchMiner clinical documents (JSON, MongoDB extended JSON or CSV)')
    .option('--genomic <file>', 'MatchMiner genomic documents (JSON, MongoDB extended JSON or CSV)')
    .option('--at <date>', 'reference date for ages, washouts and freshness windows (default: today)', isoDate)
    .option('--include-closed', 'also match closed trials and levels (status "closed")')
    .option('--include-deceased', 'also match deceased patients')
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'ndjson', 'csv']).default('json'))
    .option('--out <file>', 'write the rows to a file (default: standard output)')
    .option('--oncotree-mapping <file>', "read diagnoses with MatchMiner's oncotree_mapping.json instead of the shipped OncoTree")
    .action(async (o: MatchCommandOptions) => {
      process.exitCode = await runMatch(o);
    });

  const audit = program.command('audit').description('the audit trail');
  audit
    .command('verify')
    .description('recompute the hash chain; exit 0 if intact, 1 naming the first bad entry')
    .option('--head <hash>', 'the head hash recorded earlier (detects entries removed from the end)')
    .action(async (o: { head?: string }) => {
      const db = await openPlatformDb(readConfig());
      try {
        const v = await verifyAuditChain(db, o.head);
        if (v.ok) {
          process.stdout.write(`Audit chain intact: ${v.entries} entries, head ${v.headHash}\n`);
        } else {
          process.stderr.write(`Audit chain BROKEN at entry ${v.firstBadSeq}: ${v.problem} (${v.entries} entries verified before it)\n`);
          process.exitCode = 1;
        }
      } finally {
        await db.close();
      }
    });

  const admin = program.command('admin').description('accounts');
  admin
    .command('create')
    .description('create an account (the first admin of a production install); the password is read from a prompt or stdin')
    .requiredOption('--username <name>', 'sign-in name')
    .option('--display-name <name>', 'name shown in the app and the audit trail')
    .option('--role <role>', `one of ${ROLES.join(', ')}`, 'admin')
    .option('--sponsor <name>', 'for sponsor accounts: the sponsor whose trials it may see')
    .action(async (o: { username: string; displayName?: string; role: string; sponsor?: string }) => {
      if (!ROLES.includes(o.role as Role)) throw new InvalidArgumentError(`--role must be one of ${ROLES.join(', ')}, got "${o.role}"`);
      const password = await readPassword('Password (12+ characters): ');
      const db = await openPlatformDb(readConfig());
      try {
        const created = await createAccount(db, SYSTEM_ACTOR, {
          username: o.username, displayName: o.displayName ?? o.username, role: o.role as Role, password, sponsor: o.sponsor ?? null,
        });
        process.stdout.write(`Created ${o.role} account "${created.username}".\n`);
      } catch (e) {
        if (e instanceof AccountError) {
          process.stderr.write(`error: ${e.message}\n`);
          process.exitCode = 2;
          return;
        }
        throw e;
      } finally {
        await db.close();
      }
    });

  program.command('migrate').description('apply pending database migrations').action(async () => {
    const db = await openPlatformDb(readConfig());
    await db.close();
    process.stdout.write('Database is up to date.\n');
  });

  registerGenomicsCommands(program);
  registerNucmedCommands(program);
  await program.parseAsync(argv);
}
