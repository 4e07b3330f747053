import { ROLES, TRIAL_WRITERS, type Role } from '@continuum/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { SessionUser } from '../../auth/sessions';
import { actorOf, audited } from '../common/audited';
import { offsetOf } from '../common/pagination';
import { badRequest, conflict, notFound } from '../common/problem';
import { armParams, armUpdateBody, trialListQuery, trialParams, trialUpdateBody } from './schemas';

const TRIAL_READERS: readonly Role[] = ROLES;

/** A sponsor sees only its own trials; every other role sees the centre's portfolio. */
const sponsorScope = (user: SessionUser) => (user.role === 'sponsor' ? (user.sponsor ?? '\u0000') : null);

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const trialView = (t: Row) => ({
  id: t.id, protocolNumber: t.protocol_number, nctId: t.nct_id, title: t.title, acronym: t.acronym, phase: t.phase, status: t.status,
  sponsor: t.sponsor, committee: t.committee, oncotreeCodes: t.oncotree_codes, biomarkers: t.biomarkers, version: t.version,
});
const armView = (a: Row) => ({
  id: a.id, code: a.code, name: a.name, kind: a.kind, status: a.status, slotsTotal: a.slots_total, slotsUsed: a.slots_used,
  summary: a.summary, version: a.version,
});

export const trialRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, matcher } = app.deps;

  app.get('/', { config: { access: TRIAL_READERS }, schema: { summary: 'List trials', querystring: trialListQuery } }, async (request) => {
    const q = request.query;
    const params: unknown[] = [q.q ? `%${q.q}%` : null, q.status ?? null, q.phase ?? null, sponsorScope(request.session!.user)];
    const where = `where ($1::text is null or t.protocol_number ilike $1 or t.title ilike $1 or t.acronym ilike $1 or t.nct_id ilike $1)
        and ($2::text is null or t.status = $2) and ($3::text is null or t.phase = $3) and ($4::text is null or t.sponsor = $4)`;
    const total = (await db.query<{ n: number }>(`select count(*)::int n from trial t ${where}`, params)).rows[0]!.n;
    const { rows } = await db.query<Row>(
      `select t.*, coalesce(a.slots_total, 0)::int slots_total, coalesce(a.slots_open, 0)::int slots_open, coalesce(a.arms, 0)::int arm_count
         from trial t
         left join lateral (select sum(slots_total) slots_total, count(*) arms,
                                   sum(case when status = 'open' then slots_total - slots_used else 0 end) slots_open
                              from trial_arm where trial_id = t.id) a on true
        ${where} order by t.protocol_number limit $5 offset $6`,
      [...params, q.pageSize, offsetOf(q)],
    );
    return {
      page: q.page, pageSize: q.pageSize, total,
      items: rows.map((t) => ({ ...trialView(t), slotsOpen: t.slots_open, slotsTotal: t.slots_total, armCount: t.arm_count })),
    };
  });

  const loadTrial = async (id: string, user: SessionUser) => {
    const t = (await db.query<Row>('select * from trial where id = $1 and ($2::text is null or sponsor = $2)', [id, sponsorScope(user)])).rows[0];
    if (!t) throw notFound(`Trial ${id}`);
    return t;
  };

  app.get('/:id', { config: { access: TRIAL_READERS }, schema: { summary: 'A trial with its arms/cohorts', params: trialParams } }, async (request) => {
    const t = await loadTrial(request.params.id, request.session!.user);
    const arms = (await db.query<Row>('select * from trial_arm where trial_id = $1 order by code', [t.id])).rows;
    // Aggregates only: counts by participation status, never who.
    const counts = (await db.query<{ status: string; n: number }>(
      'select status, count(*)::int n from trial_participation where trial_id = $1 group by status', [t.id],
    )).rows;
    return { ...trialView(t), arms: arms.map(armView), participationCounts: Object.fromEntries(counts.map((c) => [c.status, c.n])) };
  });

  app.patch(
    '/:id',
    { config: { access: TRIAL_WRITERS }, schema: { summary: 'Update a trial (optimistic concurrency)', params: trialParams, body: trialUpdateBody } },
    async (request) => {
      const { id } = request.params;
      const { version, reason, status, title } = request.body;
      return audited(db, actorOf(request), async (tx, audit) => {
        const before = (await tx.query<Row>('select * from trial where id = $1', [id])).rows[0];
        if (!before) throw notFound(`Trial ${id}`);
        const after = (await tx.query<Row>(
          `update trial set status = coalesce($3, status), title = coalesce($4, title), version = version + 1
            where id = $1 and version = $2 returning *`, [id, version, status ?? null, title ?? null],
        )).rows[0];
        if (!after) throw conflict(`Trial ${before.protocol_number} is at version ${before.version}, not ${version}: someone else changed it. Reload and retry.`);
        await audit({ action: 'update', entityType: 'trial', entityId: id, before: trialView(before), after: trialView(after), reason });
        // Opening or closing the trial changes where its matches lead, not who matches.
        if (after.status !== before.status) await matcher.refreshAvailability(tx, id);
        return trialView(after);
      });
    },
  );

  app.patch(
    '/:id/arms/:armId',
    { config: { access: TRIAL_WRITERS }, schema: { summary: 'Update an arm/cohort: status and slots (optimistic concurrency)', params: armParams, body: armUpdateBody } },
    async (request) => {
      const { id, armId } = request.params;
      const { version, reason, status, slotsTotal, slotsUsed } = request.body;
      return audited(db, actorOf(request), async (tx, audit) => {
        const before = (await tx.query<Row>('select * from trial_arm where id = $1 and trial_id = $2', [armId, id])).rows[0];
        if (!before) throw notFound(`Arm ${armId} of trial ${id}`);
        const total = slotsTotal ?? before.slots_total;
        const used = slotsUsed ?? before.slots_used;
        if (used > total) {
          throw badRequest(`Slots used (${used}) cannot exceed slots total (${total}).`, [
            { path: slotsUsed !== undefined ? 'body.slotsUsed' : 'body.slotsTotal', message: `slots used ${used} > slots total ${total}` },
          ]);
        }
        const after = (await tx.query<Row>(
          `update trial_arm set status = coalesce($3, status), slots_total = $4, slots_used = $5, version = version + 1
            where id = $1 and version = $2 returning *`, [armId, version, status ?? null, total, used],
        )).rows[0];
        if (!after) throw conflict(`Cohort ${before.code} is at version ${before.version}, not ${version}: someone else changed it. Reload and retry.`);
        await audit({ action: 'update', entityType: 'trial_arm', entityId: armId, before: armView(before), after: armView(after), reason });
        // A cohort's status or slots decide only the availability of its stored matches (and of
        // the levels above and below it): closing hides them, re-opening shows them, nobody is re-evaluated.
        await matcher.refreshAvailability(tx, id);
        return armView(after);
      });
    },
  );
};
