/**
 * The Molecular Tumour Board's API (/api/mtb, docs/mtb.md): shapes as the server sends them and
 * the calls the MTB pages make.
 */
import type { EscatTier } from '@continuum/core';
import { request, type QueryValue } from './client';
import type { Page } from './types';

export type CaseStatus = 'queued' | 'scheduled' | 'discussed' | 'signed';
export type RecommendationKind = 'targeted-therapy' | 'clinical-trial' | 'further-testing' | 'germline-referral' | 'no-action';

export const RECOMMENDATION_KINDS: readonly { value: RecommendationKind; label: string }[] = [
  { value: 'targeted-therapy', label: 'Targeted therapy' },
  { value: 'clinical-trial', label: 'Clinical trial' },
  { value: 'further-testing', label: 'Further testing' },
  { value: 'germline-referral', label: 'Germline referral (genetic counselling)' },
  { value: 'no-action', label: 'No action' },
];

/** Core's ESCAT_TIERS, restated: the bundle takes types only from @continuum/core. */
export const ESCAT_TIERS: readonly EscatTier[] = ['I-A', 'I-B', 'I-C', 'II-A', 'II-B', 'III-A', 'III-B', 'IV-A', 'IV-B', 'V', 'X'];

export interface CaseSummary {
  id: string;
  status: CaseStatus;
  version: number;
  queuedAt: string;
  queuedBy: string;
  patient: { id: string; pseudonym: string; diagnosis: { oncotreeCode: string; name: string } | null };
  report: { id: string; specimen: 'tissue' | 'ctdna'; panel: string; reportedAt: string };
  alterationCount: number;
  recommendationCount: number;
  top: { gene: string; alteration: string; escat: EscatTier } | null;
  meeting: { id: string; title: string; scheduledAt: string } | null;
  signedAt: string | null;
}

export interface EvidenceGroup {
  source: string;
  version: string;
  level: string;
  direction: string;
  supports: boolean;
  therapies: string[];
  disease: string;
  oncotreeCode: string | null;
  relation: 'same' | 'pan_cancer' | 'other' | 'unmapped';
  items: { id: string | null; url: string | null; citations: string[]; date: string | null; indication: string | null }[];
}

export interface RelatedTrial {
  matchId: string;
  trialId: string;
  protocolNumber: string;
  acronym: string | null;
  title: string;
  phase: string;
  levelLabel: string;
  levelCode: string | null;
  status: 'eligible' | 'potential';
  availability: 'open' | 'waitlist' | 'closed';
  unknownCount: number;
  relation: 'criterion-met' | 'criterion-names-gene';
  criteria: { text: string; status: string; reason: string }[];
}

export interface CaseAlteration {
  key: string;
  alterationId: string | null;
  biomarker: 'MSI-H' | 'TMB-H' | null;
  rank: number;
  gene: string;
  alteration: string;
  alterationClass: string;
  hgvsCdna: string | null;
  vaf: number | null;
  copyNumber: number | null;
  fusionPartner: string | null;
  escat: { tier: EscatTier; therapies: string[]; basis: string[]; rule: string };
  evidence: EvidenceGroup[];
  flags: { kind: string; action: string; reason: string }[];
  trials: RelatedTrial[];
}

export interface Recommendation {
  id: string;
  alterationKey: string;
  kind: RecommendationKind;
  therapy: string | null;
  trial: { id: string; protocolNumber: string | null; title: string | null } | null;
  escatSuggested: EscatTier;
  escatDecided: EscatTier;
  rationale: string;
  author: string;
  authorName: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface MeetingRef {
  id: string;
  title: string;
  scheduledAt: string;
  version: number;
  position: number;
  chair: { id: string; username: string; displayName: string; role: string };
}

export interface SignatureView {
  signerUsername: string;
  signerName: string;
  signerRole: string;
  signedAt: string;
  meaning: string;
  contentSha256: string;
  meetingId: string | null;
  verification: { snapshotIntact: boolean; contentUnchanged: boolean; storedContentSha256: string; problems: string[] };
}

export interface CaseView {
  id: string;
  status: CaseStatus;
  version: number;
  queuedAt: string;
  queuedBy: string;
  updatedAt: string;
  patient: {
    id: string;
    pseudonym: string;
    sex: string;
    birthYear: number | null;
    vitalStatus: string;
    diagnosis: { oncotreeCode: string; name: string; diagnosedAt: string; stage: string | null } | null;
    ecog: { value: number; observedAt: string | null } | null;
    therapyLines: {
      lineNumber: number;
      setting: string;
      drugs: string[];
      startedAt: string;
      endedAt: string | null;
      bestResponse: string | null;
    }[];
  };
  report: {
    id: string;
    specimen: 'tissue' | 'ctdna';
    panel: string;
    reportedAt: string;
    tmb: number | null;
    msi: string | null;
    tumourFraction: number | null;
    source: string;
  };
  tumourType: { code: string; name: string; basis: string };
  alterations: CaseAlteration[];
  otherTrials: { trialId: string; protocolNumber: string; title: string; levelLabel: string; status: string }[];
  recommendations: Recommendation[];
  meeting: MeetingRef | null;
  knowledgeBase: { source: string; version: string }[];
  contentSha256: string;
  signing: { meaning: string; blockers: string[]; canSign: boolean };
  signature: SignatureView | null;
}

export interface MeetingSummary {
  id: string;
  title: string;
  scheduledAt: string;
  chair: { id: string; username: string; displayName: string; role: string };
  createdBy: string;
  createdAt: string;
  version: number;
  agendaCount: number;
  signedCount: number;
}

export interface MeetingDetail extends MeetingSummary {
  agenda: { position: number; case: CaseSummary }[];
}

export interface RecommendationInput {
  kind: RecommendationKind;
  therapy?: string | null;
  trialId?: string | null;
  escatDecided: EscatTier;
  rationale: string;
  reason: string;
}

type Query = Record<string, QueryValue>;
type Opts = { signal?: AbortSignal };
const enc = encodeURIComponent;

export const mtbApi = {
  cases: (query: Query, o: Opts = {}) => request<Page<CaseSummary>>('/api/mtb/cases', { ...o, query }),
  case: (id: string, o: Opts = {}) => request<CaseView>(`/api/mtb/cases/${enc(id)}`, o),
  addRecommendation: (caseId: string, body: RecommendationInput & { alterationKey: string }) =>
    request<Recommendation>(`/api/mtb/cases/${enc(caseId)}/recommendations`, { method: 'POST', body }),
  updateRecommendation: (caseId: string, id: string, body: Partial<RecommendationInput> & { version: number; reason: string }) =>
    request<Recommendation>(`/api/mtb/cases/${enc(caseId)}/recommendations/${enc(id)}`, { method: 'PATCH', body }),
  deleteRecommendation: (caseId: string, id: string, body: { version: number; reason: string }) =>
    request<void>(`/api/mtb/cases/${enc(caseId)}/recommendations/${enc(id)}`, { method: 'DELETE', body }),
  // A wrong password answers 401 without ending the session: not the "session expired" path.
  sign: (caseId: string, body: { version: number; contentSha256: string; meaning: string; password: string }) =>
    request<{ signedAt: string; contentSha256: string }>(`/api/mtb/cases/${enc(caseId)}/sign`, {
      method: 'POST',
      body,
      redirectOn401: false,
    }),
  reportUrl: (caseId: string) => `/api/mtb/cases/${enc(caseId)}/report.pdf`,

  chairs: (o: Opts = {}) => request<{ items: { id: string; username: string; displayName: string; role: string }[] }>('/api/mtb/chairs', o),
  meetings: (query: Query, o: Opts = {}) => request<Page<MeetingSummary>>('/api/mtb/meetings', { ...o, query }),
  meeting: (id: string, o: Opts = {}) => request<MeetingDetail>(`/api/mtb/meetings/${enc(id)}`, o),
  createMeeting: (body: { title: string; scheduledAt: string; chairId: string; reason: string }) =>
    request<MeetingDetail>('/api/mtb/meetings', { method: 'POST', body }),
  addToAgenda: (meetingId: string, body: { caseId: string; version: number; reason: string }) =>
    request<MeetingDetail>(`/api/mtb/meetings/${enc(meetingId)}/agenda`, { method: 'POST', body }),
  reorderAgenda: (meetingId: string, body: { caseIds: string[]; version: number; reason: string }) =>
    request<MeetingDetail>(`/api/mtb/meetings/${enc(meetingId)}/agenda`, { method: 'PUT', body }),
  removeFromAgenda: (meetingId: string, caseId: string, body: { version: number; reason: string }) =>
    request<MeetingDetail>(`/api/mtb/meetings/${enc(meetingId)}/agenda/${enc(caseId)}`, { method: 'DELETE', body }),
};
