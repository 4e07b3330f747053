import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical';

/** The fields of an audit entry that its hash covers — all of them but the hash itself. */
export interface AuditEntry {
  seq: number;
  at: string;
  actorId: string | null;
  actorUsername: string;
  actorRole: string;
  action: string;
  entityType: string;
  entityId: string | null;
  patientId: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
  prevHash: string;
}

/** The first entry's predecessor: 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * hash = SHA-256(canonical JSON of the entry, prevHash and seq included). Including seq makes a
 * reordering detectable; including prevHash chains each entry to all before it.
 */
export function hashEntry(entry: AuditEntry): string {
  return createHash('sha256').update(canonicalJson(entry)).digest('hex');
}
