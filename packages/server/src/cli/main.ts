import { ROLES, type Role } from '@continuum/core';
import { Command, InvalidArgumentError } from 'commander';
import { AccountError, createAccount } from '../auth/accounts';
import { SYSTEM_ACTOR } from '../audit/record';
import { verifyAuditChain } from '../audit/verify';
import { readConfig } from '../config';
import { openPlatformDb } from '../platform';
import { DEFAULT_REFERENCE_DATE, seedCohort } from '../seed/seedCohort';
import { serve } from '../serve';
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
    .action(async (o: { patients: number; seed: number; referenceDate: string }) => {
      const db = await openPlatformDb(readConfig());
      const bar = progressBar(o.patients, 'Seeding patients');
      const t0 = performance.now();
      try {
        const r = await seedCohort(db, { patients: o.patients, seed: o.seed, referenceDate: o.referenceDate, onProgress: bar.update });
        bar.stop();
        const s = (performance.now() - t0) / 1000;
        process.stdout.write(`Wrote ${r.patients} patients and ${r.trials} trials in ${s.toFixed(1)} s (${Math.round(r.patients / s)} patients/s).\n`);
      } catch (e) {
        bar.stop();
        throw e;
      } finally {
        await db.close();
      }
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

  await program.parseAsync(argv);
}
