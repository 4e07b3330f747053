import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, audited } from '../common/audited';
import { offsetOf, pageQuery } from '../common/pagination';
import { badRequest } from '../common/problem';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const view = (r: Row) => ({
  id: r.id, trialId: r.trial_id, protocolNumber: r.protocol_number, summary: r.summary, status: r.status,
  createdAt: r.created_at instanceof Date ? r.created_at.toISOString() : r.created_at, referrer: r.referrer_username, version: r.version,
});

/** Referrals from physicians outside the centre. A referrer sees only the referrals it made. */
export const referralRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;

  app.get(
    '/',
    { config: { access: ['referrer', 'coordinator', 'investigator', 'admin'] }, schema: { summary: 'Referrals (a referrer sees its own)', querystring: z.object(pageQuery) } },
    async (request) => {
      const user = request.session!.user;
      const own = user.role === 'referrer' ? user.id : null;
      const q = request.query;
      const total = (await db.query<{ n: number }>('select count(*)::int n from referral where ($1::uuid is null or referrer_id = $1)', [own])).rows[0]!.n;
      const { rows } = await db.query<Row>(
        `select r.*, t.protocol_number, u.username referrer_username from referral r join trial t on t.id = r.trial_id join app_user u on u.id = r.referrer_id
          where ($1::uuid is null or r.referrer_id = $1) order by r.created_at desc limit $2 offset $3`,
        [own, q.pageSize, offsetOf(q)],
      );
      return { page: q.page, pageSize: q.pageSize, total, items: rows.map(view) };
    },
  );

  app.post(
    '/',
    {
      config: { access: ['referrer'] },
      schema: {
        summary: 'Refer a patient to a trial',
        body: z.object({
          trialId: z.uuid(),
          // No identity here: the summary is clinical; the centre contacts the referrer.
          summary: z.string().trim().min(20, 'describe the patient in at least 20 characters').max(5000),
        }),
      },
    },
    async (request, reply) => {
      const { trialId, summary } = request.body;
      const trial = (await db.query<Row>('select id, protocol_number, status from trial where id = $1', [trialId])).rows[0];
      if (!trial) throw badRequest(`Trial ${trialId} does not exist.`, [{ path: 'body.trialId', message: 'no such trial' }]);
      const created = await audited(db, actorOf(request), async (tx, audit) => {
        const row = (await tx.query<Row>(
          'insert into referral (referrer_id, trial_id, summary) values ($1, $2, $3) returning *',
          [request.session!.user.id, trialId, summary],
        )).rows[0]!;
        await audit({ action: 'create', entityType: 'referral', entityId: row.id, after: row });
        return row;
      });
      return reply.status(201).send(view({ ...created, protocol_number: trial.protocol_number, referrer_username: request.session!.user.username }));
    },
  );
};
