/**
 * MTB demo data: the seeded cohort's recent reports waiting in the queue, and next week's
 * meeting chaired by the demo `mtb` account with the most actionable few on its agenda —
 * written through the same services (and audit) as the API.
 */
import { SYSTEM_ACTOR } from '../audit/record';
import type { Db } from '../db/driver';
import { audited } from '../http/common/audited';
import { loadShippedGenomicsKnowledge } from '../genomics/knowledge';
import { loadOncoTree } from '../reference';
import type { FeatureDemoSeeder } from '../seed/feature-demos';
import { NEEDS_DISCUSSION, queueCasesForReports } from './cases';
import { addToAgenda, CHAIR_ROLES, createMeeting } from './meetings';
import { caseSummariesById, compareTop } from './queries';

/** Reports of the last four months are still waiting: about the backlog of a weekly board. */
const RECENT_DAYS = 120;
/** A demo queue shorter than this would show little; older reports fill it. */
const MIN_CASES = 8;
const AGENDA_CASES = 4;
const REASON = 'demo data: recent molecular reports awaiting the MTB';

/** The weekly board meets on Tuesdays at 13:00 UTC: the next such time after `now`. */
export function nextMeetingTime(now: Date): Date {
  const t = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 13, 0, 0));
  while (t.getUTCDay() !== 2 || t <= now) t.setUTCDate(t.getUTCDate() + 1);
  return t;
}

export const seedMtbDemo: FeatureDemoSeeder = async (db: Db, ctx) => {
  const { rows } = await db.query<{ id: string; recent: boolean }>(
    `select r.id, r.reported_at > $1::date - ${RECENT_DAYS} recent from molecular_report r
      where r.reported_at <= $1::date and ${NEEDS_DISCUSSION}
      order by r.reported_at desc, r.id`,
    [ctx.referenceDate],
  );
  const recent = rows.filter((r) => r.recent);
  const chosen = (recent.length >= MIN_CASES ? recent : rows.slice(0, MIN_CASES)).map((r) => r.id);
  if (chosen.length === 0) return;
  const mtb = { knowledge: loadShippedGenomicsKnowledge(), oncotree: loadOncoTree() };

  await audited(db, SYSTEM_ACTOR, async (tx, audit) => {
    const cases = await queueCasesForReports(tx, chosen, 'seed:mtb-demo');
    await audit({ action: 'queue', entityType: 'mtb_case', after: { queuedBy: 'seed:mtb-demo', cases: cases.length }, reason: REASON });

    const chair = (
      await tx.query<{ id: string }>(
        `select id from app_user where active and role = any($1::text[]) order by (username = 'mtb') desc, (role = 'mtb') desc, username limit 1`,
        [CHAIR_ROLES],
      )
    ).rows[0];
    if (!chair) return;
    const at = nextMeetingTime(ctx.now);
    let meeting = await createMeeting(tx, audit, SYSTEM_ACTOR.username, {
      title: `Molecular Tumour Board — weekly precision-medicine meeting ${at.toISOString().slice(0, 10)}`,
      scheduledAt: at.toISOString(),
      chairId: chair.id,
      reason: REASON,
    });
    const summaries = [
      ...(
        await caseSummariesById(
          tx,
          mtb,
          cases.map((c) => c.id),
        )
      ).values(),
    ];
    summaries.sort((a, b) => compareTop(a, b) || b.report.reportedAt.localeCompare(a.report.reportedAt) || a.id.localeCompare(b.id));
    for (const s of summaries.slice(0, AGENDA_CASES)) {
      meeting = await addToAgenda(tx, audit, meeting.id, { caseId: s.id, version: meeting.version, reason: REASON });
    }
  });
};
