import { TRIAL_WRITERS } from '@continuum/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { writeCriteria } from '../../matching/criteria-store';
import { newTrialFromCtml, type NewTrial } from '../../matching/ctml-trial';
import { actorOf, audited } from '../common/audited';
import { conflict } from '../common/problem';
import { ctmlFieldPath, invalid } from './criteria-errors';
import { checkImportedTrial, parseCtmlTrials } from './criteria-input';
import { importBody } from './schemas';

/**
 * POST /api/trials/import: one or more CTML trials become trials, cohorts and criteria, and are
 * matched against every patient — all in one transaction, so a bad document imports nothing.
 */
export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, matcher, vocabulary } = app.deps;

  app.post(
    '/import',
    {
      config: { access: TRIAL_WRITERS },
      schema: { summary: 'Import CTML trials (all or nothing) and match them', body: importBody },
    },
    async (request, reply) => {
      const b = request.body;
      const user = request.session!.user;
      const docs = parseCtmlTrials(b.ctml, `import.${b.format}`, vocabulary);
      const trials: Array<{ trial: NewTrial; doc: (typeof docs)[number] }> = [];
      const seen = new Map<string, string>();
      for (const doc of docs) {
        checkImportedTrial(doc.trial, doc.root, vocabulary);
        const made = newTrialFromCtml(doc.trial, b.defaults ?? {}, doc.root);
        if (!made.trial) throw invalid('The CTML cannot become a trial', made.problems.map((p) => ({ path: ctmlFieldPath(p.path), message: p.message })));
        const first = seen.get(made.trial.protocolNumber);
        if (first) {
          throw invalid('Two documents have one protocol number', [
            { path: ctmlFieldPath(`${doc.root}.protocol_no`), message: `protocol ${made.trial.protocolNumber} is also the protocol of the document at ${first}` },
          ]);
        }
        seen.set(made.trial.protocolNumber, doc.root);
        trials.push({ trial: made.trial, doc });
      }
      const created = await audited(db, actorOf(request), async (tx, audit) => {
        const existing = (await tx.query<{ protocol_number: string }>('select protocol_number from trial where protocol_number = any($1::text[])', [[...seen.keys()]])).rows;
        if (existing.length > 0) {
          throw conflict(`Already in the portfolio: ${existing.map((e) => e.protocol_number).join(', ')}. Amend a trial's criteria with PUT /api/trials/{id}/criteria.`);
        }
        const out = [];
        for (const { trial: t, doc } of trials) {
          const id = (await tx.query<{ id: string }>(
            `insert into trial (protocol_number, nct_id, title, phase, status, sponsor, committee) values ($1,$2,$3,$4,$5,$6,$7) returning id`,
            [t.protocolNumber, t.nctId, t.title, t.phase, t.status, t.sponsor, t.committee],
          )).rows[0]!.id;
          for (const a of t.arms) {
            await tx.query(
              `insert into trial_arm (trial_id, code, name, kind, status, slots_total, slots_used) values ($1,$2,$3,$4,$5,$6,$7)`,
              [id, a.code, a.name, a.kind, a.status, a.slotsTotal, a.slotsUsed],
            );
          }
          // A file of one trial is kept as written; a trial from a file of several keeps its own document.
          const sourceText = docs.length === 1 ? b.ctml : null;
          await writeCriteria(tx, id, 0, { eligibility: doc.trial, sourceFormat: b.format === 'yaml' ? 'ctml-yaml' : 'ctml-json', sourceText, by: user.username });
          await audit({ action: 'import', entityType: 'trial', entityId: id, reason: b.reason, after: { ...t, criteriaVersion: 1 } });
          out.push({ id, protocolNumber: t.protocolNumber, title: t.title, phase: t.phase, status: t.status, cohorts: t.arms.length });
        }
        // New trials: each against every patient, in one pass over the patients.
        const rematch = await matcher.rematch(tx, { trialIds: out.map((t) => t.id) });
        return { trials: out, matches: rematch.matches };
      });
      return reply.status(201).send(created);
    },
  );
};
