/**
 * The Molecular Tumour Board workflow over HTTP, on every test driver: a report imported for a
 * melanoma patient queues a case; the case view ranks its alterations with the knowledge base's
 * evidence and relates the patient's stored trial matches; a meeting puts it on an agenda;
 * recommendations are recorded per alteration; the chair signs (re-authenticated, bound to the
 * content's SHA-256); the signed case is locked, verified on read, and rendered as a PDF.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../src/audit/canonical';
import { verifyAuditChain } from '../src/audit/verify';
import { importGenomicFile } from '../src/genomics/import';
import { SIGNATURE_MEANING } from '../src/mtb/content';
import { nextMeetingTime, seedMtbDemo } from '../src/mtb/demo-seed';
import { DRIVERS } from './helpers/database';
import { createTestPlatform, type Agent, type TestPlatform } from './helpers/platform';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const PSEUDONYM = 'CTM-MTB-0001';
const CLI_ACTOR = { id: null, username: 'cli:lab', role: 'system' };

/** A tissue panel report of a cutaneous melanoma: BRAF V600E, a TP53 variant at a heterozygous-like VAF, a CDKN2A deep deletion. */
const MELANOMA_REPORT = {
  panel: 'In-house tissue NGS panel v2 (DNA + RNA fusions)',
  specimen: 'tissue',
  reportedAt: '2026-10-20',
  genomeBuild: 'GRCh38',
  tmb: { value: 6.1, unit: 'mut/Mb' },
  msi: 'MSS',
  genesTested: ['BRAF', 'NRAS', 'TP53', 'CDKN2A', 'KIT'],
  alterations: [
    { gene: 'BRAF', type: 'mutation', hgvsp: 'p.Val600Glu', hgvsc: 'c.1799T>A', vaf: 0.32, consequence: 'missense_variant' },
    { gene: 'TP53', type: 'mutation', hgvsp: 'p.R248Q', vaf: 0.48, consequence: 'missense_variant' },
    { gene: 'CDKN2A', type: 'deletion', copyNumber: 0 },
  ],
};
const NEGATIVE_REPORT = { ...MELANOMA_REPORT, reportedAt: '2026-10-21', tmb: { value: 2, unit: 'mut/Mb' }, alterations: [] };

/** Text drawn by a PDF's content streams (pdfkit writes hex strings in TJ arrays), one line per TJ, streams inflated. */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const lines: string[] = [];
  for (const m of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let body = Buffer.from(m[1]!, 'latin1');
    try {
      body = inflateSync(body);
    } catch {
      /* an uncompressed stream */
    }
    for (const tj of body.toString('latin1').matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      lines.push([...tj[1]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => Buffer.from(h[1]!, 'hex').toString('latin1')).join(''));
    }
  }
  return lines.join(' ');
}

describe.each(DRIVERS)('the MTB workflow on %s', (driver) => {
  let t: TestPlatform;
  let mtb: Agent;
  let investigator: Agent;
  let dir: string;
  let patientId: string;
  let reportId: string;
  let caseId: string;
  let trialId: string;
  let meetingId: string;
  let mtbUserId: string;

  const one = async <T = Json>(sql: string, params: unknown[] = []) => (await t.db.query<T>(sql, params)).rows[0]!;
  const getCase = async (agent: Agent = mtb) => {
    const res = await agent.request({ method: 'GET', url: `/api/mtb/cases/${caseId}` });
    expect(res.statusCode).toBe(200);
    return res.json() as Json;
  };
  const importReport = (name: string, report: object) => {
    const path = join(dir, name);
    writeFileSync(path, JSON.stringify(report));
    return importGenomicFile(t.db, path, {
      actor: CLI_ACTOR,
      patient: PSEUDONYM,
      reason: 'MTB intake',
      afterWrite: async (tx, ids) => {
        await t.app.deps.matcher.rematch(tx, { patientIds: ids });
      },
    });
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'continuum-mtb-'));
    t = await createTestPlatform(driver, { patients: 30 });
    mtb = await t.signIn('mtb');
    investigator = await t.signIn('investigator');
    mtbUserId = (await one<{ id: string }>(`select id from app_user where username = 'mtb'`)).id;

    // A stage IV cutaneous melanoma after first-line nivolumab, ECOG 1.
    patientId = randomUUID();
    await t.db.query(`insert into patient (id, pseudonym, sex, birth_year, vital_status) values ($1, $2, 'female', 1968, 'alive')`, [
      patientId,
      PSEUDONYM,
    ]);
    const prov = `'test', '2026-10-01', now(), 'test'`;
    await t.db.query(
      `insert into condition (patient_id, kind, oncotree_code, diagnosed_at, stage, source, observed_at, recorded_at, recorded_by) values ($1, 'primary', 'SKCM', '2025-03-02', 'IV', ${prov})`,
      [patientId],
    );
    await t.db.query(
      `insert into performance_status (patient_id, ecog, source, observed_at, recorded_at, recorded_by) values ($1, 1, ${prov})`,
      [patientId],
    );
    await t.db.query(
      `insert into therapy_line (patient_id, line_number, setting, drugs, started_at, ended_at, best_response, stop_reason, source, observed_at, recorded_at, recorded_by)
       values ($1, 1, 'metastatic', '[{"name":"nivolumab","drugClass":"anti-PD-1"}]', '2025-04-01', '2026-09-15', 'PD', 'progression', ${prov})`,
      [patientId],
    );

    // A basket trial asking for BRAF p.V600E in melanoma: the patient's stored match must relate to that alteration.
    const ctml = {
      protocol_no: 'MTB-BRAF-01',
      phase: 'II',
      status: 'Open to Accrual',
      long_title: 'BRAF V600E melanoma basket',
      treatment_list: {
        step: [
          {
            step_code: '1',
            arm: [
              {
                arm_code: 'A',
                arm_description: 'BRAF V600E',
                arm_suspended: 'N',
                match: [
                  {
                    and: [
                      { clinical: { age_numerical: '>=18', oncotree_primary_diagnosis: 'MEL' } },
                      { genomic: { hugo_symbol: 'BRAF', protein_change: 'p.V600E' } },
                    ],
                  },
                ],
              },
            ],
          },
        ],
      },
    };
    const imported = await investigator.request({
      method: 'POST',
      url: '/api/trials/import',
      payload: { reason: 'MTB test basket', format: 'json', ctml: JSON.stringify(ctml) },
    });
    expect(imported.statusCode).toBe(201);
    trialId = imported.json().trials[0].id;
  });

  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('queues a case when a report with alterations is imported, not for a negative report', async () => {
    const r = await importReport('mtb_melanoma.json', MELANOMA_REPORT);
    reportId = r.reportIds[0]!;
    const c = await one(`select id, status, version, queued_by, patient_id from mtb_case where report_id = $1`, [reportId]);
    expect(c).toMatchObject({ status: 'queued', version: 1, queued_by: 'import:mtb_melanoma.json', patient_id: patientId });
    caseId = c.id;
    const entry = await one(`select action, after from audit_log where action = 'import' order by seq desc limit 1`);
    expect(entry.after).toMatchObject({ reports: 1, alterations: 3, mtbCasesQueued: 1 });

    const negative = await importReport('mtb_negative.json', NEGATIVE_REPORT);
    expect(negative.alterations).toBe(0);
    expect((await t.db.query('select 1 from mtb_case where report_id = $1', [negative.reportIds[0]])).rows).toHaveLength(0);

    const queue = (await mtb.request({ method: 'GET', url: `/api/mtb/cases?status=queued&q=${PSEUDONYM}` })).json();
    expect(queue).toMatchObject({ page: 1, pageSize: 25, total: 1 });
    expect(queue.items[0]).toMatchObject({
      id: caseId,
      status: 'queued',
      patient: { pseudonym: PSEUDONYM, diagnosis: { oncotreeCode: 'SKCM' } },
      report: { id: reportId, specimen: 'tissue', reportedAt: '2026-10-20' },
      alterationCount: 3,
      // ESCAT (Mateo et al., Ann Oncol 2018, table 2): BRAF V600E in melanoma is tier I-A.
      top: { gene: 'BRAF', alteration: 'p.V600E', escat: 'I-A' },
    });
    const paged = (await mtb.request({ method: 'GET', url: '/api/mtb/cases?pageSize=1&page=1' })).json();
    expect(paged.items).toHaveLength(1);
    expect((await mtb.request({ method: 'GET', url: '/api/mtb/cases?status=nonsense' })).json().errors[0].path).toBe('query.status');
  });

  it('shows the case: summary, alterations ranked by actionability with evidence and flags, related trial matches', async () => {
    const before = (await one<{ n: number }>(`select count(*)::int n from audit_log where action = 'read' and entity_type = 'mtb_case'`)).n;
    const c = await getCase();
    expect(c.patient).toMatchObject({
      pseudonym: PSEUDONYM,
      diagnosis: { oncotreeCode: 'SKCM', stage: 'IV' },
      ecog: { value: 1 },
      therapyLines: [{ lineNumber: 1, drugs: ['nivolumab'], bestResponse: 'PD' }],
    });
    expect(c.patient).not.toHaveProperty('familyName');
    expect(c.tumourType).toMatchObject({ code: 'SKCM', basis: 'primary diagnosis' });
    expect(c.report).toMatchObject({ panel: MELANOMA_REPORT.panel, tmb: 6.1, msi: 'MSS' });

    const [first, ...rest] = c.alterations as Json[];
    expect(first).toMatchObject({ rank: 1, gene: 'BRAF', alteration: 'p.V600E', vaf: 0.32, hgvsCdna: 'c.1799T>A', escat: { tier: 'I-A' } });
    // CIViC: BRAF V600E → vemurafenib / dabrafenib sensitivity in melanoma at level A (validated association).
    expect(first!.evidence).toContainEqual(
      expect.objectContaining({ source: 'CIViC', level: 'A', direction: 'sensitivity', supports: true, relation: 'same' }),
    );
    const therapies = (first!.evidence as Json[]).flatMap((g) => g.therapies.map((x: string) => x.toLowerCase()));
    expect(therapies.some((x) => x.includes('vemurafenib') || x.includes('dabrafenib'))).toBe(true);
    expect((first!.evidence as Json[]).every((g) => g.items.length >= 1)).toBe(true);
    // Ranked: tiers never improve down the list.
    const tiers = ['I-A', 'I-B', 'I-C', 'II-A', 'II-B', 'III-A', 'III-B', 'IV-A', 'IV-B', 'V', 'X'];
    const order = (c.alterations as Json[]).map((a) => tiers.indexOf(a.escat.tier));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    // TP53 is a predisposition gene; 48 % sits in the 40–60 % heterozygous window → possible germline.
    const tp53 = rest.find((a) => a.gene === 'TP53')!;
    expect(tp53.flags).toContainEqual(expect.objectContaining({ kind: 'possible_germline' }));
    expect(rest.find((a) => a.gene === 'CDKN2A')).toMatchObject({ alteration: 'deletion', alterationClass: 'deletion' });

    // The basket's stored match was met by this BRAF row.
    expect(first!.trials).toContainEqual(
      expect.objectContaining({ trialId, protocolNumber: 'MTB-BRAF-01', relation: 'criterion-met', status: 'eligible' }),
    );
    const met = (first!.trials as Json[]).find((x) => x.trialId === trialId)!;
    expect(met.criteria[0].text).toMatch(/BRAF p\.V600E/);
    expect(tp53.trials.find((x: Json) => x.trialId === trialId)).toBeUndefined();

    expect(c.signing).toMatchObject({ meaning: SIGNATURE_MEANING, canSign: false });
    expect(c.signing.blockers.join(' ')).toMatch(/agenda/);
    expect(c.contentSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(c.signature).toBeNull();
    // Opening the case is audited like opening a record.
    expect((await one<{ n: number }>(`select count(*)::int n from audit_log where action = 'read' and entity_type = 'mtb_case'`)).n).toBe(
      before + 1,
    );
  });

  it('schedules a meeting and manages its agenda with optimistic concurrency', async () => {
    const chairs = (await mtb.request({ method: 'GET', url: '/api/mtb/chairs' })).json().items as Json[];
    expect(chairs.map((c) => c.role).sort()).toEqual(['admin', 'investigator', 'mtb']);
    const bad = await mtb.request({
      method: 'POST',
      url: '/api/mtb/meetings',
      payload: { title: 'x', scheduledAt: 'tomorrow', chairId: mtbUserId, reason: 'weekly' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: Json) => e.path)).toEqual(expect.arrayContaining(['body.title', 'body.scheduledAt']));
    const sponsorId = (await one<{ id: string }>(`select id from app_user where username = 'sponsor'`)).id;
    const sponsorChair = await mtb.request({
      method: 'POST',
      url: '/api/mtb/meetings',
      payload: { title: 'Weekly MTB', scheduledAt: '2026-11-10T13:00:00Z', chairId: sponsorId, reason: 'weekly' },
    });
    expect(sponsorChair.statusCode).toBe(400);
    expect(sponsorChair.json().errors[0].path).toBe('body.chairId');

    const created = await mtb.request({
      method: 'POST',
      url: '/api/mtb/meetings',
      payload: { title: 'Weekly MTB', scheduledAt: '2026-11-10T13:00:00Z', chairId: mtbUserId, reason: 'weekly board' },
    });
    expect(created.statusCode).toBe(201);
    let meeting = created.json();
    meetingId = meeting.id;
    expect(meeting).toMatchObject({ title: 'Weekly MTB', chair: { username: 'mtb' }, version: 1, agenda: [] });

    // Two more cases to order: queue two seeded reports by hand.
    const others = (
      await t.db.query<{ id: string }>(`select id from molecular_report where patient_id <> $1 order by reported_at desc, id limit 2`, [
        patientId,
      ])
    ).rows;
    const queued = [];
    for (const r of others) {
      const res = await mtb.request({
        method: 'POST',
        url: '/api/mtb/cases',
        payload: { reportId: r.id, reason: 'discuss at the weekly board' },
      });
      expect(res.statusCode).toBe(201);
      queued.push(res.json().id as string);
    }
    expect(
      (await mtb.request({ method: 'POST', url: '/api/mtb/cases', payload: { reportId: others[0]!.id, reason: 'again' } })).statusCode,
    ).toBe(409);

    for (const id of [caseId, ...queued]) {
      const res = await mtb.request({
        method: 'POST',
        url: `/api/mtb/meetings/${meetingId}/agenda`,
        payload: { caseId: id, version: meeting.version, reason: 'agenda' },
      });
      expect(res.statusCode).toBe(200);
      meeting = res.json();
    }
    expect(meeting.agenda.map((a: Json) => [a.position, a.case.id])).toEqual([
      [1, caseId],
      [2, queued[0]],
      [3, queued[1]],
    ]);
    expect(meeting.agenda[0].case.status).toBe('scheduled');
    const stale = await mtb.request({
      method: 'POST',
      url: `/api/mtb/meetings/${meetingId}/agenda`,
      payload: { caseId, version: 1, reason: 'agenda' },
    });
    expect(stale.statusCode).toBe(409);

    const reordered = await mtb.request({
      method: 'PUT',
      url: `/api/mtb/meetings/${meetingId}/agenda`,
      payload: { caseIds: [queued[1], caseId, queued[0]], version: meeting.version, reason: 'most urgent first' },
    });
    expect(reordered.statusCode).toBe(200);
    meeting = reordered.json();
    expect(meeting.agenda.map((a: Json) => a.case.id)).toEqual([queued[1], caseId, queued[0]]);
    const notPermutation = await mtb.request({
      method: 'PUT',
      url: `/api/mtb/meetings/${meetingId}/agenda`,
      payload: { caseIds: [caseId], version: meeting.version, reason: 'x'.repeat(5) },
    });
    expect(notPermutation.json().errors[0].path).toBe('body.caseIds');

    const removed = await mtb.request({
      method: 'DELETE',
      url: `/api/mtb/meetings/${meetingId}/agenda/${queued[1]}`,
      payload: { version: meeting.version, reason: 'deferred to next week' },
    });
    expect(removed.statusCode).toBe(200);
    meeting = removed.json();
    expect(meeting.agenda.map((a: Json) => [a.position, a.case.id])).toEqual([
      [1, caseId],
      [2, queued[0]],
    ]);
    expect((await one(`select status from mtb_case where id = $1`, [queued[1]])).status).toBe('queued');
    expect(await one(`select action, reason from audit_log where entity_type = 'mtb_meeting' order by seq desc limit 1`)).toMatchObject({
      action: 'agenda-remove',
      reason: 'deferred to next week',
    });

    // A case sits on one agenda at a time; cancelling a meeting that discussed nothing sends its cases back to the queue.
    const other = (
      await mtb.request({
        method: 'POST',
        url: '/api/mtb/meetings',
        payload: { title: 'Extra MTB', scheduledAt: '2026-11-12T13:00:00+01:00', chairId: mtbUserId, reason: 'extra' },
      })
    ).json();
    const twice = await mtb.request({
      method: 'POST',
      url: `/api/mtb/meetings/${other.id}/agenda`,
      payload: { caseId: queued[0], version: other.version, reason: 'agenda' },
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().detail).toMatch(/Weekly MTB/);
    const added = (
      await mtb.request({
        method: 'POST',
        url: `/api/mtb/meetings/${other.id}/agenda`,
        payload: { caseId: queued[1], version: other.version, reason: 'agenda' },
      })
    ).json();
    expect(added.scheduledAt).toBe('2026-11-12T12:00:00.000Z');
    expect((await one(`select status from mtb_case where id = $1`, [queued[1]])).status).toBe('scheduled');
    const cancelled = await mtb.request({
      method: 'DELETE',
      url: `/api/mtb/meetings/${other.id}`,
      payload: { version: added.version, reason: 'merged into the weekly board' },
    });
    expect(cancelled.statusCode).toBe(204);
    expect((await one(`select status from mtb_case where id = $1`, [queued[1]])).status).toBe('queued');
    expect((await mtb.request({ method: 'GET', url: `/api/mtb/meetings/${other.id}` })).statusCode).toBe(404);
  });

  it('records, changes and withdraws recommendations per alteration, audited with the reason', async () => {
    const c = await getCase();
    expect(c).toMatchObject({ status: 'scheduled', meeting: { id: meetingId, chair: { username: 'mtb' } } });
    const braf = (c.alterations as Json[])[0]!;
    const tp53 = (c.alterations as Json[]).find((a) => a.gene === 'TP53')!;
    const post = (payload: Json) => mtb.request({ method: 'POST', url: `/api/mtb/cases/${caseId}/recommendations`, payload });

    const noTherapy = await post({
      alterationKey: braf.key,
      kind: 'targeted-therapy',
      escatDecided: 'I-A',
      rationale: 'BRAF V600E',
      reason: 'MTB decision',
    });
    expect(noTherapy.statusCode).toBe(400);
    expect(noTherapy.json().errors[0].path).toBe('body.therapy');
    const otherReport = await post({
      alterationKey: randomUUID(),
      kind: 'no-action',
      escatDecided: 'X',
      rationale: 'n/a',
      reason: 'MTB decision',
    });
    expect(otherReport.json().errors[0].path).toBe('body.alterationKey');
    const noReason = await post({ alterationKey: braf.key, kind: 'no-action', escatDecided: 'X', rationale: 'n/a' });
    expect(noReason.json().errors[0].path).toBe('body.reason');

    const targeted = await post({
      alterationKey: braf.key,
      kind: 'targeted-therapy',
      therapy: 'dabrafenib + trametinib',
      escatDecided: 'I-A',
      rationale: 'BRAF V600E melanoma progressing on anti-PD-1: BRAF plus MEK inhibition (COMBI-d, COMBI-v).',
      reason: 'MTB decision',
    });
    expect(targeted.statusCode).toBe(201);
    // The suggested tier is the server's, from the evidence.
    expect(targeted.json()).toMatchObject({
      alterationKey: braf.key,
      escatSuggested: 'I-A',
      escatDecided: 'I-A',
      author: 'mtb',
      version: 1,
    });
    const trial = await post({
      alterationKey: braf.key,
      kind: 'clinical-trial',
      trialId,
      escatDecided: 'I-A',
      rationale: 'Eligible for the BRAF basket',
      reason: 'MTB decision',
    });
    expect(trial.statusCode).toBe(201);
    expect(trial.json().trial).toMatchObject({ id: trialId, protocolNumber: 'MTB-BRAF-01' });
    const germline = await post({
      alterationKey: tp53.key,
      kind: 'germline-referral',
      escatDecided: 'X',
      rationale: 'TP53 at 48 % VAF: rule out Li-Fraumeni',
      reason: 'MTB decision',
    });
    expect(germline.statusCode).toBe(201);

    const changed = await mtb.request({
      method: 'PATCH',
      url: `/api/mtb/cases/${caseId}/recommendations/${germline.json().id}`,
      payload: { version: 1, reason: 'wording', rationale: 'TP53 p.R248Q at 48 % VAF: genetic counselling, germline TP53 testing' },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ version: 2, kind: 'germline-referral' });
    const stale = await mtb.request({
      method: 'PATCH',
      url: `/api/mtb/cases/${caseId}/recommendations/${germline.json().id}`,
      payload: { version: 1, reason: 'again', rationale: 'x'.repeat(10) },
    });
    expect(stale.statusCode).toBe(409);

    const extra = await post({
      alterationKey: tp53.key,
      kind: 'further-testing',
      escatDecided: 'X',
      rationale: 'Repeat on a new biopsy',
      reason: 'MTB decision',
    });
    const withdrawn = await mtb.request({
      method: 'DELETE',
      url: `/api/mtb/cases/${caseId}/recommendations/${extra.json().id}`,
      payload: { version: 1, reason: 'duplicate of the germline referral' },
    });
    expect(withdrawn.statusCode).toBe(204);
    const entry = await one(
      `select action, entity_type, reason, before, patient_id from audit_log where entity_type = 'mtb_recommendation' order by seq desc limit 1`,
    );
    expect(entry).toMatchObject({ action: 'delete', reason: 'duplicate of the germline referral', patient_id: patientId });
    expect(entry.before).toMatchObject({ kind: 'further-testing', rationale: 'Repeat on a new biopsy' });

    const after = await getCase();
    expect(after.status).toBe('discussed');
    expect((after.recommendations as Json[]).map((r) => r.kind).sort()).toEqual([
      'clinical-trial',
      'germline-referral',
      'targeted-therapy',
    ]);
    expect(after.signing).toMatchObject({ canSign: true, blockers: [] });
    expect(after.contentSha256).not.toBe(c.contentSha256);
  });

  it('signs only with the right password, as the chair, over the content the signer saw', async () => {
    const c = await getCase();
    const sign = (agent: Agent, body: Json) => agent.request({ method: 'POST', url: `/api/mtb/cases/${caseId}/sign`, payload: body });
    const body = { version: c.version, contentSha256: c.contentSha256, meaning: SIGNATURE_MEANING, password: 'continuum-demo' };

    const wrong = await sign(mtb, { ...body, password: 'not-the-password' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.headers['content-type']).toMatch(/problem\+json/);
    expect(wrong.json().detail).toMatch(/wrong password/i);
    expect(await one(`select action, entity_id from audit_log order by seq desc limit 1`)).toMatchObject({
      action: 'sign-failed',
      entity_id: caseId,
    });
    expect((await t.db.query('select 1 from mtb_signature where case_id = $1', [caseId])).rows).toHaveLength(0);
    // The wrong password did not end the session.
    expect((await mtb.request({ method: 'GET', url: `/api/mtb/cases/${caseId}` })).statusCode).toBe(200);

    const otherMeaning = await sign(mtb, { ...body, meaning: 'I have read this' });
    expect(otherMeaning.json().errors[0].path).toBe('body.meaning');
    const notChair = await sign(investigator, body);
    expect(notChair.statusCode).toBe(403);
    expect(notChair.json().detail).toMatch(/chair/);
    const notSeen = await sign(mtb, { ...body, contentSha256: 'a'.repeat(64) });
    expect(notSeen.statusCode).toBe(409);
    expect(notSeen.json().detail).toContain(c.contentSha256);

    const signed = await sign(mtb, body);
    expect(signed.statusCode).toBe(200);
    expect(signed.json()).toMatchObject({
      signerUsername: 'mtb',
      signerRole: 'mtb',
      meaning: SIGNATURE_MEANING,
      contentSha256: c.contentSha256,
    });

    const stored = await one(`select content, content_sha256 from mtb_signature where case_id = $1`, [caseId]);
    expect(stored.content_sha256).toBe(c.contentSha256);
    // What was hashed is the canonical JSON stored verbatim; it names the recommendations.
    const content = JSON.parse(stored.content);
    expect(canonicalJson(content)).toBe(stored.content);
    expect(content.recommendations.map((r: Json) => r.therapy)).toContain('dabrafenib + trametinib');
    const entry = await one(
      `select action, entity_id, patient_id, after, reason from audit_log where action = 'sign' order by seq desc limit 1`,
    );
    expect(entry).toMatchObject({ entity_id: caseId, patient_id: patientId, reason: SIGNATURE_MEANING });
    expect(entry.after).toMatchObject({
      status: 'signed',
      contentSha256: c.contentSha256,
      meaning: SIGNATURE_MEANING,
      signer: { username: 'mtb' },
    });
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });

    const view = await getCase();
    expect(view.status).toBe('signed');
    expect(view.signature).toMatchObject({
      signerUsername: 'mtb',
      contentSha256: c.contentSha256,
      verification: { snapshotIntact: true, contentUnchanged: true, problems: [] },
    });

    // Locked: every change is refused with the reason.
    const rec = (view.recommendations as Json[])[0]!;
    const edits = await Promise.all([
      mtb.request({
        method: 'POST',
        url: `/api/mtb/cases/${caseId}/recommendations`,
        payload: {
          alterationKey: rec.alterationKey,
          kind: 'no-action',
          escatDecided: 'X',
          rationale: 'late idea',
          reason: 'after the meeting',
        },
      }),
      mtb.request({
        method: 'PATCH',
        url: `/api/mtb/cases/${caseId}/recommendations/${rec.id}`,
        payload: { version: rec.version, reason: 'after', rationale: 'changed after signing' },
      }),
      mtb.request({
        method: 'DELETE',
        url: `/api/mtb/cases/${caseId}/recommendations/${rec.id}`,
        payload: { version: rec.version, reason: 'after' },
      }),
      sign(mtb, { ...body, version: view.version, contentSha256: view.contentSha256 }),
    ]);
    expect(edits.map((r) => r.statusCode)).toEqual([409, 409, 409, 409]);
    for (const e of edits) expect(e.json().detail).toMatch(/signed/);
    const meeting = (await mtb.request({ method: 'GET', url: `/api/mtb/meetings/${meetingId}` })).json();
    const takeOff = await mtb.request({
      method: 'DELETE',
      url: `/api/mtb/meetings/${meetingId}/agenda/${caseId}`,
      payload: { version: meeting.version, reason: 'after' },
    });
    expect(takeOff.statusCode).toBe(409);
    const rename = await mtb.request({
      method: 'PATCH',
      url: `/api/mtb/meetings/${meetingId}`,
      payload: { version: meeting.version, reason: 'rename', title: 'Another title' },
    });
    expect(rename.statusCode).toBe(409);
    await expect(t.db.query(`update mtb_signature set meaning = 'changed' where case_id = $1`, [caseId])).rejects.toThrow(/append-only/);
  });

  it('renders the signed report as a PDF with the recommendations, refuses an unsigned case', async () => {
    const meeting = (await mtb.request({ method: 'GET', url: `/api/mtb/meetings/${meetingId}` })).json();
    const unsigned = meeting.agenda.find((a: Json) => a.case.id !== caseId).case.id;
    const refused = await mtb.request({ method: 'GET', url: `/api/mtb/cases/${unsigned}/report.pdf` });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toMatch(/not signed/);

    const res = await investigator.request({ method: 'GET', url: `/api/mtb/cases/${caseId}/report.pdf` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="MTB-CTM-MTB-0001-\d{4}-\d{2}-\d{2}\.pdf"/);
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-6).toString('latin1')).toMatch(/%%EOF/);
    const text = pdfText(pdf);
    const hash = (await one(`select content_sha256 from mtb_signature where case_id = $1`, [caseId])).content_sha256;
    for (const expected of [
      PSEUDONYM,
      MELANOMA_REPORT.panel,
      'BRAF p.V600E',
      'dabrafenib + trametinib',
      'BRAF plus MEK inhibition (COMBI-d, COMBI-v)',
      'MTB-BRAF-01',
      'genetic counselling, germline TP53 testing',
      SIGNATURE_MEANING,
      hash,
      'Dr Demo MTB member',
    ]) {
      expect(text).toContain(expected);
    }
    expect(
      await one(`select action, entity_type, actor_username from audit_log where action = 'export' order by seq desc limit 1`),
    ).toMatchObject({
      entity_type: 'mtb_report',
      actor_username: 'investigator',
    });
  });

  it('verify-on-read detects content changed under the signature by direct SQL', async () => {
    // A superuser edits a signed recommendation behind the API's back.
    await t.db.query(
      `update mtb_recommendation set rationale = rationale || ' (edited)' where case_id = $1 and kind = 'targeted-therapy'`,
      [caseId],
    );
    let v = (await getCase()).signature.verification;
    expect(v).toMatchObject({ snapshotIntact: true, contentUnchanged: false });
    expect(v.problems.join(' ')).toMatch(/differ from the signed content/);
    await t.db.query(`update mtb_recommendation set rationale = replace(rationale, ' (edited)', '') where case_id = $1`, [caseId]);
    expect((await getCase()).signature.verification).toMatchObject({ snapshotIntact: true, contentUnchanged: true });

    // And the stored snapshot itself, with the append-only trigger switched off.
    await t.db.exec('alter table mtb_signature disable trigger mtb_signature_no_update');
    await t.db.query(`update mtb_signature set content = replace(content, 'dabrafenib + trametinib', 'vemurafenib') where case_id = $1`, [
      caseId,
    ]);
    await t.db.exec('alter table mtb_signature enable trigger mtb_signature_no_update');
    v = (await getCase()).signature.verification;
    expect(v.snapshotIntact).toBe(false);
    expect(v.problems[0]).toMatch(/does not hash|not to the signed/);
  });

  it('keeps sponsors and referrers out, lets clinical readers read but not write', async () => {
    const sponsor = await t.signIn('sponsor');
    const referrer = await t.signIn('referrer');
    const physicist = await t.signIn('physicist');
    const reads = [
      `/api/mtb/cases`,
      `/api/mtb/cases/${caseId}`,
      `/api/mtb/cases/${caseId}/report.pdf`,
      `/api/mtb/meetings`,
      `/api/mtb/meetings/${meetingId}`,
    ];
    for (const agent of [sponsor, referrer]) {
      for (const url of reads) expect((await agent.request({ method: 'GET', url })).statusCode, `${agent.role} ${url}`).toBe(403);
      expect((await agent.request({ method: 'POST', url: `/api/mtb/cases/${caseId}/sign`, payload: {} })).statusCode).toBe(403);
    }
    for (const url of reads) expect((await physicist.request({ method: 'GET', url })).statusCode, url).toBe(200);
    const write = await physicist.request({
      method: 'POST',
      url: `/api/mtb/meetings`,
      payload: { title: 'Physics MTB', scheduledAt: '2026-11-10T13:00:00Z', chairId: mtbUserId, reason: 'x'.repeat(5) },
    });
    expect(write.statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/mtb/cases' })).statusCode).toBe(401);
  });

  it('throttles wrong signing passwords like sign-ins', async () => {
    // A fresh case to sign: the sign-in throttle allows 10 failures a minute per account (docs/architecture.md).
    const admin = await t.signIn('admin', '10.0.0.9');
    const c = await getCase(admin);
    let last = 0;
    for (let i = 0; i < 11; i++) {
      last = (
        await admin.request({
          method: 'POST',
          url: `/api/mtb/cases/${caseId}/sign`,
          payload: { version: c.version, contentSha256: c.contentSha256, meaning: SIGNATURE_MEANING, password: `wrong-${i}` },
          remoteAddress: '10.0.0.9',
        })
      ).statusCode;
    }
    expect(last).toBe(429);
  });

  it('seeds a demo queue and next week’s meeting with the most actionable cases on its agenda', async () => {
    const now = new Date('2026-11-05T09:00:00Z'); // a Thursday
    expect(nextMeetingTime(now).toISOString()).toBe('2026-11-10T13:00:00.000Z');
    const before = (await one<{ n: number }>('select count(*)::int n from mtb_case')).n;
    await seedMtbDemo(t.db, { referenceDate: '2026-11-01', now });
    const seeded = (await t.db.query<{ status: string }>(`select status from mtb_case where queued_by = 'seed:mtb-demo'`)).rows;
    expect(seeded.length).toBeGreaterThanOrEqual(1);
    expect((await one<{ n: number }>('select count(*)::int n from mtb_case')).n).toBe(before + seeded.length);
    const meeting = (await mtb.request({ method: 'GET', url: '/api/mtb/meetings?pageSize=200' }))
      .json()
      .items.find((m: Json) => m.scheduledAt === '2026-11-10T13:00:00.000Z' && m.title.startsWith('Molecular Tumour Board'));
    expect(meeting).toMatchObject({ chair: { username: 'mtb' } });
    expect(meeting.agendaCount).toBe(Math.min(4, seeded.length));
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
  });
});
