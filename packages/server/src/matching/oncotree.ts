import { LIQUID, SOLID, type OncoTree, type OncotreeHierarchy } from '@continuum/core';

/**
 * The shipped OncoTree as the evaluator's hierarchy, reading codes ("LUAD") and names
 * ("Lung Adenocarcinoma") alike: Continuum records codes, but CTML written for MatchMiner —
 * and MatchMiner's own clinical documents — name diagnoses by OncoTree name.
 */
export function codeOrNameHierarchy(tree: OncoTree): OncotreeHierarchy & { codeOf(codeOrName: string): string | undefined } {
  const byName = new Map<string, string>();
  for (const node of tree.all()) {
    const key = node.name.trim().toLowerCase();
    // Two nodes with one name: the name is ambiguous, so it resolves to neither.
    byName.set(key, byName.has(key) ? '' : node.code);
  }
  const codeOf = (v: string): string | undefined => {
    if (tree.has(v)) return tree.get(v)!.code;
    return byName.get(v.trim().toLowerCase()) || undefined;
  };
  return {
    codeOf,
    has: (v) => v === SOLID || v === LIQUID || codeOf(v) !== undefined,
    isDescendantOf: (code, ancestor) => {
      const c = codeOf(code);
      const a = codeOf(ancestor);
      return c !== undefined && a !== undefined && tree.isDescendantOf(c, a);
    },
    solidOrLiquid: (code) => {
      const c = codeOf(code);
      return c === undefined ? null : tree.solidOrLiquid(c);
    },
    suggest: (v, n = 3) => tree.suggest(v, n),
  };
}
