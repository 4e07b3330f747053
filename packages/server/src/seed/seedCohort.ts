import { TRIAL_CATALOGUE, generateCohort } from '@continuum/core';
import { SYSTEM_ACTOR, type Actor } from '../audit/record';
import type { Db } from '../db/driver';
import { Matcher } from '../matching/matcher';
import { codeOrNameHierarchy } from '../matching/oncotree';
import { loadOncoTree } from '../reference';
import { catalogueCriteria } from './catalogueCriteria';
import { writeCohort } from './writeCohort';

export interface SeedOptions {
  patients: number;
  seed: number;
  /** ISO date the cohort is generated as of; fixed by default so a seed is reproducible. */
  referenceDate: string;
  actor?: Actor;
  onProgress?: (written: number) => void;
  /** Patients matched so far, while the initial matches are computed. */
  onMatchProgress?: (matched: number) => void;
  /** The platform's matcher (its compiled-trial cache is then warm); one is made otherwise. */
  matcher?: Matcher;
}

export const DEFAULT_REFERENCE_DATE = '2026-11-01';

/**
 * Generates the deterministic synthetic cohort and writes it with the trial catalogue, the
 * catalogue's criteria and every patient's initial matches, in one transaction.
 */
export function seedCohort(db: Db, o: SeedOptions) {
  return writeCohort(db, {
    trials: TRIAL_CATALOGUE,
    patients: generateCohort({ patients: o.patients, seed: o.seed, referenceDate: o.referenceDate }),
    description: { generator: 'continuum synthetic cohort', seed: o.seed, patients: o.patients, referenceDate: o.referenceDate },
    actor: o.actor ?? SYSTEM_ACTOR,
    onProgress: o.onProgress,
    matching: {
      criteria: catalogueCriteria(),
      matcher: o.matcher ?? new Matcher({ oncotree: codeOrNameHierarchy(loadOncoTree()) }),
      onProgress: o.onMatchProgress,
    },
  });
}
