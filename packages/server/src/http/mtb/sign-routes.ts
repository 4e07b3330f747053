import { CLINICAL_READERS } from '@continuum/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { loadCaseRecord } from '../../mtb/case-record';
import { SIGNATURE_MEANING } from '../../mtb/content';
import { renderMtbReportPdf } from '../../mtb/pdf';
import { parseSignedContent, signCase } from '../../mtb/signature';
import { actorOf, audited } from '../common/audited';
import { requireReauthentication } from '../common/reauthenticate';
import { badRequest, conflict, notFound } from '../common/problem';
import type { MtbContextSource } from './context';
import { caseParams, MTB_WRITERS, signBody } from './schemas';

/** The chair's signature (re-authenticated) and the signed report as PDF. */
export const mtbSignRoutes: FastifyPluginAsyncZod<{ mtb: MtbContextSource }> = async (app, { mtb }) => {
  const { db } = app.deps;

  app.post(
    '/cases/:id/sign',
    {
      config: { access: MTB_WRITERS },
      schema: {
        summary: "The chair signs the case: re-enter the password; the signature binds the meaning to the content's SHA-256",
        params: caseParams,
        body: signBody,
      },
    },
    async (request) => {
      const user = request.session!.user;
      const { id } = request.params;
      const { password, meaning, version, contentSha256 } = request.body;
      if (meaning !== SIGNATURE_MEANING) {
        throw badRequest('The meaning of the signature must be the statement shown to the signer.', [
          { path: 'body.meaning', message: `expected "${SIGNATURE_MEANING}"` },
        ]);
      }
      await requireReauthentication(request, app.deps, {
        password,
        entityType: 'mtb_case',
        entityId: id,
        notApplied: 'the signature was not applied',
      });
      const signature = await audited(db, actorOf(request), (tx, audit) =>
        signCase(tx, mtb(), audit, { id: user.id, username: user.username, displayName: user.displayName, role: user.role }, id, {
          version,
          contentSha256,
          meaning,
        }),
      );
      return {
        caseId: id,
        signerUsername: signature.signer_username,
        signerName: signature.signer_name,
        signerRole: signature.signer_role,
        signedAt: signature.signed_at,
        meaning: signature.meaning,
        contentSha256: signature.content_sha256,
      };
    },
  );

  app.get(
    '/cases/:id/report.pdf',
    {
      config: { access: CLINICAL_READERS },
      schema: { summary: 'The signed MTB report as PDF (signed cases only; audited)', params: caseParams },
    },
    async (request, reply) => {
      const { id } = request.params;
      const record = await loadCaseRecord(db, id);
      if (!record) throw notFound(`MTB case ${id}`);
      if (!record.signature) {
        throw conflict(
          `MTB case ${id} is ${record.case.status}, not signed: the report exists only once the chair has signed the recommendations.`,
        );
      }
      const content = parseSignedContent(record.signature);
      const pdf = await renderMtbReportPdf(content, record.signature);
      // Pseudonym only, no identity: audited as an export of clinical data all the same.
      await audited(db, actorOf(request), (_tx, audit) =>
        audit({
          action: 'export',
          entityType: 'mtb_report',
          entityId: id,
          patientId: record.patient.id,
          after: { format: 'pdf', contentSha256: record.signature!.content_sha256, bytes: pdf.length },
        }),
      );
      const file = `MTB-${content.patient.pseudonym}-${record.signature.signed_at.slice(0, 10)}.pdf`.replace(/[^A-Za-z0-9._-]/g, '_');
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${file}"`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );
};
