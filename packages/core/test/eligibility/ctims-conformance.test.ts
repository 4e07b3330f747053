/**
 * MatchMiner conformance: every expected result of the CTIMS MatchMiner engine's integration
 * tests (fixtures/ctims/EXPECTED_MATCHES.json, transcribed from
 * pughlab/ctims-matchminer-engine@b1530d8 matchengine/tests/test_matchengine_integration.py),
 * reproduced on its 130 synthetic samples and 448 genomic rows.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hierarchyFromDescendants } from '../../src/eligibility/oncotree';
import { importCtml } from '../../src/eligibility/ctml/import';
import { compileTrial, matchTrials } from '../../src/matching/trials';
import { matchMinerPatients, parseExtendedJson, type MatchMinerDocument } from '../../src/matching/matchminer';
import { matchMinerDocuments, type MatchMinerMatchDoc } from '../../src/matching/matchminer-docs';
import { reconcileMatches } from '../../src/matching/reconcile';

const dir = new URL('../fixtures/ctims/', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, dir), 'utf8');

interface Case {
  name: string;
  trials: string[];
  flags?: { match_on_deceased?: boolean; match_on_closed?: boolean };
  sample_ids?: string[];
  protocol_nos?: string[];
  expect: Record<string, unknown>;
}
const expected = JSON.parse(read('EXPECTED_MATCHES.json')) as {
  _data: { age_reference_date: string; defaults: { match_on_deceased: boolean; match_on_closed: boolean } };
  cases: Case[];
};

const oncotree = hierarchyFromDescendants(JSON.parse(read('oncotree_mapping.json')) as Record<string, string[]>);

/** The two edits the engine's test harness makes to the database before every test. */
function seedClinical(): MatchMinerDocument[] {
  const docs = parseExtendedJson(read('seed_data/clinical.ejson'));
  for (const d of docs) {
    if (d.SAMPLE_ID === '5d2799d86756630d8dd065b8') d.ONCOTREE_PRIMARY_DIAGNOSIS_NAME = 'Non-Small Cell Lung Cancer';
    if (d.SAMPLE_ID === '5d2799da6756630d8dd066a6') d.VITAL_STATUS = 'alive';
  }
  return docs;
}
const clinical = seedClinical();
const genomic = parseExtendedJson(read('seed_data/genomic.ejson'));
const patients = matchMinerPatients(clinical, genomic);
const ctx = { asOf: '2000-07-12', oncotree };

function run(c: Case) {
  const trials = c.trials
    .flatMap((name) => importCtml(read(`data/integration_trials/${name}.json`), { file: `${name}.json`, oncotree }))
    .filter((t) => !c.protocol_nos || c.protocol_nos.includes(t.protocolNo));
  const population = patients.filter((p) => !c.sample_ids || c.sample_ids.includes(p.sampleId));
  const bySample = new Map(population.map((p) => [p.facts.id, p]));
  const results = matchTrials(
    trials.map(compileTrial),
    population.map((p) => p.facts),
    ctx,
    {
      includeDeceased: c.flags?.match_on_deceased ?? expected._data.defaults.match_on_deceased,
      includeClosed: c.flags?.match_on_closed ?? expected._data.defaults.match_on_closed,
      keep: 'met',
    },
  );
  const docs = new Map<string, MatchMinerMatchDoc[]>();
  for (const [protocol, r] of results)
    docs.set(
      protocol,
      r.matches.flatMap((m) => matchMinerDocuments(m, bySample.get(m.patientId)!)),
    );
  return { results, docs };
}

const samplesOf = (docs: MatchMinerMatchDoc[] = []) => new Set(docs.map((d) => d.sample_id)).size;
const docsFor = (docs: MatchMinerMatchDoc[] = [], sample: string) => docs.filter((d) => d.sample_id === sample);

describe('CTIMS MatchMiner fixtures', () => {
  it("loads 130 clinical samples and 448 genomic rows, and uses the fixtures' reference date", () => {
    expect(clinical).toHaveLength(130);
    expect(genomic).toHaveLength(448);
    expect(expected._data.age_reference_date.startsWith(ctx.asOf)).toBe(true);
    expect(expected.cases).toHaveLength(13);
  });

  for (const c of expected.cases) {
    it(c.name, () => {
      const { results, docs } = run(c);
      const e = c.expect;
      let asserted = 0;
      if (e.samples_per_protocol) {
        for (const [protocol, n] of Object.entries(e.samples_per_protocol as Record<string, number>))
          expect(samplesOf(docs.get(protocol)), protocol).toBe(n);
        asserted++;
      }
      if (e.protocols_present) {
        // As in the engine's test: every listed protocol was run (matched or not).
        for (const protocol of e.protocols_present as string[]) expect(results.has(protocol), protocol).toBe(true);
        asserted++;
      }
      if (e.protocols_present_count !== undefined) {
        expect(results.size).toBe(e.protocols_present_count);
        asserted++;
      }
      if (e.match_docs_total !== undefined) {
        const all = [...docs.values()].flat();
        expect(all).toHaveLength(e.match_docs_total as number);
        // The engine's CSV export writes one row per match document.
        expect(all).toHaveLength(e.csv_rows as number);
        asserted++;
      }
      if (e.reasons_for_sample) {
        for (const [protocol, bySample] of Object.entries(e.reasons_for_sample as Record<string, Record<string, number>>)) {
          for (const [sample, n] of Object.entries(bySample))
            expect(docsFor(docs.get(protocol), sample), `${protocol} ${sample}`).toHaveLength(n);
        }
        asserted++;
      }
      if (e.genomic_alteration) {
        const [protocol, bySample] = Object.entries(e.reasons_for_sample as Record<string, Record<string, number>>)[0]!;
        expect(docsFor(docs.get(protocol), Object.keys(bySample)[0]!)[0]!.genomic_alteration).toBe(e.genomic_alteration);
        asserted++;
      }
      if (e.genomic_reason_counts_excluding_internal_id_1234566) {
        const [protocol, bySample] = Object.entries(e.reasons_for_sample as Record<string, Record<string, number>>)[0]!;
        const mine = docsFor(docs.get(protocol), Object.keys(bySample)[0]!).filter((d) => d.reason_type === 'genomic');
        const counts: Record<string, number> = {};
        for (const d of mine.filter((d) => d.internal_id !== 1234566))
          counts[d.genomic_alteration!] = (counts[d.genomic_alteration!] ?? 0) + 1;
        expect(counts).toEqual(e.genomic_reason_counts_excluding_internal_id_1234566);
        const forbidden = e.must_not_match_for_internal_id_1234566 as string[];
        expect(mine.filter((d) => d.internal_id === 1234566 && forbidden.includes(d.genomic_alteration!))).toEqual([]);
        asserted++;
      }
      if (e.match_docs_after_first_run !== undefined) {
        assertIdempotentReruns(docs.get('10-002') ?? [], e);
        asserted++;
      }
      if (e.completes) {
        expect(results.size).toBe(1);
        asserted++;
      }
      expect(asserted, 'every expectation of the case was checked').toBeGreaterThan(0);
    });
  }
});

/**
 * The engine's duplicate-hash test, played on an in-memory trial_match collection: first run,
 * then two injected copies of every row, then re-runs with rows deleted in between.
 */
function assertIdempotentReruns(found: MatchMinerMatchDoc[], e: Record<string, unknown>) {
  type Row = { id: string; hash: string; disabled: boolean; clinicalId: string };
  let rows: Row[] = [];
  let seq = 0;
  const newId = () => String(seq++).padStart(6, '0');
  const rerun = () => {
    // The engine reconciles one sample at a time (hashes include the sample).
    for (const sample of new Set(found.map((d) => d.sample_id))) {
      const mine = found.filter((d) => d.sample_id === sample);
      const stored = rows.filter((r) => r.clinicalId === mine[0]!.clinical_id);
      const plan = reconcileMatches(
        stored,
        mine.map((d) => d.hash),
      );
      for (const r of rows) {
        if (plan.enable.includes(r.id)) r.disabled = false;
        if (plan.disable.includes(r.id)) r.disabled = true;
      }
      for (const i of plan.insert) rows.push({ id: newId(), hash: mine[i]!.hash, disabled: false, clinicalId: mine[i]!.clinical_id });
    }
  };
  const enabled = () => rows.filter((r) => !r.disabled);

  rerun();
  expect(rows).toHaveLength(e.match_docs_after_first_run as number);
  expect(enabled()).toHaveLength(e.enabled_after_first_run as number);
  expect(new Set(rows.map((r) => r.hash)).size).toBe(e.distinct_hashes as number);

  for (const r of [...rows]) rows.push({ ...r, id: newId() }, { ...r, id: newId() });
  expect(rows).toHaveLength(35 * 3);
  expect(enabled()).toHaveLength(35 * 3);
  rerun();
  expect(rows).toHaveLength(105);
  expect(enabled()).toHaveLength(35);

  // Delete enabled duplicates of the first five patients and disabled duplicates of the last five.
  const patientsSorted = [...new Set(rows.map((r) => r.clinicalId))].sort();
  const prune = (ids: string[], wantDisabled: boolean) => {
    const seen = new Set<string>();
    rows = rows.filter((r) => {
      if (!ids.includes(r.clinicalId) || r.disabled !== wantDisabled) return true;
      if (!seen.has(r.hash)) {
        seen.add(r.hash);
        return true;
      }
      return false;
    });
  };
  prune(patientsSorted.slice(0, 5), false);
  prune(patientsSorted.slice(-5), true);
  expect(rows).toHaveLength(79);
  expect(enabled()).toHaveLength(30);
  const before = new Set(enabled().map((r) => r.id));
  rerun();
  expect(rows).toHaveLength(79);
  expect(enabled()).toHaveLength(35);
  const after = new Set(enabled().map((r) => r.id));
  expect([...before].every((id) => after.has(id))).toBe(true);
}
