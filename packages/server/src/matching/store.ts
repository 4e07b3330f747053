import type { Queryable } from '../db/driver';
import type { MatchRow } from './compute';
import type { LevelInfo } from './levels';

const COLUMNS = [
  ['patient_id', 'uuid'], ['trial_id', 'uuid'], ['level_path', 'text'], ['level_code', 'text'], ['level_label', 'text'],
  ['arm_id', 'uuid'], ['status', 'text'], ['availability', 'text'], ['unknown_count', 'int'], ['stale_count', 'int'],
  ['borderline_count', 'int'], ['genomic_strength', 'double precision'], ['risk_score', 'double precision'], ['risk_level', 'text'],
  ['checklist', 'json'], ['explanation', 'json'], ['facts_version', 'int'], ['criteria_version', 'int'], ['arm_version', 'int'],
] as const;
const NAMES = COLUMNS.map(([n]) => n);
const KEY = ['patient_id', 'trial_id', 'level_path'];

// Explanations are a few kilobytes each: batches keep one statement's JSON parameter moderate.
const BATCH = 1000;

/**
 * Writes matches, replacing what was stored for the same (patient, trial, level). Every row
 * written gets `computed_at = now()`, the transaction's timestamp, which is what lets
 * deleteUnwritten find the rows this computation did not produce. A row whose status or
 * availability changed gets a new `changed_at` — what "new since your last visit" compares
 * with; a row recomputed to the same answer keeps it.
 */
export async function upsertMatches(tx: Queryable, rows: readonly MatchRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    await tx.query(
      `insert into trial_match (${NAMES.join(', ')}, computed_at)
       select ${NAMES.join(', ')}, now() from json_to_recordset($1::json) as x(${COLUMNS.map(([n, t]) => `${n} ${t}`).join(', ')})
       on conflict (${KEY.join(', ')}) do update set
         ${NAMES.filter((n) => !KEY.includes(n)).map((n) => `${n} = excluded.${n}`).join(', ')},
         computed_at = excluded.computed_at,
         changed_at = case when trial_match.status <> excluded.status or trial_match.availability <> excluded.availability
                           then now() else trial_match.changed_at end`,
      [JSON.stringify(rows.slice(i, i + BATCH))],
    );
  }
}

/**
 * Removes the stored matches in scope (these patients, these trials; every one when a side is
 * not given) that this transaction's computation did not write: they no longer hold. Re-matches
 * hold a lock for the rest of the transaction, so no other computation writes in between.
 */
export async function deleteUnwritten(tx: Queryable, scope: { patientIds?: readonly string[]; trialIds?: readonly string[] }): Promise<number> {
  const params: unknown[] = [];
  const where = ['computed_at <> now()'];
  if (scope.patientIds) where.push(`patient_id = any($${params.push(scope.patientIds)}::uuid[])`);
  if (scope.trialIds) where.push(`trial_id = any($${params.push(scope.trialIds)}::uuid[])`);
  const { rows } = await tx.query<{ n: number }>(
    `with gone as (delete from trial_match where ${where.join(' and ')} returning 1) select count(*)::int n from gone`,
    params,
  );
  return rows[0]!.n;
}

/**
 * Sets each stored match of a trial to its level's current availability and cohort version,
 * touching only rows that differ: no criterion is re-evaluated. Returns the rows changed.
 */
export async function updateAvailability(tx: Queryable, trialId: string, levels: readonly LevelInfo[]): Promise<number> {
  const values = levels.map((l) => ({ level_path: l.path, availability: l.availability, arm_version: l.arm?.version ?? null }));
  const { rows } = await tx.query<{ n: number }>(
    `with changed as (
       update trial_match m set
         availability = x.availability,
         arm_version = x.arm_version,
         changed_at = case when m.availability <> x.availability then now() else m.changed_at end
       from json_to_recordset($2::json) as x(level_path text, availability text, arm_version int)
       where m.trial_id = $1 and m.level_path = x.level_path
         and (m.availability <> x.availability or m.arm_version is distinct from x.arm_version)
       returning 1)
     select count(*)::int n from changed`,
    [trialId, JSON.stringify(values)],
  );
  return rows[0]!.n;
}
