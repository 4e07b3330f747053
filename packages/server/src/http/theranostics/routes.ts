import { CLINICAL_READERS, type Role } from '@continuum/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { cumulativeFor } from '../../theranostics/cumulative';
import { createStudy, loadAdministration, loadStudies, loadStudy, replaceStudy, studyView } from '../../theranostics/dosimetry-service';
import { patientTheranostics } from '../../theranostics/patient-theranostics';
import { recordPetRead } from '../../theranostics/pet-read-service';
import { renderDosimetryReportPdf } from '../../theranostics/report-pdf';
import { actorOf, audited } from '../common/audited';
import { notFound } from '../common/problem';
import { dosimetryBody, dosimetryReplaceBody, idParams, patientParams, petReadBody } from './schemas';

/** The nuclear-medicine physician reads PET; the medical physicist computes dosimetry (issue 5 roles). */
export const PET_READ_WRITERS: readonly Role[] = ['admin', 'investigator'];
export const DOSIMETRY_WRITERS: readonly Role[] = ['admin', 'physicist'];

/** The patient's theranostic pathway: PET reads, eligibility, per-administration dosimetry and its report. */
export const theranosticRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, matcher } = app.deps;
  const now = () => new Date();

  app.get(
    '/patients/:id/theranostics',
    {
      config: { access: CLINICAL_READERS },
      schema: {
        summary:
          "A patient's PET reads, theranostic eligibility, administrations, dosimetry per administration and cumulative organ-at-risk doses",
        params: patientParams,
      },
    },
    async (request) => {
      const view = await patientTheranostics(db, request.params.id);
      if (!view) throw notFound(`Patient ${request.params.id}`);
      return view;
    },
  );

  app.post(
    '/patients/:id/pet-reads',
    {
      config: { access: PET_READ_WRITERS },
      schema: {
        summary: 'Record a diagnostic PET read (re-matches the patient: eligibility is a matching fact)',
        params: patientParams,
        body: petReadBody,
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      if ((await db.query('select 1 from patient where id = $1', [id])).rows.length === 0) throw notFound(`Patient ${id}`);
      const actor = actorOf(request);
      const result = await audited(db, actor, async (tx, audit) => {
        let rematch: unknown = null;
        const written = await recordPetRead(tx, audit, {
          patientId: id,
          input: request.body,
          actor,
          now: now(),
          rematch: async (t, patientId) => (rematch = await matcher.rematchPatient(t, patientId)),
        });
        return { petRead: written.read, eligibility: written.eligibility, rematch };
      });
      return reply.status(201).send(result);
    },
  );

  app.post(
    '/administrations/:id/dosimetry',
    {
      config: { access: DOSIMETRY_WRITERS },
      schema: {
        summary: 'Compute and store the dosimetry of an administration from its time-activity data (as `continuum dosimetry` reads it)',
        params: idParams,
        body: dosimetryBody,
      },
    },
    async (request, reply) => {
      const administration = await loadAdministration(db, request.params.id);
      if (!administration) throw notFound(`Administration ${request.params.id}`);
      const actor = actorOf(request);
      const study = await audited(db, actor, (tx, audit) =>
        createStudy(tx, audit, { administration, body: request.body, actor, now: now() }),
      );
      return reply.status(201).send(studyView(study));
    },
  );

  app.put(
    '/dosimetry/:id',
    {
      config: { access: DOSIMETRY_WRITERS },
      schema: {
        summary: 'Recompute a dosimetry study from new data (optimistic concurrency on version)',
        params: idParams,
        body: dosimetryReplaceBody,
      },
    },
    async (request) => {
      const study = await loadStudy(db, request.params.id);
      if (!study) throw notFound(`Dosimetry study ${request.params.id}`);
      const administration = study.administrationId ? await loadAdministration(db, study.administrationId) : undefined;
      if (!administration) throw notFound(`The administration of dosimetry study ${study.id}`);
      const actor = actorOf(request);
      const { version, ...body } = request.body;
      const updated = await audited(db, actor, (tx, audit) =>
        replaceStudy(tx, audit, { study, administration, version, body, actor, now: now() }),
      );
      return studyView(updated);
    },
  );

  app.get(
    '/dosimetry/:id/report.pdf',
    {
      config: { access: CLINICAL_READERS },
      schema: { summary: 'The dosimetry report of one administration (PDF; pseudonymised; audited as an export)', params: idParams },
    },
    async (request, reply) => {
      const study = await loadStudy(db, request.params.id);
      if (!study) throw notFound(`Dosimetry study ${request.params.id}`);
      const pseudonym = (await db.query<{ pseudonym: string }>('select pseudonym from patient where id = $1', [study.patientId])).rows[0]!
        .pseudonym;
      const administration = study.administrationId ? ((await loadAdministration(db, study.administrationId)) ?? null) : null;
      const cumulative = await cumulativeFor(db, study.patientId, await loadStudies(db, study.patientId), {
        throughCycle: study.cycleNumber,
      });
      const pdf = await renderDosimetryReportPdf({ study: studyView(study), pseudonym, administration, cumulative });
      await audited(db, actorOf(request), (_tx, audit) =>
        audit({
          action: 'export',
          entityType: 'dosimetry_report',
          entityId: study.id,
          patientId: study.patientId,
          after: { format: 'pdf', cycleNumber: study.cycleNumber, studyVersion: study.version, bytes: pdf.length },
        }),
      );
      const file = `dosimetry-${pseudonym}-cycle${study.cycleNumber}.pdf`.replace(/[^A-Za-z0-9._-]/g, '_');
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${file}"`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );
};
