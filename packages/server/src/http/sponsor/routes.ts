import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/**
 * Sponsor KPIs: aggregates per trial, never patient-level rows. A sponsor account sees only
 * the trials of its own sponsor; admins see all.
 */
export const sponsorRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;
  app.get('/kpis', { config: { access: ['sponsor', 'admin'] }, schema: { summary: 'Monthly KPIs of the sponsor’s trials (aggregates only)' } }, async (request) => {
    const user = request.session!.user;
    const scope = user.role === 'sponsor' ? (user.sponsor ?? '\u0000') : null;
    const { rows } = await db.query<Record<string, any>>( // eslint-disable-line @typescript-eslint/no-explicit-any
      `select t.id, t.protocol_number, t.acronym, t.title, t.phase, t.status, t.sponsor,
              coalesce(sum(a.slots_total), 0)::int slots_total, coalesce(sum(a.slots_used), 0)::int slots_used,
              (select count(*)::int from trial_participation p where p.trial_id = t.id and p.status = 'pre-screened') pre_screened,
              (select count(*)::int from trial_participation p where p.trial_id = t.id and p.status in ('screening', 'consented')) screening,
              (select count(*)::int from trial_participation p where p.trial_id = t.id and p.status in ('enrolled', 'on-treatment', 'follow-up', 'off-study')) enrolled,
              (select count(*)::int from trial_participation p where p.trial_id = t.id and p.status = 'screen-failure') screen_failures
         from trial t left join trial_arm a on a.trial_id = t.id
        where ($1::text is null or t.sponsor = $1)
        group by t.id order by t.protocol_number`,
      [scope],
    );
    return {
      sponsor: scope,
      trials: rows.map((r) => ({
        id: r.id, protocolNumber: r.protocol_number, acronym: r.acronym, title: r.title, phase: r.phase, status: r.status, sponsor: r.sponsor,
        slotsTotal: r.slots_total, slotsUsed: r.slots_used, preScreened: r.pre_screened, screening: r.screening, enrolled: r.enrolled,
        screenFailures: r.screen_failures,
        screenFailureRate: r.screening + r.enrolled + r.screen_failures > 0 ? r.screen_failures / (r.screening + r.enrolled + r.screen_failures) : null,
      })),
    };
  });
};
