/**
 * The little the evaluator needs from OncoTree, as an interface the caller injects: the
 * platform's OncoTree class (codes/oncotree.ts) satisfies it, and so does a MatchMiner-style
 * name → descendants mapping (used by the CTIMS conformance fixtures).
 */
export interface OncotreeHierarchy {
  /** Whether the code is known; unknown codes make a diagnosis criterion unknown, not false. */
  has(code: string): boolean;
  /** True when `code` is `ancestor` or lies below it. */
  isDescendantOf(code: string, ancestor: string): boolean;
  /** MatchMiner's `_SOLID_` / `_LIQUID_` split; when absent, those two are asked of isDescendantOf. */
  solidOrLiquid?(code: string): 'solid' | 'liquid' | null;
  /** Closest known codes, for error messages. */
  suggest?(code: string, n?: number): string[];
}

export const SOLID = '_SOLID_';
export const LIQUID = '_LIQUID_';

/**
 * A hierarchy from a mapping "node → every node it covers" (MatchMiner's oncotree_mapping.json
 * maps each name to its descendants and itself, and `_SOLID_`/`_LIQUID_` to their members).
 */
export function hierarchyFromDescendants(mapping: Readonly<Record<string, readonly string[]>>): OncotreeHierarchy {
  const covers = new Map<string, Set<string>>();
  const known = new Set<string>();
  for (const [node, members] of Object.entries(mapping)) {
    covers.set(node, new Set(members));
    known.add(node);
    for (const m of members) known.add(m);
  }
  return {
    has: (code) => known.has(code),
    // Membership only (no implicit "a node covers itself"): the groups do not list themselves,
    // and every real node of the mapping already lists itself.
    isDescendantOf: (code, ancestor) => covers.get(ancestor)?.has(code) ?? false,
    suggest: (code, n = 3) => closest(code, [...known], n),
  };
}

/** Known names closest to the input by edit distance (case-insensitive), ties to the shorter. */
function closest(input: string, candidates: string[], n: number): string[] {
  const q = input.toLowerCase();
  return candidates
    .map((c) => ({ c, d: editDistance(q, c.toLowerCase()) }))
    .sort((a, b) => a.d - b.d || a.c.length - b.c.length || a.c.localeCompare(b.c))
    .slice(0, n)
    .map((x) => x.c);
}

/** Levenshtein distance with one rolling row. */
function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}
