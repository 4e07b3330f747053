import type { Role } from '@continuum/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf, audited } from '../common/audited';
import { offsetOf } from '../common/pagination';
import { notFound } from '../common/problem';
import { candidatesQuery, trialParams } from './schemas';
import { MATCH_COLUMNS, matchView, RANK_ORDER_SQL } from './views';

/** Who pre-screens for a trial: patient-level lists, so never sponsors or referrers. */
export const CANDIDATE_READERS: readonly Role[] = ['admin', 'investigator', 'coordinator', 'mtb'];

/** A trial's candidates (the pre-screening list), and the user's "seen" mark on them. */
export const candidateRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;

  const requireTrial = async (id: string) => {
    if ((await db.query('select 1 from trial where id = $1', [id])).rows.length === 0) throw notFound(`Trial ${id}`);
  };

  app.get(
    '/:id/candidates',
    {
      config: { access: CANDIDATE_READERS },
      schema: { summary: "A trial's ranked candidates, filterable by status, level and newness", params: trialParams, querystring: candidatesQuery },
    },
    async (request) => {
      const { id } = request.params;
      const q = request.query;
      await requireTrial(id);
      const params: unknown[] = [id, request.session!.user.id];
      const where = ['m.trial_id = $1'];
      if (!q.includeClosed) where.push(`m.availability = 'open'`);
      if (q.status) where.push(`m.status = $${params.push(q.status)}`);
      if (q.level) where.push(`(m.level_path = $${params.push(q.level)} or m.level_code = $${params.length})`);
      const isNew = '(s.seen_at is null or m.changed_at > s.seen_at)';
      if (q.newOnly) where.push(isNew);
      const from = `from trial_match m
        join trial t on t.id = m.trial_id
        join patient p on p.id = m.patient_id
        left join match_seen s on s.user_id = $2 and s.scope = 'trial' and s.subject_id = m.trial_id
        where ${where.join(' and ')}`;
      const total = (await db.query<{ n: number }>(`select count(*)::int n ${from}`, params)).rows[0]!.n;
      const { rows } = await db.query(
        `select ${MATCH_COLUMNS}, p.pseudonym, ${isNew} as is_new ${from}
          order by ${RANK_ORDER_SQL}, p.pseudonym, m.level_path
          limit $${params.length + 1} offset $${params.length + 2}`,
        [...params, q.pageSize, offsetOf(q)],
      );
      return {
        page: q.page,
        pageSize: q.pageSize,
        total,
        items: rows.map((r) => ({ ...matchView(r), patientId: r.patient_id, pseudonym: r.pseudonym })),
      };
    },
  );

  app.post(
    '/:id/candidates/seen',
    { config: { access: CANDIDATE_READERS }, schema: { summary: "Mark a trial's candidates as seen by the signed-in user", params: trialParams } },
    async (request, reply) => {
      const { id } = request.params;
      await requireTrial(id);
      await audited(db, actorOf(request), async (tx, audit) => {
        await tx.query(
          `insert into match_seen (user_id, scope, subject_id, seen_at) values ($1, 'trial', $2, now())
           on conflict (user_id, scope, subject_id) do update set seen_at = excluded.seen_at`,
          [request.session!.user.id, id],
        );
        await audit({ action: 'mark-seen', entityType: 'trial_candidates', entityId: id });
      });
      return reply.status(204).send();
    },
  );
};
