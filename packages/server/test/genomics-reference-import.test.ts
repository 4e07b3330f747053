/**
 * The peers' reference files imported into the database, whole: the full TCGA LAML MAF (vcf2maf,
 * Apache-2.0; TCGA open access) and cBioPortal's test study es_0 (MAF, discrete CNA, structural
 * variants; AGPL-3.0, so not redistributed here). They live in ../shared/data/genomics beside the
 * repository; without it this suite is skipped and says so (the bundled slices in
 * core/test/fixtures cover the same formats in every run).
 *
 * Expected counts come from the files themselves (counted by Variant_Classification with awk, not
 * by Continuum's parser): calls that are not protein-altering (Silent, RNA, Intron, 3'UTR) are read
 * but not stored; copy-number calls are stored when they are amplifications (2) or deep deletions (-2).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../src/audit/record';
import { verifyAuditChain } from '../src/audit/verify';
import { importGenomicFile } from '../src/genomics/import';
import { openTestDb, type TestDb } from './helpers/database';

const SHARED = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'shared', 'data', 'genomics');
const HAS_SHARED = existsSync(SHARED);
if (!HAS_SHARED) console.warn(`genomics reference import: ${SHARED} not found — the whole-file import suite is skipped`);

describe.skipIf(!HAS_SHARED)('importing the reference files whole (../shared/data/genomics)', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb('pglite');
  });
  afterAll(() => t.dispose());

  const count = async (sql: string, params: unknown[] = []) => (await t.db.query<{ n: number }>(sql, params)).rows[0]!.n;

  it('TCGA LAML: 2,544 calls in 197 samples → 197 reports and 1,939 stored alterations (501 Silent, 102 RNA, 1 Intron, 1 3′UTR not stored)', async () => {
    const r = await importGenomicFile(t.db, join(SHARED, 'vcf2maf', 'tcga_laml.maf'), {
      actor: SYSTEM_ACTOR,
      createPatients: true,
      allowUnknownGenes: true,
      reason: 'reference import test',
    });
    expect(r.recordsRead).toBe(2544);
    expect(r.samples).toBe(197);
    expect(r.reports).toBe(197);
    expect(r.alterations).toBe(2544 - 501 - 102 - 1 - 1);
    expect(r.build).toBe('GRCh37');
    expect(
      await count(
        `select count(*)::int n from alteration a join molecular_report m on m.id = a.report_id where m.source = 'import:tcga_laml.maf'`,
      ),
    ).toBe(1939);
    // Specific calls of the file, as stored: a frameshift of ABTB1 in two samples, a nonsense ZYG11A.
    const abtb1 = await t.db.query<{ pseudonym: string; hgvs_protein: string }>(
      `select p.pseudonym, a.hgvs_protein from alteration a join patient p on p.id = a.patient_id where a.gene = 'ABTB1' order by p.pseudonym`,
    );
    expect(abtb1.rows.map((x) => x.pseudonym)).toEqual(['TCGA-AB-2804-03B-01W-0728-08', 'TCGA-AB-2942-03A-01W-0733-08']);
    expect(abtb1.rows.every((x) => /^p\.E251fs/.test(x.hgvs_protein))).toBe(true);
    const zyg = await t.db.query<{ hgvs_protein: string; alteration_class: string }>(
      `select a.hgvs_protein, a.alteration_class from alteration a join patient p on p.id = a.patient_id
        where a.gene = 'ZYG11A' and p.pseudonym = 'TCGA-AB-2979-03A-01D-0739-09'`,
    );
    expect(zyg.rows).toEqual([{ hgvs_protein: 'p.R397*', alteration_class: 'mutation' }]);
  }, 120_000);

  it('cBioPortal es_0: mutations (36 calls, 2 Silent), discrete CNA (49 amplifications, 14 deep deletions) and structural variants (48)', async () => {
    const study = join(SHARED, 'cbioportal-study_es_0');
    const mutations = await importGenomicFile(t.db, join(study, 'data_mutations_extended.maf'), {
      actor: SYSTEM_ACTOR,
      createPatients: true,
      allowUnknownGenes: true,
    });
    expect(mutations.recordsRead).toBe(36);
    expect(mutations.samples).toBe(21);
    expect(mutations.alterations).toBe(34);
    const splice = await t.db.query<{ hgvs_protein: string; hgvs_cdna: string }>(
      `select a.hgvs_protein, a.hgvs_cdna from alteration a join molecular_report m on m.id = a.report_id
        where m.source = 'import:data_mutations_extended.maf' and a.gene = 'TP53' and a.hgvs_cdna = 'c.993+2T>G'`,
    );
    expect(splice.rows).toHaveLength(1);

    const cna = await importGenomicFile(t.db, join(study, 'data_cna_discrete.txt'), {
      actor: SYSTEM_ACTOR,
      createPatients: true,
      allowUnknownGenes: true,
    });
    expect(cna.alterations).toBe(49 + 14);
    expect(
      await count(
        `select count(*)::int n from alteration a join molecular_report m on m.id = a.report_id where m.source = 'import:data_cna_discrete.txt' and a.alteration_class = 'amplification'`,
      ),
    ).toBe(49);

    const sv = await importGenomicFile(t.db, join(study, 'data_structural_variants.txt'), {
      actor: SYSTEM_ACTOR,
      createPatients: true,
      allowUnknownGenes: true,
    });
    expect(sv.recordsRead).toBe(48);
    const eml4Alk = await count(
      `select count(*)::int n from alteration a join molecular_report m on m.id = a.report_id
        where m.source = 'import:data_structural_variants.txt' and a.gene = 'ALK' and a.fusion_partner = 'EML4'`,
    );
    expect(eml4Alk).toBe(2);

    // Four imports, four audit entries, the chain intact.
    expect(await count(`select count(*)::int n from audit_log where action = 'import' and entity_type = 'genomic_file'`)).toBe(4);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  }, 120_000);
});
