/**
 * The patient's theranostic pathway (server: http/theranostics/routes.ts): PET reads, eligibility
 * by rule, administrations with their dosimetry, cumulative organ-at-risk doses against limits.
 */
import { request } from './client';

type Opts = { signal?: AbortSignal };
const enc = encodeURIComponent;

export type Truth = 'met' | 'not_met' | 'unknown';
export type LesionRegion = 'prostate' | 'lymph-node' | 'bone' | 'liver' | 'lung' | 'brain' | 'soft-tissue' | 'other';
export const LESION_REGIONS: readonly LesionRegion[] = ['prostate', 'lymph-node', 'bone', 'liver', 'lung', 'brain', 'soft-tissue', 'other'];

export interface Provenance {
  source: string;
  observedAt: string;
  recordedAt: string;
  recordedBy: string;
}

export interface KrenningGrade {
  min: number;
  max: number;
  label: string;
  reason: string;
}

export interface PetLesionView {
  id: string;
  site: string;
  region: LesionRegion;
  suvMax: number;
  shortAxisMm: number | null;
  ctMeasurable: boolean | null;
  aboveLiver: boolean | null;
  krenning: KrenningGrade | null;
}

export interface PetReadView {
  id: string;
  tracer: string;
  target: string | null;
  scannedAt: string;
  reference: { liverSuvMean: number | null; parotidSuvMean: number | null; spleenSuvMean: number | null };
  conclusion: string | null;
  lesions: PetLesionView[];
  provenance: Provenance;
  version: number;
}

export interface RuleEvaluation {
  rule: string;
  title: string;
  treatment: string;
  reference: string;
  verdict: Truth;
  reasons: string[];
  conditions: Array<{ id: string; text: string; status: Truth; reason: string }>;
  petRead: { id?: string; tracer: string; scannedAt: string } | null;
}

export interface AdministrationView {
  id: string;
  administeredAt: string;
  activityMBq: number;
  productId: string;
  productName: string;
  nuclide: string;
  batchNumber: string;
  cycleNumber: number | null;
  studyId: string | null;
}

export interface CurvePoint {
  tH: number;
  activityMBq: number;
}

export interface RegionView {
  name: string;
  organ: string;
  model: string;
  parameters: Record<string, number>;
  rSquared: number | null;
  tiaMBqH: number;
  massG: number | null;
  doseGy: number | null;
  doseGyPerGBq: number | null;
  method: string;
  notes: string[];
  points: CurvePoint[];
  curve: CurvePoint[];
}

export interface StudyView {
  id: string;
  administrationId: string | null;
  cycleNumber: number;
  nuclide: string;
  injectedMBq: number;
  administeredAt: string;
  phantom: string;
  regions: RegionView[];
  kidneyDoseGy: number | null;
  kidneyDoseGyPerGBq: number | null;
  kidneyBedGy: number | null;
  kidneyMethod: string | null;
  kidneyBedMethod: string | null;
  redMarrowDoseGy: number | null;
  redMarrowDoseGyPerGBq: number | null;
  redMarrowMethod: string | null;
  notes: string[];
  method: string;
  computedBy: string;
  computedAt: string;
  version: number;
  reportUrl: string;
}

export interface LimitStatus {
  organ: 'kidneys' | 'red-marrow';
  quantity: 'absorbed-dose' | 'bed';
  limitGy: number;
  cumulativeGy: number;
  fractionOfLimit: number;
  exceeded: boolean;
  perCycle: Array<{ cycle: number; valueGy: number }>;
  reference: string;
  method: string;
  missingCycles: number[];
}

export interface LimitCheck {
  organ: 'kidneys' | 'red-marrow';
  quantity: 'absorbed-dose' | 'bed';
  limitGy: number;
  verdict: 'within' | 'exceeds' | 'unknown';
  cumulativeGy: number;
  plannedGy: number | null;
  projectedGy: number | null;
  maxActivityMBq: number | null;
  reference: string;
  method: string;
}

export interface CumulativeView {
  kidneyRiskFactors: boolean | null;
  riskFactorsNote: string;
  limits: LimitStatus[];
  cycles: Array<{
    cycle: number;
    studyId: string;
    administeredAt: string;
    injectedMBq: number;
    kidneyDoseGy: number | null;
    kidneyBedGy: number | null;
    redMarrowDoseGy: number | null;
  }>;
  nextCycle: {
    cycle: number;
    activityMBq: number;
    source: string;
    check: { verdict: 'within' | 'exceeds' | 'unknown'; checks: LimitCheck[] };
  } | null;
}

export interface PatientTheranostics {
  patient: { id: string; pseudonym: string; sex: string };
  petReads: PetReadView[];
  eligibility: RuleEvaluation[];
  rules: Array<{ id: string; title: string; treatment: string; target: string; reference: string }>;
  administrations: AdministrationView[];
  dosimetry: StudyView[];
  cumulative: CumulativeView;
}

export interface PetReadInput {
  tracer: string;
  scannedAt: string;
  reference: { liverSuvMean?: number | null; parotidSuvMean?: number | null; spleenSuvMean?: number | null };
  lesions: Array<{ site: string; region: LesionRegion; suvMax: number; shortAxisMm?: number | null; ctMeasurable?: boolean | null }>;
  conclusion?: string | null;
  reason: string;
}

export const theranosticsApi = {
  patient: (patientId: string, o: Opts = {}) => request<PatientTheranostics>(`/api/patients/${enc(patientId)}/theranostics`, o),
  recordPetRead: (patientId: string, body: PetReadInput) =>
    request<{ petRead: PetReadView; eligibility: RuleEvaluation[] }>(`/api/patients/${enc(patientId)}/pet-reads`, { method: 'POST', body }),
};
