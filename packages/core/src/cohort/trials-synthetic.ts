/**
 * A synthetic trial portfolio at the centre's scale (DOMAIN.md: 586 active trials, ~140 of them
 * early phase), for benchmarking and property tests of the matcher.
 *
 * Each trial mixes the shapes of the catalogue's protocols: a phase (I with dose levels and
 * backfill cohorts, I/II with phase 2 cohorts, II with 1–3 cohorts, III with randomised arms),
 * a disease scope drawn like the cohort's tumour mix (one tumour type at some OncoTree depth,
 * several types, tumour-agnostic solid tumours, or a haematological disease), often a
 * biomarker drawn from that type's own alteration frequencies, and the usual clinical
 * criteria: age, ECOG, organ function with a 14- or 28-day window, prior lines and drugs,
 * exclusions, brain metastases, washout, and free text. Trees nest any / all / not and hold
 * 8–25 leaves per level.
 *
 * Deterministic: trial i depends only on (seed, i), like patient i of the cohort.
 */
import type { Criterion } from '../eligibility/criteria';
import { allOf, anyOf, isLeaf, notOf } from '../eligibility/criteria';
import type { EligibilityTrial } from '../eligibility/trial';
import type { Trial, TrialArm, TrialPhase, TrialStatus } from '../model/trial';
import type { AlterationSpec } from './alterations';
import {
  ADULT,
  MSI_HIGH,
  NO_ACTIVE_BRAIN_METASTASES,
  PD1_PDL1,
  SOLID_TUMOUR,
  age,
  amplification,
  codon,
  deletion,
  dx,
  dxAny,
  ecog,
  excludedClass,
  freeText,
  fusion,
  labAtLeast,
  labTimesUln,
  mutation,
  priorClass,
  priorLines,
  stage,
  tmbAtLeast,
  washout,
} from './criteria-leaves';
import { eligibilityTrial } from './criteria-levels';
import { TUMOUR_TABLE, TUMOUR_TYPES, type TumourType } from './frequencies';
import { Rng, mixSeed } from './random';
import {
  AGNOSTIC_BIOMARKERS,
  CLASS_FOR_GENE,
  COMPOUND_PREFIXES,
  FREE_TEXT,
  NOVEL_CLASSES,
  PHASES,
  PRIOR_CLASSES,
  type AgnosticBiomarker,
} from './trials-synthetic-tables';

export interface SyntheticTrialsOptions {
  count: number;
  seed: number;
  /** First trial index (default 0), to generate a slice of a larger portfolio. */
  start?: number;
}

export function syntheticTrials(options: SyntheticTrialsOptions): EligibilityTrial[] {
  const { count, seed, start = 0 } = options;
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a non-negative integer, got ${count}`);
  const out: EligibilityTrial[] = [];
  for (let i = start; i < start + count; i++) out.push(syntheticTrial(i, seed));
  return out;
}

/** Leaves in a tree (repeats counted), the size measure protocols are compared on. */
export function countLeaves(c: Criterion): number {
  if (isLeaf(c)) return 1;
  return c.kind === 'not' ? countLeaves(c.of) : c.of.reduce((n, x) => n + countLeaves(x), 0);
}

const LIQUID_TYPES = TUMOUR_TYPES.filter((t) => t.liquid);
/** Genes reported in most tumours or from blood cells: not what a trial selects on. */
const NOT_SELECTED = new Set(['TP53', 'APC', 'DNMT3A', 'TET2', 'TERT']);

interface Scope {
  kind: 'single' | 'multi' | 'agnostic' | 'haem';
  types: TumourType[];
  /** The OncoTree nodes the trial enrols. */
  codes: string[];
}

interface Design {
  /** Criteria every level shares, in protocol order. */
  common: Criterion[];
  /** Extra criteria per arm code. */
  perArm: Map<string, Criterion[]>;
}

function syntheticTrial(index: number, seed: number): EligibilityTrial {
  const rng = new Rng(mixSeed(seed ^ 0x7a1a15, index));
  const phase = rng.weighted(PHASES);
  const early = phase === 'I' || phase === 'I/II';
  const scope = drawScope(rng, early);
  const u = rng.next();
  const status: TrialStatus =
    u < 0.78 ? 'open' : u < 0.88 ? 'closed-to-accrual' : u < 0.92 ? 'suspended' : u < 0.96 ? 'in-preparation' : 'completed';
  const open = status === 'open';

  const biomarker = drawBiomarker(rng, scope, phase);
  const design: Design = { common: [], perArm: new Map() };
  const arms = drawArms(rng, phase, open, scope, design);
  clinicalCriteria(rng, phase, scope, biomarker, design);

  const compound = `${rng.pick(COMPOUND_PREFIXES)}-${rng.int(100, 9999)}`;
  const disease = scope.kind === 'agnostic' ? 'advanced solid tumours' : scope.codes.join(', ');
  const trial: Trial = {
    protocolNumber: `SYN-${seed}-${String(index + 1).padStart(4, '0')}`,
    title: `${compound} in ${disease}${biomarker ? ` selected on ${biomarker.label}` : ''} (phase ${phase}, synthetic)`,
    phase,
    status,
    sponsor: 'Synthetic sponsor',
    committee: early ? 'Early phase (DITEP)' : 'Synthetic committee',
    oncotreeCodes: scope.kind === 'agnostic' ? [] : scope.codes,
    biomarkers: biomarker ? [biomarker.label] : [],
    arms,
  };
  return eligibilityTrial(trial, (arm) => allOf(...design.common, ...(design.perArm.get(arm.code) ?? [])));
}

function drawScope(rng: Rng, early: boolean): Scope {
  const u = rng.next();
  if (u < 0.06) {
    const t = rng.pick(LIQUID_TYPES);
    return { kind: 'haem', types: [t], codes: [rng.chance(0.7) ? t.code : t.lineage[1]!] };
  }
  if (u < 0.06 + (early ? 0.3 : 0.06)) return { kind: 'agnostic', types: [], codes: ['_SOLID_'] };
  const first = solidType(rng);
  if (rng.chance(0.1)) {
    const types = [first];
    const k = rng.int(2, 3);
    for (let tries = 0; types.length < k && tries < 20; tries++) {
      const t = solidType(rng);
      if (!types.some((x) => x.group === t.group)) types.push(t);
    }
    return { kind: 'multi', types, codes: types.map((t) => diseaseCode(rng, t)) };
  }
  return { kind: 'single', types: [first], codes: [diseaseCode(rng, first)] };
}

function solidType(rng: Rng): TumourType {
  for (;;) {
    const t = rng.weighted(TUMOUR_TABLE);
    if (!t.liquid) return t;
  }
}

/** The node a trial names: the exact type, its parent (most often), or the whole tissue. */
function diseaseCode(rng: Rng, t: TumourType): string {
  const u = rng.next();
  if (u < 0.35 || t.lineage.length === 1) return t.code;
  if (u < 0.85) return t.lineage[1]!;
  return t.lineage[t.lineage.length - 1]!;
}

interface Biomarker {
  criterion: Criterion;
  label: string;
  gene?: string;
}

function drawBiomarker(rng: Rng, scope: Scope, phase: TrialPhase): Biomarker | undefined {
  const p =
    scope.kind === 'agnostic' ? 0.7 : scope.kind === 'haem' ? 0.25 : phase === 'I' || phase === 'I/II' ? 0.6 : phase === 'II' ? 0.5 : 0.3;
  if (!rng.chance(p)) return undefined;
  if (scope.kind === 'agnostic') {
    const options = rng.weighted(AGNOSTIC_BIOMARKERS);
    const parts = options.map(agnosticCriterion);
    const first = options[0]!;
    return {
      criterion: parts.length === 1 ? parts[0]! : anyOf(...parts),
      label: options.map(agnosticLabel).join(' or '),
      ...('gene' in first ? { gene: first.gene } : {}),
    };
  }
  const type = rng.pick(scope.types);
  if (type.msiHigh >= 0.03 && rng.chance(0.15)) return { criterion: MSI_HIGH, label: 'MSI-H' };
  const specs = selectable(type);
  if (specs.length === 0) return undefined;
  const spec = pickWeighted(rng, specs);
  let criterion = specCriterion(rng, spec);
  const sameGene = specs.filter((s) => s.spec.gene === spec.gene && s.spec !== spec);
  if (sameGene.length > 0 && rng.chance(0.35)) criterion = anyOf(criterion, specCriterion(rng, pickWeighted(rng, sameGene)));
  else if (rng.chance(0.15)) {
    // Co-alteration exclusion, e.g. "no concurrent KRAS mutation".
    criterion = allOf(criterion, notOf(mutation(spec.gene === 'KRAS' ? 'EGFR' : 'KRAS')));
  }
  return { criterion, label: `${spec.gene} ${spec.alterationClass}`, gene: spec.gene };
}

/** The type's alterations a trial could select on, with their prevalence. */
function selectable(t: TumourType): Array<{ spec: AlterationSpec; p: number }> {
  const out: Array<{ spec: AlterationSpec; p: number }> = [];
  for (const group of t.alterations) {
    for (const [choice, p] of group) {
      const list: readonly AlterationSpec[] = Array.isArray(choice) ? (choice as readonly AlterationSpec[]) : [choice as AlterationSpec];
      for (const spec of list) if (!NOT_SELECTED.has(spec.gene)) out.push({ spec, p: p / list.length });
    }
  }
  return out;
}

function pickWeighted(rng: Rng, items: Array<{ spec: AlterationSpec; p: number }>): AlterationSpec {
  const total = items.reduce((s, x) => s + x.p, 0);
  let u = rng.next() * total;
  for (const x of items) {
    if (u < x.p) return x.spec;
    u -= x.p;
  }
  return items[items.length - 1]!.spec;
}

/** An alteration as a protocol would ask for it: the exact change, its codon, or the gene. */
function specCriterion(rng: Rng, spec: AlterationSpec): Criterion {
  switch (spec.alterationClass) {
    case 'mutation': {
      const u = rng.next();
      const substitution = spec.hgvsProtein ? /^p\.([A-Z])(\d+)[A-Z]$/.exec(spec.hgvsProtein) : null;
      if (spec.hgvsProtein && u < 0.45) return mutation(spec.gene, spec.hgvsProtein);
      if (substitution && u < 0.7) return codon(spec.gene, `p.${substitution[1]}${substitution[2]}`);
      return mutation(spec.gene);
    }
    case 'amplification':
      return amplification(spec.gene);
    case 'deletion':
      return deletion(spec.gene);
    default:
      return fusion(spec.gene, spec.fusionPartner && rng.chance(0.2) ? spec.fusionPartner : undefined);
  }
}

function agnosticCriterion(b: AgnosticBiomarker): Criterion {
  switch (b.kind) {
    case 'protein':
      return mutation(b.gene, b.protein);
    case 'codon':
      return codon(b.gene, b.codon);
    case 'gene':
      return mutation(b.gene);
    case 'amp':
      return amplification(b.gene);
    case 'del':
      return deletion(b.gene);
    case 'fusion':
      return fusion(b.gene);
    case 'msi':
      return MSI_HIGH;
    case 'tmb':
      return tmbAtLeast(b.value);
  }
}

function agnosticLabel(b: AgnosticBiomarker): string {
  switch (b.kind) {
    case 'protein':
      return `${b.gene} ${b.protein}`;
    case 'codon':
      return `${b.gene} ${b.codon}`;
    case 'gene':
      return `${b.gene} mutation`;
    case 'amp':
      return `${b.gene} amplification`;
    case 'del':
      return `${b.gene} deletion`;
    case 'fusion':
      return `${b.gene} fusion`;
    case 'msi':
      return 'MSI-H';
    case 'tmb':
      return `TMB ≥ ${b.value}`;
  }
}

// ---- Arms ----------------------------------------------------------------------------------

function arm(code: string, name: string, kind: TrialArm['kind'], status: TrialArm['status'], total: number, used: number): TrialArm {
  return { code, name, kind, status, slotsTotal: total, slotsUsed: Math.min(used, total) };
}

/** A cohort or arm of an open trial: mostly open, sometimes full (waitlist) or closed. */
function cohortStatus(rng: Rng, open: boolean, total: number): { status: TrialArm['status']; used: number } {
  if (!open) return { status: 'closed', used: total };
  const u = rng.next();
  if (u < 0.78) return { status: 'open', used: rng.int(0, total - 1) };
  if (u < 0.9) return { status: 'open', used: total };
  return { status: 'closed', used: rng.int(0, total) };
}

function drawArms(rng: Rng, phase: TrialPhase, open: boolean, scope: Scope, design: Design): TrialArm[] {
  const arms: TrialArm[] = [];
  if (phase === 'I' || phase === 'I/II') {
    const n = phase === 'I' ? rng.int(3, 6) : rng.int(3, 4);
    // Escalation: levels below the open one are full, those above not yet opened.
    const openAt = phase === 'I' && open ? rng.int(0, n - 1) : n;
    for (let k = 0; k < n; k++) {
      const size = k < 2 ? 3 : 6;
      // A finished escalation (phase I/II, or a closed trial) has every level full and closed.
      if (k < openAt || !open || phase === 'I/II') arms.push(arm(`DL${k + 1}`, `dose level ${k + 1}`, 'dose-level', 'closed', size, size));
      else if (k === openAt) arms.push(arm(`DL${k + 1}`, `dose level ${k + 1}`, 'dose-level', 'open', size, rng.int(0, size - 1)));
      else arms.push(arm(`DL${k + 1}`, `dose level ${k + 1}`, 'dose-level', 'closed', size, 0));
    }
    const cohorts = phase === 'I/II' ? rng.int(1, 3) : rng.chance(0.4) ? rng.int(1, 2) : 0;
    for (let c = 0; c < cohorts; c++) {
      const code = phase === 'I/II' ? `P2-${c + 1}` : `EXP-${c + 1}`;
      const total = phase === 'I/II' ? rng.int(30, 80) : rng.int(10, 20);
      const s = cohortStatus(rng, open, total);
      arms.push(arm(code, phase === 'I/II' ? `phase 2 cohort ${c + 1}` : `expansion cohort ${c + 1}`, 'cohort', s.status, total, s.used));
      narrowCohort(rng, code, c, scope, design);
    }
    return arms;
  }
  if (phase === 'II') {
    const cohorts = scope.kind === 'multi' ? scope.codes.length : rng.int(1, 3);
    for (let c = 0; c < cohorts; c++) {
      const code = `C${c + 1}`;
      const total = rng.int(20, 80);
      const s = cohortStatus(rng, open, total);
      arms.push(arm(code, `cohort ${c + 1}`, 'cohort', s.status, total, s.used));
      if (cohorts > 1) narrowCohort(rng, code, c, scope, design);
    }
    return arms;
  }
  const n = rng.chance(0.15) ? 3 : 2;
  for (let a = 0; a < n; a++) {
    const total = rng.int(10, 60);
    const s = cohortStatus(rng, open, total);
    arms.push(
      arm(String.fromCharCode(65 + a), a === n - 1 ? 'standard of care' : `experimental arm ${a + 1}`, 'arm', s.status, total, s.used),
    );
  }
  return arms;
}

/** What distinguishes one cohort from its siblings: its disease, or its prior immunotherapy. */
function narrowCohort(rng: Rng, code: string, c: number, scope: Scope, design: Design): void {
  if (scope.kind === 'multi') {
    design.perArm.set(code, [dx(scope.codes[c % scope.codes.length]!)]);
    return;
  }
  if (scope.kind === 'agnostic' && rng.chance(0.6)) {
    const t = solidType(rng);
    design.perArm.set(code, [dx(diseaseCode(rng, t))]);
    return;
  }
  design.perArm.set(code, c % 2 === 0 ? [priorClass(...PD1_PDL1)] : [excludedClass(...PD1_PDL1, 'anti-CTLA-4')]);
}

// ---- Clinical criteria -----------------------------------------------------------------------

/**
 * The shared clause: a core every protocol has (age, disease, biomarker, ECOG, organ function,
 * lines), then optional criteria until the trial's size is reached (10–22 leaves; cohorts add
 * up to 3), padded with free text to at least 8.
 */
function clinicalCriteria(rng: Rng, phase: TrialPhase, scope: Scope, biomarker: Biomarker | undefined, design: Design): void {
  const early = phase === 'I' || phase === 'I/II';
  const haem = scope.kind === 'haem';
  const group = scope.types[0]?.group;
  const core: Criterion[] = [];
  const optional: Criterion[] = [];

  core.push(scope.kind === 'agnostic' && rng.chance(0.1) ? age('>=', 12) : ADULT);
  if (rng.chance(0.05)) core.push(age('<=', 75));
  core.push(scope.kind === 'multi' ? dxAny(...scope.codes) : scope.kind === 'agnostic' ? SOLID_TUMOUR : dx(scope.codes[0]!));
  if (scope.kind === 'agnostic' && rng.chance(0.35))
    core.push(notOf(dxAny(...rng.sample(['GB', 'COADREAD', 'NSCLC', 'PRAD', 'BREAST'], rng.int(1, 2)))));
  if (biomarker) core.push(biomarker.criterion);
  else if (group && DRIVER_EXCLUSIONS[group] && rng.chance(0.5)) {
    // Unselected trials often exclude the tumours a targeted drug serves better.
    core.push(...DRIVER_EXCLUSIONS[group]!.map((c) => notOf(c)));
  }
  core.push(ecog(early || rng.chance(0.6) ? 1 : 2, rng.chance(0.2) ? 28 : undefined));

  // Organ function: the freshness window is the protocol's screening window.
  const w = early ? 14 : rng.chance(0.6) ? 28 : 14;
  core.push(labAtLeast('neutrophils', haem ? 1.0 : 1.5, w), labAtLeast('platelets', haem ? 50 : rng.pick([75, 100, 100]), w));
  const labs: Criterion[] = [
    labAtLeast('hemoglobin', rng.pick([8, 9, 9]), w),
    rng.chance(0.2) ? labAtLeast('egfr', rng.pick([30, 45, 60]), w) : labTimesUln('creatinine', 1.5, w),
    labTimesUln('bilirubinTotal', 1.5, w),
    labTimesUln('ast', rng.pick([2.5, 3]), w),
    labTimesUln('alt', rng.pick([2.5, 3]), w),
  ];

  // Lines: first-line phase III trials, otherwise previously treated.
  const firstLine = !early && rng.chance(phase === 'III' ? 0.4 : 0.12);
  core.push(firstLine ? priorLines('==', 0) : priorLines('>=', early && rng.chance(0.5) ? 2 : 1));
  if (!firstLine && rng.chance(0.15)) optional.push(priorLines('<=', 3));

  const classes = group ? PRIOR_CLASSES[group] : ['platinum', 'taxane'];
  if (!firstLine && classes.length > 0) {
    const u = rng.next();
    if (u < 0.45) core.push(priorClass(rng.pick(classes)));
    else if (u < 0.7 && classes.length > 1) {
      const [a, b] = rng.sample(classes, 2);
      core.push(anyOf(priorClass(a!), priorClass(b!)));
    } else if (u < 0.8 && classes.length > 1) core.push(...rng.sample(classes, 2).map((c) => priorClass(c)));
  }
  const own = biomarker?.gene ? CLASS_FOR_GENE[biomarker.gene] : undefined;
  if (own && rng.chance(0.8)) core.push(excludedClass(own));

  optional.push(...labs);
  if (rng.chance(0.3)) optional.push(excludedClass(rng.pick(NOVEL_CLASSES)));
  const conditional = CONDITIONAL[group ?? ''];
  if (conditional && !firstLine && rng.chance(0.25)) optional.push(anyOf(notOf(conditional[0]), priorClass(conditional[1])));
  if (!haem && rng.chance(0.3)) optional.push(NO_ACTIVE_BRAIN_METASTASES);
  else if (!haem && rng.chance(0.05)) optional.push({ kind: 'brainMetastases', present: false });
  if (early ? rng.chance(0.9) : rng.chance(0.3)) optional.push(washout(rng.pick(early ? [21, 28] : [14, 21, 28])));
  if (group === 'breast' && rng.chance(0.2)) optional.push({ kind: 'sex', sex: 'female' });
  if (scope.kind === 'single' && phase === 'III' && rng.chance(0.08)) optional.push(stage('III', 'IV'));
  if (rng.chance(0.12)) optional.push({ kind: 'measurableDisease', present: true });
  const texts = rng.next() < 0.45 ? 0 : rng.chance(0.73) ? 1 : 2;
  optional.push(...rng.sample(FREE_TEXT, texts).map(freeText));

  const common = [...core];
  let leaves = common.reduce((n, c) => n + countLeaves(c), 0);
  const target = rng.int(10, 22);
  for (const c of optional) {
    const n = countLeaves(c);
    if (leaves + n > target) continue;
    common.push(c);
    leaves += n;
  }
  for (const text of FREE_TEXT) {
    if (leaves >= 8) break;
    if (common.some((c) => c.kind === 'freeText' && c.text === text)) continue;
    common.push(freeText(text));
    leaves++;
  }
  design.common = common;
}

/** Drivers an unselected trial of the group excludes ("no EGFR mutation or ALK fusion", "RAS wild-type"...). */
const DRIVER_EXCLUSIONS: Readonly<Record<string, readonly Criterion[]>> = {
  nsclc: [mutation('EGFR'), fusion('ALK')],
  colorectal: [mutation('KRAS'), mutation('NRAS')],
  breast: [amplification('ERBB2')],
  melanoma: [codon('BRAF', 'p.V600')],
  'gastro-oesophageal': [amplification('ERBB2')],
};

/** "Patients with X must have received Y": [X, Y] by tumour group. */
const CONDITIONAL: Readonly<Record<string, readonly [Criterion, string]>> = {
  nsclc: [mutation('EGFR', 'p.L858R'), 'EGFR TKI'],
  melanoma: [codon('BRAF', 'p.V600'), 'BRAF inhibitor'],
  breast: [amplification('ERBB2'), 'anti-HER2'],
  ovary: [mutation('BRCA1'), 'PARP inhibitor'],
  colorectal: [codon('BRAF', 'p.V600'), 'BRAF inhibitor'],
};
