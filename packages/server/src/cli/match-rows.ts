import {
  assessMatch,
  compileTrial,
  describeLeaf,
  matchPatient,
  type CompiledTrial,
  type EligibilityTrial,
  type EvaluationContext,
  type PatientFacts,
} from '@continuum/core';
import { labelOf } from '../matching/levels';
import { csvField } from './csv';

/** One output row of `continuum match`: a (patient, trial, level) that is eligible, potential, or closed. */
export interface MatchOutputRow {
  /** Pseudonym, or the sample id for MatchMiner input. */
  patient: string;
  /** Protocol number. */
  trial: string;
  level: string;
  levelPath: string;
  /** closed: the level (or its trial) does not enrol; shown only with --include-closed. */
  status: 'eligible' | 'potential' | 'closed';
  /** The answer on the criteria alone, whatever the level's availability. */
  tier: 'eligible' | 'potential';
  availability: 'open' | 'waitlist' | 'closed';
  /** Criteria still to verify on the path the match rests on (unknown, or decided by a stale result). */
  unknown: number;
  /** Each criterion of that path: "criterion: reason", "unknown — criterion: reason" for those to verify. */
  reasons: string[];
}

export interface OfflineOptions {
  asOf: string;
  oncotree: EvaluationContext['oncotree'];
  includeClosed: boolean;
  includeDeceased: boolean;
}

/** Compiles once, then yields each patient's rows: the CLI's whole engine, with no database. */
export function offlineMatcher(trials: readonly EligibilityTrial[], o: OfflineOptions) {
  const compiled: CompiledTrial[] = trials.map(compileTrial);
  const ctx: EvaluationContext = { asOf: o.asOf, oncotree: o.oncotree };
  return (patient: PatientFacts): MatchOutputRow[] =>
    matchPatient(compiled, patient, ctx, { includeClosed: o.includeClosed, includeDeceased: o.includeDeceased, keep: 'potential' }).map((m) => {
      const ranked = assessMatch(m)!;
      return {
        patient: patient.id,
        trial: m.level.protocolNo,
        level: m.level.level ? labelOf(m.level.chain) : 'Whole trial',
        levelPath: m.level.level?.path ?? 'trial',
        status: m.availability === 'closed' ? 'closed' : ranked.tier,
        tier: ranked.tier,
        availability: m.availability,
        unknown: ranked.risk.unknown + ranked.risk.stale,
        reasons: ranked.path.literals.map((l) => {
          const text = `${l.literal.negated ? 'not ' : ''}${describeLeaf(l.literal.leaf)}: ${l.leaf.reason}`;
          return l.status === 'unknown' ? `unknown — ${text}` : text;
        }),
      };
    });
}

export const CSV_COLUMNS: Array<keyof MatchOutputRow> = ['patient', 'trial', 'level', 'levelPath', 'status', 'tier', 'availability', 'unknown', 'reasons'];

/** One row as a CSV line (reasons joined by " | "), without its line break. */
export const csvLine = (r: MatchOutputRow) => CSV_COLUMNS.map((c) => csvField(c === 'reasons' ? r.reasons.join(' | ') : r[c])).join(',');
