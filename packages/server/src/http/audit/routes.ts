import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { offsetOf, pageQuery } from '../common/pagination';

/** The audit trail for admins, filterable by user, patient pseudonym and date range (UTC). */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;
  app.get(
    '/',
    {
      config: { access: ['admin'] },
      schema: {
        summary: 'Audit trail',
        querystring: z.object({
          user: z.string().trim().max(100).optional(),
          patient: z.string().trim().max(100).optional(),
          from: z.iso.date().optional(),
          to: z.iso.date().optional(),
          ...pageQuery,
        }),
      },
    },
    async (request) => {
      const q = request.query;
      const params = [q.user || null, q.patient || null, q.from ?? null, q.to ?? null];
      const where = `where ($1::text is null or a.actor_username = $1)
          and ($2::text is null or p.pseudonym = $2)
          and ($3::date is null or a.at >= $3::date)
          and ($4::date is null or a.at < $4::date + 1)`;
      const from = 'from audit_log a left join patient p on p.id = a.patient_id';
      const total = (await db.query<{ n: number }>(`select count(*)::int n ${from} ${where}`, params)).rows[0]!.n;
      const { rows } = await db.query<Record<string, any>>( // eslint-disable-line @typescript-eslint/no-explicit-any
        `select a.*, p.pseudonym ${from} ${where} order by a.seq desc limit $5 offset $6`,
        [...params, q.pageSize, offsetOf(q)],
      );
      return {
        page: q.page, pageSize: q.pageSize, total,
        items: rows.map((r) => ({
          seq: r.seq, at: new Date(r.at).toISOString(), actorUsername: r.actor_username, actorRole: r.actor_role, action: r.action,
          entityType: r.entity_type, entityId: r.entity_id, patientId: r.patient_id, patientPseudonym: r.pseudonym, reason: r.reason,
          before: r.before, after: r.after, hash: r.hash,
        })),
      };
    },
  );
};
