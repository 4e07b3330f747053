import { formatCtml, type Criterion, type EligibilityTrial, type TrialLevel } from '@continuum/core';
import type { Queryable } from '../db/driver';
import { levelInfos, overlay, TRIAL_LEVEL, type ArmRow, type LevelInfo } from './levels';

export type SourceFormat = 'ctml-json' | 'ctml-yaml' | 'criteria' | 'catalogue';

export interface StoredCriteria {
  version: number;
  sourceFormat: SourceFormat;
  eligibility: EligibilityTrial;
  sourceText: string | null;
  updatedAt: string;
  updatedBy: string;
}

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v));

export async function readCriteria(q: Queryable, trialId: string): Promise<StoredCriteria | null> {
  const r = (await q.query<Row>('select version, source_format, eligibility, source_text, updated_at, updated_by from trial_criteria where trial_id = $1', [trialId])).rows[0];
  if (!r) return null;
  return { version: r.version, sourceFormat: r.source_format, eligibility: r.eligibility, sourceText: r.source_text, updatedAt: iso(r.updated_at), updatedBy: r.updated_by };
}

export async function readArms(q: Queryable, trialId: string): Promise<ArmRow[]> {
  return (await q.query<ArmRow>('select id, code, name, kind, status, slots_total, slots_used, version from trial_arm where trial_id = $1 order by code', [trialId])).rows;
}

/**
 * Writes a new version of a trial's criteria if the caller read the current one (version 0:
 * the trial has none yet). Returns the new version, or null when someone else wrote first.
 */
export async function writeCriteria(
  q: Queryable,
  trialId: string,
  readVersion: number,
  doc: { eligibility: EligibilityTrial; sourceFormat: SourceFormat; sourceText: string | null; by: string },
): Promise<number | null> {
  const params = [trialId, doc.sourceFormat, JSON.stringify(doc.eligibility), doc.sourceText, doc.by];
  if (readVersion === 0) {
    const r = await q.query<{ version: number }>(
      `insert into trial_criteria (trial_id, version, source_format, eligibility, source_text, updated_by)
       values ($1, 1, $2, $3::jsonb, $4, $5) on conflict (trial_id) do nothing returning version`,
      params,
    );
    return r.rows[0]?.version ?? null;
  }
  const r = await q.query<{ version: number }>(
    `update trial_criteria set version = version + 1, source_format = $2, eligibility = $3::jsonb, source_text = $4, updated_by = $5, updated_at = now()
      where trial_id = $1 and version = $6 returning version`,
    [...params, readVersion],
  );
  return r.rows[0]?.version ?? null;
}

/**
 * The structure of a trial that has no criteria yet: one step holding its cohorts, so the
 * criteria editor has a level to write each cohort's clause on.
 */
export function skeletonOf(protocolNumber: string, arms: readonly ArmRow[]): EligibilityTrial {
  return {
    protocolNo: protocolNumber,
    status: 'open',
    steps: [
      {
        level: 'step', code: '1', status: 'open', path: 'treatment_list.step.0',
        children: arms.map((a, i) => ({ level: 'arm' as const, code: a.code, description: a.name, status: 'open' as const, path: `treatment_list.step.0.arm.${i}`, children: [] })),
      },
    ],
  };
}

/** "treatment_list.step.0.arm.1" → "$.treatment_list.step[0].arm[1]" (the level's JSON path in its CTML document). */
export const jsonPathOfLevel = (dotted: string) => (dotted === TRIAL_LEVEL ? '$' : `$.${dotted.replace(/\.(\d+)/g, '[$1]')}`);

/** Replaces the clause of each level the map names (null removes it); levels it does not name keep theirs. */
export function withClauses(trial: EligibilityTrial, clauses: ReadonlyMap<string, Criterion | null>): EligibilityTrial {
  const apply = <T extends { match?: Criterion }>(x: T, path: string): T => {
    if (!clauses.has(path)) return x;
    const { match: _old, ...rest } = x;
    const match = clauses.get(path);
    return (match ? { ...rest, match } : rest) as T;
  };
  const level = (l: TrialLevel): TrialLevel => ({ ...apply(l, l.path), children: l.children.map(level) });
  return { ...apply(trial, TRIAL_LEVEL), steps: trial.steps.map(level) };
}

export interface CriteriaDocument {
  version: number;
  sourceFormat: SourceFormat | null;
  updatedAt: string | null;
  updatedBy: string | null;
  levels: Array<{ path: string; label: string; kind: LevelInfo['kind']; code: string | null; availability: LevelInfo['availability']; armId: string | null }>;
  criteria: Record<string, Criterion | null>;
  ctml: { json: string; yaml: string };
}

/** What GET /api/trials/:id/criteria answers: levels with live availability, each level's tree, and the CTML. */
export function criteriaDocument(trial: { protocol_number: string; status: string }, arms: readonly ArmRow[], stored: StoredCriteria | null): CriteriaDocument {
  const eligibility = stored?.eligibility ?? skeletonOf(trial.protocol_number, arms);
  const infos = levelInfos(eligibility, trial.status, arms);
  // The trial-wide clause is always offered to the editor, even when empty.
  if (!infos.some((l) => l.path === TRIAL_LEVEL)) {
    infos.unshift({ path: TRIAL_LEVEL, kind: 'trial', code: null, label: 'Whole trial', arm: null, availability: trial.status === 'open' ? 'open' : 'closed', hasCriteria: false });
  }
  const clauses = new Map<string, Criterion | null>([[TRIAL_LEVEL, eligibility.match ?? null]]);
  const walk = (l: TrialLevel) => {
    clauses.set(l.path, l.match ?? null);
    l.children.forEach(walk);
  };
  eligibility.steps.forEach(walk);
  const live = overlay(eligibility, trial.status, arms);
  return {
    version: stored?.version ?? 0,
    sourceFormat: stored?.sourceFormat ?? null,
    updatedAt: stored?.updatedAt ?? null,
    updatedBy: stored?.updatedBy ?? null,
    levels: infos.map((l) => ({ path: l.path, label: l.label, kind: l.kind, code: l.code, availability: l.availability, armId: l.arm?.id ?? null })),
    criteria: Object.fromEntries(infos.map((l) => [l.path, clauses.get(l.path) ?? null])),
    ctml: { json: formatCtml(live, 'json'), yaml: formatCtml(live, 'yaml') },
  };
}
