/**
 * Genomics over time through the HTTP API: a patient's genomic timeline built from the stored
 * reports and lines, the MTB's review of a resistance classification (audited, versioned) and
 * the resistance atlas (every count backed by its cases), on both database drivers.
 */
import {
  buildGenomicTimeline,
  generateCohort,
  GENOMICS_DATA_PATHS,
  loadGenomicsKnowledge,
  resistanceCasesOf,
  timelineInputFromRecord,
  type GenomicsDataTexts,
} from '@continuum/core';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOncoTree } from '../src/reference';
import { DRIVERS } from './helpers/database';
import { createTestPlatform, type Agent, type TestPlatform } from './helpers/platform';

const PATIENTS = 120;
const SEED = 7; // createTestPlatform's seed

interface Point {
  sampleId: string;
  specimen: string;
  state: string;
  vaf?: number;
  alterationId?: string;
}
interface Series {
  key: string;
  label: string;
  points: Point[];
}
interface Acquired {
  alterationId: string;
  label: string;
  mechanism: string;
  mechanismClass?: string;
  status: string;
  attribution: { lineId: string };
  review: { id: string; version: number; decision: string; mechanism: string | null } | null;
}
interface Timeline {
  patient: { id: string; pseudonym: string };
  samples: { id: string; specimen: string; reportedAt: string; tumourFraction?: number }[];
  series: Series[];
  lines: { id: string; startedAt: string; endedAt?: string }[];
  comparisons: { lineId: string; acquired: Acquired[] }[];
}
interface AtlasCase {
  key: string;
  patientId: string;
  alterationId: string;
  lineId: string;
  drugClass: string;
  target: string;
  status: string;
  suggestedMechanism: string;
}
interface Atlas {
  cached: boolean;
  patientsScanned: number;
  rows: { drugClass: string; target: string; counts: Record<string, number>; total: number }[];
  cells: { drugClass: string; target: string; mechanism: string; count: number; caseKeys: string[] }[];
  cases: AtlasCase[];
  total: number;
  rejected: number;
  confirmed: number;
  needsReview: number;
  facets: { drugClass: string; target: string }[];
}

describe.each(DRIVERS)('genomics over time on %s', (driver) => {
  let p: TestPlatform;
  let mtb: Agent;
  let investigator: Agent;
  beforeAll(async () => {
    p = await createTestPlatform(driver, { patients: PATIENTS });
    mtb = await p.signIn('mtb');
    investigator = await p.signIn('investigator');
  });
  afterAll(() => p.close());

  const timeline = async (id: string, as: Agent = investigator) => {
    const r = await as.request({ method: 'GET', url: `/api/patients/${id}/genomic-timeline` });
    expect(r.statusCode).toBe(200);
    return r.json() as Timeline;
  };
  const atlas = async (query = '') => {
    const r = await investigator.request({ method: 'GET', url: `/api/genomics/resistance-atlas?limit=5000${query}` });
    expect(r.statusCode).toBe(200);
    return r.json() as Atlas;
  };

  it('shows a patient with ≥ 3 ctDNA samples: ordered samples, tumour fractions, a VAF series of ≥ 3 points matching the stored rows', async () => {
    const { rows } = await p.db.query<{ patient_id: string }>(
      `select patient_id from molecular_report where specimen = 'ctdna' group by patient_id having count(*) >= 3 order by patient_id`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(3);
    let shown: { t: Timeline; s: Series } | undefined;
    for (const { patient_id } of rows) {
      const t = await timeline(patient_id);
      const s = t.series.find((x) => x.points.filter((pt) => pt.specimen === 'ctdna' && pt.vaf !== undefined).length >= 3);
      if (s) {
        shown = { t, s };
        break;
      }
    }
    expect(shown).toBeDefined();
    const { t, s } = shown!;
    const dates = t.samples.map((x) => x.reportedAt);
    expect([...dates].sort()).toEqual(dates);
    expect(t.samples.filter((x) => x.specimen === 'ctdna').length).toBeGreaterThanOrEqual(3);
    // One point per sample, each detected point the stored alteration row with its VAF.
    expect(s.points.map((pt) => pt.sampleId)).toEqual(t.samples.map((x) => x.id));
    for (const pt of s.points.filter((x) => x.state === 'detected')) {
      const row = (
        await p.db.query<{ report_id: string; vaf: number }>('select report_id, vaf from alteration where id = $1', [pt.alterationId])
      ).rows[0]!;
      expect(row).toEqual({ report_id: pt.sampleId, vaf: pt.vaf });
    }
    const reports = (
      await p.db.query<{ id: string; tumour_fraction: number | null }>(
        'select id, tumour_fraction from molecular_report where patient_id = $1',
        [t.patient.id],
      )
    ).rows;
    for (const x of t.samples) expect(x.tumourFraction ?? null).toBe(reports.find((r) => r.id === x.id)!.tumour_fraction);
    const lines = (await p.db.query<{ n: number }>('select count(*)::int n from therapy_line where patient_id = $1', [t.patient.id]))
      .rows[0]!.n;
    expect(t.lines).toHaveLength(lines);
  });

  it('counts every atlas cell as the number of cases behind it, and finds the cases core finds in the generated cohort', async () => {
    const a = await atlas();
    expect(a.total).toBeGreaterThan(0);
    expect(a.cases).toHaveLength(a.total);
    expect(a.cells.reduce((n, c) => n + c.count, 0)).toBe(a.total);
    expect(a.rows.reduce((n, r) => n + r.total, 0)).toBe(a.total);
    const keys = new Set(a.cases.map((c) => c.key));
    for (const cell of a.cells) {
      expect(cell.caseKeys).toHaveLength(cell.count);
      for (const k of cell.caseKeys) expect(keys.has(k)).toBe(true);
      // Drilling into the cell returns exactly its cases.
      const q = `&drugClass=${encodeURIComponent(cell.drugClass)}&target=${encodeURIComponent(cell.target)}&mechanism=${cell.mechanism}`;
      const drill = await atlas(q);
      expect(drill.cases.map((c) => c.key).sort()).toEqual([...cell.caseKeys].sort());
      expect(drill.facets).toEqual(a.facets);
    }
    // Same data, same rules: the stored cohort gives core's count for the generated one.
    const oncotree = loadOncoTree();
    const texts = Object.fromEntries(
      Object.entries(GENOMICS_DATA_PATHS).map(([k, path]) => [k, readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8')]),
    ) as GenomicsDataTexts;
    const { kb, resistance } = loadGenomicsKnowledge(texts, oncotree);
    let expected = 0;
    for (const record of generateCohort({ patients: PATIENTS, seed: SEED, referenceDate: '2026-11-01' })) {
      const input = timelineInputFromRecord(record);
      expected += resistanceCasesOf(
        { id: record.pseudonym, pseudonym: record.pseudonym },
        buildGenomicTimeline(input, { reference: resistance, kb }),
      ).length;
    }
    expect(a.total).toBe(expected);
  });

  it('records the MTB review of a classification: audited, versioned, shown on the timeline and in the atlas', async () => {
    const before = await atlas();
    const target = before.cases.find((c) => c.status === 'needs review')!;
    expect(target).toBeDefined();
    const t = await timeline(target.patientId, mtb);
    const acquired = t.comparisons.flatMap((c) => c.acquired).find((a) => a.alterationId === target.alterationId)!;
    expect(acquired).toMatchObject({ status: 'needs review', review: null });
    const url = `/api/patients/${target.patientId}/resistance-reviews`;

    // A confirmation names its mechanism; a rejection names none; the alteration must be acquired.
    const noMechanism = await mtb.request({
      method: 'POST',
      url,
      payload: { alterationId: target.alterationId, therapyLineId: target.lineId, decision: 'confirmed', note: 'agreed at MTB' },
    });
    expect(noMechanism.statusCode).toBe(400);
    expect(noMechanism.json().errors[0].path).toBe('body.mechanism');
    const notAcquired = await mtb.request({
      method: 'POST',
      url,
      payload: {
        alterationId: '00000000-0000-4000-8000-000000000000',
        therapyLineId: target.lineId,
        decision: 'rejected',
        note: 'artefact',
      },
    });
    expect(notAcquired.statusCode).toBe(400);
    expect(notAcquired.json().errors[0].path).toBe('body.alterationId');
    const noNote = await mtb.request({
      method: 'POST',
      url,
      payload: { alterationId: target.alterationId, therapyLineId: target.lineId, decision: 'rejected', note: '' },
    });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().errors[0].path).toBe('body.note');

    const mechanism = target.suggestedMechanism === 'bypass' ? 'on_target' : 'bypass';
    const created = await mtb.request({
      method: 'POST',
      url,
      payload: {
        alterationId: target.alterationId,
        therapyLineId: target.lineId,
        decision: 'confirmed',
        mechanism,
        note: 'MTB 2026-11-02: confirmed on re-biopsy',
      },
    });
    expect(created.statusCode).toBe(201);
    const review = created.json();
    expect(review).toMatchObject({
      decision: 'confirmed',
      mechanism,
      suggestedMechanism: acquired.mechanism,
      reviewedBy: 'mtb',
      reviewerRole: 'mtb',
      version: 1,
    });
    const audit = (
      await p.db.query<{ action: string; actor_username: string; reason: string; after: { mechanism: string }; patient_id: string }>(
        `select action, actor_username, reason, after, patient_id from audit_log where entity_type = 'resistance_review' and entity_id = $1 order by seq`,
        [review.id],
      )
    ).rows;
    expect(audit).toEqual([
      {
        action: 'create',
        actor_username: 'mtb',
        reason: 'MTB 2026-11-02: confirmed on re-biopsy',
        after: expect.objectContaining({ mechanism }),
        patient_id: target.patientId,
      },
    ]);

    // Shown on the timeline; the atlas counts it under the confirmed mechanism.
    const after = (await timeline(target.patientId)).comparisons
      .flatMap((c) => c.acquired)
      .find((a) => a.alterationId === target.alterationId)!;
    expect(after).toMatchObject({ status: 'confirmed', review: { id: review.id, mechanism } });
    const confirmedAtlas = await atlas();
    expect(confirmedAtlas.cached).toBe(true);
    expect(confirmedAtlas.confirmed).toBe(before.confirmed + 1);
    expect(confirmedAtlas.cells.find((c) => c.caseKeys.includes(target.key))!.mechanism).toBe(mechanism);

    // One review per classification: a second POST is a conflict; PUT needs the current version.
    const again = await mtb.request({
      method: 'POST',
      url,
      payload: { alterationId: target.alterationId, therapyLineId: target.lineId, decision: 'rejected', note: 'again' },
    });
    expect(again.statusCode).toBe(409);
    const stale = await investigator.request({
      method: 'PUT',
      url: `${url}/${review.id}`,
      payload: { version: 7, decision: 'rejected', note: 'clonal haematopoiesis on WBC sequencing' },
    });
    expect(stale.statusCode).toBe(409);
    const rejected = await investigator.request({
      method: 'PUT',
      url: `${url}/${review.id}`,
      payload: { version: 1, decision: 'rejected', note: 'clonal haematopoiesis on WBC sequencing' },
    });
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json()).toMatchObject({ decision: 'rejected', mechanism: null, version: 2, reviewedBy: 'investigator' });
    const update = (
      await p.db.query<{ before: { decision: string }; after: { decision: string }; reason: string }>(
        `select before, after, reason from audit_log where entity_type = 'resistance_review' and entity_id = $1 and action = 'update'`,
        [review.id],
      )
    ).rows;
    expect(update).toEqual([
      {
        before: expect.objectContaining({ decision: 'confirmed' }),
        after: expect.objectContaining({ decision: 'rejected' }),
        reason: 'clonal haematopoiesis on WBC sequencing',
      },
    ]);

    // Rejected: out of the counts, tallied apart.
    const rejectedAtlas = await atlas();
    expect(rejectedAtlas.total).toBe(before.total - 1);
    expect(rejectedAtlas.rejected).toBe(before.rejected + 1);
    expect(rejectedAtlas.cells.some((c) => c.caseKeys.includes(target.key))).toBe(false);
  });

  it('recomputes only the patient whose reports changed, and serves the atlas from the cache otherwise', async () => {
    const warm = await atlas();
    expect((await atlas()).cached).toBe(true);
    // A candidate of the atlas: two reports or more and a line that ended.
    const patient = (
      await p.db.query<{ id: string }>(
        `select patient_id as id from molecular_report group by patient_id having count(*) >= 2
         intersect select patient_id from therapy_line where ended_at is not null order by id limit 1`,
      )
    ).rows[0]!;
    await p.db.query(
      `insert into molecular_report (patient_id, specimen, panel, reported_at, tumour_fraction, source, observed_at, recorded_at, recorded_by)
       values ($1, 'ctdna', 'test panel', '2026-10-01', 0.05, 'test', '2026-10-01', now(), 'test')`,
      [patient.id],
    );
    const after = (await atlas()) as Atlas & { patientsRecomputed: number };
    expect(after).toMatchObject({ cached: false, patientsRecomputed: 1, patientsScanned: warm.patientsScanned, total: warm.total });
  });

  it('lets clinical readers read, only mtb / investigator / admin review, and never sponsors or referrers', async () => {
    const a = await atlas();
    const c = a.cases[0]!;
    const radiopharmacist = await p.signIn('radiopharmacist');
    expect((await radiopharmacist.request({ method: 'GET', url: `/api/patients/${c.patientId}/genomic-timeline` })).statusCode).toBe(200);
    expect((await radiopharmacist.request({ method: 'GET', url: '/api/genomics/resistance-atlas' })).statusCode).toBe(200);
    const payload = { alterationId: c.alterationId, therapyLineId: c.lineId, decision: 'rejected', note: 'not mine to decide' };
    for (const role of ['radiopharmacist', 'coordinator', 'physicist'] as const) {
      const agent = await p.signIn(role);
      expect((await agent.request({ method: 'POST', url: `/api/patients/${c.patientId}/resistance-reviews`, payload })).statusCode).toBe(
        403,
      );
    }
    for (const role of ['sponsor', 'referrer'] as const) {
      const agent = await p.signIn(role);
      expect((await agent.request({ method: 'GET', url: `/api/patients/${c.patientId}/genomic-timeline` })).statusCode).toBe(403);
      expect((await agent.request({ method: 'GET', url: '/api/genomics/resistance-atlas' })).statusCode).toBe(403);
      expect((await agent.request({ method: 'POST', url: `/api/patients/${c.patientId}/resistance-reviews`, payload })).statusCode).toBe(
        403,
      );
    }
    expect((await p.app.inject({ method: 'GET', url: '/api/genomics/resistance-atlas' })).statusCode).toBe(401);
    expect(
      (await investigator.request({ method: 'GET', url: '/api/patients/00000000-0000-4000-8000-000000000000/genomic-timeline' }))
        .statusCode,
    ).toBe(404);
  });
});
