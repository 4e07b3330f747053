import type { Queryable } from '../db/driver';

/**
 * Bookings are checked against what is already booked, so two writers checking at once could
 * both see a free slot. Each write first takes transaction-scoped advisory locks on what it
 * checks against (the resource, the patient, the Ga-68 preparations), always in sorted order so
 * two writers cannot wait on each other, and always before the audit chain's lock.
 */
export async function lockScheduling(tx: Queryable, keys: readonly string[]): Promise<void> {
  for (const key of [...new Set(keys)].sort()) await tx.query('select pg_advisory_xact_lock(hashtext($1))', [`scheduling:${key}`]);
}
