/**
 * The genomic import service: one file → molecular_report and alteration rows, all or nothing.
 *
 * One transaction holds the whole import: a malformed line on row 900,000 of a cohort MAF rolls
 * back the 899,999 before it. Rows travel in json_to_recordset batches (seed/bulk.ts); one
 * molecular_report per sample, with provenance source `import:<file name>`; one audit entry for
 * the file (name, SHA-256, counts); the touched patients' facts version is bumped so their
 * stored trial matches are known to be stale, and the caller may re-match them in the same
 * transaction (`afterWrite`).
 *
 * Samples map to patient pseudonyms: `patient` (every record, one-sample files), else
 * `pseudonymFor(sample)` (default: the sample id is the pseudonym). Unknown pseudonyms are
 * created when `createPatients` is set, else listed in the error. Unknown gene symbols are
 * listed with suggestions and refuse the import unless `allowUnknownGenes`.
 */
import { type GenomeBuild, type GenomicFileFormat, type GenomicsKnowledge, type ParsedGenomicFile } from '@continuum/core';
import { createHash, randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { appendAudit, type Actor } from '../audit/record';
import type { Db, Queryable } from '../db/driver';
import { queueCasesForReports } from '../mtb/cases';
import { bulkInsert } from '../seed/bulk';
import { COHORT_TABLES } from '../seed/tables';
import { GenomicsImportError, listSome } from './import-errors';
import { loadShippedGenomicsKnowledge } from './knowledge';
import { readGenomicChunks } from './read-file';
import { GeneNormaliser, isStoredRecord, storedAlteration, type UnknownGene } from './stored-records';

export interface GenomicImportOptions {
  /** Pseudonym of the patient every record belongs to (single-sample files). */
  patient?: string;
  /** Sample id → pseudonym, for files whose sample ids are not pseudonyms; identity by default. */
  pseudonymFor?: (sampleId: string) => string | undefined;
  /** Create pseudonymised patients for pseudonyms not in the database. */
  createPatients?: boolean;
  /** Used when the file does not say; a file that says otherwise is refused. Default tissue. */
  specimen?: 'tissue' | 'ctdna';
  panel?: string;
  /** ISO date of the report, when the file has none; default: the import date. */
  reportedAt?: string;
  build?: GenomeBuild;
  allowUnknownGenes?: boolean;
  /** Why: the audit entry's reason. */
  reason?: string;
  actor: Actor;
  /** File name for provenance and the audit; default the path's base name. */
  fileName?: string;
  knowledge?: Pick<GenomicsKnowledge, 'genes'>;
  /** Rows per json_to_recordset statement. */
  batchSize?: number;
  chunkLines?: number;
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** Runs in the import's transaction after the audit entry, with every patient touched (e.g. re-matching). */
  afterWrite?: (tx: Queryable, patientIds: string[]) => Promise<void>;
  now?: () => Date;
}

export interface GenomicImportResult {
  file: string;
  sha256: string;
  format: GenomicFileFormat;
  build?: GenomeBuild;
  samples: number;
  patients: number;
  patientsCreated: number;
  reports: number;
  alterations: number;
  recordsRead: number;
  /** Synonymous, intronic, UTR … calls, gains and shallow losses: read, not stored. */
  recordsNotStored: number;
  /** Unknown symbols stored as written (only with allowUnknownGenes). */
  unknownGenes: UnknownGene[];
  warnings: string[];
  reportIds: string[];
  /** Where the time went: reading + parsing, and mapping + writing rows. */
  timings: { parseMs: number; writeMs: number; totalMs: number; parseCpuMs: number; writeCpuMs: number; cpuMs: number };
}

const TABLES = {
  patient: COHORT_TABLES.patient!,
  molecular_report: COHORT_TABLES.molecular_report!,
  alteration: COHORT_TABLES.alteration!,
};
type Table = keyof typeof TABLES;

/**
 * Rows buffered per table and written in json_to_recordset batches, parents first (a batch of
 * alterations may reference reports and patients still in their buffers). `add` is synchronous:
 * a million awaited calls cost more than the flushes they would rarely trigger.
 */
class RowBuffers {
  private readonly rows: Record<Table, Record<string, unknown>[]> = { patient: [], molecular_report: [], alteration: [] };

  constructor(
    private readonly tx: Queryable,
    private readonly batchSize: number,
  ) {}

  add(table: Table, row: Record<string, unknown>): void {
    this.rows[table].push(row);
  }

  get full(): boolean {
    return this.rows.alteration.length >= this.batchSize || this.rows.molecular_report.length >= this.batchSize;
  }

  async flush(): Promise<void> {
    for (const table of Object.keys(TABLES) as Table[]) {
      const all = this.rows[table];
      this.rows[table] = [];
      for (let i = 0; i < all.length; i += this.batchSize)
        await bulkInsert(this.tx, table, TABLES[table], all.slice(i, i + this.batchSize));
    }
  }
}

const MAX_WARNINGS = 50;

interface SampleReport {
  reportId: string;
  patientId: string;
}

export async function importGenomicFile(db: Db, path: string, options: GenomicImportOptions): Promise<GenomicImportResult> {
  const t0 = performance.now();
  // CPU time too: PGlite runs in this process, so on a shared machine it says what wall time cannot.
  const cpu0 = process.cpuUsage();
  const file = options.fileName ?? basename(path);
  const knowledge = options.knowledge ?? loadShippedGenomicsKnowledge();
  const genes = new GeneNormaliser(knowledge.genes);
  const hash = createHash('sha256');
  const now = (options.now ?? (() => new Date()))();
  const recordedAt = now.toISOString();
  const importDate = recordedAt.slice(0, 10);
  const source = `import:${file}`;

  return db.transaction(async (tx) => {
    const writer = new RowBuffers(tx, options.batchSize ?? 5000);
    const patientIds = new Map<string, string>(); // pseudonym → id
    const created = new Set<string>();
    const unknownSamples = new Map<string, string>(); // sample → pseudonym
    const reports = new Map<string, SampleReport>(); // sample key → report
    const warnings: string[] = [];
    let format: GenomicFileFormat | undefined;
    let build: GenomeBuild | undefined;
    let recordsRead = 0;
    let alterations = 0;
    let parseMs = 0;
    let writeMs = 0;
    let parseCpuMs = 0;
    let writeCpuMs = 0;
    // Once the import is known to fail, parsing goes on (to list every problem) but writing stops.
    let failing = false;

    const pseudonymOf = (sample: string): string => {
      if (options.patient) return options.patient;
      if (sample === '') {
        throw new GenomicsImportError(file, ['the file names no sample: give the patient pseudonym (--patient)']);
      }
      return options.pseudonymFor?.(sample) ?? sample;
    };

    /** Patient ids for this chunk's pseudonyms: one query for those not seen yet, then creations. */
    const resolvePatients = async (pseudonyms: string[]) => {
      const fresh = pseudonyms.filter((p) => !patientIds.has(p) && !created.has(p));
      if (fresh.length === 0) return;
      const found = await tx.query<{ id: string; pseudonym: string }>(
        'select id, pseudonym from patient where pseudonym = any($1::text[])',
        [fresh],
      );
      for (const r of found.rows) patientIds.set(r.pseudonym, r.id);
      for (const p of fresh) {
        if (patientIds.has(p) || !options.createPatients) continue;
        const id = randomUUID();
        patientIds.set(p, id);
        created.add(p);
        // A genomic file carries no demographics: sex and vital status "unknown", no birth year.
        writer.add('patient', { id, pseudonym: p, sex: 'unknown', birth_year: null, vital_status: 'unknown' });
      }
    };

    const reportFor = async (parsed: ParsedGenomicFile, sample: string): Promise<SampleReport | undefined> => {
      const existing = reports.get(sample);
      if (existing) return existing;
      const pseudonym = pseudonymOf(sample);
      const patientId = patientIds.get(pseudonym);
      if (!patientId) {
        unknownSamples.set(sample, pseudonym);
        failing = true;
        return undefined;
      }
      const report: SampleReport = { reportId: randomUUID(), patientId };
      reports.set(sample, report);
      if (failing) return report;
      const reportedAt = parsed.reportedAt?.slice(0, 10) ?? options.reportedAt ?? importDate;
      writer.add('molecular_report', {
        id: report.reportId,
        patient_id: patientId,
        specimen: reportField(file, 'specimen', parsed.specimen, options.specimen) ?? 'tissue',
        panel: reportField(file, 'panel', parsed.panel, options.panel) ?? `not stated (${format} import)`,
        reported_at: reportedAt,
        tmb: parsed.tmb ?? null,
        msi: parsed.msi ?? null,
        tumour_fraction: parsed.tumourFraction ?? null,
        source,
        observed_at: reportedAt,
        recorded_at: recordedAt,
        recorded_by: options.actor.username,
      });
      return report;
    };

    const chunks = readGenomicChunks(path, {
      fileName: file,
      hash,
      ...(options.build ? { build: options.build } : {}),
      ...(options.chunkLines ? { chunkLines: options.chunkLines } : {}),
      ...(options.onProgress ? { onBytes: options.onProgress } : {}),
    });
    for (;;) {
      let t = performance.now();
      let c = process.cpuUsage();
      const next = await chunks.next();
      parseMs += performance.now() - t;
      parseCpuMs += cpuMs(process.cpuUsage(c));
      if (next.done) break;
      const parsed = next.value;
      t = performance.now();
      c = process.cpuUsage();
      format ??= parsed.format;
      build ??= parsed.build;
      for (const w of parsed.warnings) if (warnings.length < MAX_WARNINGS) warnings.push(w);
      recordsRead += parsed.records.length;

      // Sample keys in file order: the records' samples, and samples reported with no record (a negative report).
      const samples = new Set<string>();
      for (const r of parsed.records) samples.add(r.sampleId ?? '');
      for (const s of parsed.samples) samples.add(s);
      if (samples.size === 0 && parsed.format !== 'maf') samples.add('');
      if (options.patient) {
        const all = new Set([...reports.keys(), ...samples]);
        if (all.size > 1) {
          throw new GenomicsImportError(file, [
            `--patient names one patient, but the file holds ${all.size} samples (${listSome([...all])}); import it without --patient, samples mapping to pseudonyms`,
          ]);
        }
      }
      await resolvePatients([...new Set([...samples].map(pseudonymOf))]);
      for (const s of samples) await reportFor(parsed, s);

      for (const r of parsed.records) {
        if (!isStoredRecord(r)) continue;
        const report = reports.get(r.sampleId ?? '');
        const a = storedAlteration(r, genes);
        if (!report || !a || failing) continue;
        alterations++;
        writer.add('alteration', {
          report_id: report.reportId,
          patient_id: report.patientId,
          gene: a.gene,
          alteration_class: a.alterationClass,
          hgvs_protein: a.hgvsProtein ?? null,
          hgvs_cdna: a.hgvsCdna ?? null,
          vaf: a.vaf ?? null,
          copy_number: a.copyNumber ?? null,
          fusion_partner: a.fusionPartner ?? null,
        });
        if (writer.full) await writer.flush();
      }
      if (!options.allowUnknownGenes && genes.hasUnknown) failing = true;
      writeMs += performance.now() - t;
      writeCpuMs += cpuMs(process.cpuUsage(c));
    }

    const unknownGenes = genes.unknownGenes();
    const problems: string[] = [];
    if (unknownSamples.size > 0) {
      const pairs = [...unknownSamples].map(([s, p]) => (s === p ? s : `${s} (→ ${p})`));
      problems.push(
        `${unknownSamples.size} sample(s) name no known patient: ${listSome(pairs)}; add --patient PSEUDONYM (a one-sample file), ` +
          `a --sample-map, or --create-patients to create pseudonymised patients for them`,
      );
    }
    if (unknownGenes.length > 0 && !options.allowUnknownGenes) {
      const listed = unknownGenes.slice(0, 20).map(describeUnknownGene).join('; ');
      const more = unknownGenes.length > 20 ? `; and ${unknownGenes.length - 20} more` : '';
      problems.push(
        `${unknownGenes.length} unknown gene symbol(s): ${listed}${more} — correct the file, or add --allow-unknown-genes to store them as written`,
      );
    }
    if (problems.length > 0) throw new GenomicsImportError(file, problems);

    let t = performance.now();
    let c = process.cpuUsage();
    await writer.flush();
    const touched = [...new Set([...reports.values()].map((r) => r.patientId))];
    // A new report is a new fact: matches computed from the previous facts version are now stale.
    await tx.query('update patient set facts_version = facts_version + 1 where id = any($1::uuid[])', [touched]);
    writeMs += performance.now() - t;
    writeCpuMs += cpuMs(process.cpuUsage(c));
    const sha256 = hash.digest('hex');
    const counts = {
      samples: reports.size,
      patients: touched.length,
      patientsCreated: created.size,
      reports: reports.size,
      alterations,
      recordsRead,
      recordsNotStored: recordsRead - alterations,
    };
    const reportIds = [...reports.values()].map((r) => r.reportId);
    // New reports that need discussion queue MTB cases, counted in this import's audit entry (docs/mtb.md).
    const mtbCases = await queueCasesForReports(tx, reportIds, source);
    await appendAudit(tx, options.actor, {
      action: 'import',
      entityType: 'genomic_file',
      entityId: sha256,
      patientId: touched.length === 1 ? touched[0]! : null,
      after: {
        file,
        sha256,
        format,
        build: build ?? null,
        ...counts,
        mtbCasesQueued: mtbCases.length,
        // A cohort's report ids would bury the entry; a single patient's import names its report.
        ...(reportIds.length <= 20 ? { reportIds } : {}),
        ...(unknownGenes.length > 0 ? { unknownGenesStoredAsWritten: unknownGenes.map((g) => g.symbol) } : {}),
      },
      reason: options.reason ?? null,
    });
    t = performance.now();
    c = process.cpuUsage();
    await options.afterWrite?.(tx, touched);
    writeMs += performance.now() - t;
    writeCpuMs += cpuMs(process.cpuUsage(c));
    return {
      file,
      sha256,
      format: format!,
      ...(build ? { build } : {}),
      ...counts,
      unknownGenes,
      warnings,
      reportIds,
      timings: { parseMs, writeMs, totalMs: performance.now() - t0, parseCpuMs, writeCpuMs, cpuMs: cpuMs(process.cpuUsage(cpu0)) },
    };
  });
}

/** "ANKRD30A (line 8; did you mean ANKRD34A, ANKRD10?)" */
function describeUnknownGene(g: UnknownGene): string {
  const where = g.where.join(', ') + (g.occurrences > g.where.length ? ', …' : '');
  return `${g.symbol} (${where}${g.suggestions.length > 0 ? `; did you mean ${g.suggestions.join(', ')}?` : ''})`;
}

function cpuMs(u: NodeJS.CpuUsage): number {
  return (u.user + u.system) / 1000;
}

/** The file's value, else the caller's; both and different is a contradiction, not a choice. */
function reportField<T extends string>(file: string, name: string, fromFile: T | undefined, fromCaller: T | undefined): T | undefined {
  if (fromFile !== undefined && fromCaller !== undefined && fromFile !== fromCaller) {
    throw new GenomicsImportError(file, [`the file says ${name} "${fromFile}", the import was told "${fromCaller}"`]);
  }
  return fromFile ?? fromCaller;
}
