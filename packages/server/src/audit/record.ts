import type { Queryable } from '../db/driver';
import { toJsonValue } from './canonical';
import { GENESIS_HASH, hashEntry, type AuditEntry } from './chain';

export interface Actor {
  id: string | null;
  username: string;
  role: string;
}

/** The system itself (migrations, seeding, CLI without an account). */
export const SYSTEM_ACTOR: Actor = { id: null, username: 'system', role: 'system' };

export interface AuditEvent {
  action: string;
  entityType: string;
  entityId?: string | null;
  patientId?: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

// One lock key serialises appends to the chain across connections (PostgreSQL) — the chain
// must be linear even when two requests commit at once.
const AUDIT_LOCK_KEY = 727_001;

/**
 * Appends one entry to the audit chain inside the caller's transaction, so the entry and the
 * change it records land together or not at all.
 */
export async function appendAudit(tx: Queryable, actor: Actor, event: AuditEvent): Promise<AuditEntry & { hash: string }> {
  await tx.query('select pg_advisory_xact_lock($1)', [AUDIT_LOCK_KEY]);
  const last = await tx.query<{ seq: number; hash: string }>(
    'select seq, hash from audit_log order by seq desc limit 1',
  );
  const prev = last.rows[0];
  const entry: AuditEntry = {
    seq: (prev?.seq ?? 0) + 1,
    at: new Date().toISOString(),
    actorId: actor.id,
    actorUsername: actor.username,
    actorRole: actor.role,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId ?? null,
    patientId: event.patientId ?? null,
    before: toJsonValue(event.before ?? null),
    after: toJsonValue(event.after ?? null),
    reason: event.reason ?? null,
    prevHash: prev?.hash ?? GENESIS_HASH,
  };
  const hash = hashEntry(entry);
  await tx.query(
    `insert into audit_log (seq, at, actor_id, actor_username, actor_role, action, entity_type, entity_id,
       patient_id, before, after, reason, prev_hash, hash)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10::jsonb,$11::jsonb,$12,$13,$14)`,
    [
      entry.seq,
      entry.at,
      entry.actorId,
      entry.actorUsername,
      entry.actorRole,
      entry.action,
      entry.entityType,
      entry.entityId,
      entry.patientId,
      JSON.stringify(entry.before),
      JSON.stringify(entry.after),
      entry.reason,
      entry.prevHash,
      hash,
    ],
  );
  return { ...entry, hash };
}
