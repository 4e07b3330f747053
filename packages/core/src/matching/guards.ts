/**
 * Candidate sets: for a leaf, every patient of the index for whom it could be met or unknown.
 *
 * Each set is a superset of the patients the leaf does not rule out (never a subset): a path
 * can only be met or unknown for a patient in the intersection of its positive literals' sets,
 * so everyone outside is `not_met` on that path without asking. Leaves that rule out few
 * patients (age, labs, ECOG) or that depend on the reference date have no set (`null`) and are
 * simply evaluated for the candidates the other literals leave.
 */
import type { LeafCriterion } from '../eligibility/criteria';
import type { DrugCriterion, PriorLinesCriterion } from '../eligibility/criteria-clinical';
import type { AlterationCriterion } from '../eligibility/criteria-genomic';
import { compare } from '../eligibility/compare';
import type { EvaluationContext } from '../eligibility/evaluation';
import { alterationMatches } from '../eligibility/eval-genomic';
import { andInto, bitset, fullBitset, orInto, setBit, type Bitset } from './bitset';
import { isRealGene, within } from './fast-leaf';
import { LINE_SETTINGS, drugTerm } from './patient-columns';
import type { PatientIndex } from './patient-index';

/** Whether `candidateSet` can narrow this leaf at all (used to pick guards without building sets). */
export function hasCandidateSet(c: LeafCriterion): boolean {
  switch (c.kind) {
    case 'diagnosis':
    case 'alteration':
    case 'mmr':
    case 'tmb':
    case 'tumourFraction':
    case 'sex':
    case 'priorLines':
      return true;
    case 'drug':
      return c.mode !== 'excluded';
    default:
      return false;
  }
}

/**
 * The patients for whom `c` is not `not_met`, or a superset of them; `null` when the index has
 * nothing to narrow it with. The returned set may be shared: do not modify it.
 */
export function candidateSet(c: LeafCriterion, index: PatientIndex, ctx: EvaluationContext): Bitset | null {
  const n = index.size;
  switch (c.kind) {
    case 'diagnosis': {
      const h = ctx.oncotree;
      if (!h) return null; // every diagnosis criterion is unknown without a hierarchy
      const out = index.noPrimary.slice();
      for (const [code, patients] of index.byPrimary) if (within(h, code, c.oncotree) !== false) orInto(out, patients);
      return out;
    }
    case 'alteration':
      return alterationSet(c, index);
    case 'mmr':
      return c.deficient ? index.mmrDeficientPossible : index.mmrProficientPossible;
    case 'tmb':
    case 'tumourFraction': {
      // Not tested, or not reported: unknown.
      const col = index.columns;
      const [has, latest] = c.kind === 'tmb' ? [col.hasTmb, col.tmb] : [col.hasTumourFraction, col.tumourFraction];
      const out = bitset(n);
      for (let i = 0; i < n; i++) {
        if (col.genomics[i] === 0 || has[i] === 0 || compare(latest[i]!, c.op, c.value)) setBit(out, i);
      }
      return out;
    }
    case 'sex': {
      const out = index.sexUnknown.slice();
      const same = index.bySex.get(c.sex);
      if (same) orInto(out, same);
      return out;
    }
    case 'drug':
      return drugSet(c, index);
    case 'priorLines':
      return linesSet(c, index);
    default:
      return null;
  }
}

/**
 * Untested patients; patients whose assays did not cover the gene; and carriers of any shape
 * the criterion (without its VAF minimum, which only narrows further) does not rule out.
 */
function alterationSet(c: AlterationCriterion, index: PatientIndex): Bitset {
  const out = index.noGenomics.slice();
  const withoutVaf: AlterationCriterion = { ...c };
  delete withoutVaf.minVaf;
  let shapeIds: Iterable<number>;
  if (isRealGene(c.gene)) {
    const tested = c.gene.toUpperCase();
    for (const i of index.coverageListed) {
      if (!index.patients[i]!.genomics!.genesTested!.some((t) => t.toUpperCase() === tested)) setBit(out, i);
    }
    shapeIds = [...(index.shapesByGene.get(c.gene.trim().toUpperCase()) ?? []), ...index.wildShapes];
  } else {
    shapeIds = index.vocabulary.shapes.shapes.keys();
  }
  for (const id of shapeIds) {
    if (alterationMatches(withoutVaf, index.vocabulary.shapes.shapes[id]!.fact) === 'not_met') continue;
    for (const i of index.shapePatients[id]!) setBit(out, i);
  }
  return out;
}

/**
 * "Received X (or Y)": untreated-history patients are unknown, and so are patients with a
 * classless drug when a class is asked; otherwise they must have received one of them (prior)
 * or all of them (required).
 */
function drugSet(c: DrugCriterion, index: PatientIndex): Bitset | null {
  if (c.mode === 'excluded') return null;
  const out = index.noLines.slice();
  const names = (c.drugs ?? []).map(drugTerm);
  const classes = (c.drugClasses ?? []).map(drugTerm);
  if (classes.length > 0) orInto(out, index.classless);
  const buckets = [...names.map((t) => index.byDrug.get(t)), ...classes.map((t) => index.byDrugClass.get(t))];
  if (c.mode === 'prior') {
    for (const b of buckets) if (b) orInto(out, b);
    return out;
  }
  const all = fullBitset(index.size);
  for (const b of buckets) {
    if (!b) return out; // nobody received it
    andInto(all, b);
  }
  orInto(out, all);
  return out;
}

function linesSet(c: PriorLinesCriterion, index: PatientIndex): Bitset | null {
  const settings = c.settings ? [...new Set(c.settings)].map((s) => LINE_SETTINGS.indexOf(s)) : undefined;
  if (settings?.some((s) => s < 0)) return null; // a setting the index does not count
  const col = index.columns;
  const out = index.noLines.slice();
  for (let i = 0; i < index.size; i++) {
    let count = col.linesTotal[i]!;
    if (settings) {
      count = 0;
      for (const s of settings) count += col.linesBySetting[s]![i]!;
    }
    if (compare(count, c.op, c.count)) setBit(out, i);
  }
  return out;
}
