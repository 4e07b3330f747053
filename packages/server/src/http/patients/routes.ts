import { CLINICAL_READERS, CLINICAL_WRITERS, IDENTITY_READERS } from '@continuum/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Queryable } from '../../db/driver';
import { actorOf, audited } from '../common/audited';
import { offsetOf } from '../common/pagination';
import { badRequest, conflict, notFound } from '../common/problem';
import { parseBiomarkerFilter } from './biomarker';
import { listPatients, loadPatient, type PatientListFilter } from './queries';
import { labBody, patientListQuery, patientParams, patientUpdateBody, performanceBody } from './schemas';
import { patientView } from './view';

export const patientRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, oncotree, matcher } = app.deps;

  /**
   * A fact about the patient is being written: bump the facts version its matches are computed
   * from. First thing in the transaction — the patient row is locked before the audit lock, the
   * order every write takes them in (PATCH locks the row with its update), so two writes on one
   * patient queue instead of deadlocking.
   */
  const bumpFactsVersion = (tx: Queryable, id: string) => tx.query('update patient set facts_version = facts_version + 1 where id = $1', [id]);
  /** After the write and its audit entry: the patient against every trial, in the same transaction. */
  const rematch = (tx: Queryable, id: string) => matcher.rematchPatient(tx, id);

  app.get(
    '/',
    { config: { access: CLINICAL_READERS }, schema: { summary: 'Search patients', querystring: patientListQuery } },
    async (request) => {
      const q = request.query;
      const filter: PatientListFilter = { q: q.q || undefined, trialStatus: q.trialStatus };
      if (q.tumourType) {
        const code = q.tumourType.toUpperCase();
        if (!oncotree.get(code)) {
          const suggestions = oncotree.suggest(code);
          throw badRequest(`Unknown OncoTree code "${q.tumourType}".`, [
            { path: 'query.tumourType', message: `unknown OncoTree code; did you mean ${suggestions.join(', ')}?` },
          ]);
        }
        filter.oncotreeCodes = oncotree.descendants(code);
      }
      if (q.biomarker) {
        const parsed = parseBiomarkerFilter(q.biomarker);
        if ('error' in parsed) throw badRequest(parsed.error, [{ path: 'query.biomarker', message: parsed.error }]);
        filter.biomarker = parsed;
      }
      const { total, rows } = await listPatients(db, filter, q.pageSize, offsetOf(q));
      return {
        page: q.page,
        pageSize: q.pageSize,
        total,
        items: rows.map((r) => ({
          id: r.id, pseudonym: r.pseudonym, sex: r.sex, birthYear: r.birth_year, vitalStatus: r.vital_status, version: r.version,
          primaryDiagnosis: r.oncotree_code
            ? { oncotreeCode: r.oncotree_code, name: oncotree.get(r.oncotree_code)?.name ?? r.oncotree_code, diagnosedAt: r.diagnosed_at, stage: r.stage }
            : null,
          ecog: r.ecog,
          biomarkers: r.biomarkers ?? [],
          trialStatus: r.trial_status,
          trialProtocol: r.trial_protocol,
        })),
      };
    },
  );

  app.get(
    '/:id',
    { config: { access: CLINICAL_READERS }, schema: { summary: 'Open a patient record (audited)', params: patientParams } },
    async (request) => {
      const data = await loadPatient(db, request.params.id);
      if (!data) throw notFound(`Patient ${request.params.id}`);
      // Opening a record is itself audited: who looked at whom, and when.
      await audited(db, actorOf(request), (_tx, audit) =>
        audit({ action: 'read', entityType: 'patient', entityId: data.patient.id, patientId: data.patient.id }),
      );
      return patientView(data, oncotree);
    },
  );

  app.get(
    '/:id/identity',
    { config: { access: IDENTITY_READERS }, schema: { summary: 'Identity data of a patient (audited)', params: patientParams } },
    async (request) => {
      const id = request.params.id;
      return audited(db, actorOf(request), async (tx, audit) => {
        const row = (await tx.query<{ family_name: string; given_name: string; birth_date: string; hospital_number: string }>(
          'select family_name, given_name, birth_date, hospital_number from patient_identity where patient_id = $1', [id],
        )).rows[0];
        if (!row) throw notFound(`Identity of patient ${id}`);
        await audit({ action: 'read-identity', entityType: 'patient_identity', entityId: id, patientId: id });
        return { familyName: row.family_name, givenName: row.given_name, birthDate: row.birth_date, hospitalNumber: row.hospital_number };
      });
    },
  );

  app.patch(
    '/:id',
    {
      config: { access: CLINICAL_WRITERS },
      schema: { summary: 'Update a patient (optimistic concurrency on version)', params: patientParams, body: patientUpdateBody },
    },
    async (request) => {
      const { id } = request.params;
      const { version, reason, ...changes } = request.body;
      return audited(db, actorOf(request), async (tx, audit) => {
        const before = (await tx.query<Record<string, unknown>>('select sex, vital_status, version from patient where id = $1', [id])).rows[0];
        if (!before) throw notFound(`Patient ${id}`);
        const updated = (await tx.query<Record<string, unknown>>(
          `update patient set sex = coalesce($3, sex), vital_status = coalesce($4, vital_status), version = version + 1
            where id = $1 and version = $2 returning id, pseudonym, sex, vital_status, version`,
          [id, version, changes.sex ?? null, changes.vitalStatus ?? null],
        )).rows[0];
        if (!updated) throw conflict(`Patient ${id} is at version ${before.version}, not ${version}: someone else changed it. Reload and retry.`);
        await bumpFactsVersion(tx, id);
        await audit({ action: 'update', entityType: 'patient', entityId: id, patientId: id, before, after: updated, reason });
        await rematch(tx, id);
        return { id, pseudonym: updated.pseudonym, sex: updated.sex, vitalStatus: updated.vital_status, version: updated.version };
      });
    },
  );

  const exists = async (id: string) =>
    (await db.query('select 1 from patient where id = $1', [id])).rows.length > 0;

  app.post(
    '/:id/performance',
    { config: { access: CLINICAL_WRITERS }, schema: { summary: 'Record an ECOG performance status', params: patientParams, body: performanceBody } },
    async (request, reply) => {
      const { id } = request.params;
      if (!(await exists(id))) throw notFound(`Patient ${id}`);
      const user = request.session!.user;
      const { ecog, observedAt, reason } = request.body;
      const created = await audited(db, actorOf(request), async (tx, audit) => {
        await bumpFactsVersion(tx, id);
        const row = (await tx.query<Record<string, unknown>>(
          `insert into performance_status (patient_id, ecog, source, observed_at, recorded_at, recorded_by)
           values ($1, $2, $3, $4, now(), $5) returning id, ecog, source, observed_at, recorded_at, recorded_by`,
          [id, ecog, `user:${user.username}`, observedAt, user.username],
        )).rows[0]!;
        await audit({ action: 'create', entityType: 'performance_status', entityId: String(row.id), patientId: id, after: row, reason });
        await rematch(tx, id);
        return row;
      });
      return reply.status(201).send(created);
    },
  );

  app.post(
    '/:id/labs',
    { config: { access: CLINICAL_WRITERS }, schema: { summary: 'Record a lab result', params: patientParams, body: labBody } },
    async (request, reply) => {
      const { id } = request.params;
      if (!(await exists(id))) throw notFound(`Patient ${id}`);
      const user = request.session!.user;
      const b = request.body;
      const created = await audited(db, actorOf(request), async (tx, audit) => {
        await bumpFactsVersion(tx, id);
        const row = (await tx.query<Record<string, unknown>>(
          `insert into lab_result (patient_id, loinc, display, value, unit, upper_limit_of_normal, lower_limit_of_normal,
             source, observed_at, recorded_at, recorded_by)
           values ($1,$2,$3,$4,$5,$6,$7,$8,$9, now(), $10) returning *`,
          [id, b.loinc, b.display, b.value, b.unit, b.upperLimitOfNormal ?? null, b.lowerLimitOfNormal ?? null, `user:${user.username}`, b.observedAt, user.username],
        )).rows[0]!;
        await audit({ action: 'create', entityType: 'lab_result', entityId: String(row.id), patientId: id, after: row, reason: b.reason });
        await rematch(tx, id);
        return row;
      });
      return reply.status(201).send(created);
    },
  );
};
