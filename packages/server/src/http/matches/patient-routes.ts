import { CLINICAL_READERS } from '@continuum/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf, audited } from '../common/audited';
import { notFound } from '../common/problem';
import { patientMatchesQuery, patientParams } from './schemas';
import { compareStored, MATCH_COLUMNS, matchView } from './views';

/** A patient's trial matches (the Trials tab), and the user's "seen" mark on them. */
export const patientMatchRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;

  const requirePatient = async (id: string) => {
    if ((await db.query('select 1 from patient where id = $1', [id])).rows.length === 0) throw notFound(`Patient ${id}`);
  };

  app.get(
    '/:id/matches',
    {
      config: { access: CLINICAL_READERS },
      schema: { summary: "A patient's ranked trial matches (open levels; includeClosed adds closed and waitlist)", params: patientParams, querystring: patientMatchesQuery },
    },
    async (request) => {
      const { id } = request.params;
      await requirePatient(id);
      const { rows } = await db.query(
        `select ${MATCH_COLUMNS}, (s.seen_at is null or m.changed_at > s.seen_at) as is_new
           from trial_match m
           join trial t on t.id = m.trial_id
           left join match_seen s on s.user_id = $2 and s.scope = 'patient' and s.subject_id = m.patient_id
          where m.patient_id = $1 and ($3::boolean or m.availability = 'open')`,
        [id, request.session!.user.id, request.query.includeClosed],
      );
      return { items: rows.sort(compareStored).map(matchView) };
    },
  );

  app.post(
    '/:id/matches/seen',
    { config: { access: CLINICAL_READERS }, schema: { summary: "Mark a patient's matches as seen by the signed-in user", params: patientParams } },
    async (request, reply) => {
      const { id } = request.params;
      await requirePatient(id);
      await audited(db, actorOf(request), async (tx, audit) => {
        await tx.query(
          `insert into match_seen (user_id, scope, subject_id, seen_at) values ($1, 'patient', $2, now())
           on conflict (user_id, scope, subject_id) do update set seen_at = excluded.seen_at`,
          [request.session!.user.id, id],
        );
        await audit({ action: 'mark-seen', entityType: 'patient_matches', entityId: id, patientId: id });
      });
      return reply.status(204).send();
    },
  );
};
