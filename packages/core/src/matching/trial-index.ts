/**
 * The other direction: trials indexed by what they ask, for re-matching one patient when one
 * of its facts changes (a new report, a new lab) within the request that brought it.
 *
 * Each match path is filed under one key taken from a positive literal — the gene of an
 * alteration criterion, else MSI/MMR, else the diagnosis, else sex — and a patient's own keys
 * select the levels worth evaluating. A patient whose data cannot rule a key out (no molecular
 * testing, a gene not reported, no diagnosis on record) takes every key of that family, so the
 * index never drops an `unknown` (potential) match. The levels found are screened with the
 * status-only evaluators, and those kept are explained in full with `evaluatePaths`: the result
 * is exactly `matchPatient`'s.
 */
import type { EvaluationContext } from '../eligibility/evaluation';
import type { PatientFacts } from '../eligibility/facts';
import type { OncotreeHierarchy } from '../eligibility/oncotree';
import { LevelEvaluator } from './cohort-match';
import { evaluatePaths, type LeafMemo } from './evaluate-paths';
import { NOT_MET, UNKNOWN, isRealGene, within } from './fast-leaf';
import { buildColumns, MMR_DEFICIENT, MMR_OTHER, MMR_PROFICIENT, Vocabulary, type PatientColumns } from './patient-columns';
import { preparePortfolio, type Portfolio, type PreparedPath } from './portfolio';
import type { CompiledTrial, LevelMatch, MatchOptions } from './trials';

type Family = 'gene' | 'mmr' | 'dx' | 'sex';

export interface TrialIndex {
  portfolio: Portfolio;
  /** "gene:KRAS", "mmr:true", "dx:NSCLC", "sex:female" → ordinals of the levels a path of which is filed there. */
  byKey: Map<string, number[]>;
  /** Every level filed under some key of the family (what a patient who cannot rule the family out gets). */
  byFamily: Map<Family, number[]>;
  /** Levels with a path no key narrows: candidates for everyone. */
  unguarded: number[];
  /** Diagnoses asked, to place a patient's primary codes once per hierarchy. */
  dxTargets: string[];
  /** Ids of codes, drugs, units and alteration shapes of the patients re-matched so far. */
  vocabulary: Vocabulary;
  /** Per hierarchy: primary code → diagnosis keys it cannot rule out. */
  dxKeys: WeakMap<OncotreeHierarchy, Map<string, string[]>>;
  /** The last evaluation context's evaluator (re-used while asOf and hierarchy stay the same). */
  evaluator?: { asOf: string; oncotree: OncotreeHierarchy | undefined; borderline: number | undefined; evaluator: LevelEvaluator };
}

/** The key a path is filed under: the most selective positive literal an index can answer. */
function pathKey(path: PreparedPath, portfolio: Portfolio): string | undefined {
  let best: string | undefined;
  let rank = Infinity;
  for (let k = 0; k < path.leaves.length; k++) {
    if (path.negated[k]) continue;
    const c = portfolio.leaves[path.leaves[k]!]!;
    let key: string | undefined;
    let r = Infinity;
    if (c.kind === 'alteration' && isRealGene(c.gene)) [key, r] = [`gene:${c.gene.trim().toUpperCase()}`, 0];
    else if (c.kind === 'mmr') [key, r] = [`mmr:${c.deficient}`, 1];
    else if (c.kind === 'diagnosis') [key, r] = [`dx:${c.oncotree}`, c.oncotree.startsWith('_') ? 3 : 2];
    else if (c.kind === 'sex') [key, r] = [`sex:${c.sex}`, 4];
    if (key !== undefined && r < rank) [best, rank] = [key, r];
  }
  return best;
}

export function buildTrialIndex(trials: readonly CompiledTrial[]): TrialIndex {
  const portfolio = preparePortfolio(trials);
  const byKey = new Map<string, number[]>();
  const byFamily = new Map<Family, number[]>();
  const unguarded: number[] = [];
  const dxTargets = new Set<string>();
  const add = <K>(map: Map<K, number[]>, key: K, level: number) => {
    const list = map.get(key);
    if (!list) map.set(key, [level]);
    else if (list[list.length - 1] !== level) list.push(level);
  };
  for (const level of portfolio.levels) {
    const keys = level.paths.map((p) => pathKey(p, portfolio));
    if (keys.some((k) => k === undefined)) {
      unguarded.push(level.ordinal);
      continue;
    }
    for (const key of keys as string[]) {
      add(byKey, key, level.ordinal);
      add(byFamily, key.slice(0, key.indexOf(':')) as Family, level.ordinal);
      if (key.startsWith('dx:')) dxTargets.add(key.slice(3));
    }
  }
  return { portfolio, byKey, byFamily, unguarded, dxTargets: [...dxTargets], vocabulary: new Vocabulary(), dxKeys: new WeakMap() };
}

/**
 * `matchPatient` for one patient, through the trial index: the same matches, in the same order,
 * with the same explanations, having evaluated only the levels the patient's keys select.
 */
export function matchOnePatient(
  trials: readonly CompiledTrial[],
  index: TrialIndex,
  patient: PatientFacts,
  ctx: EvaluationContext,
  options: MatchOptions = {},
): LevelMatch[] {
  const indexed = index.portfolio.trials;
  if (indexed.length !== trials.length || indexed.some((t, i) => t !== trials[i])) {
    throw new Error('matchOnePatient: the trial index was built for other trials');
  }
  if (!options.includeDeceased && patient.vitalStatus?.value === 'deceased') return [];
  const keep = options.keep ?? 'potential';
  const levels = index.portfolio.levels;
  const columns = buildColumns([patient], index.vocabulary);
  const marked = new Uint8Array(levels.length);
  if (keep === 'all') marked.fill(1);
  else {
    for (const l of index.unguarded) marked[l] = 1;
    for (const key of patientKeys(columns, 0, index, ctx)) {
      const list = key.endsWith(':*') ? index.byFamily.get(key.slice(0, -2) as Family) : index.byKey.get(key);
      if (list) for (const l of list) marked[l] = 1;
    }
  }
  const evaluator = evaluatorFor(index, ctx);
  evaluator.startPatient(columns, 0);
  const memo: LeafMemo = new Map();
  const out: LevelMatch[] = [];
  for (let l = 0; l < levels.length; l++) {
    if (!marked[l]) continue;
    const level = levels[l]!;
    if (!options.includeClosed && level.closed) continue;
    const status = evaluator.level(level);
    if (status === NOT_MET ? keep !== 'all' : status === UNKNOWN && keep === 'met') continue;
    const outcome = evaluatePaths(level.compiled.paths, patient, ctx, memo);
    out.push({ patientId: patient.id, level: level.compiled, status: outcome.status, availability: level.compiled.availability, outcome });
  }
  return out;
}

function evaluatorFor(index: TrialIndex, ctx: EvaluationContext): LevelEvaluator {
  const e = index.evaluator;
  if (e && e.asOf === ctx.asOf && e.oncotree === ctx.oncotree && e.borderline === ctx.borderlineFraction) return e.evaluator;
  const evaluator = new LevelEvaluator(index.portfolio, ctx, index.vocabulary);
  index.evaluator = { asOf: ctx.asOf, oncotree: ctx.oncotree, borderline: ctx.borderlineFraction, evaluator };
  return evaluator;
}

/** The keys patient `i` of the columns cannot rule out; "family:*" when it cannot rule out any key of the family. */
export function patientKeys(c: PatientColumns, i: number, index: TrialIndex, ctx: EvaluationContext): string[] {
  const keys: string[] = [];
  const shapes = index.vocabulary.shapes.shapes;

  // Genes: untested, coverage-limited, or carrying a shape with a gene not reported → every gene.
  let wild = c.genomics[i] === 0 || c.coverage[i] === 1;
  for (let k = c.shapeStart[i]!; !wild && k < c.shapeStart[i + 1]!; k++) wild = shapes[c.shapeIds[k]!]!.wild;
  if (wild) keys.push('gene:*');
  else
    for (let k = c.shapeStart[i]!; k < c.shapeStart[i + 1]!; k++)
      for (const gene of shapes[c.shapeIds[k]!]!.genes) keys.push(`gene:${gene}`);

  if (c.genomics[i] === 0) keys.push('mmr:*');
  else {
    const m = c.mmr[i]!;
    if (m & MMR_DEFICIENT || !(m & (MMR_PROFICIENT | MMR_OTHER))) keys.push('mmr:true');
    if (m & MMR_PROFICIENT || !(m & (MMR_DEFICIENT | MMR_OTHER))) keys.push('mmr:false');
  }

  const h = ctx.oncotree;
  if (!h || c.primaryStart[i] === c.primaryStart[i + 1]) keys.push('dx:*');
  else {
    let placed = index.dxKeys.get(h);
    if (!placed) index.dxKeys.set(h, (placed = new Map()));
    for (let k = c.primaryStart[i]!; k < c.primaryStart[i + 1]!; k++) {
      const code = index.vocabulary.codes.values[c.primaryCode[k]!]!;
      let list = placed.get(code);
      if (!list) {
        list = index.dxTargets.filter((t) => within(h, code, t) !== false).map((t) => `dx:${t}`);
        placed.set(code, list);
      }
      keys.push(...list);
    }
  }

  const sex = c.facts[i]!.sex?.value;
  if (sex === undefined || sex === 'unknown') keys.push('sex:*');
  else keys.push(`sex:${sex}`);
  return keys;
}
