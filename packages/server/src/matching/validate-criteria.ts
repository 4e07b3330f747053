import { ANY_GENE, INTERGENIC, LIQUID, SOLID, compileTrial, isLeaf, MatchPathLimitError, type Criterion, type EligibilityTrial, type LeafCriterion, type OncotreeHierarchy } from '@continuum/core';
import type { GeneSymbols } from './genes';

/** One thing wrong with a criterion, where it is, and what would be valid instead. */
export interface CriterionProblem {
  /** Path segments from the clause root to the field at fault. */
  at: Array<string | number>;
  /** The leaf the problem is in (its `source` names the CTML path when it was imported). */
  leaf?: LeafCriterion;
  /** The field of the leaf at fault. */
  field?: string;
  message: string;
  suggestions?: string[];
}

function* leavesOf(c: Criterion, at: Array<string | number>): Generator<{ leaf: LeafCriterion; at: Array<string | number> }> {
  if (isLeaf(c)) {
    yield { leaf: c, at };
    return;
  }
  if (c.kind === 'not') yield* leavesOf(c.of, [...at, 'of']);
  else for (const [i, child] of c.of.entries()) yield* leavesOf(child, [...at, 'of', i]);
}

/**
 * What the shape alone cannot tell: diagnoses must be OncoTree nodes and genes HGNC symbols,
 * or the criterion could never be met. Each problem carries the closest valid values.
 */
export function checkVocabulary(c: Criterion, oncotree: OncotreeHierarchy, genes: GeneSymbols | null): CriterionProblem[] {
  const problems: CriterionProblem[] = [];
  for (const { leaf, at } of leavesOf(c, [])) {
    if (leaf.kind === 'diagnosis' && leaf.oncotree !== SOLID && leaf.oncotree !== LIQUID && !oncotree.has(leaf.oncotree)) {
      const suggestions = oncotree.suggest?.(leaf.oncotree, 3) ?? [];
      problems.push({ at: [...at, 'oncotree'], leaf, field: 'oncotree', suggestions, message: `unknown OncoTree code "${leaf.oncotree}"${didYouMean(suggestions)}` });
    }
    if (leaf.kind === 'alteration' && genes) {
      for (const field of ['gene', 'partner'] as const) {
        const symbol = leaf[field];
        if (symbol === undefined || symbol === ANY_GENE || (field === 'partner' && symbol === INTERGENIC)) continue;
        if (genes.resolve(symbol)) continue;
        const suggestions = genes.suggest(symbol, 3);
        problems.push({ at: [...at, field], leaf, field, suggestions, message: `unknown gene symbol "${symbol}"${didYouMean(suggestions)}` });
      }
    }
  }
  return problems;
}

const didYouMean = (s: string[]) => (s.length ? ` (did you mean ${s.join(', ')}?)` : '');

/** Compiles the trial once to refuse trees whose match paths would explode; returns the error message or null. */
export function compileProblem(trial: EligibilityTrial): string | null {
  try {
    compileTrial(trial);
    return null;
  } catch (e) {
    if (e instanceof MatchPathLimitError) return e.message;
    throw e;
  }
}
