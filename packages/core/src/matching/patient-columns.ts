/**
 * Patients as columns: what the status-only evaluators read, laid out in typed arrays.
 *
 * Screening 52,000 patients is memory-bound, not arithmetic-bound: every fact is an object
 * holding a provenance object holding a date string, scattered over a heap of a gigabyte, and
 * each hop is a cache miss. Here the same facts are flattened once — dates as numbers, codes,
 * units, drug names and alteration shapes as small integers, lists as offsets into shared
 * arrays — so a lab or ECOG criterion reads a few contiguous numbers.
 *
 * Nothing is decided here: the columns hold facts, the evaluators (fast-leaf.ts) apply the
 * rules. Where a fact has a form the columns cannot represent faithfully (a date that is not
 * ISO, two results on one day...), the patient is flagged and its criteria are asked of the
 * explaining evaluator instead, so answers stay exact.
 */
import { dateParts } from '../eligibility/compare';
import type { AlterationFact, PatientFacts } from '../eligibility/facts';
import { latestFact } from '../eligibility/facts';

/** Strings ↔ small integers. */
export class Interner {
  private readonly ids = new Map<string, number>();
  readonly values: string[] = [];
  id(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.values.length;
      this.ids.set(s, id);
      this.values.push(s);
    }
    return id;
  }
  /** -1 when never seen (no patient has it). */
  find(s: string): number {
    return this.ids.get(s) ?? -1;
  }
}

export interface Shape {
  fact: AlterationFact;
  /** Gene symbols on either side, upper-cased as the evaluator compares them. */
  genes: string[];
  /** A gene criterion could be unknown (not not_met) whatever its gene: gene or SV side not reported, SV from text. */
  wild: boolean;
}

/**
 * Alteration "shapes": an alteration without its allele fraction, i.e. every field
 * `alterationMatches` reads except `vaf`. Thousands of patients share a few hundred shapes, so
 * a criterion is tested once per shape, not once per patient.
 */
export class ShapeRegistry {
  private readonly ids = new Map<string, number>();
  readonly shapes: Shape[] = [];
  idOf(a: AlterationFact): number {
    const key = shapeKey(a);
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.shapes.length;
      this.ids.set(key, id);
      this.shapes.push(makeShape(a));
    }
    return id;
  }
}

// undefined ("not reported") and null ("reported absent") decide differently: keep them apart.
const part = (v: string | number | null | undefined): string => (v === undefined ? '\u0001' : v === null ? '\u0002' : String(v));
const shapeKey = (a: AlterationFact): string =>
  [a.category, a.gene, a.partner, a.proteinChange, a.variantClassification, a.exon, a.cnvCall, a.text].map(part).join('\u0000');

function makeShape(a: AlterationFact): Shape {
  const fact: AlterationFact = { category: a.category };
  if (a.gene !== undefined) fact.gene = a.gene;
  if (a.partner !== undefined) fact.partner = a.partner;
  if (a.proteinChange !== undefined) fact.proteinChange = a.proteinChange;
  if (a.variantClassification !== undefined) fact.variantClassification = a.variantClassification;
  if (a.exon !== undefined) fact.exon = a.exon;
  if (a.cnvCall !== undefined) fact.cnvCall = a.cnvCall;
  if (a.text !== undefined) fact.text = a.text;
  const sv = a.category === 'structural_variant';
  const genes = [a.gene, sv ? a.partner : undefined].filter((g): g is string => typeof g === 'string').map((g) => g.toUpperCase());
  const wild = sv ? a.gene === undefined || a.partner === undefined : a.gene === undefined;
  return { fact, genes, wild };
}

/** The integer ids shared by a set of columns and the evaluators reading them. */
export class Vocabulary {
  readonly codes = new Interner();
  readonly loinc = new Interner();
  readonly units = new Interner();
  readonly drugs = new Interner();
  readonly classes = new Interner();
  readonly shapes = new ShapeRegistry();
}

/** Same normalisation as the treatment evaluators (`trim().toLowerCase()`). */
export const drugTerm = (s: string): string => s.trim().toLowerCase();

export const LINE_SETTINGS = ['neoadjuvant', 'adjuvant', 'metastatic', 'maintenance'] as const;
export const SEX_CODES: Readonly<Record<string, number>> = { female: 1, male: 2 };
export const VITAL_CODES: Readonly<Record<string, number>> = { alive: 1, deceased: 2 };
export const MMR_DEFICIENT = 1;
export const MMR_PROFICIENT = 2;
/** A definite result other than deficient / proficient (rules out both). */
export const MMR_OTHER = 4;

export interface PatientColumns {
  size: number;
  facts: readonly PatientFacts[];
  vocabulary: Vocabulary;
  /** 0: not recorded or unknown; 1 female, 2 male, 3 another value. */
  sex: Uint8Array;
  /** 0: not recorded or unknown; 1 alive, 2 deceased, 3 another value. */
  vital: Uint8Array;
  /** yyyymmdd of the birth date, -1 without a usable one; birth year, NaN without. */
  birthKey: Int32Array;
  birthYear: Float64Array;
  /** 0 not assessed, 1 no, 2 yes. */
  measurable: Uint8Array;
  /** Brain metastases: 0 not assessed, 1 absent, 2 present; activity 0 not said, 1 inactive, 2 active. */
  brainPresent: Uint8Array;
  brainActive: Uint8Array;
  /** Primary diagnosis code ids, per patient from primaryStart[i] to primaryStart[i+1]. */
  primaryStart: Int32Array;
  primaryCode: Int32Array;
  /** Every ECOG and lab result has an ISO date (else those criteria are asked of evaluateLeaf). */
  regular: Uint8Array;
  ecogStart: Int32Array;
  ecogKey: Int32Array;
  ecogDay: Int32Array;
  ecogValue: Float64Array;
  labStart: Int32Array;
  labLoinc: Int32Array;
  labKey: Int32Array;
  labDay: Int32Array;
  labValue: Float64Array;
  labUnit: Int32Array;
  /** NaN when the result has no upper limit of normal. */
  labUln: Float64Array;
  /** Treatment history recorded (an empty history counts). */
  hasLines: Uint8Array;
  linesTotal: Uint16Array;
  /** Lines per setting, LINE_SETTINGS order. */
  linesBySetting: Uint16Array[];
  ongoing: Uint8Array;
  /** Day number of the latest line end (NaN if that date is not a date). */
  lastEndDay: Float64Array;
  drugStart: Int32Array;
  drugIds: Int32Array;
  classStart: Int32Array;
  classIds: Int32Array;
  classless: Uint8Array;
  /** Molecular testing on record. */
  genomics: Uint8Array;
  /** The assays list the genes they covered. */
  coverage: Uint8Array;
  shapeStart: Int32Array;
  shapeIds: Int32Array;
  mmr: Uint8Array;
  hasTmb: Uint8Array;
  tmb: Float64Array;
  hasTumourFraction: Uint8Array;
  tumourFraction: Float64Array;
}

/**
 * Calendar dates as yyyymmdd and as day numbers, when the text starts with an ISO date (null
 * otherwise). Cached per text: 52,000 records share a few thousand dates.
 */
class Dates {
  private readonly cache = new Map<string, { key: number; day: number } | null>();
  of(iso: string): { key: number; day: number } | null {
    let d = this.cache.get(iso);
    if (d === undefined) {
      const p = dateParts(iso);
      d = p ? { key: p[0] * 10000 + p[1] * 100 + p[2], day: Date.UTC(p[0], p[1] - 1, p[2]) / 86_400_000 } : null;
      this.cache.set(iso, d);
    }
    return d;
  }
}

/** Whether ids[from..to) holds `id`. */
function within(ids: Int32Array, from: number, to: number, id: number): boolean {
  for (let k = from; k < to; k++) if (ids[k] === id) return true;
  return false;
}

export function buildColumns(facts: readonly PatientFacts[], vocabulary: Vocabulary): PatientColumns {
  const n = facts.length;
  const v = vocabulary;
  // Sizes first, so every column is one typed array filled in place.
  let nPrimary = 0;
  let nEcog = 0;
  let nLab = 0;
  let nDrug = 0;
  let nShape = 0;
  for (const p of facts) {
    nPrimary += p.diagnoses?.length ?? 0;
    nEcog += p.ecog?.length ?? 0;
    nLab += p.labs?.length ?? 0;
    for (const l of p.therapyLines ?? []) nDrug += l.value.drugs.length;
    nShape += p.genomics?.alterations.length ?? 0;
  }
  const sex = new Uint8Array(n);
  const vital = new Uint8Array(n);
  const birthKey = new Int32Array(n).fill(-1);
  const birthYear = new Float64Array(n).fill(NaN);
  const measurable = new Uint8Array(n);
  const brainPresent = new Uint8Array(n);
  const brainActive = new Uint8Array(n);
  const primaryStart = new Int32Array(n + 1);
  const primaryCode = new Int32Array(nPrimary);
  const regular = new Uint8Array(n);
  const ecogStart = new Int32Array(n + 1);
  const ecogKey = new Int32Array(nEcog);
  const ecogDay = new Int32Array(nEcog);
  const ecogValue = new Float64Array(nEcog);
  const labStart = new Int32Array(n + 1);
  const labLoinc = new Int32Array(nLab);
  const labKey = new Int32Array(nLab);
  const labDay = new Int32Array(nLab);
  const labUnit = new Int32Array(nLab);
  const labValue = new Float64Array(nLab);
  const labUln = new Float64Array(nLab);
  const hasLines = new Uint8Array(n);
  const linesTotal = new Uint16Array(n);
  const linesBySetting = LINE_SETTINGS.map(() => new Uint16Array(n));
  const ongoing = new Uint8Array(n);
  const lastEndDay = new Float64Array(n).fill(NaN);
  const drugStart = new Int32Array(n + 1);
  const drugIds = new Int32Array(nDrug);
  const classStart = new Int32Array(n + 1);
  const classIds = new Int32Array(nDrug);
  const classless = new Uint8Array(n);
  const genomics = new Uint8Array(n);
  const coverage = new Uint8Array(n);
  const shapeStart = new Int32Array(n + 1);
  const shapeIds = new Int32Array(nShape);
  const mmr = new Uint8Array(n);
  const hasTmb = new Uint8Array(n);
  const tmb = new Float64Array(n).fill(NaN);
  const hasTumourFraction = new Uint8Array(n);
  const tumourFraction = new Float64Array(n).fill(NaN);

  const dates = new Dates();
  let [at, ecogAt, labAt, drugAt, classAt, shapeAt] = [0, 0, 0, 0, 0, 0];
  for (let i = 0; i < n; i++) {
    const p = facts[i]!;
    const s = p.sex?.value;
    sex[i] = s === undefined || s === 'unknown' ? 0 : (SEX_CODES[s] ?? 3);
    const vs = p.vitalStatus?.value;
    vital[i] = vs === undefined || vs === 'unknown' ? 0 : (VITAL_CODES[vs] ?? 3);
    const born = p.birthDate ? dateParts(p.birthDate.value) : undefined;
    if (born) birthKey[i] = born[0] * 10000 + born[1] * 100 + born[2];
    if (p.birthYear) birthYear[i] = p.birthYear.value;
    if (p.measurableDisease) measurable[i] = p.measurableDisease.value ? 2 : 1;

    // Brain metastases: the assessment if any, else a brain secondary proves presence.
    if (p.brainMetastases) {
      brainPresent[i] = p.brainMetastases.value.present ? 2 : 1;
      const a = p.brainMetastases.value.active;
      brainActive[i] = a === undefined ? 0 : a ? 2 : 1;
    } else if ((p.diagnoses ?? []).some((d) => d.value.kind === 'secondary' && /brain|cerebr|cns/i.test(d.value.bodySite ?? ''))) {
      brainPresent[i] = 2;
    }

    for (const d of p.diagnoses ?? []) if (d.value.kind === 'primary') primaryCode[at++] = v.codes.id(d.value.oncotree);
    primaryStart[i + 1] = at;

    // Measurements are usable as numbers when every date is ISO. (Two results of one test on the
    // latest day are a tie the numbers cannot break: the evaluator sees it and asks evaluateLeaf.)
    let ok = true;
    for (const e of p.ecog ?? []) {
      const d = dates.of(e.provenance.observedAt);
      if (!d) ok = false;
      ecogKey[ecogAt] = d?.key ?? -1;
      ecogDay[ecogAt] = d?.day ?? 0;
      ecogValue[ecogAt++] = e.value;
    }
    ecogStart[i + 1] = ecogAt;
    for (const l of p.labs ?? []) {
      const d = dates.of(l.provenance.observedAt);
      if (!d) ok = false;
      const r = l.value;
      labLoinc[labAt] = v.loinc.id(r.loinc);
      labKey[labAt] = d?.key ?? -1;
      labDay[labAt] = d?.day ?? 0;
      labValue[labAt] = r.value;
      labUnit[labAt] = v.units.id(r.unit);
      labUln[labAt++] = r.upperLimitOfNormal ?? NaN;
    }
    labStart[i + 1] = labAt;
    regular[i] = ok ? 1 : 0;

    const lines = p.therapyLines;
    if (lines) {
      hasLines[i] = 1;
      linesTotal[i] = lines.length;
      let last: string | undefined;
      const [d0, c0] = [drugAt, classAt];
      for (const l of lines) {
        const k = LINE_SETTINGS.indexOf(l.value.setting);
        if (k >= 0) linesBySetting[k]![i]!++;
        if (!l.value.endedAt) ongoing[i] = 1;
        else if (last === undefined || l.value.endedAt > last) last = l.value.endedAt;
        for (const d of l.value.drugs) {
          const name = v.drugs.id(drugTerm(d.name));
          if (!within(drugIds, d0, drugAt, name)) drugIds[drugAt++] = name;
          if (d.drugClass === undefined) classless[i] = 1;
          else {
            const cls = v.classes.id(drugTerm(d.drugClass));
            if (!within(classIds, c0, classAt, cls)) classIds[classAt++] = cls;
          }
        }
      }
      if (last !== undefined) lastEndDay[i] = dates.of(last)?.day ?? NaN;
    }
    drugStart[i + 1] = drugAt;
    classStart[i + 1] = classAt;

    const g = p.genomics;
    if (g) {
      genomics[i] = 1;
      if (g.genesTested) coverage[i] = 1;
      for (const a of g.alterations) shapeIds[shapeAt++] = v.shapes.idOf(a.value);
      let flags = 0;
      for (const m of g.mmr ?? [])
        flags |=
          m.value === 'deficient' ? MMR_DEFICIENT : m.value === 'proficient' ? MMR_PROFICIENT : m.value === 'indeterminate' ? 0 : MMR_OTHER;
      mmr[i] = flags;
      const t = latestFact(g.tmb);
      if (t) {
        hasTmb[i] = 1;
        tmb[i] = t.value;
      }
      const f = latestFact(g.tumourFraction);
      if (f) {
        hasTumourFraction[i] = 1;
        tumourFraction[i] = f.value;
      }
    }
    shapeStart[i + 1] = shapeAt;
  }

  return {
    size: n,
    facts,
    vocabulary,
    sex,
    vital,
    birthKey,
    birthYear,
    measurable,
    brainPresent,
    brainActive,
    primaryStart,
    primaryCode,
    regular,
    ecogStart,
    ecogKey,
    ecogDay,
    ecogValue,
    labStart,
    labLoinc,
    labKey,
    labDay,
    labValue,
    labUnit,
    labUln,
    hasLines,
    linesTotal,
    linesBySetting,
    ongoing,
    lastEndDay,
    drugStart,
    drugIds: drugIds.slice(0, drugAt),
    classStart,
    classIds: classIds.slice(0, classAt),
    classless,
    genomics,
    coverage,
    shapeStart,
    shapeIds,
    mmr,
    hasTmb,
    tmb,
    hasTumourFraction,
    tumourFraction,
  };
}
