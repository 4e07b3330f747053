/**
 * Recommendations per alteration: recorded, changed and withdrawn while the case is unsigned,
 * each write audited with its reason and before/after. The suggested ESCAT tier is computed
 * here from the evidence, never taken from the client; the decided tier is the board's.
 */
import type { EscatTier, GenomicsKnowledge, OncoTree } from '@continuum/core';
import type { Queryable } from '../db/driver';
import type { Audit } from '../http/common/audited';
import { badRequest, conflict, notFound } from '../http/common/problem';
import { loadCaseRecord, RECOMMENDATION_SELECT, recommendationRow, type RecommendationRow } from './case-record';
import { lockCase, refuseIfSigned, touchCase } from './cases';
import { buildCaseContent } from './content';

export const RECOMMENDATION_KINDS = ['targeted-therapy', 'clinical-trial', 'further-testing', 'germline-referral', 'no-action'] as const;
export type RecommendationKind = (typeof RECOMMENDATION_KINDS)[number];

export interface RecommendationFields {
  kind: RecommendationKind;
  therapy?: string | null;
  trialId?: string | null;
  escatDecided: EscatTier;
  rationale: string;
}

export interface MtbContext {
  knowledge: Pick<GenomicsKnowledge, 'kb'>;
  oncotree: OncoTree;
}

export interface Author {
  id: string;
  username: string;
}

/** What the recommendation needs for its kind: a therapy to name, a trial that exists. */
async function checkFields(tx: Queryable, f: RecommendationFields): Promise<void> {
  if (f.kind === 'targeted-therapy' && !f.therapy?.trim()) {
    throw badRequest('A targeted-therapy recommendation names the therapy.', [{ path: 'body.therapy', message: 'name the therapy' }]);
  }
  if (f.kind === 'clinical-trial' && !f.trialId) {
    throw badRequest('A clinical-trial recommendation names the trial.', [{ path: 'body.trialId', message: 'choose the trial' }]);
  }
  if (f.trialId && (await tx.query('select 1 from trial where id = $1', [f.trialId])).rows.length === 0) {
    throw badRequest(`Trial ${f.trialId} does not exist.`, [{ path: 'body.trialId', message: 'no such trial' }]);
  }
}

/** The suggested tier of the alteration the key names, from the live annotation of the report. */
async function suggestionFor(tx: Queryable, ctx: MtbContext, caseId: string, alterationKey: string) {
  const record = (await loadCaseRecord(tx, caseId))!;
  const { ranked } = buildCaseContent(record, ctx.knowledge, ctx.oncotree);
  const a = ranked.find((x) => x.key === alterationKey);
  if (!a) {
    const keys = ranked.map((x) => `${x.key} (${x.gene} ${x.alteration})`).join(', ');
    throw badRequest(`The report of this case has no alteration "${alterationKey}".`, [
      { path: 'body.alterationKey', message: `not an alteration of this report; one of: ${keys || 'none'}` },
    ]);
  }
  return { record, alteration: a };
}

async function readRecommendation(tx: Queryable, id: string): Promise<RecommendationRow | null> {
  const row = (await tx.query(`${RECOMMENDATION_SELECT} where r.id = $1`, [id])).rows[0];
  return row ? recommendationRow(row) : null;
}

export async function createRecommendation(
  tx: Queryable,
  ctx: MtbContext,
  audit: Audit,
  author: Author,
  caseId: string,
  input: RecommendationFields & { alterationKey: string; reason: string },
): Promise<RecommendationRow> {
  const c = await lockCase(tx, caseId);
  await refuseIfSigned(tx, c, 'Cannot record a recommendation');
  await checkFields(tx, input);
  const { alteration } = await suggestionFor(tx, ctx, caseId, input.alterationKey);
  const id = (
    await tx.query<{ id: string }>(
      `insert into mtb_recommendation (case_id, alteration_id, biomarker, kind, therapy, trial_id, escat_suggested, escat_decided, rationale, author_id, author)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning id`,
      [
        caseId,
        alteration.alterationId,
        alteration.biomarker,
        input.kind,
        input.therapy?.trim() || null,
        input.trialId ?? null,
        alteration.escat.tier,
        input.escatDecided,
        input.rationale.trim(),
        author.id,
        author.username,
      ],
    )
  ).rows[0]!.id;
  const created = (await readRecommendation(tx, id))!;
  await audit({
    action: 'create',
    entityType: 'mtb_recommendation',
    entityId: id,
    patientId: c.patient_id,
    after: created,
    reason: input.reason,
  });
  await touchCase(tx, c, audit, input.reason);
  return created;
}

export async function updateRecommendation(
  tx: Queryable,
  ctx: MtbContext,
  audit: Audit,
  caseId: string,
  recommendationId: string,
  input: Partial<RecommendationFields> & { version: number; reason: string },
): Promise<RecommendationRow> {
  const c = await lockCase(tx, caseId);
  await refuseIfSigned(tx, c, 'Cannot change a recommendation');
  const before = await readRecommendation(tx, recommendationId);
  if (!before || before.case_id !== caseId) throw notFound(`Recommendation ${recommendationId} of MTB case ${caseId}`);
  if (before.version !== input.version) {
    throw conflict(
      `Recommendation ${recommendationId} is at version ${before.version}, not ${input.version}: someone else changed it. Reload and retry.`,
    );
  }
  const merged: RecommendationFields = {
    kind: input.kind ?? (before.kind as RecommendationKind),
    therapy: input.therapy !== undefined ? input.therapy : before.therapy,
    trialId: input.trialId !== undefined ? input.trialId : before.trial_id,
    escatDecided: input.escatDecided ?? (before.escat_decided as EscatTier),
    rationale: input.rationale ?? before.rationale,
  };
  await checkFields(tx, merged);
  // The suggestion is refreshed with the decision: both show the evidence as of this write.
  const { alteration } = await suggestionFor(tx, ctx, caseId, before.alteration_id ?? before.biomarker!);
  await tx.query(
    `update mtb_recommendation set kind = $2, therapy = $3, trial_id = $4, escat_suggested = $5, escat_decided = $6, rationale = $7,
            updated_at = now(), version = version + 1
      where id = $1 and version = $8`,
    [
      recommendationId,
      merged.kind,
      merged.therapy?.trim() || null,
      merged.trialId ?? null,
      alteration.escat.tier,
      merged.escatDecided,
      merged.rationale.trim(),
      input.version,
    ],
  );
  const after = (await readRecommendation(tx, recommendationId))!;
  await audit({
    action: 'update',
    entityType: 'mtb_recommendation',
    entityId: recommendationId,
    patientId: c.patient_id,
    before,
    after,
    reason: input.reason,
  });
  await touchCase(tx, c, audit, input.reason);
  return after;
}

export async function deleteRecommendation(
  tx: Queryable,
  audit: Audit,
  caseId: string,
  recommendationId: string,
  input: { version: number; reason: string },
): Promise<void> {
  const c = await lockCase(tx, caseId);
  await refuseIfSigned(tx, c, 'Cannot withdraw a recommendation');
  const before = await readRecommendation(tx, recommendationId);
  if (!before || before.case_id !== caseId) throw notFound(`Recommendation ${recommendationId} of MTB case ${caseId}`);
  if (before.version !== input.version) {
    throw conflict(
      `Recommendation ${recommendationId} is at version ${before.version}, not ${input.version}: someone else changed it. Reload and retry.`,
    );
  }
  await tx.query('delete from mtb_recommendation where id = $1', [recommendationId]);
  await audit({
    action: 'delete',
    entityType: 'mtb_recommendation',
    entityId: recommendationId,
    patientId: c.patient_id,
    before,
    reason: input.reason,
  });
  await touchCase(tx, c, audit, input.reason);
}
