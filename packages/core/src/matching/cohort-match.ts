/**
 * A whole population against a whole portfolio, with the patient index.
 *
 * 1. For every match path, intersect the candidate sets of its positive literals (`guards.ts`):
 *    only patients in the intersection can make the path met or unknown.
 * 2. A level's candidates are the union over its paths; patients outside are `not_met` there.
 * 3. Each patient then answers only its candidate levels, patient by patient, with one memo of
 *    leaf answers shared by all its levels and the status-only evaluators (`fast-leaf.ts`).
 *
 * The answer is the naive evaluator's, exactly: same status, same level, same number of
 * unknowns on the best path. Explanations are built on demand (`explainCohortMatch`).
 */
import type { EvaluationContext } from '../eligibility/evaluation';
import type { OncotreeHierarchy } from '../eligibility/oncotree';
import type { Availability } from '../eligibility/trial';
import type { Truth } from '../eligibility/truth';
import { andInto, forEachBit, fullBitset, isEmpty, orInto, type Bitset } from './bitset';
import { evaluatePaths } from './evaluate-paths';
import {
  fastContext,
  leafStatus,
  MET,
  NOT_MET,
  STATUS_TRUTH,
  TRUTH_STATUS,
  UNKNOWN,
  type FastContext,
  type LeafStatus,
  type Status,
} from './fast-leaf';
import { candidateSet, hasCandidateSet } from './guards';
import type { PatientIndex } from './patient-index';
import type { PatientColumns, Vocabulary } from './patient-columns';
import { preparePortfolio, type Portfolio, type PreparedLevel } from './portfolio';
import type { CompiledLevel, CompiledTrial, LevelMatch, MatchOptions } from './trials';

export interface CohortMatch {
  patientId: string;
  /** Ordinal of the patient in the index. */
  patient: number;
  level: CompiledLevel;
  status: Truth;
  availability: Availability;
  /** Criteria still unknown on the best path: 0 when eligible (and when not met). */
  unknown: number;
  /** That path's position in `level.paths`: the first met path, else the first with fewest unknowns; -1 when not met. */
  path: number;
}

export interface CohortMatchStats {
  levels: number;
  /** (patient, level) pairs the index left to evaluate, out of patients × levels. */
  candidatePairs: number;
  possiblePairs: number;
  leafEvaluations: number;
}

/**
 * The matches of a population, column by column (one typed array per field). At the centre's
 * scale a full match keeps close to a million (patient, level) results: as typed arrays they
 * cost a few megabytes and no garbage collection; `at(i)` and `toArray()` build the objects a
 * caller wants. Rows are patient by patient (index order), then trial and level order, as
 * `matchPatient` lists them.
 */
export class CohortMatches {
  constructor(
    private readonly index: PatientIndex,
    /** The levels the rows refer to (by position). */
    readonly levels: readonly CompiledLevel[],
    /** Patient ordinal in the index, per row. */
    readonly patients: Int32Array,
    /** Position in `levels`, per row. */
    readonly levelOrdinals: Int32Array,
    /** 1 met, 2 not met, 3 unknown (`Status`), per row. */
    readonly statuses: Uint8Array,
    readonly unknowns: Uint16Array,
    readonly paths: Int32Array,
    readonly stats: CohortMatchStats,
  ) {}

  get size(): number {
    return this.patients.length;
  }

  /** Rows with this status. */
  count(status: Truth): number {
    const code = TRUTH_STATUS[status];
    let n = 0;
    for (let i = 0; i < this.statuses.length; i++) if (this.statuses[i] === code) n++;
    return n;
  }

  at(i: number): CohortMatch {
    const patient = this.patients[i]!;
    const level = this.levels[this.levelOrdinals[i]!]!;
    return {
      patientId: this.index.patients[patient]!.id,
      patient,
      level,
      status: STATUS_TRUTH[this.statuses[i]!]!,
      availability: level.availability,
      unknown: this.unknowns[i]!,
      path: this.paths[i]!,
    };
  }

  toArray(): CohortMatch[] {
    return Array.from({ length: this.size }, (_, i) => this.at(i));
  }
}

export function matchCohort(
  trials: readonly CompiledTrial[],
  index: PatientIndex,
  ctx: EvaluationContext,
  options: MatchOptions = {},
): CohortMatches {
  const portfolio = preparePortfolio(trials);
  const levels = portfolio.levels.filter((l) => options.includeClosed || !l.closed);
  const population = options.includeDeceased ? fullBitset(index.size) : index.alive;
  const keep = options.keep ?? 'potential';

  // 1-2: candidate levels of each patient, as a compressed list (patient → level ordinals).
  const setOf = candidateSets(index, portfolio, ctx);
  const words = (index.size + 31) >>> 5;
  const scratch = scratchOf(index);
  const perLevel = scratch.levelSets(levels.length * words);
  const pathSet = scratch.pathSet(words);
  levels.forEach((level, l) => {
    const into = perLevel.subarray(l * words, (l + 1) * words);
    if (keep === 'all') into.set(population);
    else levelCandidates(level, population, portfolio, setOf, pathSet, into);
  });
  const counts = new Int32Array(index.size + 1);
  let candidatePairs = 0;
  for (let l = 0; l < levels.length; l++)
    forEachBit(perLevel.subarray(l * words, (l + 1) * words), (i) => {
      counts[i + 1]!++;
      candidatePairs++;
    });
  for (let i = 0; i < index.size; i++) counts[i + 1]! += counts[i]!;
  const fill = counts.slice(0, index.size);
  const levelsOfPatient = scratch.pairs(candidatePairs);
  for (let l = 0; l < levels.length; l++)
    forEachBit(perLevel.subarray(l * words, (l + 1) * words), (i) => (levelsOfPatient[fill[i]!++] = l));

  // 3: each patient answers its candidate levels; kept rows go to the columns.
  const evaluator = new LevelEvaluator(portfolio, ctx, index.vocabulary);
  const out = scratch.rows(candidatePairs);
  let rows = 0;
  for (let i = 0; i < index.size; i++) {
    const from = counts[i]!;
    const to = counts[i + 1]!;
    if (from === to) continue;
    evaluator.startPatient(index.columns, i);
    for (let k = from; k < to; k++) {
      const l = levelsOfPatient[k]!;
      const status = evaluator.level(levels[l]!);
      if (status === NOT_MET ? keep !== 'all' : status === UNKNOWN && keep === 'met') continue;
      out.patient[rows] = i;
      out.level[rows] = l;
      out.status[rows] = status;
      out.unknown[rows] = evaluator.unknown;
      out.path[rows] = evaluator.path;
      rows++;
    }
  }
  const stats: CohortMatchStats = {
    levels: levels.length,
    candidatePairs,
    possiblePairs: levels.length * index.size,
    leafEvaluations: evaluator.evaluations,
  };
  return new CohortMatches(
    index,
    levels.map((l) => l.compiled),
    out.patient.slice(0, rows),
    out.level.slice(0, rows),
    out.status.slice(0, rows),
    out.unknown.slice(0, rows),
    out.path.slice(0, rows),
    stats,
  );
}

/** Union over the level's paths of the intersection of their literals' candidate sets. */
function levelCandidates(
  level: PreparedLevel,
  population: Bitset,
  portfolio: Portfolio,
  setOf: (leafId: number) => Bitset | null,
  candidates: Bitset,
  out: Bitset,
): void {
  out.fill(0);
  for (const path of level.paths) {
    candidates.set(population);
    let narrowed = false;
    for (let k = 0; k < path.leaves.length; k++) {
      if (path.negated[k]) continue;
      const id = path.leaves[k]!;
      if (!hasCandidateSet(portfolio.leaves[id]!)) continue;
      const s = setOf(id);
      if (!s) continue;
      andInto(candidates, s);
      narrowed = true;
      if (isEmpty(candidates)) break;
    }
    orInto(out, candidates);
    // A path nothing narrows admits the whole population: no other path can add to it.
    if (!narrowed) break;
  }
}

/**
 * Candidate sets of a portfolio's leaves over an index, kept between runs: they depend on the
 * patients and, for diagnoses, on the hierarchy — not on the reference date.
 */
const setCache = new WeakMap<PatientIndex, WeakMap<Portfolio, Map<OncotreeHierarchy | undefined, Array<Bitset | null>>>>();

function candidateSets(index: PatientIndex, portfolio: Portfolio, ctx: EvaluationContext): (leafId: number) => Bitset | null {
  let byPortfolio = setCache.get(index);
  if (!byPortfolio) setCache.set(index, (byPortfolio = new WeakMap()));
  let byHierarchy = byPortfolio.get(portfolio);
  if (!byHierarchy) byPortfolio.set(portfolio, (byHierarchy = new Map()));
  let sets = byHierarchy.get(ctx.oncotree);
  if (!sets) byHierarchy.set(ctx.oncotree, (sets = []));
  const cached = sets;
  return (leafId) => {
    let s = cached[leafId];
    if (s === undefined) s = cached[leafId] = candidateSet(portfolio.leaves[leafId]!, index, ctx);
    return s;
  };
}

/**
 * Working buffers of one index, reused from run to run: a full match needs tens of megabytes
 * of them, and allocating those afresh each time makes the collector sweep a heap of patient
 * facts far bigger than the buffers. (Matching is synchronous, so one set per index suffices.)
 */
class Scratch {
  private sets = new Uint32Array(0);
  private path = new Uint32Array(0);
  private pairList = new Int32Array(0);
  private out = {
    patient: new Int32Array(0),
    level: new Int32Array(0),
    status: new Uint8Array(0),
    unknown: new Uint16Array(0),
    path: new Int32Array(0),
  };
  levelSets(n: number): Uint32Array {
    if (this.sets.length < n) this.sets = new Uint32Array(n);
    return this.sets.subarray(0, n);
  }
  pathSet(n: number): Uint32Array {
    if (this.path.length !== n) this.path = new Uint32Array(n);
    return this.path;
  }
  pairs(n: number): Int32Array {
    if (this.pairList.length < n) this.pairList = new Int32Array(Math.ceil(n * 1.25));
    return this.pairList;
  }
  rows(n: number) {
    if (this.out.patient.length < n) {
      const m = Math.ceil(n * 1.25);
      this.out = {
        patient: new Int32Array(m),
        level: new Int32Array(m),
        status: new Uint8Array(m),
        unknown: new Uint16Array(m),
        path: new Int32Array(m),
      };
    }
    return this.out;
  }
}

const scratches = new WeakMap<PatientIndex, Scratch>();
function scratchOf(index: PatientIndex): Scratch {
  let s = scratches.get(index);
  if (!s) scratches.set(index, (s = new Scratch()));
  return s;
}

/**
 * Evaluates levels for one patient at a time with status-only leaves and a memo of leaf answers
 * (typed arrays stamped per patient, so starting the next patient costs nothing).
 */
export class LevelEvaluator {
  private readonly leaves: Array<LeafStatus | undefined>;
  private readonly stamp: Uint32Array;
  private readonly value: Uint8Array;
  private generation = 0;
  private columns: PatientColumns | undefined;
  private row = 0;
  evaluations = 0;

  private readonly fast: FastContext;

  constructor(
    private readonly portfolio: Portfolio,
    ctx: EvaluationContext,
    vocabulary: Vocabulary,
  ) {
    this.fast = fastContext(ctx, vocabulary);
    this.leaves = new Array(portfolio.leaves.length);
    this.stamp = new Uint32Array(portfolio.leaves.length);
    this.value = new Uint8Array(portfolio.leaves.length);
  }

  /** The next levels are asked for patient `row` of `columns`. */
  startPatient(columns: PatientColumns, row: number): void {
    this.columns = columns;
    this.row = row;
    this.generation++;
  }

  private status(id: number): Status {
    if (this.stamp[id] === this.generation) return this.value[id] as Status;
    let f = this.leaves[id];
    if (!f) f = this.leaves[id] = leafStatus(this.portfolio.leaves[id]!, this.fast);
    const s = f(this.columns!, this.row);
    this.evaluations++;
    this.stamp[id] = this.generation;
    this.value[id] = s;
    return s;
  }

  /** Unknown literals on the best path of the last level evaluated (0 when met or not met). */
  unknown = 0;
  /** Position of that path in `CompiledLevel.paths`: the first met path, else the first with fewest unknowns; -1 if none. */
  path = -1;

  /** The level's status; its best path and the unknowns on it are left in `path` and `unknown`. */
  level(level: PreparedLevel): Status {
    let status: Status = NOT_MET;
    this.unknown = 0;
    this.path = -1;
    const paths = level.paths;
    for (let p = 0; p < paths.length; p++) {
      const path = paths[p]!;
      const leaves = path.leaves;
      const negated = path.negated;
      let s: Status = MET;
      let unknowns = 0;
      for (let k = 0; k < leaves.length; k++) {
        let x = this.status(leaves[k]!);
        if (negated[k] === 1 && x !== UNKNOWN) x = x === MET ? NOT_MET : MET;
        if (x === NOT_MET) {
          s = NOT_MET;
          break;
        }
        if (x === UNKNOWN) {
          s = UNKNOWN;
          unknowns++;
        }
      }
      if (s === MET) {
        this.unknown = 0;
        this.path = path.index;
        return MET;
      }
      if (s === UNKNOWN && (status !== UNKNOWN || unknowns < this.unknown)) {
        status = UNKNOWN;
        this.unknown = unknowns;
        this.path = path.index;
      }
    }
    return status;
  }
}

/** The full explanation of a cohort match (every path, every literal with reason and evidence), as `matchPatient` gives it. */
export function explainCohortMatch(match: CohortMatch, index: PatientIndex, ctx: EvaluationContext): LevelMatch {
  const patient = index.patients[match.patient]!;
  const outcome = evaluatePaths(match.level.paths, patient, ctx);
  return { patientId: patient.id, level: match.level, status: outcome.status, availability: match.level.availability, outcome };
}

/** Rows grouped by protocol number (a trial's candidates), as row numbers of `result`. */
export function matchesByTrial(result: CohortMatches): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (let i = 0; i < result.size; i++) {
    const protocolNo = result.levels[result.levelOrdinals[i]!]!.protocolNo;
    const list = out.get(protocolNo);
    if (list) list.push(i);
    else out.set(protocolNo, [i]);
  }
  return out;
}
