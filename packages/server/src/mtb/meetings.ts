/**
 * MTB meetings and their ordered agendas. The meeting row's version guards the agenda too:
 * adding, removing and reordering name the version they read, so two secretaries editing one
 * agenda never silently undo each other. Lock order: meeting, then case (a case write never
 * locks a meeting), so agenda edits and case edits cannot deadlock.
 */
import type { Queryable } from '../db/driver';
import type { Audit } from '../http/common/audited';
import { badRequest, conflict, notFound } from '../http/common/problem';
import { iso } from './case-record';
import { lockCase, refuseIfSigned, touchCase } from './cases';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Who may chair (and so sign): the roles that may write MTB recommendations. */
export const CHAIR_ROLES = ['mtb', 'admin', 'investigator'] as const;

export interface MeetingRow {
  id: string;
  title: string;
  scheduled_at: string;
  chair_id: string;
  created_by: string;
  created_at: string;
  version: number;
}

const norm = (r: Row): MeetingRow => ({ ...(r as MeetingRow), scheduled_at: iso(r.scheduled_at)!, created_at: iso(r.created_at)! });

async function lockMeeting(tx: Queryable, id: string, version: number): Promise<MeetingRow> {
  const m = (await tx.query<Row>('select * from mtb_meeting where id = $1 for update', [id])).rows[0];
  if (!m) throw notFound(`MTB meeting ${id}`);
  if (m.version !== version)
    throw conflict(`MTB meeting ${id} is at version ${m.version}, not ${version}: someone else changed it. Reload and retry.`);
  return norm(m);
}

async function checkChair(tx: Queryable, chairId: string): Promise<void> {
  const u = (await tx.query<{ role: string; active: boolean }>('select role, active from app_user where id = $1', [chairId])).rows[0];
  if (!u || !u.active)
    throw badRequest(`Account ${chairId} does not exist or is inactive.`, [{ path: 'body.chairId', message: 'no such active account' }]);
  if (!(CHAIR_ROLES as readonly string[]).includes(u.role)) {
    throw badRequest(`A ${u.role} account cannot chair an MTB.`, [
      { path: 'body.chairId', message: `the chair must have one of the roles ${CHAIR_ROLES.join(', ')}` },
    ]);
  }
}

async function agendaCases(tx: Queryable, meetingId: string): Promise<{ case_id: string; position: number; status: string }[]> {
  return (
    await tx.query<{ case_id: string; position: number; status: string }>(
      'select a.case_id, a.position, c.status from mtb_agenda_item a join mtb_case c on c.id = a.case_id where a.meeting_id = $1 order by a.position',
      [meetingId],
    )
  ).rows;
}

async function bumpMeeting(tx: Queryable, id: string): Promise<MeetingRow> {
  return norm((await tx.query<Row>('update mtb_meeting set version = version + 1 where id = $1 returning *', [id])).rows[0]!);
}

export async function createMeeting(
  tx: Queryable,
  audit: Audit,
  createdBy: string,
  input: { title: string; scheduledAt: string; chairId: string; reason: string },
): Promise<MeetingRow> {
  await checkChair(tx, input.chairId);
  const m = norm(
    (
      await tx.query<Row>('insert into mtb_meeting (title, scheduled_at, chair_id, created_by) values ($1, $2, $3, $4) returning *', [
        input.title.trim(),
        input.scheduledAt,
        input.chairId,
        createdBy,
      ])
    ).rows[0]!,
  );
  await audit({ action: 'create', entityType: 'mtb_meeting', entityId: m.id, after: m, reason: input.reason });
  return m;
}

export async function updateMeeting(
  tx: Queryable,
  audit: Audit,
  id: string,
  input: { version: number; reason: string; title?: string; scheduledAt?: string; chairId?: string },
): Promise<MeetingRow> {
  const before = await lockMeeting(tx, id, input.version);
  const agenda = await agendaCases(tx, id);
  if (agenda.some((a) => a.status === 'signed')) {
    throw conflict(`MTB meeting ${id} has signed cases: its title, date and chair are part of signed reports and cannot change.`);
  }
  if (input.chairId) await checkChair(tx, input.chairId);
  const after = norm(
    (
      await tx.query<Row>(
        `update mtb_meeting set title = coalesce($2, title), scheduled_at = coalesce($3, scheduled_at), chair_id = coalesce($4, chair_id),
                version = version + 1 where id = $1 returning *`,
        [id, input.title?.trim() ?? null, input.scheduledAt ?? null, input.chairId ?? null],
      )
    ).rows[0]!,
  );
  await audit({ action: 'update', entityType: 'mtb_meeting', entityId: id, before, after, reason: input.reason });
  return after;
}

export async function deleteMeeting(tx: Queryable, audit: Audit, id: string, input: { version: number; reason: string }): Promise<void> {
  const before = await lockMeeting(tx, id, input.version);
  const agenda = await agendaCases(tx, id);
  const held = agenda.filter((a) => a.status === 'discussed' || a.status === 'signed');
  if (held.length > 0) {
    throw conflict(`MTB meeting ${id} discussed ${held.length} case(s) (recommendations recorded or signed): it cannot be deleted.`);
  }
  const cases = [];
  for (const a of agenda) cases.push(await lockCase(tx, a.case_id));
  await tx.query('delete from mtb_meeting where id = $1', [id]);
  await audit({
    action: 'delete',
    entityType: 'mtb_meeting',
    entityId: id,
    before: { ...before, agenda: agenda.map((a) => a.case_id) },
    reason: input.reason,
  });
  // Its cases go back to the queue.
  for (const c of cases) await touchCase(tx, c, audit, input.reason);
}

export async function addToAgenda(
  tx: Queryable,
  audit: Audit,
  meetingId: string,
  input: { caseId: string; version: number; reason: string },
): Promise<MeetingRow> {
  await lockMeeting(tx, meetingId, input.version);
  const c = await lockCase(tx, input.caseId);
  await refuseIfSigned(tx, c, 'Cannot put the case on an agenda');
  const current = (
    await tx.query<{ meeting_id: string; title: string }>(
      'select a.meeting_id, m.title from mtb_agenda_item a join mtb_meeting m on m.id = a.meeting_id where a.case_id = $1',
      [c.id],
    )
  ).rows[0];
  if (current) {
    throw conflict(
      current.meeting_id === meetingId
        ? `MTB case ${c.id} is already on this agenda.`
        : `MTB case ${c.id} is on the agenda of "${current.title}" (${current.meeting_id}); remove it there first.`,
    );
  }
  const position = (
    await tx.query<{ n: number }>('select coalesce(max(position), 0)::int + 1 n from mtb_agenda_item where meeting_id = $1', [meetingId])
  ).rows[0]!.n;
  await tx.query('insert into mtb_agenda_item (meeting_id, case_id, position) values ($1, $2, $3)', [meetingId, c.id, position]);
  await audit({
    action: 'agenda-add',
    entityType: 'mtb_meeting',
    entityId: meetingId,
    patientId: c.patient_id,
    after: { caseId: c.id, position },
    reason: input.reason,
  });
  await touchCase(tx, c, audit, input.reason);
  return bumpMeeting(tx, meetingId);
}

export async function removeFromAgenda(
  tx: Queryable,
  audit: Audit,
  meetingId: string,
  caseId: string,
  input: { version: number; reason: string },
): Promise<MeetingRow> {
  await lockMeeting(tx, meetingId, input.version);
  const c = await lockCase(tx, caseId);
  const item = (
    await tx.query<{ position: number }>('select position from mtb_agenda_item where meeting_id = $1 and case_id = $2', [meetingId, caseId])
  ).rows[0];
  if (!item) throw notFound(`MTB case ${caseId} on the agenda of meeting ${meetingId}`);
  await refuseIfSigned(tx, c, 'Cannot take the case off the agenda');
  if (c.status === 'discussed') {
    throw conflict(`MTB case ${caseId} has recommendations recorded at this meeting; withdraw them before taking it off the agenda.`);
  }
  await tx.query('delete from mtb_agenda_item where meeting_id = $1 and case_id = $2', [meetingId, caseId]);
  // Close the gap, so positions stay 1..n.
  await tx.query('update mtb_agenda_item set position = position - 1 where meeting_id = $1 and position > $2', [meetingId, item.position]);
  await audit({
    action: 'agenda-remove',
    entityType: 'mtb_meeting',
    entityId: meetingId,
    patientId: c.patient_id,
    before: { caseId, position: item.position },
    reason: input.reason,
  });
  await touchCase(tx, c, audit, input.reason);
  return bumpMeeting(tx, meetingId);
}

export async function reorderAgenda(
  tx: Queryable,
  audit: Audit,
  meetingId: string,
  input: { caseIds: string[]; version: number; reason: string },
): Promise<MeetingRow> {
  await lockMeeting(tx, meetingId, input.version);
  const agenda = await agendaCases(tx, meetingId);
  const current = agenda.map((a) => a.case_id);
  const wanted = input.caseIds;
  const same = wanted.length === current.length && new Set(wanted).size === wanted.length && wanted.every((id) => current.includes(id));
  if (!same) {
    throw badRequest('The new order must list every case of the agenda exactly once.', [
      { path: 'body.caseIds', message: `expected a permutation of the ${current.length} case(s) on the agenda` },
    ]);
  }
  // One statement; the (meeting, position) uniqueness is checked at commit (deferred).
  await tx.query(
    `update mtb_agenda_item a set position = o.position
       from unnest($2::uuid[]) with ordinality as o(case_id, position)
      where a.meeting_id = $1 and a.case_id = o.case_id`,
    [meetingId, wanted],
  );
  await audit({
    action: 'agenda-reorder',
    entityType: 'mtb_meeting',
    entityId: meetingId,
    before: { order: current },
    after: { order: wanted },
    reason: input.reason,
  });
  return bumpMeeting(tx, meetingId);
}
