/**
 * The resistance atlas: across patients, the alterations acquired at progression, grouped by
 * the drug class and target of the line they are read as resistance to and by mechanism, with
 * counts and the cases behind every count (patient, samples, alteration) — so a count can always
 * be opened and checked.
 *
 * A case counts under its suggested mechanism until the MTB reviews it; a confirmed case counts
 * under the mechanism the MTB confirmed; a rejected case (artefact, clonal haematopoiesis,
 * passenger) leaves the counts and is tallied apart. Only alterations with an informative
 * negative before the line are cases: a finding that no earlier sample could have seen is not
 * known to be acquired.
 */
import type { FlagKind } from './flags';
import type { ResistanceMechanism } from './resistance';
import type { AcquiredMechanism, GenomicTimeline } from './timeline';

export type AtlasMechanism = AcquiredMechanism | 'possible_clonal_haematopoiesis';

/** Column order of the atlas. */
export const ATLAS_MECHANISMS: readonly AtlasMechanism[] = [
  'on_target',
  'bypass',
  'lineage',
  'reversion',
  'unclassified',
  'possible_clonal_haematopoiesis',
];

/** What the MTB may confirm an acquired alteration as (migration 004: resistance_review.mechanism). */
export const REVIEWABLE_MECHANISMS: readonly ResistanceMechanism[] = ['on_target', 'bypass', 'lineage', 'reversion'];

export interface CaseReview {
  decision: 'confirmed' | 'rejected';
  /** The mechanism as confirmed (absent when rejected). */
  mechanism?: ResistanceMechanism;
  reviewedBy: string;
  reviewedAt: string;
}

export interface ResistanceCase {
  /** `${alterationId}:${lineId}` — what a review is keyed by. */
  key: string;
  patientId: string;
  pseudonym: string;
  tumourType?: string;
  lineId: string;
  lineNumber: number;
  /** The line as attributed (the drug a reference row names), e.g. "osimertinib". */
  lineLabel: string;
  drug?: string;
  drugClass: string;
  target: string;
  suggestedMechanism: AcquiredMechanism;
  mechanismClass?: string;
  mechanismSource: 'reference' | 'civic' | 'none';
  gene: string;
  alteration: string;
  alterationId: string;
  baselineSampleId: string;
  progressionSampleIds: string[];
  /** ISO date of the first progression sample showing it. */
  progressionDate: string;
  referenceLines: number[];
  civicIds: string[];
  flags: FlagKind[];
  review?: CaseReview;
}

export const caseKey = (alterationId: string, lineId: string): string => `${alterationId}:${lineId}`;

/** The atlas cases of one patient's timeline (acquired alterations with an informative baseline). */
export function resistanceCasesOf(
  patient: { id: string; pseudonym: string; tumourType?: string },
  timeline: GenomicTimeline,
): ResistanceCase[] {
  const dateOf = new Map(timeline.samples.map((s) => [s.id, s.reportedAt]));
  const lineLabel = new Map(timeline.lines.map((l) => [l.id, l.label]));
  const cases: ResistanceCase[] = [];
  for (const comparison of timeline.comparisons) {
    if (comparison.baselineSampleId === null) continue;
    for (const a of comparison.acquired) {
      if (!a.baselineInformative) continue;
      cases.push({
        key: caseKey(a.alterationId, a.attribution.lineId),
        patientId: patient.id,
        pseudonym: patient.pseudonym,
        ...(patient.tumourType ? { tumourType: patient.tumourType } : {}),
        lineId: a.attribution.lineId,
        lineNumber: a.attribution.lineNumber,
        lineLabel: lineLabel.get(a.attribution.lineId) ?? comparison.label,
        ...(a.attribution.drug ? { drug: a.attribution.drug.name } : {}),
        drugClass: a.attribution.drugClass,
        target: a.attribution.target,
        suggestedMechanism: a.mechanism,
        ...(a.mechanismClass ? { mechanismClass: a.mechanismClass } : {}),
        mechanismSource: a.mechanismSource,
        gene: a.gene,
        alteration: a.label,
        alterationId: a.alterationId,
        baselineSampleId: comparison.baselineSampleId,
        progressionSampleIds: a.sampleIds,
        progressionDate: dateOf.get(a.sampleIds[0]!) ?? '',
        referenceLines: a.calls.map((c) => c.referenceLine),
        civicIds: a.civic.map((e) => e.id).filter((id): id is string => id !== undefined),
        flags: a.flags.map((f) => f.kind),
      });
    }
  }
  return cases;
}

/** Where a case counts: the confirmed mechanism, else the suggestion; null when rejected. */
export function atlasMechanismOf(c: ResistanceCase): AtlasMechanism | null {
  if (c.review?.decision === 'rejected') return null;
  if (c.review?.decision === 'confirmed' && c.review.mechanism) return c.review.mechanism;
  if (c.suggestedMechanism === 'unclassified' && c.flags.includes('possible_clonal_haematopoiesis'))
    return 'possible_clonal_haematopoiesis';
  return c.suggestedMechanism;
}

export type ReviewStatus = 'needs review' | 'confirmed' | 'rejected';
export const reviewStatusOf = (c: ResistanceCase): ReviewStatus =>
  c.review?.decision === 'confirmed' ? 'confirmed' : c.review?.decision === 'rejected' ? 'rejected' : 'needs review';

export interface AtlasFilters {
  drugClass?: string;
  target?: string;
  mechanism?: AtlasMechanism;
  status?: 'needs review' | 'confirmed';
}

export interface AtlasCell {
  drugClass: string;
  target: string;
  mechanism: AtlasMechanism;
  count: number;
  /** Keys of the cases behind the count. */
  caseKeys: string[];
}

export interface AtlasRow {
  drugClass: string;
  target: string;
  counts: Record<AtlasMechanism, number>;
  total: number;
  patients: number;
}

export interface ResistanceAtlas {
  mechanisms: readonly AtlasMechanism[];
  rows: AtlasRow[];
  cells: AtlasCell[];
  /** Cases counted (after filters), in the rows' order, newest progression first within a row. */
  cases: ResistanceCase[];
  total: number;
  patients: number;
  /** Cases the MTB rejected, kept out of the counts (those matching the other filters). */
  rejected: number;
  confirmed: number;
  needsReview: number;
}

const emptyCounts = (): Record<AtlasMechanism, number> =>
  Object.fromEntries(ATLAS_MECHANISMS.map((m) => [m, 0])) as Record<AtlasMechanism, number>;

export function buildResistanceAtlas(all: readonly ResistanceCase[], filters: AtlasFilters = {}): ResistanceAtlas {
  const matches = (c: ResistanceCase) =>
    (filters.drugClass === undefined || c.drugClass === filters.drugClass) && (filters.target === undefined || c.target === filters.target);
  let rejected = 0;
  const counted: { c: ResistanceCase; mechanism: AtlasMechanism }[] = [];
  for (const c of all) {
    if (!matches(c)) continue;
    const mechanism = atlasMechanismOf(c);
    if (mechanism === null) {
      rejected++;
      continue;
    }
    if (filters.mechanism !== undefined && mechanism !== filters.mechanism) continue;
    if (filters.status !== undefined && reviewStatusOf(c) !== filters.status) continue;
    counted.push({ c, mechanism });
  }

  const rowKey = (c: ResistanceCase) => `${c.drugClass}\u0000${c.target}`;
  const rows = new Map<string, AtlasRow & { patientIds: Set<string> }>();
  const cells = new Map<string, AtlasCell>();
  for (const { c, mechanism } of counted) {
    const rk = rowKey(c);
    let row = rows.get(rk);
    if (!row) {
      row = { drugClass: c.drugClass, target: c.target, counts: emptyCounts(), total: 0, patients: 0, patientIds: new Set() };
      rows.set(rk, row);
    }
    row.counts[mechanism]++;
    row.total++;
    row.patientIds.add(c.patientId);
    const ck = `${rk}\u0000${mechanism}`;
    let cell = cells.get(ck);
    if (!cell) {
      cell = { drugClass: c.drugClass, target: c.target, mechanism, count: 0, caseKeys: [] };
      cells.set(ck, cell);
    }
    cell.count++;
    cell.caseKeys.push(c.key);
  }

  const orderedRows = [...rows.values()]
    .sort((a, b) => b.total - a.total || a.drugClass.localeCompare(b.drugClass) || a.target.localeCompare(b.target))
    .map(({ patientIds, ...row }) => ({ ...row, patients: patientIds.size }));
  const rowOrder = new Map(orderedRows.map((r, i) => [`${r.drugClass}\u0000${r.target}`, i]));
  const mechOrder = new Map(ATLAS_MECHANISMS.map((m, i) => [m, i]));
  const orderedCells = [...cells.values()].sort(
    (a, b) =>
      rowOrder.get(`${a.drugClass}\u0000${a.target}`)! - rowOrder.get(`${b.drugClass}\u0000${b.target}`)! ||
      mechOrder.get(a.mechanism)! - mechOrder.get(b.mechanism)!,
  );
  const cases = counted
    .sort(
      (a, b) =>
        rowOrder.get(rowKey(a.c))! - rowOrder.get(rowKey(b.c))! ||
        mechOrder.get(a.mechanism)! - mechOrder.get(b.mechanism)! ||
        b.c.progressionDate.localeCompare(a.c.progressionDate) ||
        a.c.key.localeCompare(b.c.key),
    )
    .map(({ c }) => c);
  return {
    mechanisms: ATLAS_MECHANISMS,
    rows: orderedRows,
    cells: orderedCells,
    cases,
    total: counted.length,
    patients: new Set(counted.map(({ c }) => c.patientId)).size,
    rejected,
    confirmed: counted.filter(({ c }) => reviewStatusOf(c) === 'confirmed').length,
    needsReview: counted.filter(({ c }) => reviewStatusOf(c) === 'needs review').length,
  };
}
