/**
 * Genomics commands: `annotate FILE --tumor-type CODE` (no database, no server) and
 * `import genomics FILE` (into the configured database, all or nothing, progress on stderr).
 * Registered on the program by main.ts; the work itself lives in ../genomics.
 */
import { GenomicsParseError, UnknownGeneError, UnknownOncoTreeCodeError, normaliseBuild, type GenomeBuild } from '@continuum/core';
import { Command, InvalidArgumentError, Option } from 'commander';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { userInfo } from 'node:os';
import type { Actor } from '../audit/record';
import { readConfig } from '../config';
import { annotateFileWithOncoKb, requireTumourType } from '../genomics/annotate-file';
import { OncoKbError, oncoKbFromEnv } from '../genomics/oncokb-client';
import { formatAnnotationTable } from '../genomics/annotation-table';
import { importGenomicFile } from '../genomics/import';
import { GenomicsImportError } from '../genomics/import-errors';
import { loadShippedGenomicsKnowledge } from '../genomics/knowledge';
import { Matcher } from '../matching/matcher';
import { codeOrNameHierarchy } from '../matching/oncotree';
import { openPlatformDb } from '../platform';
import { loadOncoTree } from '../reference';
import { progressBar } from './progress';

const build = (v: string): GenomeBuild => {
  const b = normaliseBuild(v);
  if (!b) throw new InvalidArgumentError(`expected GRCh37 or GRCh38, got "${v}"`);
  return b;
};
const isoDate = (v: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v)))
    throw new InvalidArgumentError(`expected a date YYYY-MM-DD, got "${v}"`);
  return v;
};
const specimenOption = () => new Option('--specimen <kind>', 'specimen, when the file does not say').choices(['tissue', 'ctdna']);

/** Bad input is the user's to fix: one line (or list) on stderr and exit code 1, no stack trace. */
async function reportingInputErrors(fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (e) {
    const known =
      e instanceof GenomicsParseError ||
      e instanceof GenomicsImportError ||
      e instanceof UnknownOncoTreeCodeError ||
      e instanceof UnknownGeneError ||
      e instanceof OncoKbError;
    if (!known) throw e;
    process.stderr.write(`error: ${(e as Error).message}\n`);
    process.exitCode = 1;
  }
}

function requireFile(path: string): void {
  if (!existsSync(path)) throw new GenomicsParseError({ file: path }, 'no such file');
  if (!statSync(path).isFile()) throw new GenomicsParseError({ file: path }, 'not a file');
}

/** `--sample-map`: a two-column tab-separated file, sample id → pseudonym (a "sample" header row is skipped). */
function readSampleMap(path: string): Map<string, string> {
  requireFile(path);
  const map = new Map<string, string>();
  readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .forEach((line, i) => {
      if (line.trim() === '' || line.startsWith('#')) return;
      const [sample, pseudonym, ...rest] = line.split('\t').map((c) => c.trim());
      if (i === 0 && sample?.toLowerCase() === 'sample') return;
      if (!sample || !pseudonym || rest.some((c) => c !== '')) {
        throw new GenomicsParseError({ file: path, line: i + 1 }, 'expected two tab-separated columns: sample id, patient pseudonym');
      }
      map.set(sample, pseudonym);
    });
  return map;
}

/** The CLI has no signed-in account: the audit names the operating-system user who ran it. */
function cliActor(): Actor {
  let user = 'unknown';
  try {
    user = userInfo().username;
  } catch {
    // No passwd entry (some containers): "unknown" is the honest answer.
  }
  return { id: null, username: `cli:${user}`, role: 'system' };
}

export function registerGenomicsCommands(program: Command): void {
  program
    .command('annotate')
    .description('annotate a VCF, MAF or panel report JSON with the bundled knowledge (no database): evidence, ESCAT suggestion, flags')
    .argument('<file>', 'VCF, MAF, cBioPortal CNA/SV, FHIR genomics Bundle or panel report JSON')
    .requiredOption('--tumor-type <code>', "the patient's OncoTree code, e.g. LUAD")
    .addOption(new Option('--format <format>', 'output').choices(['table', 'json']).default('table'))
    .option('--sample <id>', 'only this sample of a multi-sample file')
    .addOption(specimenOption())
    .option('--build <build>', 'genome build the file is in, when it does not say (GRCh37 or GRCh38)', build)
    .option('--all-evidence', 'evidence from other tumour types at every level (default: A, B and approvals only)')
    .addHelpText(
      'after',
      '\nWith ONCOKB_API_TOKEN set (a licensed OncoKB token; ONCOKB_API_URL to override the address), OncoKB levels are added as a source.',
    )
    .action(
      (
        file: string,
        o: {
          tumorType: string;
          format: 'table' | 'json';
          sample?: string;
          specimen?: 'tissue' | 'ctdna';
          build?: GenomeBuild;
          allEvidence?: boolean;
        },
      ) =>
        reportingInputErrors(async () => {
          // `annotate … | head` closes the pipe early: that is the reader's choice, not an error.
          process.stdout.on('error', (e: NodeJS.ErrnoException) => {
            if (e.code === 'EPIPE') process.exit(0);
            throw e;
          });
          const knowledge = loadShippedGenomicsKnowledge();
          const tumourType = requireTumourType(knowledge, o.tumorType);
          requireFile(file);
          const oncoKb = oncoKbFromEnv();
          const { annotations, kb } = await annotateFileWithOncoKb(file, file, {
            tumourType,
            knowledge,
            ...(o.specimen ? { specimen: o.specimen } : {}),
            ...(o.sample !== undefined ? { sampleId: o.sample } : {}),
            ...(o.build ? { build: o.build } : {}),
            ...(o.allEvidence ? { allEvidence: true } : {}),
            ...(oncoKb ? { oncoKb } : {}),
          });
          if (o.format === 'json') {
            process.stdout.write(`${JSON.stringify(annotations, null, 2)}\n`);
            return;
          }
          const tumour = knowledge.kb.oncotree.get(tumourType)!;
          const sources = kb
            .versions()
            .map((v) => `${v.source} ${v.version}`)
            .join('; ');
          process.stdout.write(
            formatAnnotationTable(annotations, `${basename(file)} — ${tumourType} (${tumour.name}) — knowledge: ${sources}`),
          );
        }),
    );

  const importCommand =
    program.commands.find((c) => c.name() === 'import') ?? program.command('import').description('load data files into the database');
  importCommand
    .command('genomics')
    .description('load a genomic file into the database: one molecular report per sample, all or nothing, one audit entry')
    .argument('<file>', 'VCF, MAF, cBioPortal CNA/SV, FHIR genomics Bundle or panel report JSON')
    .option('--patient <pseudonym>', 'the patient every record belongs to (one-sample files)')
    .option('--sample-map <file>', 'tab-separated sample id → patient pseudonym (default: sample ids are pseudonyms)')
    .option('--create-patients', 'create pseudonymised patients for samples naming no known patient')
    .addOption(specimenOption())
    .option('--panel <name>', 'panel or assay, when the file does not say')
    .option('--reported-at <date>', 'report date, when the file does not say (default: today)', isoDate)
    .option('--build <build>', 'genome build the file is in; a file declaring another is refused', build)
    .option('--allow-unknown-genes', 'store unknown gene symbols as written instead of refusing the file')
    .option('--reason <text>', 'why: recorded in the audit entry')
    .option('--no-rematch', "do not re-match the patients' trials in the import's transaction")
    .action(
      (
        file: string,
        o: {
          patient?: string;
          sampleMap?: string;
          createPatients?: boolean;
          specimen?: 'tissue' | 'ctdna';
          panel?: string;
          reportedAt?: string;
          build?: GenomeBuild;
          allowUnknownGenes?: boolean;
          reason?: string;
          rematch: boolean;
        },
      ) =>
        reportingInputErrors(async () => {
          requireFile(file);
          const sampleMap = o.sampleMap ? readSampleMap(o.sampleMap) : undefined;
          const size = statSync(file).size;
          const db = await openPlatformDb(readConfig());
          // A bar only when there is time to watch it; a panel report is done before it would draw.
          const bar = size >= 1_000_000 ? progressBar(Math.ceil(size / 1_000_000), `Importing ${basename(file)} (MB)`) : undefined;
          const matcher = o.rematch ? new Matcher({ oncotree: codeOrNameHierarchy(loadOncoTree()) }) : undefined;
          try {
            const r = await importGenomicFile(db, file, {
              actor: cliActor(),
              ...(o.patient ? { patient: o.patient } : {}),
              ...(sampleMap ? { pseudonymFor: (s: string) => sampleMap.get(s) } : {}),
              ...(o.createPatients ? { createPatients: true } : {}),
              ...(o.specimen ? { specimen: o.specimen } : {}),
              ...(o.panel ? { panel: o.panel } : {}),
              ...(o.reportedAt ? { reportedAt: o.reportedAt } : {}),
              ...(o.build ? { build: o.build } : {}),
              ...(o.allowUnknownGenes ? { allowUnknownGenes: true } : {}),
              ...(o.reason ? { reason: o.reason } : {}),
              ...(bar ? { onProgress: (read: number) => bar.update(Math.floor(read / 1_000_000)) } : {}),
              ...(matcher
                ? {
                    afterWrite: async (tx, ids) => {
                      bar?.stop();
                      const mbar = ids.length >= 500 ? progressBar(ids.length, 'Re-matching patients') : undefined;
                      try {
                        await matcher.rematch(tx, { patientIds: ids }, mbar?.update);
                      } finally {
                        mbar?.stop();
                      }
                    },
                  }
                : {}),
            });
            bar?.stop();
            for (const w of r.warnings) process.stderr.write(`warning: ${w}\n`);
            if (r.unknownGenes.length > 0) {
              process.stderr.write(
                `warning: ${r.unknownGenes.length} unknown gene symbol(s) stored as written: ${r.unknownGenes.map((g) => g.symbol).join(', ')}\n`,
              );
            }
            process.stdout.write(
              `Imported ${r.file} (${r.format}${r.build ? `, ${r.build}` : ''}; SHA-256 ${r.sha256}): ` +
                `${r.samples} sample(s) → ${r.patients} patient(s) (${r.patientsCreated} created), ${r.reports} report(s), ` +
                `${r.alterations} alteration(s) stored, ${r.recordsNotStored} record(s) not stored (not protein-altering, gains/shallow losses) ` +
                `in ${(r.timings.totalMs / 1000).toFixed(1)} s.\n`,
            );
          } finally {
            bar?.stop();
            await db.close();
          }
        }),
    );
}
