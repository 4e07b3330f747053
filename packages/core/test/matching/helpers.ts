/** Small readers of cohort results for tests. */
import type { CohortMatches } from '../../src/matching/cohort-match';

/** Protocol numbers with at least one match, one eligible match, one potential match. */
export function matchesStatus(result: CohortMatches) {
  const withMatch = new Set<string>();
  const withEligible = new Set<string>();
  const withPotential = new Set<string>();
  for (let i = 0; i < result.size; i++) {
    const m = result.at(i);
    withMatch.add(m.level.protocolNo);
    (m.status === 'met' ? withEligible : withPotential).add(m.level.protocolNo);
  }
  return { withMatch, withEligible, withPotential };
}
