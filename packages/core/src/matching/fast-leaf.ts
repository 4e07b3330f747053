/**
 * Status-only leaf evaluators for screening at scale.
 *
 * `evaluateLeaf` explains every answer (a reason sentence, evidence with provenance), which is
 * what a person reads, but costs string building, allocation and — at 52,000 patients — cache
 * misses through the fact objects. Screening only needs met / not met / unknown, so each
 * frequent leaf kind is mirrored here rule for rule (same fact selection, same tie-breaking,
 * same unknowns) over the patient columns. Everything else — rare kinds (stage, receptor,
 * signature), rare data (non-ISO dates, two results on one day, assays listing their genes,
 * a VAF threshold...) — is asked of `evaluateLeaf` itself, so no answer depends on a mirror
 * of an edge case. Property tests compare these evaluators with `evaluateLeaf` on cohorts.
 *
 * Whatever depends only on the criterion and the reference date (age cut-offs, the reference
 * day) is computed once per criterion; whatever depends on a code or an alteration shape
 * (is LUAD within NSCLC? does KRAS p.G12C satisfy "KRAS codon 12"?) once per code or shape.
 */
import type { LeafCriterion } from '../eligibility/criteria';
import type { AgeCriterion, DrugCriterion, LabCriterion } from '../eligibility/criteria-clinical';
import type { AlterationCriterion } from '../eligibility/criteria-genomic';
import { ANY_GENE, INTERGENIC } from '../eligibility/criteria-genomic';
import { compare, dateKey, dateParts, minusYearsMonths, splitYears } from '../eligibility/compare';
import { evaluateLeaf } from '../eligibility/evaluate';
import type { EvaluationContext } from '../eligibility/evaluation';
import { alterationMatches } from '../eligibility/eval-genomic';
import { LIQUID, SOLID, type OncotreeHierarchy } from '../eligibility/oncotree';
import type { Truth } from '../eligibility/truth';
import {
  LINE_SETTINGS,
  MMR_DEFICIENT,
  MMR_OTHER,
  MMR_PROFICIENT,
  SEX_CODES,
  VITAL_CODES,
  drugTerm,
  type PatientColumns,
  type Vocabulary,
} from './patient-columns';

/** Truth values as small integers, so memos are typed arrays (0 = not yet asked). */
export const MET = 1;
export const NOT_MET = 2;
export const UNKNOWN = 3;
export type Status = typeof MET | typeof NOT_MET | typeof UNKNOWN;

export const STATUS_TRUTH: readonly Truth[] = ['unknown', 'met', 'not_met', 'unknown'];
export const TRUTH_STATUS: Readonly<Record<Truth, Status>> = { met: MET, not_met: NOT_MET, unknown: UNKNOWN };

const truth = (b: boolean): Status => (b ? MET : NOT_MET);

/** A leaf's status for patient `i` of the columns. */
export type LeafStatus = (c: PatientColumns, i: number) => Status;

/** What every evaluator of one run shares. */
export interface FastContext {
  ctx: EvaluationContext;
  vocabulary: Vocabulary;
  /** The reference date as yyyymmdd and day number; undefined when it is not an ISO date. */
  asOfKey: number | undefined;
  asOfDay: number | undefined;
  /**
   * The patient whose latest lab results are in `latestLab`: trials ask for the same tests with
   * different thresholds and windows, so the latest result of each test is found once.
   */
  labColumns: PatientColumns | undefined;
  labRow: number;
  /** By LOINC id: row of the latest result as of the reference date; -1 none; below -1, a tie on that day. */
  latestLab: Int32Array;
}

export function fastContext(ctx: EvaluationContext, vocabulary: Vocabulary): FastContext {
  const p = dateParts(ctx.asOf);
  return {
    ctx,
    vocabulary,
    asOfKey: p ? dateKey(p) : undefined,
    asOfDay: p ? Date.UTC(p[0], p[1] - 1, p[2]) / 86_400_000 : undefined,
    labColumns: undefined,
    labRow: -1,
    latestLab: new Int32Array(64),
  };
}

/** The latest result of every test for patient i, as of the reference date (asOfKey must be set). */
function latestLabs(f: FastContext, c: PatientColumns, i: number): Int32Array {
  if (f.labColumns === c && f.labRow === i) return f.latestLab;
  const tests = f.vocabulary.loinc.values.length;
  if (f.latestLab.length < tests) f.latestLab = new Int32Array(tests * 2);
  const latest = f.latestLab;
  latest.fill(-1, 0, tests);
  const asOfKey = f.asOfKey!;
  for (let k = c.labStart[i]!, to = c.labStart[i + 1]!; k < to; k++) {
    const key = c.labKey[k]!;
    if (key > asOfKey) continue;
    const test = c.labLoinc[k]!;
    const b = latest[test]!;
    if (b === -1) latest[test] = k;
    else {
      // Two results on the latest day are a tie only the full timestamps and list order break.
      const bestKey = c.labKey[b < 0 ? -b - 3 : b]!;
      if (key > bestKey) latest[test] = k;
      else if (key === bestKey) latest[test] = b < 0 ? b : -b - 3;
    }
  }
  f.labColumns = c;
  f.labRow = i;
  return latest;
}

/** Whether `code` falls under `target`: the rule of eval-diagnosis, undefined when the hierarchy cannot tell. */
export function within(h: OncotreeHierarchy, code: string, target: string): boolean | undefined {
  if ((target === SOLID || target === LIQUID) && h.solidOrLiquid) {
    if (!h.has(code)) return undefined;
    const kind = h.solidOrLiquid(code);
    return kind === null ? undefined : kind === (target === SOLID ? 'solid' : 'liquid');
  }
  if (!h.has(code) || !h.has(target)) return undefined;
  return h.isDescendantOf(code, target);
}

export const isRealGene = (g: string | undefined): g is string =>
  g !== undefined && ![ANY_GENE, INTERGENIC].includes(g.trim().toLowerCase().replace(/\s+/g, '_'));

/** The explaining evaluator, for what the columns do not mirror. */
function explained(leaf: LeafCriterion, ctx: EvaluationContext): LeafStatus {
  return (c, i) => TRUTH_STATUS[evaluateLeaf(leaf, c.facts[i]!, ctx).status];
}

/** A status-only evaluator for one leaf under one evaluation context. */
export function leafStatus(leaf: LeafCriterion, f: FastContext): LeafStatus {
  const { ctx } = f;
  switch (leaf.kind) {
    case 'freeText':
      return () => UNKNOWN;
    case 'age':
      return ageStatus(leaf, f);
    case 'sex': {
      const code = SEX_CODES[leaf.sex];
      return (c, i) => (c.sex[i] === 0 ? UNKNOWN : truth(c.sex[i] === code));
    }
    case 'vitalStatus': {
      const code = VITAL_CODES[leaf.status];
      return (c, i) => (c.vital[i] === 0 ? UNKNOWN : truth(c.vital[i] === code));
    }
    case 'measurableDisease':
      return (c, i) => (c.measurable[i] === 0 ? UNKNOWN : truth((c.measurable[i] === 2) === leaf.present));
    case 'diagnosis': {
      const h = ctx.oncotree;
      if (!h) return () => UNKNOWN;
      // Placed once per code: 1 within, 2 not within, 3 cannot tell.
      const placed: number[] = [];
      return (c, i) => {
        const from = c.primaryStart[i]!;
        const to = c.primaryStart[i + 1]!;
        if (from === to) return UNKNOWN;
        let unsure = false;
        for (let k = from; k < to; k++) {
          const id = c.primaryCode[k]!;
          let s = placed[id];
          if (s === undefined) {
            const w = within(h, c.vocabulary.codes.values[id]!, leaf.oncotree);
            s = placed[id] = w === true ? MET : w === false ? NOT_MET : UNKNOWN;
          }
          if (s === MET) return MET;
          if (s === UNKNOWN) unsure = true;
        }
        return unsure ? UNKNOWN : NOT_MET;
      };
    }
    case 'ecog': {
      if (f.asOfKey === undefined) return explained(leaf, ctx);
      const slow = explained(leaf, ctx);
      const asOfKey = f.asOfKey;
      const asOfDay = f.asOfDay!;
      return (c, i) => {
        if (c.regular[i] === 0) return slow(c, i);
        // The latest result on or before the reference date; two on that day are a tie only the
        // full timestamps and list order break: leave those to the explaining evaluator.
        let best = -1;
        let tie = false;
        for (let k = c.ecogStart[i]!, to = c.ecogStart[i + 1]!; k < to; k++) {
          const key = c.ecogKey[k]!;
          if (key > asOfKey) continue;
          if (best < 0 || key > c.ecogKey[best]!) {
            best = k;
            tie = false;
          } else if (key === c.ecogKey[best]) tie = true;
        }
        if (best < 0) return UNKNOWN;
        if (tie) return slow(c, i);
        if (leaf.withinDays !== undefined && asOfDay - c.ecogDay[best]! > leaf.withinDays) return UNKNOWN;
        return truth(c.ecogValue[best]! <= leaf.max);
      };
    }
    case 'lab':
      return labStatus(leaf, f);
    case 'priorLines': {
      const settings = leaf.settings ? [...new Set(leaf.settings)].map((s) => LINE_SETTINGS.indexOf(s)) : undefined;
      if (settings?.some((s) => s < 0)) return explained(leaf, ctx);
      return (c, i) => {
        if (c.hasLines[i] === 0) return UNKNOWN;
        let n = c.linesTotal[i]!;
        if (settings) {
          n = 0;
          for (const s of settings) n += c.linesBySetting[s]![i]!;
        }
        return truth(compare(n, leaf.op, leaf.count));
      };
    }
    case 'drug':
      return drugStatus(leaf, f);
    case 'washout':
      if (leaf.drugs?.length || leaf.drugClasses?.length || f.asOfDay === undefined) return explained(leaf, ctx);
      return (c, i) => {
        if (c.hasLines[i] === 0) return UNKNOWN;
        if (c.linesTotal[i] === 0) return MET; // no prior therapy
        if (c.ongoing[i] === 1) return NOT_MET;
        const end = c.lastEndDay[i]!;
        if (Number.isNaN(end)) return UNKNOWN;
        return truth(f.asOfDay! - end >= leaf.days);
      };
    case 'brainMetastases':
      return (c, i) => {
        const present = c.brainPresent[i];
        if (present === 0) return UNKNOWN;
        if (leaf.present) return truth(present === 2);
        if (present === 1) return MET;
        if (!leaf.activeOnly) return NOT_MET;
        const active = c.brainActive[i];
        return active === 0 ? UNKNOWN : active === 2 ? NOT_MET : MET;
      };
    case 'alteration':
      return alterationStatus(leaf, f);
    case 'tmb':
      return (c, i) => (c.genomics[i] === 0 || c.hasTmb[i] === 0 ? UNKNOWN : truth(compare(c.tmb[i]!, leaf.op, leaf.value)));
    case 'tumourFraction':
      return (c, i) =>
        c.genomics[i] === 0 || c.hasTumourFraction[i] === 0 ? UNKNOWN : truth(compare(c.tumourFraction[i]!, leaf.op, leaf.value));
    case 'mmr': {
      const hit = leaf.deficient ? MMR_DEFICIENT : MMR_PROFICIENT;
      const against = (leaf.deficient ? MMR_PROFICIENT : MMR_DEFICIENT) | MMR_OTHER;
      return (c, i) => {
        if (c.genomics[i] === 0) return UNKNOWN;
        const flags = c.mmr[i]!;
        return flags & hit ? MET : flags & against ? NOT_MET : UNKNOWN;
      };
    }
    case 'theranosticEligibility':
      // A handful of patients have PET reads: the explaining evaluator is the mirror.
      return explained(leaf, ctx);
    default:
      // stage, receptor, signature and any future kind: rare enough to explain.
      return explained(leaf, ctx);
  }
}

function ageStatus(leaf: AgeCriterion, f: FastContext): LeafStatus {
  const ref = dateParts(f.ctx.asOf);
  if (!ref) throw new Error(`EvaluationContext.asOf must be an ISO date, got ${JSON.stringify(f.ctx.asOf)}`);
  const { years, months } = splitYears(leaf.years);
  const threshold = dateKey(minusYearsMonths(ref, years, months));
  const olderBound = dateKey(minusYearsMonths(ref, years + 1, months));
  const holds = (birth: number): boolean => {
    switch (leaf.op) {
      case '>=':
        return birth <= threshold;
      case '>':
        return birth < threshold;
      case '<=':
        return birth >= threshold;
      case '<':
        return birth > threshold;
      case '==':
        return birth <= threshold && birth > olderBound;
    }
  };
  return (c, i) => {
    const key = c.birthKey[i]!;
    if (key >= 0) return truth(holds(key));
    const y = c.birthYear[i]!;
    if (Number.isNaN(y)) return UNKNOWN;
    // Birth year only: the criterion must hold whatever the birthday.
    const first = holds(y * 10000 + 101);
    const last = holds(y * 10000 + 1231);
    return first && last ? MET : !first && !last ? NOT_MET : UNKNOWN;
  };
}

function labStatus(leaf: LabCriterion, f: FastContext): LeafStatus {
  const slow = explained(leaf, f.ctx);
  if (f.asOfKey === undefined) return slow;
  if (leaf.timesUln === undefined && leaf.value === undefined) return slow; // the evaluator reports the malformed criterion
  const asOfDay = f.asOfDay!;
  const vocabulary = f.vocabulary;
  // Ids are stable once given; a code no patient has yet may be given one later.
  let loinc = -1;
  return (c, i) => {
    if (c.regular[i] === 0) return slow(c, i);
    if (loinc < 0) loinc = vocabulary.loinc.find(leaf.loinc);
    if (loinc < 0) return UNKNOWN; // no patient has this test
    const best = latestLabs(f, c, i)[loinc]!;
    if (best === -1) return UNKNOWN;
    if (best < -1) return slow(c, i); // a tie on the latest day
    if (leaf.withinDays !== undefined && asOfDay - c.labDay[best]! > leaf.withinDays) return UNKNOWN;
    let threshold: number;
    if (leaf.timesUln !== undefined) {
      const uln = c.labUln[best]!;
      if (Number.isNaN(uln)) return UNKNOWN;
      threshold = leaf.timesUln * uln;
    } else {
      if (leaf.unit !== undefined && vocabulary.units.values[c.labUnit[best]!] !== leaf.unit) return UNKNOWN;
      threshold = leaf.value!;
    }
    return truth(compare(c.labValue[best]!, leaf.op, threshold));
  };
}

/** Whether ids[from..to) holds `id` (lists are a few entries long). */
function holds(ids: Int32Array, from: number, to: number, id: number): boolean {
  if (id < 0) return false;
  for (let k = from; k < to; k++) if (ids[k] === id) return true;
  return false;
}

function drugStatus(leaf: DrugCriterion, f: FastContext): LeafStatus {
  const names = (leaf.drugs ?? []).map(drugTerm);
  const classes = (leaf.drugClasses ?? []).map(drugTerm);
  const v = f.vocabulary;
  // Ids are stable once given; a name no patient has received yet may be given one later.
  const nameIds = names.map(() => -1);
  const classIds = classes.map(() => -1);
  return (c, i) => {
    if (c.hasLines[i] === 0) return UNKNOWN;
    let given = 0;
    let notGiven = 0;
    let classNotGiven = false;
    const d0 = c.drugStart[i]!;
    const d1 = c.drugStart[i + 1]!;
    const c0 = c.classStart[i]!;
    const c1 = c.classStart[i + 1]!;
    for (let k = 0; k < names.length; k++) {
      if (nameIds[k]! < 0) nameIds[k] = v.drugs.find(names[k]!);
      if (holds(c.drugIds, d0, d1, nameIds[k]!)) given++;
      else notGiven++;
    }
    for (let k = 0; k < classes.length; k++) {
      if (classIds[k]! < 0) classIds[k] = v.classes.find(classes[k]!);
      if (holds(c.classIds, c0, c1, classIds[k]!)) given++;
      else {
        notGiven++;
        classNotGiven = true;
      }
    }
    // Unsure: a class was not found and some drug on record has no class.
    const unsure = classNotGiven && c.classless[i] === 1;
    if (leaf.mode === 'excluded') return given > 0 ? NOT_MET : unsure ? UNKNOWN : MET;
    if (leaf.mode === 'prior' ? given > 0 : notGiven === 0) return MET;
    return unsure ? UNKNOWN : NOT_MET;
  };
}

/**
 * "One reported alteration satisfies every field": decided once per shape and cached. A VAF
 * minimum, or an assay that lists the genes it covered, sends the patient to `evaluateLeaf`.
 */
function alterationStatus(leaf: AlterationCriterion, f: FastContext): LeafStatus {
  const slow = explained(leaf, f.ctx);
  const registry = f.vocabulary.shapes;
  const shapeStatus: number[] = [];
  const needsFacts = leaf.minVaf !== undefined;
  const real = isRealGene(leaf.gene);
  return (c, i) => {
    if (c.genomics[i] === 0) return UNKNOWN;
    if (needsFacts || (real && c.coverage[i] === 1)) return slow(c, i);
    let unsure = false;
    for (let k = c.shapeStart[i]!, to = c.shapeStart[i + 1]!; k < to; k++) {
      const id = c.shapeIds[k]!;
      let s = shapeStatus[id];
      if (s === undefined) s = shapeStatus[id] = TRUTH_STATUS[alterationMatches(leaf, registry.shapes[id]!.fact)];
      if (s === MET) return MET;
      if (s === UNKNOWN) unsure = true;
    }
    return unsure ? UNKNOWN : NOT_MET;
  };
}
