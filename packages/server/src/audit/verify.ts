import type { Queryable } from '../db/driver';
import { GENESIS_HASH, hashEntry, type AuditEntry } from './chain';

export type ChainVerdict =
  | { ok: true; entries: number; headHash: string }
  | { ok: false; entries: number; firstBadSeq: number; problem: string };

interface AuditRow {
  seq: number;
  at: Date | string;
  actor_id: string | null;
  actor_username: string;
  actor_role: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  patient_id: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
  prev_hash: string;
  hash: string;
}

const PAGE = 5000;

/**
 * Walks the chain in seq order and recomputes every hash. An edited row fails its own hash; a
 * deleted row breaks the next row's link (and leaves a gap in seq); a reordered row fails its
 * hash because seq is hashed. Reads in pages so a chain of millions of entries fits in memory.
 */
export async function verifyAuditChain(db: Queryable, expectedHead?: string): Promise<ChainVerdict> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let entries = 0;
  for (;;) {
    const { rows } = await db.query<AuditRow>(
      'select * from audit_log where seq >= $1 order by seq limit $2',
      [expectedSeq, PAGE],
    );
    for (const row of rows) {
      const bad = (problem: string): ChainVerdict => ({ ok: false, entries, firstBadSeq: row.seq, problem });
      if (row.seq !== expectedSeq) {
        return { ok: false, entries, firstBadSeq: expectedSeq, problem: `entry ${expectedSeq} is missing (next present is ${row.seq})` };
      }
      if (row.prev_hash !== prevHash) return bad(`entry ${row.seq} does not link to the entry before it (removed, inserted or reordered)`);
      const entry: AuditEntry = {
        seq: row.seq,
        at: new Date(row.at).toISOString(),
        actorId: row.actor_id,
        actorUsername: row.actor_username,
        actorRole: row.actor_role,
        action: row.action,
        entityType: row.entity_type,
        entityId: row.entity_id,
        patientId: row.patient_id,
        before: row.before,
        after: row.after,
        reason: row.reason,
        prevHash: row.prev_hash,
      };
      if (hashEntry(entry) !== row.hash) return bad(`entry ${row.seq} was altered: its content no longer matches its hash`);
      prevHash = row.hash;
      expectedSeq += 1;
      entries += 1;
    }
    if (rows.length < PAGE) break;
  }
  if (expectedHead && expectedHead !== prevHash) {
    return { ok: false, entries, firstBadSeq: expectedSeq, problem: `the chain ends at ${prevHash}, not at the expected head ${expectedHead} (entries removed from the end?)` };
  }
  return { ok: true, entries, headHash: prevHash };
}
