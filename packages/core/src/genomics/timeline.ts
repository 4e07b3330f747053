/**
 * A patient's genomic timeline: every sample (tissue and ctDNA) in date order with its tumour
 * fraction, each alteration's series across the samples, the lines of therapy as intervals, and
 * for each line that ended in progression the comparison of the sample before it (baseline)
 * with the samples at its progression: alterations acquired and lost, each acquired one
 * classified as a possible resistance mechanism — always "needs review" (the MTB confirms).
 *
 * "Absent" is never inferred from silence. In each sample an alteration is `detected`,
 * `not_detected`, `not_covered` (the panel does not study the gene) or
 * `uninformative_low_tumour_fraction` (a ctDNA sample whose tumour fraction is too low for a
 * negative to mean anything) — panels.ts `geneResult`. Only an informative negative before the
 * line makes a later finding "acquired", and only informative negatives at progression make a
 * baseline finding "lost".
 */
import type { Alteration, Drug } from '../model/patient';
import { alterationIdentity, alterationLabel, queryFromAlteration } from './alteration-query';
import { flagsFor, type Flag } from './flags';
import type { EvidenceItem, KnowledgeBase, TumourRelation } from './knowledge-base';
import { DEFAULT_MIN_TUMOUR_FRACTION, geneResult, type GeneResult, type PanelDefinition } from './panels';
import { classifyAcquiredAlteration, type ResistanceCall, type ResistanceMechanism, type ResistanceReferenceRow } from './resistance';
import { principalDrug, targetLabel, targetOfDrugClass } from './therapy-targets';
import type { QueryAlteration } from './variant-spec';

// ---------------------------------------------------------------------------------------------
// Input

export interface TimelineAlteration extends Alteration {
  /** The stored row's id (reviews and atlas cases point at it). */
  id: string;
}

export interface TimelineSampleInput {
  id: string;
  specimen: 'tissue' | 'ctdna';
  panel: string;
  /** ISO date of the report (the sample's date on the timeline). */
  reportedAt: string;
  tumourFraction?: number;
  tmb?: number;
  msi?: string;
  alterations: readonly TimelineAlteration[];
}

export interface TimelineLineInput {
  id: string;
  lineNumber: number;
  setting: string;
  drugs: readonly Drug[];
  startedAt: string;
  endedAt?: string;
  stopReason?: string;
  bestResponse?: string;
}

export interface GenomicTimelineInput {
  /** The primary tumour's OncoTree code: CIViC evidence is read for it. */
  tumourType?: string;
  samples: readonly TimelineSampleInput[];
  lines: readonly TimelineLineInput[];
}

/** Where samples must fall, in days, to count as a line's baseline or its progression. */
export interface ComparisonWindows {
  /** A sample up to this many days after a line starts still counts as its baseline (results often follow the first dose). */
  baselineGraceDays: number;
  /** A sample this many days before a line's end already counts as at progression (progression is seen, then the drug stopped). */
  progressionLeadDays: number;
  /** Without a next line, samples this many days after the end still count as at progression. */
  lastLineFollowUpDays: number;
}

export const DEFAULT_COMPARISON_WINDOWS: ComparisonWindows = {
  baselineGraceDays: 30,
  progressionLeadDays: 14,
  lastLineFollowUpDays: 180,
};

export interface GenomicTimelineOptions {
  /** Parsed data/genomics/acquired_resistance_reference.tsv. */
  reference: readonly ResistanceReferenceRow[];
  /** When given (with the input's tumour type), CIViC resistance evidence is read too. */
  kb?: KnowledgeBase;
  /** Panel definitions by the report's panel name; an unknown panel is taken to cover every gene (`coverageAssumed`). */
  panels?: (panelName: string) => PanelDefinition | undefined;
  windows?: Partial<ComparisonWindows>;
  /** false: skip the per-sample series (the atlas needs only the comparisons). */
  series?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Output

export interface TimelineSample {
  id: string;
  specimen: 'tissue' | 'ctdna';
  panel: string;
  reportedAt: string;
  tumourFraction?: number;
  tmb?: number;
  msi?: string;
  /** Whether a negative in this sample means "not detected": false for ctDNA below the panel's minimum tumour fraction. */
  informative: boolean;
  /** Whether the panel's gene list is known (else every gene is assumed covered). */
  panelKnown: boolean;
  alterationCount: number;
}

export interface SeriesPoint {
  sampleId: string;
  reportedAt: string;
  specimen: 'tissue' | 'ctdna';
  state: GeneResult;
  vaf?: number;
  copyNumber?: number;
  /** The row in this sample, when detected. */
  alterationId?: string;
  /** The sample's panel is not known: "not covered" could not be checked. */
  coverageAssumed: boolean;
}

export interface AlterationSeries {
  key: string;
  gene: string;
  label: string;
  alterationClass: Alteration['alterationClass'];
  /** One point per sample, in the samples' order. */
  points: SeriesPoint[];
  detectedIn: number;
  /** Germline / clonal-haematopoiesis flags raised by any detection (one per kind). */
  flags: Flag[];
}

export interface TherapyInterval {
  id: string;
  lineNumber: number;
  setting: string;
  /** Drug names joined with " + ". */
  label: string;
  drugs: Drug[];
  startedAt: string;
  endedAt?: string;
  stopReason?: string;
  bestResponse?: string;
  /** Class and target of the line's principal drug (therapy-targets.ts). */
  drugClass: string;
  target: string;
}

export interface ResistanceEvidence {
  id?: string;
  url?: string;
  level: string;
  therapies: string[];
  alteration: string;
  disease: string;
  relation: TumourRelation;
  citations: string[];
}

export type AcquiredMechanism = ResistanceMechanism | 'unclassified';

export interface AcquiredAlteration {
  key: string;
  gene: string;
  label: string;
  alterationClass: Alteration['alterationClass'];
  /** The row in the first progression sample that shows it. */
  alterationId: string;
  /** Progression samples that show it. */
  sampleIds: string[];
  vaf?: number;
  copyNumber?: number;
  /** Its state in the baseline sample. */
  baselineState: GeneResult;
  /** Some sample up to the baseline tested it informatively and did not find it. */
  baselineInformative: boolean;
  /** The line (and drug) it is read as resistance to: the one whose drug a reference row names, else the line that progressed. */
  attribution: { lineId: string; lineNumber: number; drug?: Drug; drugClass: string; target: string };
  mechanism: AcquiredMechanism;
  /** The reference table's finer class (on_target_secondary, bypass_rtk …) when a row matched. */
  mechanismClass?: string;
  /** What the mechanism rests on: a reference row, CIViC resistance evidence (mechanism inferred from the drug's target), or nothing. */
  mechanismSource: 'reference' | 'civic' | 'none';
  calls: ResistanceCall[];
  civic: ResistanceEvidence[];
  flags: Flag[];
  status: 'needs review';
}

export interface LostAlteration {
  key: string;
  gene: string;
  label: string;
  alterationClass: Alteration['alterationClass'];
  baselineAlterationId: string;
  /** Copy-number changes need a higher tumour fraction in plasma than small variants: a ctDNA miss proves less. */
  caveat?: string;
}

export interface LineComparison {
  lineId: string;
  lineNumber: number;
  label: string;
  baselineSampleId: string | null;
  progressionSampleIds: string[];
  /** Lines received between the baseline sample and the progression (this one last). */
  exposureLineIds: string[];
  acquired: AcquiredAlteration[];
  lost: LostAlteration[];
  /** Alterations found both before and at progression. */
  persistent: number;
  note?: string;
}

export interface GenomicTimeline {
  samples: TimelineSample[];
  series: AlterationSeries[];
  lines: TherapyInterval[];
  comparisons: LineComparison[];
  windows: ComparisonWindows;
}

// ---------------------------------------------------------------------------------------------

const DAY_MS = 86_400_000;
const SPECIMEN_ORDER = { tissue: 0, ctdna: 1 } as const;
const dayOf = (iso: string): number => Math.floor(Date.parse(iso.slice(0, 10)) / DAY_MS);

/** Lines whose end is a progression: stopped for it, or completed (a later line or sample means the disease came back). */
function endsInProgression(line: TimelineLineInput): boolean {
  if (line.endedAt === undefined) return false;
  if (line.stopReason === undefined) return true;
  return /progress|complet|relapse/i.test(line.stopReason);
}

interface Indexed {
  sample: TimelineSampleInput;
  day: number;
  byKey: Map<string, TimelineAlteration>;
  panel: PanelDefinition | undefined;
}

export function buildGenomicTimeline(input: GenomicTimelineInput, options: GenomicTimelineOptions): GenomicTimeline {
  const windows: ComparisonWindows = { ...DEFAULT_COMPARISON_WINDOWS, ...options.windows };
  const indexed: Indexed[] = [...input.samples]
    .map((sample) => ({
      sample,
      day: dayOf(sample.reportedAt),
      byKey: new Map(sample.alterations.map((a) => [alterationIdentity(a), a] as const)),
      panel: options.panels?.(sample.panel),
    }))
    // Same day: tissue before plasma, then by id, so the order never depends on the input's.
    .sort(
      (a, b) =>
        a.day - b.day || SPECIMEN_ORDER[a.sample.specimen] - SPECIMEN_ORDER[b.sample.specimen] || a.sample.id.localeCompare(b.sample.id),
    );

  const minTf = (x: Indexed) => x.panel?.minTumourFraction ?? DEFAULT_MIN_TUMOUR_FRACTION;
  const samples: TimelineSample[] = indexed.map((x) => ({
    id: x.sample.id,
    specimen: x.sample.specimen,
    panel: x.sample.panel,
    reportedAt: x.sample.reportedAt,
    ...(x.sample.tumourFraction !== undefined ? { tumourFraction: x.sample.tumourFraction } : {}),
    ...(x.sample.tmb !== undefined ? { tmb: x.sample.tmb } : {}),
    ...(x.sample.msi !== undefined ? { msi: x.sample.msi } : {}),
    informative: x.sample.specimen !== 'ctdna' || x.sample.tumourFraction === undefined || x.sample.tumourFraction >= minTf(x),
    panelKnown: x.panel !== undefined,
    alterationCount: x.sample.alterations.length,
  }));

  /** The state of one alteration in one sample, through the panels' coverage logic. */
  const stateIn = (x: Indexed, key: string, gene: string): { state: GeneResult; assumed: boolean } => {
    if (x.byKey.has(key)) return { state: 'detected', assumed: false };
    // An unknown panel is assumed to cover the gene (as matching assumes when reports list no genes).
    const panel = x.panel ?? { name: x.sample.panel, genes: [gene], specimen: x.sample.specimen };
    const context = {
      specimen: x.sample.specimen,
      ...(x.sample.tumourFraction !== undefined ? { tumourFraction: x.sample.tumourFraction } : {}),
    };
    return { state: geneResult(panel, gene, [], context), assumed: x.panel === undefined };
  };

  // --- Series: every distinct alteration, a point in every sample ------------------------------
  const firstSeen = new Map<string, { alteration: TimelineAlteration; order: number }>();
  indexed.forEach((x, i) => {
    for (const [key, a] of x.byKey) if (!firstSeen.has(key)) firstSeen.set(key, { alteration: a, order: i });
  });
  const series: AlterationSeries[] = (options.series === false ? [] : [...firstSeen.entries()])
    .sort(([, a], [, b]) => a.order - b.order || a.alteration.gene.localeCompare(b.alteration.gene))
    .map(([key, { alteration }]) => {
      const flags = new Map<string, Flag>();
      const points = indexed.map((x): SeriesPoint => {
        const { state, assumed } = stateIn(x, key, alteration.gene);
        const hit = x.byKey.get(key);
        if (hit) {
          const query = queryFromAlteration(hit);
          for (const f of flagsFor({
            gene: hit.gene,
            kind: hit.alterationClass,
            ...(hit.vaf !== undefined ? { vaf: hit.vaf } : {}),
            ...(query.protein ? { protein: query.protein } : {}),
            specimen: x.sample.specimen,
          }))
            if (!flags.has(f.kind)) flags.set(f.kind, f);
        }
        return {
          sampleId: x.sample.id,
          reportedAt: x.sample.reportedAt,
          specimen: x.sample.specimen,
          state,
          ...(hit?.vaf !== undefined ? { vaf: hit.vaf } : {}),
          ...(hit?.copyNumber !== undefined ? { copyNumber: hit.copyNumber } : {}),
          ...(hit ? { alterationId: hit.id } : {}),
          coverageAssumed: assumed,
        };
      });
      return {
        key,
        gene: alteration.gene,
        label: alterationLabel(alteration),
        alterationClass: alteration.alterationClass,
        points,
        detectedIn: points.filter((p) => p.state === 'detected').length,
        flags: [...flags.values()],
      };
    });

  // --- Lines ---------------------------------------------------------------------------------
  const sortedLines = [...input.lines].sort((a, b) => dayOf(a.startedAt) - dayOf(b.startedAt) || a.lineNumber - b.lineNumber);
  const lines: TherapyInterval[] = sortedLines.map((l) => {
    const principal = principalDrug(l.drugs);
    return {
      id: l.id,
      lineNumber: l.lineNumber,
      setting: l.setting,
      label: l.drugs.length > 0 ? l.drugs.map((d) => d.name).join(' + ') : '(no drugs recorded)',
      drugs: [...l.drugs],
      startedAt: l.startedAt,
      ...(l.endedAt !== undefined ? { endedAt: l.endedAt } : {}),
      ...(l.stopReason !== undefined ? { stopReason: l.stopReason } : {}),
      ...(l.bestResponse !== undefined ? { bestResponse: l.bestResponse } : {}),
      drugClass: principal?.drugClass ?? 'none',
      target: principal ? targetLabel(principal) : 'none',
    };
  });

  // --- Baseline vs progression, per line -----------------------------------------------------
  const comparisons: LineComparison[] = [];
  sortedLines.forEach((line, li) => {
    if (!endsInProgression(line)) return;
    const start = dayOf(line.startedAt);
    const end = dayOf(line.endedAt!);
    const next = sortedLines[li + 1];
    const windowEnd = next ? dayOf(next.startedAt) + windows.baselineGraceDays : end + windows.lastLineFollowUpDays;
    const baselineIndex = lastIndex(
      indexed,
      (x) => x.day <= start + windows.baselineGraceDays && x.day <= end - windows.progressionLeadDays,
    );
    const progression = indexed.filter(
      (x, i) => i > baselineIndex && x.day > end - windows.progressionLeadDays && x.day <= windowEnd && x.day >= start,
    );
    if (progression.length === 0) return;
    const label = lines[li]!.label;
    if (baselineIndex < 0) {
      comparisons.push({
        lineId: line.id,
        lineNumber: line.lineNumber,
        label,
        baselineSampleId: null,
        progressionSampleIds: progression.map((x) => x.sample.id),
        exposureLineIds: [line.id],
        acquired: [],
        lost: [],
        persistent: 0,
        note: 'no sample before this line: acquired and lost alterations cannot be told',
      });
      return;
    }
    const baseline = indexed[baselineIndex]!;
    const before = indexed.slice(0, baselineIndex + 1);
    // This line and the earlier ones still running after the baseline sample; a next line begun
    // before the progression sample was drawn is not what the disease progressed on.
    const exposure = sortedLines.slice(0, li + 1).filter((l) => l.endedAt === undefined || dayOf(l.endedAt) >= baseline.day);
    const newestFirst = [...exposure].reverse();
    const baselineContext: QueryAlteration[] = before.flatMap((x) => x.sample.alterations.map(queryFromAlteration));

    const acquired: AcquiredAlteration[] = [];
    const seen = new Set<string>();
    let persistent = 0;
    for (const x of progression) {
      for (const [key, a] of x.byKey) {
        if (seen.has(key)) continue;
        seen.add(key);
        if (before.some((b) => b.byKey.has(key))) {
          persistent++;
          continue;
        }
        const states = before.map((b) => stateIn(b, key, a.gene).state);
        const context = x.sample.alterations.filter((o) => o !== a).map(queryFromAlteration);
        acquired.push(
          classify(a, key, {
            progression,
            baselineState: states[states.length - 1]!,
            baselineInformative: states.includes('not_detected'),
            newestFirst,
            progressed: line,
            baselineContext,
            context,
            specimen: x.sample.specimen,
            tumourType: input.tumourType,
            options,
          }),
        );
      }
    }

    const lost: LostAlteration[] = [];
    for (const [key, a] of baseline.byKey) {
      if (progression.some((x) => x.byKey.has(key))) continue;
      const states = progression.map((x) => stateIn(x, key, a.gene).state);
      if (!states.includes('not_detected')) continue;
      const copyNumber = a.alterationClass === 'amplification' || a.alterationClass === 'deletion';
      const plasmaOnly = progression.every((x) => x.sample.specimen === 'ctdna');
      lost.push({
        key,
        gene: a.gene,
        label: alterationLabel(a),
        alterationClass: a.alterationClass,
        baselineAlterationId: a.id,
        ...(copyNumber && plasmaOnly
          ? { caveat: 'copy-number changes need a higher tumour fraction in plasma than small variants; confirm on tissue' }
          : {}),
      });
    }

    comparisons.push({
      lineId: line.id,
      lineNumber: line.lineNumber,
      label,
      baselineSampleId: baseline.sample.id,
      progressionSampleIds: progression.map((x) => x.sample.id),
      exposureLineIds: exposure.map((l) => l.id),
      acquired,
      lost,
      persistent,
    });
  });

  return { samples, series, lines, comparisons, windows };
}

function lastIndex<T>(items: readonly T[], predicate: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (predicate(items[i]!)) return i;
  return -1;
}

interface ClassifyContext {
  progression: readonly Indexed[];
  baselineState: GeneResult;
  baselineInformative: boolean;
  /** Lines received since the baseline, the one that progressed first. */
  newestFirst: readonly TimelineLineInput[];
  progressed: TimelineLineInput;
  baselineContext: readonly QueryAlteration[];
  /** The progression sample's other alterations (compound CIViC variants). */
  context: readonly QueryAlteration[];
  specimen: 'tissue' | 'ctdna';
  tumourType: string | undefined;
  options: GenomicTimelineOptions;
}

/**
 * Reads an acquired alteration as resistance to the newest drug a reference row names for it;
 * without a row, to a drug CIViC records resistance to (on target when the alteration is in the
 * drug's target genes, else bypass); else it stays unclassified, on the line that progressed.
 */
function classify(a: TimelineAlteration, key: string, c: ClassifyContext): AcquiredAlteration {
  const q = queryFromAlteration(a);
  let attributed: { line: TimelineLineInput; drug: Drug } | undefined;
  let calls: ResistanceCall[] = [];
  search: for (const line of c.newestFirst) {
    for (const drug of line.drugs) {
      const found = classifyAcquiredAlteration(q, c.options.reference, { priorTherapies: [drug.name], baseline: c.baselineContext });
      if (found.length > 0) {
        attributed = { line, drug };
        calls = found;
        break search;
      }
    }
  }

  const shownIn = c.progression.filter((x) => x.byKey.has(key));
  const first = shownIn[0]!.byKey.get(key)!;
  const flags = flagsFor({
    gene: a.gene,
    kind: a.alterationClass,
    ...(first.vaf !== undefined ? { vaf: first.vaf } : {}),
    ...(q.protein ? { protein: q.protein } : {}),
    specimen: shownIn.every((x) => x.sample.specimen === 'ctdna') ? 'ctdna' : 'tissue',
  });
  const possibleCh = flags.some((f) => f.kind === 'possible_clonal_haematopoiesis');
  const civic = resistanceEvidence(q, c);
  let mechanism: AcquiredMechanism = 'unclassified';
  let source: AcquiredAlteration['mechanismSource'] = 'none';
  if (attributed) {
    mechanism = calls[0]!.mechanism;
    source = 'reference';
  } else if (civic.items.length > 0 && civic.drug && !possibleCh) {
    // A plasma variant of a clonal-haematopoiesis gene is more likely the blood's than the
    // tumour's: CIViC items are listed, but no mechanism is inferred from them.
    attributed = civic.drug;
    const genes = targetOfDrugClass(civic.drug.drug.drugClass)?.genes ?? [];
    const altGenes = [q.gene, q.gene5, q.gene3].filter((g): g is string => g !== undefined);
    mechanism = altGenes.some((g) => genes.includes(g)) ? 'on_target' : 'bypass';
    source = 'civic';
  }
  const line = attributed?.line ?? c.progressed;
  const drug = attributed?.drug ?? principalDrug(line.drugs);
  return {
    key,
    gene: a.gene,
    label: alterationLabel(a),
    alterationClass: a.alterationClass,
    alterationId: first.id,
    sampleIds: shownIn.map((x) => x.sample.id),
    ...(first.vaf !== undefined ? { vaf: first.vaf } : {}),
    ...(first.copyNumber !== undefined ? { copyNumber: first.copyNumber } : {}),
    baselineState: c.baselineState,
    baselineInformative: c.baselineInformative,
    attribution: {
      lineId: line.id,
      lineNumber: line.lineNumber,
      ...(drug ? { drug } : {}),
      drugClass: drug?.drugClass ?? 'none',
      target: drug ? targetLabel(drug) : 'none',
    },
    mechanism,
    ...(source === 'reference' ? { mechanismClass: calls[0]!.mechanismClass } : {}),
    mechanismSource: source,
    calls,
    civic: civic.items,
    flags,
    status: 'needs review',
  };
}

/** CIViC items recording resistance of this alteration to a drug the patient received since the baseline. */
function resistanceEvidence(
  q: QueryAlteration,
  c: ClassifyContext,
): { items: ResistanceEvidence[]; drug?: { line: TimelineLineInput; drug: Drug } } {
  const kb = c.options.kb;
  if (!kb || !c.tumourType || !kb.oncotree.has(c.tumourType.toUpperCase())) return { items: [] };
  const received = new Map<string, { line: TimelineLineInput; drug: Drug }>();
  for (const line of [...c.newestFirst].reverse()) for (const drug of line.drugs) received.set(drug.name.toLowerCase(), { line, drug });
  const evidence = kb
    .query({ alteration: q, tumourType: c.tumourType.toUpperCase(), context: c.context })
    .filter(
      (e: EvidenceItem) =>
        e.source === 'CIViC' &&
        e.direction === 'resistance' &&
        e.supports &&
        e.disease.relation !== 'other' &&
        e.therapies.some((t) => received.has(t.toLowerCase())),
    );
  let drug: { line: TimelineLineInput; drug: Drug } | undefined;
  for (const line of c.newestFirst) {
    const d = line.drugs.find((x) => evidence.some((e) => e.therapies.some((t) => t.toLowerCase() === x.name.toLowerCase())));
    if (d) {
      drug = { line, drug: d };
      break;
    }
  }
  return {
    items: evidence.map((e) => ({
      ...(e.id !== undefined ? { id: e.id } : {}),
      ...(e.url !== undefined ? { url: e.url } : {}),
      level: e.level,
      therapies: e.therapies,
      alteration: e.alteration,
      disease: e.disease.name,
      relation: e.disease.relation,
      citations: e.citations,
    })),
    ...(drug ? { drug } : {}),
  };
}
