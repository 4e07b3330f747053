/**
 * Genomics over time: a patient's genomic timeline, the MTB's review of a resistance
 * classification, the resistance atlas (server: packages/server/src/http/genomics).
 */
import { request, type QueryValue } from './client';

export type CoverageState = 'detected' | 'not_detected' | 'not_covered' | 'uninformative_low_tumour_fraction';
export type Mechanism = 'on_target' | 'bypass' | 'lineage' | 'reversion';
export type AcquiredMechanism = Mechanism | 'unclassified';
export type AtlasMechanism = AcquiredMechanism | 'possible_clonal_haematopoiesis';
export type ReviewStatus = 'needs review' | 'confirmed' | 'rejected';
export type AlterationClass = 'mutation' | 'amplification' | 'deletion' | 'fusion' | 'structural_variant';

export interface Flag {
  kind: string;
  action: string;
  reason: string;
}

export interface GenomicSample {
  id: string;
  specimen: 'tissue' | 'ctdna';
  panel: string;
  reportedAt: string;
  tumourFraction?: number;
  tmb?: number;
  msi?: string;
  informative: boolean;
  panelKnown: boolean;
  alterationCount: number;
}

export interface SeriesPoint {
  sampleId: string;
  reportedAt: string;
  specimen: 'tissue' | 'ctdna';
  state: CoverageState;
  vaf?: number;
  copyNumber?: number;
  alterationId?: string;
  coverageAssumed: boolean;
}

export interface AlterationSeries {
  key: string;
  gene: string;
  label: string;
  alterationClass: AlterationClass;
  points: SeriesPoint[];
  detectedIn: number;
  flags: Flag[];
}

export interface TherapyInterval {
  id: string;
  lineNumber: number;
  setting: string;
  label: string;
  drugs: { name: string; drugClass: string }[];
  startedAt: string;
  endedAt?: string;
  stopReason?: string;
  bestResponse?: string;
  drugClass: string;
  target: string;
}

export interface ResistanceReview {
  id: string;
  decision: 'confirmed' | 'rejected';
  mechanism: Mechanism | null;
  mechanismClass: string | null;
  suggestedMechanism: string;
  note: string;
  reviewedBy: string;
  reviewerRole: string;
  reviewedAt: string;
  version: number;
}

export interface ResistanceCall {
  mechanism: Mechanism;
  mechanismClass: string;
  targetGene: string;
  drugOrClass: string;
  referenceAlteration: string;
  civicSupport: string;
  notes: string;
  referenceLine: number;
}

export interface ResistanceEvidence {
  id?: string;
  url?: string;
  level: string;
  therapies: string[];
  alteration: string;
  disease: string;
  relation: string;
}

export interface AcquiredAlteration {
  key: string;
  gene: string;
  label: string;
  alterationClass: AlterationClass;
  alterationId: string;
  sampleIds: string[];
  vaf?: number;
  copyNumber?: number;
  baselineState: CoverageState;
  baselineInformative: boolean;
  attribution: { lineId: string; lineNumber: number; drug?: { name: string; drugClass: string }; drugClass: string; target: string };
  mechanism: AcquiredMechanism;
  mechanismClass?: string;
  mechanismSource: 'reference' | 'civic' | 'none';
  calls: ResistanceCall[];
  civic: ResistanceEvidence[];
  flags: Flag[];
  status: ReviewStatus;
  review: ResistanceReview | null;
}

export interface LostAlteration {
  key: string;
  label: string;
  baselineAlterationId: string;
  caveat?: string;
}

export interface LineComparison {
  lineId: string;
  lineNumber: number;
  label: string;
  baselineSampleId: string | null;
  progressionSampleIds: string[];
  exposureLineIds: string[];
  acquired: AcquiredAlteration[];
  lost: LostAlteration[];
  persistent: number;
  note?: string;
}

export interface GenomicTimeline {
  patient: { id: string; pseudonym: string; tumourType: string | null };
  sources: { source: string; version: string }[];
  windows: { baselineGraceDays: number; progressionLeadDays: number; lastLineFollowUpDays: number };
  samples: GenomicSample[];
  series: AlterationSeries[];
  lines: TherapyInterval[];
  comparisons: LineComparison[];
}

export interface ReviewInput {
  decision: 'confirmed' | 'rejected';
  mechanism?: Mechanism;
  note: string;
}

export interface AtlasCase {
  key: string;
  patientId: string;
  pseudonym: string;
  tumourType?: string;
  lineId: string;
  lineNumber: number;
  lineLabel: string;
  drug?: string;
  drugClass: string;
  target: string;
  suggestedMechanism: AcquiredMechanism;
  mechanismClass?: string;
  gene: string;
  alteration: string;
  alterationId: string;
  baselineSampleId: string;
  progressionSampleIds: string[];
  progressionDate: string;
  flags: string[];
  review?: { decision: 'confirmed' | 'rejected'; mechanism?: Mechanism; reviewedBy: string; reviewedAt: string };
  status: ReviewStatus;
}

export interface AtlasRow {
  drugClass: string;
  target: string;
  counts: Record<AtlasMechanism, number>;
  total: number;
  patients: number;
}

export interface ResistanceAtlas {
  computedAt: string;
  computeMs: number;
  cached: boolean;
  patientsScanned: number;
  facets: { drugClass: string; target: string }[];
  mechanisms: AtlasMechanism[];
  rows: AtlasRow[];
  cells: { drugClass: string; target: string; mechanism: AtlasMechanism; count: number; caseKeys: string[] }[];
  total: number;
  patients: number;
  rejected: number;
  confirmed: number;
  needsReview: number;
  cases: AtlasCase[];
}

type Opts = { signal?: AbortSignal };
const enc = encodeURIComponent;

export const genomicsApi = {
  timeline: (patientId: string, o: Opts = {}) => request<GenomicTimeline>(`/api/patients/${enc(patientId)}/genomic-timeline`, o),
  createReview: (patientId: string, body: ReviewInput & { alterationId: string; therapyLineId: string }) =>
    request<ResistanceReview>(`/api/patients/${enc(patientId)}/resistance-reviews`, { method: 'POST', body }),
  updateReview: (patientId: string, reviewId: string, body: ReviewInput & { version: number }) =>
    request<ResistanceReview>(`/api/patients/${enc(patientId)}/resistance-reviews/${enc(reviewId)}`, { method: 'PUT', body }),
  atlas: (query: Record<string, QueryValue>, o: Opts = {}) => request<ResistanceAtlas>('/api/genomics/resistance-atlas', { ...o, query }),
};

export const MECHANISM_LABELS: Record<AtlasMechanism, string> = {
  on_target: 'On-target',
  bypass: 'Bypass',
  lineage: 'Lineage change',
  reversion: 'Reversion',
  unclassified: 'Unclassified',
  possible_clonal_haematopoiesis: 'Possible clonal haematopoiesis',
};

export const STATE_LABELS: Record<CoverageState, string> = {
  detected: 'detected',
  not_detected: 'not detected',
  not_covered: 'not covered by the panel',
  uninformative_low_tumour_fraction: 'uninformative (low tumour fraction)',
};
