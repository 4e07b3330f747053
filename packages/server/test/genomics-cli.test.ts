/**
 * `continuum annotate` and `continuum import genomics`, run as a user runs them: the real bin in
 * a child process, on core's genomics fixtures (packages/core/test/fixtures/genomics, see their
 * SOURCES.md) and on an embedded database in a temp DATA_DIR.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli';
import { openPglite } from '../src/db/driver';

const HERE = dirname(fileURLToPath(import.meta.url));
const FIXTURES = join(HERE, '..', '..', 'core', 'test', 'fixtures', 'genomics');
const fixture = (path: string) => join(FIXTURES, path);

function cli(dataDir: string, args: string[]) {
  return runCli(args, { env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', NODE_ENV: 'production', CI: '' } });
}

interface Evidence {
  source: string;
  level: string;
  therapies: string[];
  direction: string;
}
interface Annotation {
  gene: string;
  alteration: string;
  evidence: Evidence[];
  escat: { tier: string; therapies: string[] };
  flags: { kind: string }[];
}

/** KRAS G12C in lung adenocarcinoma: sotorasib and adagrasib approved (FDA), ESCAT I-A (CodeBreaK 200, KRYSTAL-12). */
function expectKrasG12cInLuad(annotations: Annotation[]) {
  const kras = annotations.find((a) => a.gene === 'KRAS' && a.alteration === 'p.G12C');
  expect(kras, 'KRAS p.G12C annotated').toBeDefined();
  expect(kras!.escat.tier).toBe('I-A');
  expect(kras!.escat.therapies).toEqual(expect.arrayContaining(['sotorasib', 'adagrasib']));
  for (const drug of ['sotorasib', 'adagrasib']) {
    expect(kras!.evidence).toContainEqual(
      expect.objectContaining({ source: 'FDA', level: 'approved', therapies: [drug], direction: 'sensitivity' }),
    );
  }
  for (const e of kras!.evidence) {
    expect(e).toEqual(
      expect.objectContaining({
        source: expect.any(String),
        level: expect.any(String),
        therapies: expect.any(Array),
        direction: expect.any(String),
      }),
    );
  }
  expect(kras!.flags).toEqual([]);
}

describe('continuum annotate (no database)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'continuum-annotate-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('annotates a panel report JSON: KRAS G12C in LUAD → sotorasib/adagrasib, ESCAT I-A; germline and CH flags', async () => {
    const r = await cli(dir, ['annotate', fixture('panel/ctdna_report.json'), '--tumor-type', 'LUAD', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Annotation[];
    expect(Array.isArray(out)).toBe(true);
    expectKrasG12cInLuad(out);
    // BRCA2 at VAF 0.49 → possible germline; DNMT3A R882H in ctDNA → possible clonal haematopoiesis; HER2 → ERBB2.
    expect(out.find((a) => a.gene === 'BRCA2' && a.alteration === 'p.K3326*')!.flags.map((f) => f.kind)).toContain('possible_germline');
    expect(out.find((a) => a.gene === 'DNMT3A')!.flags.map((f) => f.kind)).toContain('possible_clonal_haematopoiesis');
    expect(out.find((a) => a.gene === 'ERBB2')!.alteration).toBe('amplification');
  });

  it('annotates a VCF (SnpEff ANN) with KRAS G12C the same way', async () => {
    // The SnpEff fixture's header, with a KRAS G12C call at its GRCh38 position (chr12:25245351 C>A).
    const header = readFileSync(fixture('vcf/snpeff_grch38.vcf'), 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('#'));
    const vcf = join(dir, 'kras_g12c.vcf');
    writeFileSync(
      vcf,
      [
        ...header,
        'chr12\t25245351\t.\tC\tA\t300\tPASS\tSOMATIC;ANN=A|missense_variant|MODERATE|KRAS|ENSG00000133703|transcript|ENST00000256078.10|protein_coding|2/6|c.34G>T|p.Gly12Cys|224/5430|34/570|12/189||\tGT:AD:DP:AF\t0/1:300,80:380:0.21\t0/0:300,0:300:0',
      ].join('\n') + '\n',
    );
    const r = await cli(dir, ['annotate', vcf, '--tumor-type', 'LUAD', '--format', 'json']);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as Annotation[];
    expect(out).toHaveLength(1);
    expectKrasG12cInLuad(out);
  });

  it('annotates a MAF the same way', async () => {
    // The first data line of the malformed-MAF fixture is a valid KRAS G12C call; line 4 is the malformed one.
    const maf = join(dir, 'kras_g12c.maf');
    writeFileSync(maf, readFileSync(fixture('malformed/malformed_classification.maf'), 'utf8').split('\n').slice(0, 3).join('\n') + '\n');
    const r = await cli(dir, ['annotate', maf, '--tumor-type', 'LUAD', '--format', 'json']);
    expect(r.stderr).toBe('');
    expectKrasG12cInLuad(JSON.parse(r.stdout) as Annotation[]);
  });

  it('prints an aligned table with the tier, therapies, evidence and flags', async () => {
    const r = await cli(dir, ['annotate', fixture('panel/ctdna_report.json'), '--tumor-type', 'LUAD']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    const header = lines.find((l) => /^#\s+SAMPLE\s+GENE\s+ALTERATION/.test(l) || /^#\s+GENE\s+ALTERATION/.test(l));
    expect(header, r.stdout).toBeDefined();
    const kras = lines.find((l) => /^1\s+.*KRAS\s+p\.G12C\s+mutation\s+21\.0%\s+I-A\s+adagrasib, sotorasib/.test(l));
    expect(kras, r.stdout).toBeDefined();
    // Columns line up: ESCAT starts at the same offset in the header and in the row.
    expect(kras!.indexOf('I-A')).toBe(header!.indexOf('ESCAT'));
    expect(r.stdout).toMatch(/FDA\s+approved\s+sensitivity\s+sotorasib\s+NSCLC \(same\)/);
    expect(r.stdout).toMatch(/flag: possible germline — BRCA2/);
    expect(r.stdout).toMatch(/flag: possible CH — DNMT3A/);
  });

  it('refuses an unknown tumour type, suggesting OncoTree codes', async () => {
    const r = await cli(dir, ['annotate', fixture('panel/ctdna_report.json'), '--tumor-type', 'LUDA']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: unknown OncoTree code LUDA — did you mean LUAD\b/);
  });

  it('refuses a malformed file naming file, line and field', async () => {
    const r = await cli(dir, ['annotate', fixture('malformed/malformed_pos.vcf'), '--tumor-type', 'LUAD']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/malformed_pos\.vcf, line 6, field "POS": expected a position ≥ 1, found "14075x336"/);
  });
});

describe('continuum import genomics on an embedded database', () => {
  let dir: string;
  const counts = async () => {
    const db = await openPglite(join(dir, 'pgdata'));
    try {
      return (
        await db.query<{ patients: number; reports: number; alterations: number; audits: number }>(
          `select (select count(*) from patient)::int patients, (select count(*) from molecular_report)::int reports,
                  (select count(*) from alteration)::int alterations, (select count(*) from audit_log)::int audits`,
        )
      ).rows[0]!;
    } finally {
      await db.close();
    }
  };
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'continuum-import-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a MAF whose samples name no patient, listing them, and writes nothing', async () => {
    const r = await cli(dir, ['import', 'genomics', fixture('vcf2maf/tcga_laml.slice.maf'), '--allow-unknown-genes']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/20 sample\(s\) name no known patient: TCGA-AB-2802-03B-01W-0728-08, TCGA-AB-2803-03B-01W-0728-08/);
    expect(r.stderr).toMatch(/--create-patients/);
    expect(await counts()).toEqual({ patients: 0, reports: 0, alterations: 0, audits: 0 });
  });

  it('refuses unknown gene symbols, listing them with lines and suggestions', async () => {
    const r = await cli(dir, ['import', 'genomics', fixture('vcf2maf/tcga_laml.slice.maf'), '--create-patients']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/41 unknown gene symbol\(s\): ANKRD30A \(line 8; did you mean ANKRD34A/);
    expect(r.stderr).toMatch(/--allow-unknown-genes/);
  });

  it('imports a TCGA MAF slice: one report per sample, protein-altering calls stored, provenance and one audit entry', async () => {
    const file = fixture('vcf2maf/tcga_laml.slice.maf');
    const r = await cli(dir, [
      'import',
      'genomics',
      file,
      '--create-patients',
      '--allow-unknown-genes',
      '--reason',
      'TCGA LAML test import',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /20 sample\(s\) → 20 patient\(s\) \(20 created\), 20 report\(s\), 238 alteration\(s\) stored, 71 record\(s\) not stored/,
    );
    expect(await counts()).toEqual({ patients: 20, reports: 20, alterations: 238, audits: 1 });

    const db = await openPglite(join(dir, 'pgdata'));
    try {
      const idh1 = await db.query<{ pseudonym: string; hgvs_protein: string; source: string; specimen: string }>(
        `select p.pseudonym, a.hgvs_protein, m.source, m.specimen from alteration a
           join molecular_report m on m.id = a.report_id join patient p on p.id = a.patient_id
          where a.gene = 'IDH1' order by p.pseudonym`,
      );
      expect(idh1.rows[0]).toEqual({
        pseudonym: 'TCGA-AB-2802-03B-01W-0728-08',
        hgvs_protein: 'p.R132H',
        source: 'import:tcga_laml.slice.maf',
        specimen: 'tissue',
      });
      // Silent calls are read, not stored as "mutations" a matcher could take for drivers.
      expect((await db.query(`select 1 from alteration where hgvs_protein like '%='`)).rows).toHaveLength(0);
      const audit = (
        await db.query<{ action: string; entity_type: string; after: Record<string, unknown>; reason: string }>('select * from audit_log')
      ).rows[0]!;
      expect(audit).toMatchObject({ action: 'import', entity_type: 'genomic_file', reason: 'TCGA LAML test import' });
      expect(audit.after).toMatchObject({
        file: 'tcga_laml.slice.maf',
        sha256: createHash('sha256').update(readFileSync(file)).digest('hex'),
        format: 'maf',
        build: 'GRCh37',
        reports: 20,
        alterations: 238,
        recordsRead: 309,
        patientsCreated: 20,
      });
    } finally {
      await db.close();
    }
    expect((await cli(dir, ['audit', 'verify'])).code).toBe(0);
  });

  it('rolls back everything on a malformed MAF line, naming the line and field', async () => {
    const before = await counts();
    // The TCGA slice with line 200 of 311 corrupted: 197 valid lines come before it.
    const lines = readFileSync(fixture('vcf2maf/tcga_laml.slice.maf'), 'utf8').split('\n');
    const cells = lines[199]!.split('\t');
    const col = lines[1]!.split('\t').indexOf('Variant_Classification');
    cells[col] = 'Missense';
    lines[199] = cells.join('\t');
    const bad = join(dir, 'laml_bad_line.maf');
    writeFileSync(bad, lines.join('\n').replaceAll('TCGA-AB-28', 'BAD-AB-28'));
    const r = await cli(dir, ['import', 'genomics', bad, '--create-patients', '--allow-unknown-genes']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /laml_bad_line\.maf, line 200, field "Variant_Classification": "Missense" is not a MAF Variant_Classification/,
    );
    expect(await counts()).toEqual(before);
  });
});
