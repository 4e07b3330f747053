/**
 * Re-matching without churn: given the stored matches of some patients for one trial and the
 * freshly computed ones, decide what to keep, re-enable, disable and insert. Matches are
 * compared by content hash as a multiset (the same document may legitimately occur twice), and
 * existing rows are preferred — oldest first — so ids users have seen stay stable.
 */
export interface StoredMatch {
  id: string;
  hash: string;
  disabled: boolean;
}

export interface ReconcilePlan {
  /** Enabled rows that still hold. */
  keep: string[];
  /** Disabled rows that hold again. */
  enable: string[];
  /** Enabled rows that no longer hold (or are surplus copies). */
  disable: string[];
  /** Indices (into `found`) of matches with no row to reuse. */
  insert: number[];
}

export function reconcileMatches(existing: readonly StoredMatch[], found: readonly string[]): ReconcilePlan {
  const wanted = new Map<string, number>();
  for (const h of found) wanted.set(h, (wanted.get(h) ?? 0) + 1);
  const take = (h: string): boolean => {
    const n = wanted.get(h) ?? 0;
    if (n === 0) return false;
    wanted.set(h, n - 1);
    return true;
  };
  const rows = [...existing].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const plan: ReconcilePlan = { keep: [], enable: [], disable: [], insert: [] };
  // Enabled rows first, so a hash already shown is not swapped for a disabled twin.
  const rest: StoredMatch[] = [];
  for (const r of rows) {
    if (!r.disabled && take(r.hash)) plan.keep.push(r.id);
    else rest.push(r);
  }
  for (const r of rest) {
    if (take(r.hash)) {
      if (r.disabled) plan.enable.push(r.id);
    } else if (!r.disabled) plan.disable.push(r.id);
  }
  found.forEach((h, i) => {
    if (take(h)) plan.insert.push(i);
  });
  return plan;
}
