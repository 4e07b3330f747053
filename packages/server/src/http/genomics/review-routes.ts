import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { REVIEW_COLUMNS, reviewView } from '../../genomics/resistance-reviews';
import { actorOf, audited } from '../common/audited';
import { badRequest, conflict, notFound } from '../common/problem';
import { patientParams, RESISTANCE_REVIEWERS, reviewCreateBody, reviewParams, reviewUpdateBody } from './schemas';
import { computeTimeline } from './timeline-view';

/** A confirmed decision names its mechanism; a rejection names none. */
function checkDecision(b: {
  decision: 'confirmed' | 'rejected';
  mechanism?: string | undefined;
  mechanismClass?: string | undefined;
}): void {
  if (b.decision === 'confirmed' && !b.mechanism) {
    throw badRequest('A confirmed classification names its mechanism.', [
      { path: 'body.mechanism', message: 'required when the decision is "confirmed": on_target, bypass, lineage or reversion' },
    ]);
  }
  if (b.decision === 'rejected' && (b.mechanism || b.mechanismClass)) {
    throw badRequest('A rejected classification has no mechanism.', [
      { path: b.mechanism ? 'body.mechanism' : 'body.mechanismClass', message: 'must be absent when the decision is "rejected"' },
    ]);
  }
}

/**
 * The MTB confirms or rejects the resistance classification of an acquired alteration. One
 * review per (alteration, line): POST creates it, PUT changes it (optimistic concurrency on
 * version). Both are audited with before/after, the note being the reason.
 */
export const reviewRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;

  app.post(
    '/patients/:id/resistance-reviews',
    {
      config: { access: RESISTANCE_REVIEWERS },
      schema: {
        summary: 'Confirm or reject the resistance classification of an acquired alteration (audited)',
        params: patientParams,
        body: reviewCreateBody,
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const b = request.body;
      checkDecision(b);
      const computed = await computeTimeline(db, id);
      if (!computed) throw notFound(`Patient ${id}`);
      const acquired = computed.timeline.comparisons
        .flatMap((c) => c.acquired.map((a) => ({ a, baselineSampleId: c.baselineSampleId })))
        .find(({ a }) => a.alterationId === b.alterationId && a.attribution.lineId === b.therapyLineId);
      if (!acquired) {
        const onOtherLine = computed.timeline.comparisons.some((c) => c.acquired.some((a) => a.alterationId === b.alterationId));
        throw badRequest(
          onOtherLine
            ? `Alteration ${b.alterationId} is acquired on another line of this patient, not on ${b.therapyLineId}.`
            : `Alteration ${b.alterationId} is not an alteration acquired at progression in patient ${id}'s timeline.`,
          [
            onOtherLine
              ? {
                  path: 'body.therapyLineId',
                  message: 'not the line this alteration is read as resistance to (acquired.attribution.lineId)',
                }
              : {
                  path: 'body.alterationId',
                  message: 'not an acquired alteration of this patient (acquired.alterationId of the genomic timeline)',
                },
          ],
        );
      }
      const user = request.session!.user;
      const created = await audited(db, actorOf(request), async (tx, audit) => {
        const row = (
          await tx.query<Record<string, unknown>>(
            `insert into resistance_review (patient_id, alteration_id, therapy_line_id, baseline_report_id, suggested_mechanism,
               suggested_mechanism_class, decision, mechanism, mechanism_class, note, reviewed_by_id, reviewed_by, reviewer_role)
             values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)
             on conflict (alteration_id, therapy_line_id) do nothing
             returning ${REVIEW_COLUMNS}`,
            [
              id,
              b.alterationId,
              b.therapyLineId,
              acquired.baselineSampleId,
              acquired.a.mechanism,
              acquired.a.mechanismClass ?? null,
              b.decision,
              b.mechanism ?? null,
              b.mechanismClass ?? null,
              b.note,
              user.id,
              user.username,
              user.role,
            ],
          )
        ).rows[0];
        if (!row) throw conflict('This classification has already been reviewed: change that review (PUT with its version) instead.');
        const view = reviewView(row);
        await audit({ action: 'create', entityType: 'resistance_review', entityId: view.id, patientId: id, after: view, reason: b.note });
        return view;
      });
      return reply.status(201).send(created);
    },
  );

  app.put(
    '/patients/:id/resistance-reviews/:reviewId',
    {
      config: { access: RESISTANCE_REVIEWERS },
      schema: {
        summary: 'Change a resistance review (optimistic concurrency on version; audited)',
        params: reviewParams,
        body: reviewUpdateBody,
      },
    },
    async (request) => {
      const { id, reviewId } = request.params;
      const b = request.body;
      checkDecision(b);
      const user = request.session!.user;
      return audited(db, actorOf(request), async (tx, audit) => {
        const before = (
          await tx.query<Record<string, unknown>>(`select ${REVIEW_COLUMNS} from resistance_review where id = $1 and patient_id = $2`, [
            reviewId,
            id,
          ])
        ).rows[0];
        if (!before) throw notFound(`Resistance review ${reviewId} of patient ${id}`);
        const row = (
          await tx.query<Record<string, unknown>>(
            `update resistance_review
                set decision = $3, mechanism = $4, mechanism_class = $5, note = $6,
                    reviewed_by_id = $7, reviewed_by = $8, reviewer_role = $9, reviewed_at = now(), version = version + 1
              where id = $1 and version = $2
          returning ${REVIEW_COLUMNS}`,
            [reviewId, b.version, b.decision, b.mechanism ?? null, b.mechanismClass ?? null, b.note, user.id, user.username, user.role],
          )
        ).rows[0];
        if (!row) {
          throw conflict(
            `Review ${reviewId} is at version ${String(before.version)}, not ${b.version}: someone else changed it. Reload and retry.`,
          );
        }
        const view = reviewView(row);
        await audit({
          action: 'update',
          entityType: 'resistance_review',
          entityId: reviewId,
          patientId: id,
          before: reviewView(before),
          after: view,
          reason: b.note,
        });
        return view;
      });
    },
  );
};
