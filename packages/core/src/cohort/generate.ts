/**
 * Deterministic synthetic patients.
 *
 * Patient i depends only on (seed, i, referenceDate): its random stream is seeded with
 * mixSeed(seed, i), so a cohort of 100 and one of 52,000 share their first 100 patients, and a
 * server can generate any slice. No clock, no I/O: the reference date is a parameter and every
 * fact is dated on or before it.
 *
 * Time is handled as integer days since 1970-01-01 (UTC) and formatted once per day through a
 * cache, which keeps 52,000 patients well under the time budget.
 */
import { ckdEpi2009, loincByKey, referenceRange, type LabKey, type LoincLab } from '../codes/loinc';
import { UnknownOncoTreeCodeError, type OncoTree } from '../codes/oncotree';
import type {
  Alteration,
  BestResponse,
  ClinicalDocument,
  Condition,
  LabResult,
  MolecularReport,
  PatientRecord,
  PerformanceStatus,
  Sex,
  TherapyLine,
  TrialParticipation,
  TrialParticipationStatus,
} from '../model/patient';
import type { Provenance } from '../model/provenance';
import { ALT, NON_GENOMIC_BIOMARKERS, type AlterationChoice, type AlterationSpec } from './alterations';
import { consultationNote, mtbConclusion, pathologyReport, petReport, type Lang } from './documents';
import {
  ACQUIRED_RESISTANCE,
  CTDNA_TF_MAX,
  CTDNA_TF_MEDIAN,
  CTDNA_TF_SD_LOG,
  CTDNA_VAF_LOD,
  TMB_HIGH_CUTOFF,
  TMB_MSI_H_MEDIAN,
  TMB_SD_LOG,
  TUMOUR_TABLE,
  TUMOUR_TYPES,
  type AlterationGroup,
  type MetastaticSite,
  type TumourType,
} from './frequencies';
import { FAMILY_NAMES, FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES } from './names';
import { Rng, WeightedTable, mixSeed } from './random';
import { adjuvantRegimen, metastaticSequence, type Regimen } from './regimens';
import { TRIAL_ENTRIES, type CatalogueEntry } from './trials';

export interface CohortOptions {
  /** Number of patients to generate. */
  patients: number;
  seed: number;
  /** ISO date (or instant): nothing is observed or recorded after it. */
  referenceDate: string;
  /** First patient index (default 0), to generate a slice of a larger cohort. */
  start?: number;
  /** When given, every OncoTree code the generator can emit is checked against it first. */
  oncotree?: OncoTree;
}

export const PSEUDONYM_PREFIX = 'CTM-';
export const TISSUE_PANEL_V1 = 'In-house tissue NGS panel v1 (DNA)';
export const TISSUE_PANEL_V2 = 'In-house tissue NGS panel v2 (DNA + RNA fusions)';
export const HAEM_PANEL = 'In-house haematology NGS panel (bone marrow / blood)';
/** The centre's liquid-biopsy assay (DOMAIN.md: FDA-approved 324-gene ctDNA CDx). */
export const CTDNA_PANEL = 'FoundationOne Liquid CDx (324 genes)';

export function pseudonymFor(index: number): string {
  return PSEUDONYM_PREFIX + String(index).padStart(6, '0');
}

/** One patient. Same arguments, same record, whatever else is generated. */
export function generatePatient(index: number, seed: number, referenceDate: string, oncotree?: OncoTree): PatientRecord {
  if (oncotree) checkCodes(oncotree);
  return buildPatient(index, seed, parseReference(referenceDate));
}

/** Patients start..start+patients-1, one at a time: a caller can stream 52,000 without holding them. */
export function* generateCohort(options: CohortOptions): Generator<PatientRecord, void, undefined> {
  const { patients, seed, referenceDate, start = 0, oncotree } = options;
  if (!Number.isInteger(patients) || patients < 0) throw new RangeError(`patients must be a non-negative integer, got ${patients}`);
  if (!Number.isInteger(start) || start < 0) throw new RangeError(`start must be a non-negative integer, got ${start}`);
  if (oncotree) checkCodes(oncotree);
  const ref = parseReference(referenceDate);
  for (let i = start; i < start + patients; i++) yield buildPatient(i, seed, ref);
}

// ---------------------------------------------------------------------------------------------
// Dates

const DAY_MS = 86_400_000;
/** Nothing is dated before this day: keeps timelines inside the era of the drugs they use. */
const EARLIEST_DAY = Date.UTC(2005, 0, 1) / DAY_MS;

interface Reference {
  ms: number;
  /** Last day on which a fact may be observed or recorded (the day before the reference). */
  lastDay: number;
}

function parseReference(referenceDate: string): Reference {
  const ms = Date.parse(referenceDate);
  if (!/^\d{4}-\d{2}-\d{2}/.test(referenceDate) || Number.isNaN(ms)) {
    throw new RangeError(`referenceDate must be an ISO date such as "2025-06-30", got "${referenceDate}"`);
  }
  const lastDay = Math.floor(ms / DAY_MS) - 1;
  if (lastDay < EARLIEST_DAY + 3650)
    throw new RangeError(`referenceDate ${referenceDate} is too early for the cohort's timelines (need 2015 or later)`);
  return { ms, lastDay };
}

const isoCache = new Map<number, string>();
function iso(day: number): string {
  let s = isoCache.get(day);
  if (s === undefined) {
    s = new Date(day * DAY_MS).toISOString().slice(0, 10);
    isoCache.set(day, s);
  }
  return s;
}

function yearOf(day: number): number {
  return Number(iso(day).slice(0, 4));
}

/** "HH:MM:00Z" for every minute of the working day (07:00-19:59), built once. */
const WORK_TIMES: readonly string[] = Array.from({ length: 13 * 60 }, (_, m) => {
  const h = 7 + Math.floor(m / 60);
  return `${String(h).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00Z`;
});

// ---------------------------------------------------------------------------------------------
// Code validation against a real tree (once per tree)

const checkedTrees = new WeakSet<OncoTree>();
function checkCodes(tree: OncoTree): void {
  if (checkedTrees.has(tree)) return;
  const codes = new Set<string>();
  for (const t of TUMOUR_TYPES) for (const c of t.lineage) codes.add(c);
  for (const e of TRIAL_ENTRIES) for (const c of e.trial.oncotreeCodes) codes.add(c);
  for (const c of codes) if (!tree.has(c)) throw new UnknownOncoTreeCodeError(c, tree.suggest(c));
  checkedTrees.add(tree);
}

// ---------------------------------------------------------------------------------------------
// Static tables built once

const ECOG_AT_DIAGNOSIS = new WeightedTable<0 | 1 | 2 | 3>([
  [0, 0.45],
  [1, 0.42],
  [2, 0.1],
  [3, 0.03],
]);
const LAG_DAYS = new WeightedTable<number>([
  [0, 0.5],
  [1, 0.2],
  [2, 0.1],
  [3, 0.05],
  [5, 0.05],
  [7, 0.05],
  [14, 0.05],
]);

const RESPONSE: Record<Regimen['kind'], WeightedTable<BestResponse>> = {
  targeted: new WeightedTable<BestResponse>([
    ['CR', 0.05],
    ['PR', 0.55],
    ['SD', 0.28],
    ['PD', 0.1],
    ['NE', 0.02],
  ]),
  chemo: new WeightedTable<BestResponse>([
    ['CR', 0.03],
    ['PR', 0.32],
    ['SD', 0.4],
    ['PD', 0.22],
    ['NE', 0.03],
  ]),
  'chemo-immuno': new WeightedTable<BestResponse>([
    ['CR', 0.05],
    ['PR', 0.42],
    ['SD', 0.3],
    ['PD', 0.2],
    ['NE', 0.03],
  ]),
  immuno: new WeightedTable<BestResponse>([
    ['CR', 0.07],
    ['PR', 0.25],
    ['SD', 0.28],
    ['PD', 0.37],
    ['NE', 0.03],
  ]),
  hormonal: new WeightedTable<BestResponse>([
    ['CR', 0.02],
    ['PR', 0.35],
    ['SD', 0.5],
    ['PD', 0.12],
    ['NE', 0.01],
  ]),
  radioligand: new WeightedTable<BestResponse>([
    ['CR', 0.03],
    ['PR', 0.35],
    ['SD', 0.42],
    ['PD', 0.18],
    ['NE', 0.02],
  ]),
  'cell-therapy': new WeightedTable<BestResponse>([
    ['CR', 0.4],
    ['PR', 0.25],
    ['SD', 0.1],
    ['PD', 0.22],
    ['NE', 0.03],
  ]),
};

const ACTIVE_STATUSES: readonly TrialParticipationStatus[] = ['pre-screened', 'screening', 'consented', 'enrolled', 'on-treatment'];
const STATUS_OPEN_TRIAL = new WeightedTable<TrialParticipationStatus>([
  ['pre-screened', 0.15],
  ['screening', 0.08],
  ['consented', 0.05],
  ['screen-failure', 0.15],
  ['enrolled', 0.05],
  ['on-treatment', 0.22],
  ['follow-up', 0.15],
  ['off-study', 0.15],
]);
const STATUS_CLOSED_TRIAL = new WeightedTable<TrialParticipationStatus>([
  ['screen-failure', 0.2],
  ['follow-up', 0.35],
  ['off-study', 0.45],
]);
const STATUS_NO_BIOMARKER = new WeightedTable<TrialParticipationStatus>([
  ['pre-screened', 0.55],
  ['screen-failure', 0.45],
]);

/** Labels an MTB treats as actionable (drives the MTB note); a pragmatic ESCAT I-II-like set. */
const ACTIONABLE = new Set([
  'KRAS p.G12C',
  'EGFR exon 19 deletion',
  'EGFR p.L858R',
  'EGFR exon 20 insertion',
  'EGFR p.T790M',
  'ALK fusion',
  'ROS1 fusion',
  'RET fusion',
  'RET mutation',
  'NTRK1 fusion',
  'NTRK3 fusion',
  'MET exon 14 skipping',
  'MET amplification',
  'BRAF V600',
  'ERBB2 amplification',
  'ERBB2 exon 20 insertion',
  'PIK3CA mutation',
  'ESR1 mutation',
  'BRCA1 mutation',
  'BRCA2 mutation',
  'BRCA2 deletion',
  'PALB2 mutation',
  'FGFR2 fusion',
  'FGFR3 mutation',
  'FGFR3 fusion',
  'IDH1 mutation',
  'IDH2 mutation',
  'KIT exon 11 mutation',
  'KIT exon 9 mutation',
  'PDGFRA mutation',
  'MDM2 amplification',
  'FLT3-ITD',
  'NRG1 fusion',
]);

const NON_GENOMIC: ReadonlySet<string> = new Set<string>(NON_GENOMIC_BIOMARKERS);

/** Per OncoTree code: the catalogue entries a patient with that primary may be considered for. */
const TRIALS_FOR_TYPE: ReadonlyMap<string, readonly CatalogueEntry[]> = new Map(
  TUMOUR_TYPES.map((t) => [
    t.code,
    TRIAL_ENTRIES.filter((e) => {
      if (e.trial.status === 'in-preparation') return false;
      if (e.trial.oncotreeCodes.length === 0) return !t.liquid; // tumour-agnostic = solid tumours
      return e.trial.oncotreeCodes.some((c) => t.lineage.includes(c));
    }),
  ]),
);

// ---------------------------------------------------------------------------------------------
// The patient

interface Progression {
  day: number;
  acquired?: AlterationSpec;
}

function buildPatient(index: number, seed: number, ref: Reference): PatientRecord {
  if (!Number.isInteger(index) || index < 0) throw new RangeError(`index must be a non-negative integer, got ${index}`);
  const rng = new Rng(mixSeed(seed, index));
  const source = `seed:${seed}`;
  const prov = (day: number): Provenance => {
    const lag = rng.weighted(LAG_DAYS);
    const recordedDay = Math.min(day + lag, ref.lastDay);
    return {
      source,
      observedAt: iso(day),
      recordedAt: `${iso(recordedDay)}T${WORK_TIMES[rng.int(0, WORK_TIMES.length - 1)]!}`,
      recordedBy: 'system',
    };
  };

  // --- Who ---------------------------------------------------------------------------------
  const tumour = rng.weighted(TUMOUR_TABLE);
  const sex: Sex = rng.chance(tumour.maleShare) ? 'male' : 'female';
  const aggressive = tumour.group === 'sclc' || tumour.group === 'pancreas' || tumour.group === 'glioblastoma' || tumour.group === 'aml';
  const deceased = rng.chance(aggressive ? 0.3 : 0.13);
  const endDay = deceased ? ref.lastDay - rng.int(15, 900) : ref.lastDay;

  // --- When: advanced disease, then (for relapses) the earlier localised diagnosis ------------
  const sinceAdvanced = Math.round(Math.min(3600, Math.max(5, rng.logNormal(aggressive ? 360 : 800, 0.8))));
  const metDay = Math.max(EARLIEST_DAY + 400, endDay - sinceAdvanced);
  const deNovo = rng.chance(tumour.deNovoMetastatic);
  const diagDay = deNovo ? metDay : Math.max(EARLIEST_DAY, metDay - Math.round(Math.max(120, rng.logNormal(800, 0.6))));
  const ageAtDiagnosis = Math.round(rng.clampedNormal(tumour.age[0], tumour.age[1], 18, 92));
  const birthYear = yearOf(diagDay) - ageAtDiagnosis;
  const birthDay = Date.UTC(birthYear, 0, 1) / DAY_MS + rng.int(0, 364);
  const ageOn = (day: number): number => Math.floor((day - birthDay) / 365.25);

  const female = sex === 'female';
  const identity = {
    familyName: rng.pick(FAMILY_NAMES),
    givenName: rng.pick(female ? FEMALE_GIVEN_NAMES : MALE_GIVEN_NAMES),
    birthDate: iso(birthDay),
    // A bijection of the index onto 9-digit numbers: unique, not guessable from the pseudonym.
    hospitalNumber: String(100_000_000 + ((index * 7919 + ((seed >>> 0) % 1000)) % 900_000_000)),
  };

  // --- Tumour biology ------------------------------------------------------------------------
  const baseline: AlterationSpec[] = [];
  for (const group of tumour.alterations) {
    const spec = drawFromGroup(rng, group);
    if (spec && !baseline.some((b) => sameAlteration(b, spec))) baseline.push(spec);
  }
  const msiHigh = rng.chance(tumour.msiHigh);
  const tmb = round1(msiHigh ? rng.logNormal(TMB_MSI_H_MEDIAN, 0.35) : rng.logNormal(tumour.tmbMedian, TMB_SD_LOG));
  const labels = new Set<string>();
  for (const b of baseline) for (const l of b.labels) labels.add(l);
  if (msiHigh) labels.add('MSI-H');
  if (!tumour.liquid && tmb >= TMB_HIGH_CUTOFF) labels.add('TMB-H');
  let ihc: string | undefined;
  if (tumour.group === 'breast') ihc = breastStatus(rng, labels);
  if (tumour.code === 'PRAD' && rng.chance(0.85)) labels.add('PSMA PET positive');
  if (tumour.group === 'net' && rng.chance(0.9)) labels.add('SSTR PET positive');
  if ((tumour.code === 'PAAD' || tumour.lineage.includes('SOFT_TISSUE')) && rng.chance(0.35)) labels.add('FAPI PET positive');

  // --- Therapy ------------------------------------------------------------------------------
  // --- Baseline molecular testing (tissue NGS for every advanced solid tumour, ctDNA for half) ---
  // What the clinicians *know* is what a report shows, plus IHC and PET status: therapy choices
  // and trial screening read `known`, never the hidden truth.
  const known = new Set([...labels].filter((l) => NON_GENOMIC.has(l) && l !== 'MSI-H' && l !== 'TMB-H'));
  const learn = (r: Reported): void => {
    for (const spec of r.specs) for (const l of spec.labels) known.add(l);
    if (r.report.msi === 'MSI-H') known.add('MSI-H');
    if (!tumour.liquid && (r.report.tmb ?? 0) >= TMB_HIGH_CUTOFF) known.add('TMB-H');
  };
  const molecularReports: MolecularReport[] = [];
  let tissue: Reported | undefined;
  if (rng.chance(tumour.liquid ? 0.9 : 0.85)) {
    const day = Math.min(endDay, metDay + rng.int(7, tumour.liquid ? 21 : 35));
    const panel = tumour.liquid ? HAEM_PANEL : yearOf(day) >= 2019 ? TISSUE_PANEL_V2 : TISSUE_PANEL_V1;
    tissue = tissueNgs(
      rng,
      prov,
      day,
      panel,
      baseline,
      [],
      tmb,
      msiHigh,
      rng.uniform(tumour.liquid ? 0.3 : 0.2, tumour.liquid ? 0.9 : 0.8),
    );
    molecularReports.push(tissue.report);
    learn(tissue);
  }
  const ageAtEnd = ageOn(endDay);
  if (!tumour.liquid && rng.chance(0.5)) {
    const baselineCtdna = ctdna(rng, prov, Math.min(endDay, metDay + rng.int(0, 30)), tumour, baseline, [], tmb, msiHigh, ageAtEnd);
    molecularReports.push(baselineCtdna.report);
    learn(baselineCtdna);
  }

  const ctx = { has: (l: string) => known.has(l), year: yearOf(metDay), rng, code: tumour.code };
  const sequence = metastaticSequence(tumour.group, ctx);
  const lines: TherapyLine[] = [];
  const progressions: Progression[] = [];
  const lineStarts: number[] = [];
  const lineNames: string[] = [];

  if (!deNovo && metDay - diagDay > 120 && rng.chance(0.65)) {
    const adj = adjuvantRegimen(tumour.group, { ...ctx, year: yearOf(diagDay) });
    if (adj) {
      const start = diagDay + rng.int(21, 60);
      const natural = start + Math.round(adj.medianDays * rng.uniform(0.9, 1.1));
      const end = Math.min(natural, metDay - 14);
      if (end - start >= 28) {
        const relapsedOnIt = end < natural;
        lines.push({
          lineNumber: lines.length + 1,
          setting: adj.name.includes('neoadjuvant') ? 'neoadjuvant' : 'adjuvant',
          drugs: [...adj.drugs],
          startedAt: iso(start),
          endedAt: iso(end),
          stopReason: relapsedOnIt ? 'progression' : 'completed',
          provenance: prov(end),
        });
        lineStarts.push(start);
      }
    }
  }

  let start = metDay + rng.int(10, 40);
  // At most four lines in all, an adjuvant course included; time and attrition stop most earlier.
  const metastaticLines = Math.min(sequence.length, 4 - lines.length);
  for (let i = 0; i < metastaticLines; i++) {
    // Some patients are never treated here, or stop after a progression (supportive care only).
    if (rng.chance(i === 0 ? 0.04 : 0.08 + 0.04 * i)) break;
    const regimen = sequence[i]!;
    if (start > endDay) break;
    const next = sequence[i + 1];
    const oneShot = regimen.medianDays <= 1;
    const duration = oneShot
      ? 0
      : regimen.fixedDuration
        ? Math.round(regimen.medianDays * rng.uniform(0.85, 1.1))
        : Math.max(21, Math.round(rng.logNormal(regimen.medianDays, 0.75)));
    const end = start + duration;
    lineStarts.push(start);
    lineNames.push(regimen.name);
    const base = {
      lineNumber: lines.length + 1,
      setting: regimen.setting ?? ('metastatic' as const),
      drugs: [...regimen.drugs],
      startedAt: iso(start),
    };
    if (end > endDay && !deceased) {
      // Still on treatment at the reference date: no end, a response only once restaged (~8 weeks).
      const ongoing: TherapyLine = { ...base, provenance: prov(start) };
      if (endDay - start >= 56) ongoing.bestResponse = rng.weighted(RESPONSE[regimen.kind]);
      lines.push(ongoing);
      break;
    }
    const stopDay = Math.min(end, endDay);
    let stopReason: string;
    if (stopDay < end) stopReason = 'death';
    else if (regimen.fixedDuration) stopReason = rng.chance(0.9) ? 'completed' : 'toxicity';
    else if (next?.setting === 'maintenance') stopReason = 'completed';
    else {
      const u = rng.next();
      stopReason = u < 0.82 ? 'progression' : u < 0.95 ? 'toxicity' : 'patient decision';
    }
    let best = rng.weighted(RESPONSE[regimen.kind]);
    if (stopReason === 'progression' && duration < 60) best = 'PD';
    if (stopReason === 'completed' && best === 'PD') best = 'SD';
    // A finished line is a fact as of its last day: observed then, not at its start.
    lines.push({ ...base, endedAt: iso(stopDay), bestResponse: best, stopReason, provenance: prov(stopDay) });
    if (stopReason === 'death') break;

    // Progression (now, or after a treatment-free interval for completed courses).
    let progressionDay = stopDay;
    if (stopReason === 'completed' && next?.setting !== 'maintenance') {
      progressionDay = stopDay + Math.round(rng.logNormal(regimen.freeIntervalDays ?? 180, 0.6));
    }
    if (progressionDay > endDay) break;
    if (stopReason === 'progression' || stopDay !== progressionDay) {
      const acquired = regimen.resistance ? drawFromGroup(rng, ACQUIRED_RESISTANCE[regimen.resistance] ?? []) : undefined;
      progressions.push(
        acquired && !baseline.some((b) => sameAlteration(b, acquired)) ? { day: progressionDay, acquired } : { day: progressionDay },
      );
    }
    start = progressionDay + (next?.setting === 'maintenance' ? rng.int(14, 42) : rng.int(7, 35));
  }

  // --- Conditions -----------------------------------------------------------------------------
  const conditions: Condition[] = [];
  const primary: Condition = { kind: 'primary', oncotreeCode: tumour.code, diagnosedAt: iso(diagDay), provenance: prov(diagDay) };
  if (tumour.stages) {
    primary.stage = rng.pick(deNovo ? tumour.stages.metastatic : tumour.stages.localised);
  }
  if (tumour.stages && !tumour.liquid) {
    // Lymphomas are staged (Ann Arbor) but have no TNM.
    primary.tnm = {
      t: rng.pick(['T1', 'T2', 'T3', 'T4']),
      n: rng.pick(deNovo ? ['N0', 'N1', 'N2', 'N3'] : ['N0', 'N1', 'N2']),
      m: deNovo ? 'M1' : 'M0',
    };
  }
  conditions.push(primary);
  const sites = pickSites(rng, tumour);
  const laterDays = progressions.map((p) => p.day);
  sites.forEach((site, i) => {
    // Most sites are found at the advanced diagnosis (the first always is); some, often brain,
    // appear at a later progression.
    const later = i > 0 && laterDays.length > 0 && rng.chance(site === 'brain' ? 0.5 : 0.2);
    const day = later ? rng.pick(laterDays) : metDay;
    conditions.push({ kind: 'secondary', oncotreeCode: tumour.code, bodySite: site, diagnosedAt: iso(day), provenance: prov(day) });
  });
  conditions.sort((a, b) => (a.diagnosedAt < b.diagnosedAt ? -1 : a.diagnosedAt > b.diagnosedAt ? 1 : 0));

  // --- Performance status ---------------------------------------------------------------------
  const performance: PerformanceStatus[] = [];
  let ecog: number = rng.weighted(ECOG_AT_DIAGNOSIS);
  performance.push({ ecog: ecog as PerformanceStatus['ecog'], provenance: prov(diagDay) });
  for (let i = 0; i < lineStarts.length; i++) {
    const day = lineStarts[i]!;
    if (day === diagDay) continue;
    if (i >= 2 && rng.chance(0.3)) ecog = Math.min(3, ecog + 1);
    else if (ecog > 0 && rng.chance(0.15)) ecog -= 1;
    performance.push({ ecog: ecog as PerformanceStatus['ecog'], provenance: prov(day) });
  }
  const lastVisit = Math.max(diagDay, endDay - rng.int(0, 30));
  if (deceased) ecog = Math.min(4, ecog + rng.int(1, 2));
  if (lastVisit > (lineStarts[lineStarts.length - 1] ?? diagDay)) {
    performance.push({ ecog: ecog as PerformanceStatus['ecog'], provenance: prov(lastVisit) });
  }

  // --- Labs -----------------------------------------------------------------------------------
  const labDays = [...lineStarts, lastVisit].sort((a, b) => a - b).filter((d, i, all) => i === 0 || d - all[i - 1]! > 7);
  if (labDays.length === 0 || labDays[0]! > metDay) labDays.unshift(metDay);
  const labs = makeLabs(rng, prov, labDays.slice(-6), { sex, ageOn, tumour, sites, female });

  // --- Molecular reports at progression ------------------------------------------------------
  if (!tumour.liquid) {
    const acquiredSoFar: AlterationSpec[] = [];
    let plasmaReports = molecularReports.filter((r) => r.specimen === 'ctdna').length;
    for (const p of progressions) {
      if (p.acquired) acquiredSoFar.push(p.acquired);
      if (plasmaReports < 4 && rng.chance(p.acquired ? 0.9 : 0.4)) {
        const r = ctdna(rng, prov, Math.min(endDay, p.day + rng.int(0, 14)), tumour, baseline, [...acquiredSoFar], tmb, msiHigh, ageAtEnd);
        molecularReports.push(r.report);
        learn(r);
        plasmaReports++;
      }
      // Resistance programme: a research biopsy at progression for some patients with a known mechanism.
      if (p.acquired && rng.chance(0.25)) {
        const day = Math.min(endDay, p.day + rng.int(7, 28));
        const r = tissueNgs(rng, prov, day, TISSUE_PANEL_V2, baseline, [...acquiredSoFar], tmb, msiHigh, rng.uniform(0.2, 0.7));
        molecularReports.push(r.report);
        learn(r);
      }
    }
  }
  molecularReports.sort((a, b) => (a.reportedAt < b.reportedAt ? -1 : a.reportedAt > b.reportedAt ? 1 : 0));

  // --- Trial participations -------------------------------------------------------------------
  const participations: TrialParticipation[] = [];
  if (rng.chance(0.4)) {
    const candidates = (TRIALS_FOR_TYPE.get(tumour.code) ?? []).filter((e) => overlaps(e, metDay, endDay));
    if (candidates.length > 0) {
      const weights = candidates.map((e) => {
        const b = e.trial.biomarkers;
        if (b.length > 0) return b.some((l) => known.has(l)) ? 8 : 0.15;
        return e.trial.oncotreeCodes.length > 0 ? 2 : 1;
      });
      const table = new WeightedTable(candidates.map((e, i) => [e, weights[i]!] as const));
      const count = rng.chance(0.15) && candidates.length > 1 ? 2 : 1;
      const chosen = new Set<CatalogueEntry>();
      for (let k = 0; k < count * 3 && chosen.size < count; k++) chosen.add(rng.weighted(table));
      for (const e of chosen) participations.push(participation(rng, prov, e, known, metDay, endDay, deceased));
    }
  }
  participations.sort((a, b) => (a.since < b.since ? -1 : a.since > b.since ? 1 : 0));

  // --- Documents -----------------------------------------------------------------------------
  const lang: Lang = rng.chance(0.8) ? 'fr' : 'en';
  const documents: ClinicalDocument[] = [];
  const pathDay = Math.min(endDay, diagDay + rng.int(3, 10));
  documents.push({
    ...pathologyReport({ lang, tumour, diagnosedAt: iso(pathDay), specimen: specimenFor(tumour, lang), ...(ihc ? { ihc } : {}) }),
    provenance: prov(pathDay),
  });
  const shownBiomarkers = [...known].filter((l) => ACTIONABLE.has(l) || NON_GENOMIC.has(l));
  if (tissue) {
    const tissueReport = tissue.report;
    const actionable = [...new Set(tissue.specs.flatMap((spec) => spec.labels).filter((l) => ACTIONABLE.has(l)))];
    if (actionable.length > 0 || msiHigh) {
      const day = Math.min(endDay, Date.parse(tissueReport.reportedAt) / DAY_MS + rng.int(3, 14));
      const trialMatch = participations[0]
        ? TRIAL_ENTRIES.find((e) => e.trial.protocolNumber === participations[0]!.protocolNumber)
        : undefined;
      documents.push({
        ...mtbConclusion({
          lang,
          authoredAt: iso(day),
          panel: tissueReport.panel,
          reportedAt: tissueReport.reportedAt,
          actionable: actionable.length > 0 ? actionable : ['MSI-H'],
          msiHigh,
          ...(tissueReport.tmb !== undefined ? { tmb: tissueReport.tmb } : {}),
          recommendation: trialMatch
            ? lang === 'fr'
              ? `inclusion dans l'essai ${trialMatch.trial.acronym ?? trialMatch.trial.protocolNumber}`
              : `screening for ${trialMatch.trial.acronym ?? trialMatch.trial.protocolNumber}`
            : lang === 'fr'
              ? 'thérapie ciblée selon AMM, ou essai clinique si disponible'
              : 'approved targeted therapy, or a clinical trial when available',
        }),
        provenance: prov(day),
      });
    }
  }
  if (tumour.code === 'PRAD' || tumour.group === 'net') {
    const day = Math.min(endDay, metDay + rng.int(14, 120));
    const tracer = tumour.code === 'PRAD' ? 'PSMA' : 'SSTR';
    const positive = labels.has(tracer === 'PSMA' ? 'PSMA PET positive' : 'SSTR PET positive');
    documents.push({
      ...petReport({
        lang,
        authoredAt: iso(day),
        tracer,
        positive,
        suvMax: positive ? rng.uniform(12, 45) : rng.uniform(2, 6),
        sites: sites.length > 0 ? sites : ['bone'],
      }),
      provenance: prov(day),
    });
  }
  const lastLine = lines[lines.length - 1];
  const openParticipation = participations.find((p) => p.status === 'pre-screened' || p.status === 'screening');
  documents.push({
    ...consultationNote({
      lang,
      tumour,
      female,
      age: ageOn(lastVisit),
      diagnosedAt: iso(diagDay),
      ...(primary.stage ? { stage: primary.stage } : {}),
      sites,
      lines: lineNames,
      currentLineOngoing: !!lastLine && lastLine.endedAt === undefined && lastLine.setting !== 'adjuvant',
      ecog,
      biomarkers: shownBiomarkers,
      authoredAt: iso(lastVisit),
      ...(openParticipation ? { trialAcronym: acronymOf(openParticipation.protocolNumber) } : {}),
    }),
    provenance: prov(lastVisit),
  });
  documents.sort((a, b) => (a.authoredAt < b.authoredAt ? -1 : a.authoredAt > b.authoredAt ? 1 : 0));

  return {
    pseudonym: pseudonymFor(index),
    sex,
    birthYear,
    vitalStatus: deceased ? 'deceased' : 'alive',
    identity,
    conditions,
    performance,
    labs,
    therapyLines: lines,
    molecularReports,
    documents,
    participations,
  };
}

// ---------------------------------------------------------------------------------------------
// Helpers

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

function drawFromGroup(rng: Rng, group: AlterationGroup): AlterationSpec | undefined {
  let u = rng.next();
  for (const [choice, p] of group) {
    if (u < p) return resolve(rng, choice);
    u -= p;
  }
  return undefined;
}

function resolve(rng: Rng, choice: AlterationChoice): AlterationSpec {
  return isSpecList(choice) ? rng.pick(choice) : choice;
}

function isSpecList(choice: AlterationChoice): choice is readonly AlterationSpec[] {
  return Array.isArray(choice);
}

function sameAlteration(a: AlterationSpec, b: AlterationSpec): boolean {
  return (
    a.gene === b.gene && a.alterationClass === b.alterationClass && a.hgvsProtein === b.hgvsProtein && a.fusionPartner === b.fusionPartner
  );
}

/**
 * Breast receptor status: HER2-positive = ERBB2 amplified; otherwise HR-positive in ~80%
 * (BRCA1 carriers are mostly triple-negative); HER2-low (IHC 1+ or 2+/ISH-) in about half of
 * HER2-negative tumours (more often HR-positive).
 */
function breastStatus(rng: Rng, labels: Set<string>): string {
  if (labels.has('ERBB2 amplification')) {
    labels.add('HER2-positive');
    const hr = rng.chance(0.6);
    if (hr) labels.add('HR-positive');
    return `RE ${hr ? rng.int(10, 95) : 0} %, RP ${hr ? rng.int(0, 60) : 0} %, HER2 score 3+`;
  }
  const hr = labels.has('BRCA1 mutation') ? rng.chance(0.3) : rng.chance(0.8);
  const low = rng.chance(hr ? 0.58 : 0.35);
  if (hr) labels.add('HR-positive');
  else labels.add('triple-negative');
  if (low) labels.add('HER2-low');
  const her2 = low ? (rng.chance(0.6) ? '1+' : '2+, ISH négative') : '0';
  return `RE ${hr ? rng.int(30, 100) : 0} %, RP ${hr ? rng.int(0, 80) : 0} %, HER2 score ${her2}`;
}

function pickSites(rng: Rng, tumour: TumourType): MetastaticSite[] {
  const entries = Object.entries(tumour.sites) as Array<[MetastaticSite, number]>;
  if (entries.length === 0) return [];
  const chosen = entries.filter(([, p]) => rng.chance(p)).map(([s]) => s);
  if (chosen.length === 0) {
    let best = entries[0]!;
    for (const e of entries) if (e[1] > best[1]) best = e;
    chosen.push(best[0]);
  }
  return chosen;
}

const SPECIMENS: Partial<Record<TumourType['group'], readonly [string, string]>> = {
  breast: ['microbiopsie mammaire échoguidée', 'ultrasound-guided breast core biopsy'],
  colorectal: ['biopsies coliques per-endoscopiques', 'endoscopic colonic biopsies'],
  'gastro-oesophageal': ['biopsies per-endoscopiques', 'endoscopic biopsies'],
  'oesophageal-squamous': ['biopsies per-endoscopiques', 'endoscopic biopsies'],
  prostate: ['biopsies prostatiques échoguidées', 'ultrasound-guided prostate biopsies'],
  melanoma: ['exérèse cutanée', 'skin excision'],
  'skin-other': ['exérèse cutanée', 'skin excision'],
  glioblastoma: ['exérèse chirurgicale', 'surgical resection'],
  'head-neck': ['biopsie sous panendoscopie', 'biopsy at panendoscopy'],
  ovary: ['biopsies péritonéales cœlioscopiques', 'laparoscopic peritoneal biopsies'],
};

function specimenFor(tumour: TumourType, lang: Lang): string {
  if (tumour.liquid) return lang === 'fr' ? 'biopsie ostéomédullaire' : 'bone marrow biopsy';
  const s = SPECIMENS[tumour.group];
  if (s) return lang === 'fr' ? s[0] : s[1];
  return lang === 'fr' ? 'biopsie sous contrôle scanographique' : 'CT-guided core biopsy';
}

function overlaps(e: CatalogueEntry, fromDay: number, toDay: number): boolean {
  const opened = Date.parse(e.period.opened) / DAY_MS;
  const closed = e.period.closed ? Date.parse(e.period.closed) / DAY_MS : Infinity;
  return opened <= toDay && closed >= fromDay;
}

function acronymOf(protocolNumber: string): string {
  const e = TRIAL_ENTRIES.find((x) => x.trial.protocolNumber === protocolNumber);
  return e?.trial.acronym ?? protocolNumber;
}

function participation(
  rng: Rng,
  prov: (day: number) => Provenance,
  e: CatalogueEntry,
  labels: Set<string>,
  metDay: number,
  endDay: number,
  deceased: boolean,
): TrialParticipation {
  const t = e.trial;
  const opened = Date.parse(e.period.opened) / DAY_MS;
  const closed = e.period.closed ? Date.parse(e.period.closed) / DAY_MS : endDay;
  const lo = Math.max(metDay, opened);
  const hi = Math.max(lo, Math.min(endDay, closed));
  const biomarkerOk = t.biomarkers.length === 0 || t.biomarkers.some((l) => labels.has(l));
  let status = !biomarkerOk
    ? rng.weighted(STATUS_NO_BIOMARKER)
    : t.status === 'open' && !deceased
      ? rng.weighted(STATUS_OPEN_TRIAL)
      : rng.weighted(STATUS_CLOSED_TRIAL);
  // Nobody is on an active step of a trial that no longer recruits, or after death.
  if ((deceased || t.status !== 'open') && ACTIVE_STATUSES.includes(status) && status !== 'pre-screened') status = 'off-study';
  if (deceased && (status === 'pre-screened' || status === 'follow-up')) status = 'off-study';
  const active = ACTIVE_STATUSES.includes(status);
  const day = active ? rng.int(Math.max(lo, hi - 120), hi) : rng.int(lo, hi);
  return { protocolNumber: t.protocolNumber, status, since: iso(day), provenance: prov(day) };
}

// ---------------------------------------------------------------------------------------------
// Molecular reports

/** A report and the alteration specs it shows (for the labels clinicians then know). */
interface Reported {
  report: MolecularReport;
  specs: AlterationSpec[];
}

function tissueNgs(
  rng: Rng,
  prov: (day: number) => Provenance,
  day: number,
  panel: string,
  baseline: readonly AlterationSpec[],
  acquired: readonly AlterationSpec[],
  tmb: number,
  msiHigh: boolean,
  purity: number,
): Reported {
  const alterations: Alteration[] = [];
  for (const spec of baseline) alterations.push(toAlteration(rng, spec, purity * rng.uniform(0.35, 0.55), 1));
  for (const spec of acquired) alterations.push(toAlteration(rng, spec, purity * rng.uniform(0.1, 0.45), 1));
  const report: MolecularReport = {
    specimen: 'tissue',
    panel,
    reportedAt: iso(day),
    tmb,
    msi: msiHigh ? 'MSI-H' : 'MSS',
    alterations,
    provenance: prov(day),
  };
  return { report, specs: [...baseline, ...acquired] };
}

function ctdna(
  rng: Rng,
  prov: (day: number) => Provenance,
  day: number,
  tumour: TumourType,
  baseline: readonly AlterationSpec[],
  acquired: readonly AlterationSpec[],
  tmb: number,
  msiHigh: boolean,
  age: number,
): Reported {
  const tf = Math.min(CTDNA_TF_MAX, rng.logNormal(CTDNA_TF_MEDIAN * tumour.ctdnaShedding, CTDNA_TF_SD_LOG));
  const alterations: Alteration[] = [];
  const specs: AlterationSpec[] = [];
  for (const spec of baseline) {
    const a = detectInPlasma(rng, spec, tf, tf * rng.uniform(0.4, 0.55));
    if (a) {
      alterations.push(a);
      specs.push(spec);
    }
  }
  for (const spec of acquired) {
    const a = detectInPlasma(rng, spec, tf, tf * rng.uniform(0.05, 0.35));
    if (a) {
      alterations.push(a);
      specs.push(spec);
    }
  }
  // Clonal haematopoiesis: low-VAF DNMT3A/TET2 variants from blood cells, common after 65 —
  // a real confounder of plasma-only testing.
  if (age >= 65 && rng.chance(0.1)) {
    const chip = rng.chance(0.6) ? ALT.DNMT3A_R882H : ALT.TET2_MUT;
    if (!alterations.some((a) => a.gene === chip.gene)) alterations.push(toAlteration(rng, chip, rng.uniform(0.005, 0.03), 0));
  }
  const report: MolecularReport = {
    specimen: 'ctdna',
    panel: CTDNA_PANEL,
    reportedAt: iso(day),
    msi: msiHigh ? (tf >= 0.01 ? 'MSI-H' : 'indeterminate') : 'MSS',
    tumourFraction: Math.round(tf * 10000) / 10000,
    alterations,
    provenance: prov(day),
  };
  if (tf >= 0.01) report.tmb = round1(tmb * rng.uniform(0.8, 1.2));
  // CHIP variants are reported but are not the tumour's: they teach clinicians nothing about it.
  return { report, specs };
}

/** What a plasma assay calls, given the tumour fraction: small variants down to the LoD, copy changes only when TF is high. */
function detectInPlasma(rng: Rng, spec: AlterationSpec, tf: number, vaf: number): Alteration | undefined {
  switch (spec.alterationClass) {
    case 'amplification':
      return tf >= 0.1 ? toAlteration(rng, spec, 0, Math.min(1, tf * 1.6)) : undefined;
    case 'deletion':
      return tf >= 0.3 ? toAlteration(rng, spec, 0, 1) : undefined;
    default:
      return vaf >= CTDNA_VAF_LOD ? toAlteration(rng, spec, vaf, 1) : undefined;
  }
}

/** An alteration as a report states it; `cnScale` shrinks tissue copy number towards 2 in plasma. */
function toAlteration(rng: Rng, spec: AlterationSpec, vaf: number, cnScale: number): Alteration {
  const a: Alteration = { gene: spec.gene, alterationClass: spec.alterationClass };
  if (spec.hgvsProtein) a.hgvsProtein = spec.hgvsProtein;
  if (spec.hgvsCdna) a.hgvsCdna = spec.hgvsCdna;
  if (spec.fusionPartner) a.fusionPartner = spec.fusionPartner;
  if (spec.alterationClass === 'amplification') {
    const cn = rng.int(6, 24);
    a.copyNumber = Math.max(4, Math.round(2 + (cn - 2) * cnScale));
  } else if (spec.alterationClass === 'deletion') {
    a.copyNumber = 0;
  } else {
    a.vaf = Math.max(0.001, Math.round(vaf * 1000) / 1000);
  }
  return a;
}

// ---------------------------------------------------------------------------------------------
// Labs

interface LabPatient {
  sex: Sex;
  female: boolean;
  ageOn: (day: number) => number;
  tumour: TumourType;
  sites: readonly MetastaticSite[];
}

const CORE_LABS: readonly LabKey[] = [
  'hemoglobin',
  'leukocytes',
  'neutrophils',
  'platelets',
  'creatinine',
  'egfr',
  'alt',
  'ast',
  'bilirubinTotal',
  'alkalinePhosphatase',
  'albumin',
  'ldh',
];
const LAB_TABLE = new Map<LabKey, LoincLab>(
  [...CORE_LABS, 'psa', 'cea', 'ca125', 'ca199', 'ca153', 'tsh'].map((k) => [k as LabKey, loincByKey(k as LabKey)]),
);
const POW10 = [1, 10, 100, 1000];

/**
 * Values drift around a personal baseline: anaemia deepens and marrow reserve shrinks with each
 * line, liver metastases raise transaminases, alkaline phosphatase and bilirubin, bone metastases
 * alkaline phosphatase, and a few draws are markedly abnormal (the cases eligibility rules exist for).
 */
function makeLabs(rng: Rng, prov: (day: number) => Provenance, days: readonly number[], p: LabPatient): LabResult[] {
  const liver = p.sites.includes('liver');
  const bone = p.sites.includes('bone');
  const base = {
    hemoglobin: p.female ? rng.normal(13.0, 0.9) : rng.normal(14.2, 1.0),
    leukocytes: rng.logNormal(6.8, 0.22),
    platelets: rng.normal(260, 55),
    creatinine: rng.logNormal(p.female ? 0.74 : 0.95, 0.18),
    alt: rng.logNormal(p.female ? 18 : 24, 0.35),
    ast: rng.logNormal(p.female ? 21 : 25, 0.3),
    bilirubin: rng.logNormal(0.55, 0.35),
    alp: rng.logNormal(p.female ? 70 : 78, 0.25),
    albumin: rng.normal(4.0, 0.35),
    ldh: rng.logNormal(190, 0.25),
  };
  const markerFactor = rng.logNormal(3, 1.2); // marker level at advanced diagnosis, in multiples of the ULN
  const out: LabResult[] = [];
  days.forEach((day, i) => {
    const wear = i; // lines received so far
    const abnormal = rng.chance(0.06) ? rng.int(0, 3) : -1;
    const v: Partial<Record<LabKey, number>> = {
      hemoglobin: base.hemoglobin - 0.35 * wear + rng.normal(0, 0.5),
      leukocytes: base.leukocytes * 0.93 ** wear * rng.logNormal(1, 0.12),
      platelets: base.platelets * 0.95 ** wear * rng.logNormal(1, 0.1),
      creatinine: base.creatinine * rng.logNormal(1, 0.08),
      alt: base.alt * (liver ? 1.5 : 1) * rng.logNormal(1, 0.2),
      ast: base.ast * (liver ? 1.5 : 1) * rng.logNormal(1, 0.18),
      bilirubinTotal: base.bilirubin * (liver ? 1.3 : 1) * rng.logNormal(1, 0.15),
      alkalinePhosphatase: base.alp * (liver ? 1.6 : 1) * (bone ? 1.5 : 1) * rng.logNormal(1, 0.15),
      albumin: base.albumin - 0.08 * wear + rng.normal(0, 0.2),
      ldh: base.ldh * (1 + 0.08 * wear) * rng.logNormal(1, 0.15),
    };
    v.neutrophils = v.leukocytes! * rng.uniform(0.55, 0.7);
    if (abnormal === 0) v.neutrophils = rng.uniform(0.4, 1.4);
    if (abnormal === 1) v.platelets = rng.uniform(40, 95);
    if (abnormal === 2) v.creatinine = rng.uniform(1.6, 2.6);
    if (abnormal === 3) {
      v.alt = rng.uniform(120, 300);
      v.ast = rng.uniform(100, 250);
    }
    const sexForEgfr = p.female ? 'female' : 'male';
    v.egfr = ckdEpi2009(round(v.creatinine!, 2), p.ageOn(day), sexForEgfr);
    for (const key of p.tumour.markers) {
      const lab = LAB_TABLE.get(key)!;
      const uln = lab.range.high ?? 1;
      // High before the first line, lower on treatment, climbing again with each progression.
      const level = (i === 0 ? markerFactor : markerFactor * rng.logNormal(0.6 + 0.25 * wear, 0.5)) * uln;
      v[key] = level * (key === 'ldh' ? 0.5 : 1);
    }
    const keys: LabKey[] = [...CORE_LABS];
    for (const m of p.tumour.markers) if (!keys.includes(m)) keys.push(m);
    for (const key of keys) {
      const lab = LAB_TABLE.get(key)!;
      const value = v[key];
      if (value === undefined) continue;
      const range = referenceRange(lab, p.sex);
      const r: LabResult = {
        loinc: lab.code,
        display: lab.display,
        value: round(Math.max(value, 0), lab.decimals),
        unit: lab.unit,
        provenance: prov(day),
      };
      if (range.high !== undefined) r.upperLimitOfNormal = range.high;
      if (range.low !== undefined) r.lowerLimitOfNormal = range.low;
      out.push(r);
    }
  });
  return out;
}

function round(x: number, decimals: number): number {
  const f = POW10[decimals] ?? 10 ** decimals;
  return Math.round(x * f) / f;
}
