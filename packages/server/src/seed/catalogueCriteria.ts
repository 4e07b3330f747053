import { catalogueEligibility, type EligibilityTrial } from '@continuum/core';

/**
 * The computable eligibility of the catalogue's trials (core's curated criteria, one clause per
 * protocol), keyed by protocol number: what the seed stores as each trial's criteria.
 */
export function catalogueCriteria(): Map<string, EligibilityTrial> {
  return new Map(catalogueEligibility().map((t) => [t.protocolNo, t]));
}
