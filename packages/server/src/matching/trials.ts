import { compileTrial, type CompiledLevel, type CompiledTrial, type EligibilityTrial } from '@continuum/core';
import type { Queryable } from '../db/driver';
import { levelInfos, TRIAL_LEVEL, type ArmRow, type LevelInfo } from './levels';

/** A trial ready to match: its compiled criteria and, per compiled level, the live level it is. */
export interface TrialContext {
  id: string;
  protocolNumber: string;
  status: string;
  criteriaVersion: number;
  eligibility: EligibilityTrial;
  compiled: CompiledTrial;
  levels: LevelInfo[];
  levelOf: Map<CompiledLevel, LevelInfo>;
}

export const levelPathOf = (l: CompiledLevel): string => l.level?.path ?? TRIAL_LEVEL;

/**
 * Compiled trials, kept in memory and keyed by the criteria version they were compiled from:
 * a criteria write bumps the version, so the next re-match compiles the new tree once and every
 * later one reuses it. The key also carries a digest of the stored document, because a version
 * number alone can be reused when the transaction that wrote it rolls back. Statuses and slots
 * are not compiled in (they come from the cohort rows at each use), so opening or closing a
 * cohort invalidates nothing.
 */
export class CompiledTrialCache {
  private readonly entries = new Map<string, { key: string; eligibility: EligibilityTrial; compiled: CompiledTrial }>();

  get(trialId: string, key: string) {
    const e = this.entries.get(trialId);
    return e && e.key === key ? e : undefined;
  }

  set(trialId: string, key: string, eligibility: EligibilityTrial) {
    const entry = { key, eligibility, compiled: compileTrial(eligibility) };
    this.entries.set(trialId, entry);
    return entry;
  }
}

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Trials that have criteria (all of them, or the listed ones), compiled through the cache. */
export async function loadTrialContexts(db: Queryable, cache: CompiledTrialCache, trialIds?: readonly string[]): Promise<TrialContext[]> {
  const filter = trialIds ? 'where t.id = any($1::uuid[])' : '';
  const params = trialIds ? [trialIds] : [];
  const heads = (await db.query<Row>(
    `select t.id, t.protocol_number, t.status, c.version, c.version || ':' || md5(c.eligibility::text) as cache_key
       from trial t join trial_criteria c on c.trial_id = t.id ${filter} order by t.protocol_number`,
    params,
  )).rows;
  if (heads.length === 0) return [];
  const ids = heads.map((h) => h.id as string);
  // Only criteria the cache does not hold at their current version travel from the database.
  const missing = heads.filter((h) => !cache.get(h.id, h.cache_key)).map((h) => h.id as string);
  if (missing.length > 0) {
    const docs = (await db.query<Row>(
      `select trial_id, version || ':' || md5(eligibility::text) as cache_key, eligibility from trial_criteria where trial_id = any($1::uuid[])`,
      [missing],
    )).rows;
    for (const d of docs) cache.set(d.trial_id, d.cache_key, d.eligibility as EligibilityTrial);
  }
  const arms = (await db.query<ArmRow & { trial_id: string }>(
    'select id, trial_id, code, name, kind, status, slots_total, slots_used, version from trial_arm where trial_id = any($1::uuid[]) order by code',
    [ids],
  )).rows;
  const armsOf = new Map<string, ArmRow[]>();
  for (const a of arms) armsOf.set(a.trial_id, [...(armsOf.get(a.trial_id) ?? []), a]);
  return heads.map((h) => {
    const entry = cache.get(h.id, h.cache_key)!;
    const levels = levelInfos(entry.eligibility, h.status, armsOf.get(h.id) ?? []);
    const byPath = new Map(levels.map((l) => [l.path, l]));
    const levelOf = new Map<CompiledLevel, LevelInfo>();
    for (const cl of entry.compiled.levels) levelOf.set(cl, byPath.get(levelPathOf(cl))!);
    return {
      id: h.id, protocolNumber: h.protocol_number, status: h.status, criteriaVersion: h.version,
      eligibility: entry.eligibility, compiled: entry.compiled, levels, levelOf,
    };
  });
}
