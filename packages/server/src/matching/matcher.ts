import type { EvaluationContext, OncotreeHierarchy } from '@continuum/core';
import type { Queryable } from '../db/driver';
import { matchPlan, matchRows, type MatchRow } from './compute';
import { loadPatientFacts } from './patient-facts';
import { deleteUnwritten, updateAvailability, upsertMatches } from './store';
import { CompiledTrialCache, loadTrialContexts } from './trials';

// Re-matches serialise on one transaction-scoped lock. Every write takes its locks in one order —
// the rows it changes, then the audit lock, then this one — so writes queue and never deadlock,
// and each re-match reads the facts and criteria committed before it: two concurrent writes
// cannot leave a match computed from stale inputs.
const MATCH_LOCK_KEY = 727_002;

export interface RematchResult {
  patients: number;
  trials: number;
  /** Matches stored (eligible or potential, any availability). */
  matches: number;
  removed: number;
}

export interface MatcherOptions {
  oncotree: OncotreeHierarchy;
  /** Reference date for ages, washouts and freshness windows; today (UTC) by default. */
  today?: () => string;
}

/**
 * Live re-matching: called inside the transaction of the write that changes an input, it
 * re-matches only what the write touches and stores the results with the input versions they
 * came from. One per process (it holds the compiled-trial cache).
 */
export class Matcher {
  readonly cache = new CompiledTrialCache();
  private readonly today: () => string;

  constructor(private readonly options: MatcherOptions) {
    this.today = options.today ?? (() => new Date().toISOString().slice(0, 10));
  }

  context(): EvaluationContext {
    return { asOf: this.today(), oncotree: this.options.oncotree };
  }

  /** A new or changed fact: the patient against every trial. */
  rematchPatient(tx: Queryable, patientId: string): Promise<RematchResult> {
    return this.rematch(tx, { patientIds: [patientId] });
  }

  /** New criteria: the trial against every patient. */
  rematchTrial(tx: Queryable, trialId: string): Promise<RematchResult> {
    return this.rematch(tx, { trialIds: [trialId] });
  }

  /**
   * Patients × trials (every one when a side is not given). Stored matches in that scope that
   * the computation no longer produces are removed; those outside it are not touched.
   */
  async rematch(
    tx: Queryable,
    scope: { patientIds?: readonly string[]; trialIds?: readonly string[] },
    onProgress?: (patientsDone: number) => void,
  ): Promise<RematchResult> {
    await tx.query('select pg_advisory_xact_lock($1)', [MATCH_LOCK_KEY]);
    const trials = await loadTrialContexts(tx, this.cache, scope.trialIds);
    const plan = matchPlan(trials);
    const ctx = this.context();
    const result: RematchResult = { patients: 0, trials: trials.length, matches: 0, removed: 0 };
    // Trials in scope without criteria: nothing to evaluate, only their old matches to remove.
    if (scope.trialIds && trials.length === 0) {
      result.removed = await deleteUnwritten(tx, scope);
      return result;
    }
    onProgress?.(0);
    for await (const chunk of loadPatientFacts(tx, ctx.asOf, scope.patientIds)) {
      const rows: MatchRow[] = [];
      for (const p of chunk) rows.push(...matchRows(p, plan, ctx));
      await upsertMatches(tx, rows);
      result.patients += chunk.length;
      result.matches += rows.length;
      onProgress?.(result.patients);
    }
    // What the scope held and this computation did not produce no longer holds (a deceased
    // patient, a failed criterion, a trial whose criteria are gone).
    result.removed = await deleteUnwritten(tx, scope);
    return result;
  }

  /**
   * A trial's status or a cohort's status or slots changed: only the availability (and recorded
   * cohort version) of the trial's stored matches changes; nobody is re-evaluated.
   */
  async refreshAvailability(tx: Queryable, trialId: string): Promise<number> {
    await tx.query('select pg_advisory_xact_lock($1)', [MATCH_LOCK_KEY]);
    const [trial] = await loadTrialContexts(tx, this.cache, [trialId]);
    return trial ? updateAvailability(tx, trialId, trial.levels) : 0;
  }
}
