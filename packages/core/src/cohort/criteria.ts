/**
 * Computable eligibility for the trial catalogue: every TRIAL_CATALOGUE trial as an
 * EligibilityTrial (levels from its arms, clauses from criteria-protocols.ts), ready to compile
 * and match against generated patients, and to export as CTML.
 */
import type { EligibilityTrial } from '../eligibility/trial';
import { eligibilityTrial } from './criteria-levels';
import { PROTOCOL_CRITERIA } from './criteria-protocols';
import { TRIAL_CATALOGUE } from './trials';

export function catalogueEligibility(): EligibilityTrial[] {
  return TRIAL_CATALOGUE.map((t) => {
    const clause = PROTOCOL_CRITERIA[t.protocolNumber];
    if (!clause) throw new Error(`no eligibility criteria written for catalogue trial ${t.protocolNumber}`);
    return eligibilityTrial(t, clause);
  });
}
