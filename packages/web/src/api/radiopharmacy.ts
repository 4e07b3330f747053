/**
 * The radiopharmacy API (/api/radiopharmacy): products and hot cells, batches with QC and the
 * signed release, patient doses and administrations, the board and traceability.
 */
import { request } from './client';
import type { Page } from './types';

type Opts = { signal?: AbortSignal };
const enc = encodeURIComponent;
const BASE = '/api/radiopharmacy';

export type BatchStatus = 'in-preparation' | 'qc-pending' | 'released' | 'rejected' | 'expired';
export type BatchOrigin = 'delivery' | 'generator-elution' | 'synthesis';
export type DoseStatus = 'drawn' | 'administered' | 'discarded';

export interface QcSpecItem {
  test: string;
  label: string;
  kind: 'numeric' | 'pass-fail';
  unit?: string;
  min?: number;
  max?: number;
  required: boolean;
  reference: string;
}

export interface Product {
  id: string;
  name: string;
  nuclide: string;
  purpose: 'diagnostic' | 'therapeutic';
  investigational: boolean;
  hotCellClass: string;
  shelfLifeMin: number;
  qcSpec: QcSpecItem[];
  tolerancePct: number;
  active: boolean;
  hotCellIds: string[];
}

export interface HotCell {
  id: string;
  name: string;
  energyClass: string;
  nuclides: string[];
  productIds: string[];
}

export interface BoardDose {
  id: string;
  patientId: string;
  pseudonym: string;
  status: DoseStatus;
  prescribedMBq: number;
  drawnMBq: number;
  drawnAt: string;
  plannedInjectionAt: string;
  activityAtInjectionMBq: number;
  activityNowMBq: number;
  deviationPct: number;
  outOfTolerance: boolean;
}

export interface BoardBatch {
  id: string;
  batchNumber: string;
  hotCellId: string;
  product: {
    id: string;
    name: string;
    nuclide: string;
    purpose: string;
    investigational: boolean;
    tolerancePct: number;
    shelfLifeMin: number;
  };
  status: BatchStatus;
  origin: BatchOrigin;
  activityMBq: number;
  calibratedAt: string;
  preparedAt: string;
  preparedBy: string;
  expiresAt: string;
  secondsToExpiry: number;
  activityNowMBq: number;
  remainingNowMBq: number;
  nextInjection: { at: string; pseudonym: string; activityMBq: number } | null;
  staffDoseUSv: number | null;
  qc: { releasable: boolean; failing: string[]; missing: number };
  rejectionReason: string | null;
  doses: BoardDose[];
  version: number;
}

export interface Board {
  now: string;
  day: string;
  timeZone: string;
  hotCells: { id: string; name: string; energyClass: string; nuclides: string[]; batches: BoardBatch[] }[];
  totals: {
    batches: number;
    inPreparation: number;
    qcPending: number;
    released: number;
    rejected: number;
    expired: number;
    doses: number;
    staffDoseUSv: number;
  };
}

export interface QcResult {
  id: string;
  test: string;
  value: number | null;
  outcome: 'pass' | 'fail' | null;
  unit: string | null;
  passed: boolean;
  recordedBy: string;
  recordedAt: string;
}

export interface QcTestEvaluation {
  test: string;
  label: string;
  required: boolean;
  status: 'pass' | 'fail' | 'missing';
  value: number | null;
  outcome: 'pass' | 'fail' | null;
  unit: string | null;
  limit: string;
  reference: string;
  attempts: number;
}

export interface Administration {
  id: string;
  doseId: string;
  patientId: string;
  administeredAt: string;
  activityMBq: number;
  residualMBq: number | null;
  residualMeasuredAt: string | null;
  roomResourceId: string | null;
  cycleId: string | null;
  administeredBy: string;
  recordedAt: string;
}

export interface Dose {
  id: string;
  batchId: string;
  patientId: string;
  prescribedMBq: number;
  tolerancePct: number;
  drawnMBq: number;
  drawnAt: string;
  volumeMl: number | null;
  plannedInjectionAt: string;
  activityAtInjectionMBq: number;
  deviationPct: number;
  outOfTolerance: boolean;
  overrideReason: string | null;
  overrideBy: string | null;
  status: DoseStatus;
  discardReason: string | null;
  drawnBy: string;
  version: number;
}

export interface TracedDose extends Dose {
  patient: { id: string; pseudonym: string };
  administration: Administration | null;
  batch: { id: string; batchNumber: string; productId: string; productName: string; nuclide: string; status: string; expiresAt: string };
}

export interface WasteContainer {
  id: string;
  batchId: string | null;
  container: string;
  nuclide: string;
  governingNuclide: string;
  halfLives: number | null;
  activityMBq: number;
  measuredAt: string;
  releaseAt: string;
  note: string | null;
  releasedAt: string | null;
  releasedBy: string | null;
  recordedBy: string;
  version: number;
  releasable?: boolean;
}

export interface BatchDetail {
  id: string;
  batchNumber: string;
  productId: string;
  hotCellId: string;
  origin: BatchOrigin;
  originDetail: { generator?: Record<string, unknown> } | null;
  supplierLot: string | null;
  activityMBq: number;
  calibratedAt: string;
  volumeMl: number | null;
  expiresAt: string;
  status: BatchStatus;
  preparedBy: string;
  preparedAt: string;
  staffDoseUSv: number | null;
  rejectionReason: string | null;
  carrierAdded: boolean;
  version: number;
  product: {
    id: string;
    name: string;
    nuclide: string;
    purpose: string;
    investigational: boolean;
    tolerancePct: number;
    shelfLifeMin: number;
    qcSpec: QcSpecItem[];
  };
  hotCell: { id: string; name: string; energyClass: string };
  activityNowMBq: number;
  remainingNowMBq: number;
  secondsToExpiry: number;
  expired: boolean;
  qc: {
    results: QcResult[];
    releasable: boolean;
    tests: QcTestEvaluation[];
    issues: { field: string; message: string; limit?: string }[];
    postReleaseFailures: string[];
  };
  release: { meaning: string; signed: { by: string; at: string; meaning: string; hash: string; hashValid: boolean | null } | null };
  doses: TracedDose[];
  recall: { patients: string[]; administered: number; toStop: string[]; discarded: number };
  waste: WasteContainer[];
}

export interface BatchListItem {
  id: string;
  batchNumber: string;
  productId: string;
  productName: string;
  nuclide: string;
  hotCellId: string;
  activityMBq: number;
  calibratedAt: string;
  expiresAt: string;
  preparedAt: string;
  status: BatchStatus;
  version: number;
}

export interface CreateBatchRequest {
  productId: string;
  hotCellId: string;
  origin: BatchOrigin;
  supplierLot?: string | null;
  activityMBq?: number;
  calibratedAt: string;
  volumeMl?: number | null;
  staffDoseUSv?: number | null;
  carrierAdded?: boolean;
  generator?: {
    ge68CalibrationMBq: number;
    ge68CalibratedAt: string;
    lastElutionAt: string;
    elutedAt: string;
    elutionEfficiency: number;
    labellingYieldPct?: number;
  };
  reason?: string;
}

export interface QcEntry {
  test: string;
  value?: number | null;
  outcome?: 'pass' | 'fail' | null;
  unit?: string | null;
}

export interface DrawRequest {
  patientId: string;
  prescribedMBq: number;
  drawnMBq: number;
  drawnAt: string;
  plannedInjectionAt: string;
  volumeMl?: number | null;
  override?: { reason: string } | null;
}

export interface DrawnDose extends Dose {
  batchNumber: string;
  tolerance: {
    prescribedMBq: number;
    activityAtInjectionMBq: number;
    deviationPct: number;
    tolerancePct: number;
    within: boolean;
    message: string;
  };
  remainingAfterMBq: number;
  method: string;
}

export interface PatientDoses {
  patient: { id: string; pseudonym: string };
  doses: TracedDose[];
}

export const radiopharmacyApi = {
  products: (o: Opts = {}) => request<{ items: Product[] }>(`${BASE}/products`, o),
  hotCells: (o: Opts = {}) => request<{ items: HotCell[] }>(`${BASE}/hot-cells`, o),
  board: (o: Opts = {}) => request<Board>(`${BASE}/board`, o),
  batches: (query: Record<string, string | number | undefined>, o: Opts = {}) =>
    request<Page<BatchListItem>>(`${BASE}/batches`, { ...o, query }),
  batch: (id: string, o: Opts = {}) => request<BatchDetail>(`${BASE}/batches/${enc(id)}`, o),
  createBatch: (body: CreateBatchRequest) => request<BatchDetail>(`${BASE}/batches`, { method: 'POST', body }),
  recordQc: (id: string, version: number, results: QcEntry[]) =>
    request<BatchDetail>(`${BASE}/batches/${enc(id)}/qc`, { method: 'POST', body: { version, results } }),
  // A wrong password answers 401 on this form: that is an answer, not an expired session.
  release: (id: string, version: number, password: string, meaning: string) =>
    request<BatchDetail>(`${BASE}/batches/${enc(id)}/release`, {
      method: 'POST',
      body: { version, password, meaning },
      redirectOn401: false,
    }),
  reject: (id: string, version: number, reason: string) =>
    request<BatchDetail>(`${BASE}/batches/${enc(id)}/reject`, { method: 'POST', body: { version, reason } }),
  drawDose: (batchId: string, body: DrawRequest) => request<DrawnDose>(`${BASE}/batches/${enc(batchId)}/doses`, { method: 'POST', body }),
  patientDoses: (patientId: string, o: Opts = {}) => request<PatientDoses>(`${BASE}/patients/${enc(patientId)}/doses`, o),
  waste: (o: Opts = {}) => request<Page<WasteContainer>>(`${BASE}/waste`, { ...o, query: { pageSize: 50 } }),
};
