import { parseExtendedJson } from '@continuum/core';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli';

const HERE = dirname(fileURLToPath(import.meta.url));
const CTIMS = join(HERE, '..', '..', 'core', 'test', 'fixtures', 'ctims');

/** The real CLI in a child process, as `npx continuum match …` runs it: no server, no database. */
function cli(args: string[]) {
  return runCli(args, { env: { ...process.env, DATABASE_URL: '', CI: '' } });
}

interface Row {
  patient: string;
  trial: string;
  level: string;
  levelPath: string;
  status: string;
  tier: string;
  availability: string;
  unknown: number;
  reasons: string[];
}

interface Case {
  name: string;
  trials: string[];
  flags?: { match_on_deceased?: boolean; match_on_closed?: boolean };
  sample_ids?: string[];
  expect: { samples_per_protocol?: Record<string, number> };
}

describe('continuum match on the CTIMS MatchMiner fixtures', () => {
  let dir: string;
  const expected = JSON.parse(readFileSync(join(CTIMS, 'EXPECTED_MATCHES.json'), 'utf8')) as {
    _data: { defaults: { match_on_deceased: boolean; match_on_closed: boolean } };
    cases: Case[];
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'continuum-match-'));
    // The two edits the engine's test harness makes to its database before every test.
    const clinical = parseExtendedJson(readFileSync(join(CTIMS, 'seed_data', 'clinical.ejson'), 'utf8'));
    for (const d of clinical) {
      if (d.SAMPLE_ID === '5d2799d86756630d8dd065b8') d.ONCOTREE_PRIMARY_DIAGNOSIS_NAME = 'Non-Small Cell Lung Cancer';
      if (d.SAMPLE_ID === '5d2799da6756630d8dd066a6') d.VITAL_STATUS = 'alive';
    }
    writeFileSync(join(dir, 'clinical.json'), JSON.stringify(clinical));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Runs one case of EXPECTED_MATCHES.json through the CLI: its trials in a folder, its flags, ages on 2000-07-12. */
  async function run(c: Case, extra: string[] = []): Promise<Row[]> {
    const folder = join(dir, c.name.replace(/[^a-z0-9]+/gi, '_'));
    mkdirSync(folder, { recursive: true });
    for (const t of c.trials) copyFileSync(join(CTIMS, 'data', 'integration_trials', `${t}.json`), join(folder, `${t}.json`));
    let clinical = join(dir, 'clinical.json');
    if (c.sample_ids) {
      clinical = `${folder}.clinical.json`;
      const docs = JSON.parse(readFileSync(join(dir, 'clinical.json'), 'utf8')) as Array<{ SAMPLE_ID: string }>;
      writeFileSync(clinical, JSON.stringify(docs.filter((d) => c.sample_ids!.includes(d.SAMPLE_ID))));
    }
    const deceased = c.flags?.match_on_deceased ?? expected._data.defaults.match_on_deceased;
    const closed = c.flags?.match_on_closed ?? expected._data.defaults.match_on_closed;
    // Outside the trials folder: every .json in it is read as CTML.
    const out = `${folder}.out.json`;
    const r = await cli([
      'match',
      '--trials',
      folder,
      '--clinical',
      clinical,
      '--genomic',
      join(CTIMS, 'seed_data', 'genomic.ejson'),
      '--at',
      '2000-07-12',
      ...(deceased ? ['--include-deceased'] : []),
      ...(closed ? ['--include-closed'] : []),
      '--out',
      out,
      ...extra,
    ]);
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(readFileSync(out, 'utf8')) as Row[];
  }

  /** MatchMiner's count: distinct samples with at least one met level, per protocol. */
  const samplesPerProtocol = (rows: Row[]) => {
    const m = new Map<string, Set<string>>();
    for (const r of rows.filter((x) => x.tier === 'eligible')) m.set(r.trial, (m.get(r.trial) ?? new Set()).add(r.patient));
    return Object.fromEntries([...m].map(([k, v]) => [k, v.size]));
  };

  const cases = expected.cases.filter((c) => c.expect.samples_per_protocol);
  it('covers the fixtures’ main cases', async () => {
    expect(cases.map((c) => c.name)).toEqual(
      expect.arrayContaining([expect.stringMatching(/match_on_deceased only/), expect.stringMatching(/wildcard_protein_change/)]),
    );
    expect(cases.length).toBeGreaterThanOrEqual(5);
  });

  for (const c of cases) {
    it(`agrees with EXPECTED_MATCHES.json: ${c.name}`, async () => {
      const rows = await run(c);
      const found = samplesPerProtocol(rows);
      for (const [protocol, n] of Object.entries(c.expect.samples_per_protocol!)) expect(found[protocol] ?? 0, protocol).toBe(n);
      // Without --include-closed nothing closed is shown; with it, closed levels say so.
      const closed = c.flags?.match_on_closed ?? expected._data.defaults.match_on_closed;
      if (!closed) expect(rows.every((r) => r.status !== 'closed')).toBe(true);
      for (const r of rows) {
        expect(r.status === 'closed' ? r.availability : r.status).toBe(r.status === 'closed' ? 'closed' : r.tier);
        expect(r.reasons.length).toBeGreaterThan(0);
      }
    });
  }

  it('gives the same rows with MatchMiner’s own OncoTree mapping, and writes CSV', async () => {
    const c = cases[0]!;
    const shipped = await run(c);
    const mapping = await run(c, ['--oncotree-mapping', join(CTIMS, 'oncotree_mapping.json')]);
    const key = (r: Row) => `${r.patient}|${r.trial}|${r.levelPath}|${r.status}`;
    expect(mapping.map(key).sort()).toEqual(shipped.map(key).sort());
    const csv = join(dir, 'out.csv');
    const r = await cli([
      'match',
      '--trials',
      join(CTIMS, 'data', 'integration_trials', 'all_open.json'),
      '--clinical',
      join(dir, 'clinical.json'),
      '--genomic',
      join(CTIMS, 'seed_data', 'genomic.ejson'),
      '--at',
      '2000-07-12',
      '--include-deceased',
      '--format',
      'csv',
      '--out',
      csv,
    ]);
    expect(r.code, r.stderr).toBe(0);
    const lines = readFileSync(csv, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('patient,trial,level,levelPath,status,tier,availability,unknown,reasons');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(1).every((l) => l.split(',')[1] === '10-002')).toBe(true);
  });
});

describe('continuum match on Continuum patients and on CSV', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'continuum-match-'));
    mkdirSync(join(dir, 'trials'));
    writeFileSync(
      join(dir, 'trials', 'solid.yaml'),
      [
        'protocol_no: SOLID-1',
        'status: Open to Accrual',
        'treatment_list:',
        '  step:',
        '    - step_code: "1"',
        '      arm:',
        '        - arm_code: A',
        '          arm_suspended: N',
        '          match:',
        '            - and:',
        "                - clinical: { age_numerical: '>=18', oncotree_primary_diagnosis: _SOLID_ }",
        '                - continuum: { kind: ecog, max: 2 }',
        '',
      ].join('\n'),
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('seeds patient NDJSON without a database and matches it', async () => {
    const ndjson = join(dir, 'cohort.ndjson');
    const seed = await cli(['seed', '--patients', '40', '--seed', '5', '--out', ndjson]);
    expect(seed.code, seed.stderr).toBe(0);
    const records = readFileSync(ndjson, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { pseudonym: string });
    expect(records).toHaveLength(40);
    const r = await cli(['match', '--trials', join(dir, 'trials'), '--patients', ndjson, '--at', '2026-11-01', '--format', 'ndjson']);
    expect(r.code, r.stderr).toBe(0);
    const rows = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Row);
    expect(rows.length).toBeGreaterThan(5);
    const pseudonyms = new Set(records.map((x) => x.pseudonym));
    for (const row of rows) {
      expect(pseudonyms.has(row.patient)).toBe(true);
      expect(row).toMatchObject({ trial: 'SOLID-1', level: 'Step 1 › Arm A', levelPath: 'treatment_list.step.0.arm.0' });
      expect(['eligible', 'potential']).toContain(row.status);
    }
    expect(r.stderr).toMatch(/40 patients × 1 trials/);
  });

  it('reads MatchMiner clinical and genomic CSV', async () => {
    writeFileSync(
      join(dir, 'clinical.csv'),
      'SAMPLE_ID,ONCOTREE_PRIMARY_DIAGNOSIS_NAME,BIRTH_DATE_INT,GENDER,VITAL_STATUS,REPORT_DATE\nS-1,Melanoma,19600101.0,Female,alive,2020-01-01\nS-2,Melanoma,19600101,Male,alive,2020-01-01\n',
    );
    writeFileSync(
      join(dir, 'genomic.csv'),
      'SAMPLE_ID,VARIANT_CATEGORY,HARMONIZED_HUGO_SYMBOL,HARMONIZED_PROTEIN_CHANGE\nS-1,MUTATION,BRAF,p.V600E\nS-2,MUTATION,NRAS,p.Q61K\n',
    );
    writeFileSync(
      join(dir, 'braf.json'),
      JSON.stringify({
        protocol_no: 'BRAF-1',
        status: 'Open to Accrual',
        treatment_list: {
          step: [
            {
              step_code: '1',
              arm: [
                { arm_code: 'A', arm_suspended: 'N', match: [{ genomic: { hugo_symbol: 'BRAF', wildcard_protein_change: 'p.V600' } }] },
              ],
            },
          ],
        },
      }),
    );
    const r = await cli([
      'match',
      '--trials',
      join(dir, 'braf.json'),
      '--clinical',
      join(dir, 'clinical.csv'),
      '--genomic',
      join(dir, 'genomic.csv'),
      '--at',
      '2024-01-01',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const rows = JSON.parse(r.stdout) as Row[];
    expect(rows.map((x) => [x.patient, x.status])).toEqual([['S-1', 'eligible']]);
  });

  it('names the file, the line or path, and the field of malformed input', async () => {
    const ndjson = join(dir, 'bad.ndjson');
    const good = readFileSync(join(dir, 'cohort.ndjson'), 'utf8').split('\n')[0]!;
    writeFileSync(ndjson, `${good}\n${JSON.stringify({ ...JSON.parse(good), birthYear: 'nineteen' })}\n`);
    const badRecord = await cli(['match', '--trials', join(dir, 'trials'), '--patients', ndjson]);
    expect(badRecord.code).toBe(2);
    expect(badRecord.stderr).toMatch(/bad\.ndjson: line 2: birthYear: /);

    writeFileSync(ndjson, `${good}\n{"pseudonym": \n`);
    expect((await cli(['match', '--trials', join(dir, 'trials'), '--patients', ndjson])).stderr).toMatch(
      /bad\.ndjson: line 2: expected one JSON patient record per line/,
    );

    writeFileSync(join(dir, 'no-sample.csv'), 'ONCOTREE_PRIMARY_DIAGNOSIS_NAME\nMelanoma\n');
    const noSample = await cli([
      'match',
      '--trials',
      join(dir, 'braf.json'),
      '--clinical',
      join(dir, 'no-sample.csv'),
      '--genomic',
      join(dir, 'genomic.csv'),
    ]);
    expect(noSample.code).toBe(2);
    expect(noSample.stderr).toMatch(/no-sample\.csv: line 2: SAMPLE_ID: expected a sample id/);

    writeFileSync(
      join(dir, 'bad-trial.json'),
      JSON.stringify({
        protocol_no: 'X',
        treatment_list: { step: [{ arm: [{ arm_code: 'A', match: [{ genomic: { hugo_symbol: 'ERBB2', cnv_call: 'Big Amp' } }] }] }] },
      }),
    );
    const badTrial = await cli(['match', '--trials', join(dir, 'bad-trial.json'), '--patients', join(dir, 'cohort.ndjson')]);
    expect(badTrial.code).toBe(2);
    expect(badTrial.stderr).toMatch(
      /bad-trial\.json: \$\.treatment_list\.step\[0\]\.arm\[0\]\.match\[0\]\.genomic\.cnv_call: expected a copy-number call/,
    );

    const neither = await cli(['match', '--trials', join(dir, 'trials')]);
    expect(neither.code).toBe(2);
    expect(neither.stderr).toMatch(/--patients/);
  });
});
