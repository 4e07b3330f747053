/**
 * The genomic import service (importGenomicFile) and the chunked file reader under it, on every
 * test driver: rows and provenance, one audit entry, the facts version, all-or-nothing across
 * chunks, and the refusals (unknown samples, contradictions, build mismatch).
 */
import { parseGenomicFile, type GenomicsParseError } from '@continuum/core';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../src/audit/record';
import { verifyAuditChain } from '../src/audit/verify';
import { importGenomicFile } from '../src/genomics/import';
import { GenomicsImportError } from '../src/genomics/import-errors';
import { readGenomicChunks } from '../src/genomics/read-file';
import { DRIVERS, openTestDb, type TestDb } from './helpers/database';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'core', 'test', 'fixtures', 'genomics');
const fixture = (path: string) => join(FIXTURES, path);
const LAML = fixture('vcf2maf/tcga_laml.slice.maf');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'continuum-genomics-import-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The TCGA slice with one line's Variant_Classification corrupted. */
function lamlWithBadLine(line: number): string {
  const lines = readFileSync(LAML, 'utf8').split('\n');
  const col = lines[1]!.split('\t').indexOf('Variant_Classification');
  const cells = lines[line - 1]!.split('\t');
  cells[col] = 'Missense';
  lines[line - 1] = cells.join('\t');
  const path = join(dir, `laml_bad_${line}.maf`);
  writeFileSync(path, lines.join('\n'));
  return path;
}

describe('reading a MAF in chunks', () => {
  it('gives the records, lines and build that one whole-file parse gives', async () => {
    const whole = parseGenomicFile(readFileSync(LAML, 'utf8'), 'laml.maf');
    const chunked = [];
    for await (const c of readGenomicChunks(LAML, { fileName: 'laml.maf', chunkLines: 7 })) chunked.push(c);
    expect(chunked.length).toBe(Math.ceil(309 / 7));
    const records = chunked.flatMap((c) => c.records);
    expect(records).toEqual(whole.records);
    expect(chunked.every((c) => c.build === 'GRCh37')).toBe(true);
  });

  it('names the file line of an error in a later chunk', async () => {
    const bad = lamlWithBadLine(250);
    const read = async () => {
      for await (const _ of readGenomicChunks(bad, { fileName: 'bad.maf', chunkLines: 10 })) void _;
    };
    await expect(read()).rejects.toMatchObject({ line: 250, field: 'Variant_Classification' } satisfies Partial<GenomicsParseError>);
  });

  it('refuses a second build on a later chunk, naming both lines', async () => {
    const lines = readFileSync(LAML, 'utf8').split('\n');
    const col = lines[1]!.split('\t').indexOf('NCBI_Build');
    const cells = lines[120]!.split('\t');
    cells[col] = 'GRCh38';
    lines[120] = cells.join('\t');
    const path = join(dir, 'two_builds.maf');
    writeFileSync(path, lines.join('\n'));
    const read = async () => {
      for await (const _ of readGenomicChunks(path, { fileName: 'two_builds.maf', chunkLines: 50 })) void _;
    };
    // Line 121 sits in the third chunk (lines 103-152) and is its first record: 38 vs 37 from line 3.
    await expect(read()).rejects.toThrow(
      /two_builds\.maf, line 121, field "NCBI_Build": genome build GRCh38 differs from GRCh37 on line 3/,
    );
  });
});

describe.each(DRIVERS)('importGenomicFile on %s', (driver) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb(driver);
  });
  afterAll(() => t.dispose());

  const count = async (table: string) => (await t.db.query<{ n: number }>(`select count(*)::int n from ${table}`)).rows[0]!.n;
  const addPatient = async (pseudonym: string) => {
    const id = randomUUID();
    await t.db.query(`insert into patient (id, pseudonym, sex, birth_year, vital_status) values ($1, $2, 'female', 1961, 'alive')`, [
      id,
      pseudonym,
    ]);
    return id;
  };

  it('imports a panel report for a known patient: report facts, normalised genes, provenance, audit, facts version', async () => {
    const patientId = await addPatient('CTM-000123');
    const touched: string[][] = [];
    const r = await importGenomicFile(t.db, fixture('panel/ctdna_report.json'), {
      actor: { id: null, username: 'cli:tester', role: 'system' },
      patient: 'CTM-000123',
      reason: 'MTB intake',
      now: () => new Date('2026-11-02T08:00:00Z'),
      afterWrite: async (tx, ids) => {
        touched.push(ids);
        // Runs inside the import's transaction: the rows are visible to it.
        expect((await tx.query('select 1 from alteration where patient_id = $1', [ids[0]])).rows.length).toBe(9);
      },
    });
    expect(r).toMatchObject({
      format: 'panel_json',
      build: 'GRCh38',
      samples: 1,
      patients: 1,
      patientsCreated: 0,
      reports: 1,
      alterations: 9,
      recordsRead: 9,
    });
    expect(touched).toEqual([[patientId]]);

    const report = (
      await t.db.query<Record<string, unknown>>(
        `select id, specimen, panel, reported_at::text reported_at, tmb, msi, tumour_fraction, source, recorded_by from molecular_report where patient_id = $1`,
        [patientId],
      )
    ).rows[0]!;
    expect(report).toMatchObject({
      specimen: 'ctdna',
      panel: 'Liquid 324 v2',
      reported_at: '2026-10-09',
      tmb: 14.2,
      msi: 'MSS',
      tumour_fraction: 0.15,
      source: 'import:ctdna_report.json',
      recorded_by: 'cli:tester',
    });
    const alterations = (
      await t.db.query<Record<string, unknown>>(
        'select gene, alteration_class, hgvs_protein, hgvs_cdna, vaf, copy_number, fusion_partner from alteration where report_id = $1 order by gene, hgvs_protein',
        [report.id],
      )
    ).rows;
    expect(alterations).toContainEqual({
      gene: 'KRAS',
      alteration_class: 'mutation',
      hgvs_protein: 'p.G12C',
      hgvs_cdna: 'c.34G>T',
      vaf: 0.21,
      copy_number: null,
      fusion_partner: null,
    });
    // HER2 is an alias: stored as the approved symbol ERBB2. EML4::ALK is keyed on ALK.
    expect(alterations).toContainEqual(expect.objectContaining({ gene: 'ERBB2', alteration_class: 'amplification', copy_number: 11 }));
    expect(alterations).toContainEqual(expect.objectContaining({ gene: 'ALK', alteration_class: 'fusion', fusion_partner: 'EML4' }));

    expect(
      (await t.db.query<{ facts_version: number }>('select facts_version from patient where id = $1', [patientId])).rows[0]!.facts_version,
    ).toBe(2);
    const audit = (await t.db.query<Record<string, unknown>>('select * from audit_log order by seq desc limit 1')).rows[0]!;
    expect(audit).toMatchObject({
      action: 'import',
      entity_type: 'genomic_file',
      entity_id: r.sha256,
      patient_id: patientId,
      actor_username: 'cli:tester',
      reason: 'MTB intake',
    });
    expect(audit.after).toMatchObject({ file: 'ctdna_report.json', sha256: r.sha256, reports: 1, alterations: 9, reportIds: [report.id] });
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
  });

  it('rolls back every chunk, patient and report when a later line is malformed', async () => {
    const before = {
      patients: await count('patient'),
      reports: await count('molecular_report'),
      alterations: await count('alteration'),
      audit: await count('audit_log'),
    };
    const bad = lamlWithBadLine(290);
    const attempt = importGenomicFile(t.db, bad, {
      actor: SYSTEM_ACTOR,
      createPatients: true,
      allowUnknownGenes: true,
      chunkLines: 25,
      batchSize: 20,
    });
    await expect(attempt).rejects.toThrow(/laml_bad_290\.maf, line 290, field "Variant_Classification"/);
    expect({
      patients: await count('patient'),
      reports: await count('molecular_report'),
      alterations: await count('alteration'),
      audit: await count('audit_log'),
    }).toEqual(before);
  });

  it('imports a multi-sample MAF in chunks and small batches with the counts of a whole-file parse', async () => {
    const r = await importGenomicFile(t.db, LAML, {
      actor: SYSTEM_ACTOR,
      createPatients: true,
      allowUnknownGenes: true,
      chunkLines: 25,
      batchSize: 20,
    });
    expect(r).toMatchObject({ samples: 20, patientsCreated: 20, reports: 20, alterations: 238, recordsRead: 309, recordsNotStored: 71 });
    expect(r.unknownGenes.map((g) => g.symbol)).toContain('C20orf24');
    const perSample = await t.db.query<{ pseudonym: string; n: number }>(
      `select p.pseudonym, count(*)::int n from alteration a join patient p on p.id = a.patient_id
        where p.pseudonym like 'TCGA-%' group by p.pseudonym order by p.pseudonym limit 2`,
    );
    // TCGA-AB-2802: 13 calls (7 missense, 2 frameshift, 3 silent, 1 RNA); TCGA-AB-2803: 17 (12 missense, 1 frameshift, 2 silent, 2 RNA).
    expect(perSample.rows).toEqual([
      { pseudonym: 'TCGA-AB-2802-03B-01W-0728-08', n: 9 },
      { pseudonym: 'TCGA-AB-2803-03B-01W-0728-08', n: 13 },
    ]);
    const created = (
      await t.db.query<Record<string, unknown>>(
        `select sex, birth_year, vital_status from patient where pseudonym = 'TCGA-AB-2802-03B-01W-0728-08'`,
      )
    ).rows[0];
    // Nothing in a MAF says who the patient is: no invented birth year (age criteria stay unknown).
    expect(created).toEqual({ sex: 'unknown', birth_year: null, vital_status: 'unknown' });
  });

  it('maps samples to pseudonyms, and lists the samples no patient has', async () => {
    await addPatient('CTM-000900');
    const maf = join(dir, 'two_samples.maf');
    const lines = readFileSync(fixture('malformed/malformed_classification.maf'), 'utf8').split('\n');
    writeFileSync(maf, [lines[0], lines[1], lines[2], lines[2]!.replace('\tS1\t', '\tS2\t')].join('\n') + '\n');
    const refused = importGenomicFile(t.db, maf, { actor: SYSTEM_ACTOR, pseudonymFor: (s) => (s === 'S1' ? 'CTM-000900' : undefined) });
    await expect(refused).rejects.toThrow(GenomicsImportError);
    await expect(refused).rejects.toThrow(/1 sample\(s\) name no known patient: S2; add --patient PSEUDONYM/);

    const one = importGenomicFile(t.db, maf, { actor: SYSTEM_ACTOR, patient: 'CTM-000900' });
    await expect(one).rejects.toThrow(/--patient names one patient, but the file holds 2 samples \(S1, S2\)/);
  });

  it('refuses contradictions between the file and the caller: specimen, build', async () => {
    await addPatient('CTM-000901');
    await expect(
      importGenomicFile(t.db, fixture('panel/ctdna_report.json'), { actor: SYSTEM_ACTOR, patient: 'CTM-000901', specimen: 'tissue' }),
    ).rejects.toThrow(/the file says specimen "ctdna", the import was told "tissue"/);
    await expect(
      importGenomicFile(t.db, fixture('vcf/snpeff_grch38.vcf'), { actor: SYSTEM_ACTOR, patient: 'CTM-000901', build: 'GRCh37' }),
    ).rejects.toThrow(/genome build mismatch: the file declares GRCh38, the import was told GRCh37/);
    await expect(
      importGenomicFile(t.db, fixture('vcf/build_mismatch.vcf'), { actor: SYSTEM_ACTOR, patient: 'CTM-000901' }),
    ).rejects.toThrow(
      /build_mismatch\.vcf, line \d+, field "POS": genome build mismatch: the file declares GRCh38, but BRAF p\.V600E sits at chr7:140453136/,
    );
    expect(
      (await t.db.query(`select 1 from molecular_report m join patient p on p.id = m.patient_id where p.pseudonym = 'CTM-000901'`)).rows,
    ).toEqual([]);
  });
});
