import { request, type QueryValue } from './client';
import type {
  ArmPatch,
  ArmView,
  AuditEntry,
  CandidateView,
  CriteriaUpdate,
  MatchView,
  OncoTreeNode,
  Page,
  PatientDetail,
  PatientIdentity,
  PatientSummary,
  Referral,
  Session,
  SponsorKpis,
  TrialCriteria,
  TrialView,
} from './types';

type Query = Record<string, QueryValue>;
type Opts = { signal?: AbortSignal };

const enc = encodeURIComponent;

export const api = {
  login: (username: string, password: string) =>
    request<Session>('/api/auth/login', {
      method: 'POST',
      body: { username, password },
      redirectOn401: false,
    }),
  logout: () => request<void>('/api/auth/logout', { method: 'POST', redirectOn401: false }),
  me: (o: Opts = {}) => request<Session>('/api/auth/me', { ...o, redirectOn401: false }),

  oncotree: (o: Opts = {}) => request<{ items: OncoTreeNode[] }>('/api/oncotree', o),

  patients: (query: Query, o: Opts = {}) => request<Page<PatientSummary>>('/api/patients', { ...o, query }),
  patient: (id: string, o: Opts = {}) => request<PatientDetail>(`/api/patients/${enc(id)}`, o),
  patientIdentity: (id: string, o: Opts = {}) => request<PatientIdentity>(`/api/patients/${enc(id)}/identity`, o),

  trials: (query: Query, o: Opts = {}) => request<Page<TrialView>>('/api/trials', { ...o, query }),
  trial: (id: string, o: Opts = {}) => request<TrialView>(`/api/trials/${enc(id)}`, o),
  patchArm: (trialId: string, armId: string, patch: ArmPatch) =>
    request<ArmView>(`/api/trials/${enc(trialId)}/arms/${enc(armId)}`, {
      method: 'PATCH',
      body: patch,
    }),

  matches: (patientId: string, includeClosed: boolean, o: Opts = {}) =>
    request<{ items: MatchView[] }>(`/api/patients/${enc(patientId)}/matches`, {
      ...o,
      query: { includeClosed: includeClosed ? 'true' : undefined },
    }),
  matchesSeen: (patientId: string) => request<void>(`/api/patients/${enc(patientId)}/matches/seen`, { method: 'POST', keepalive: true }),
  candidates: (trialId: string, query: Query, o: Opts = {}) =>
    request<Page<CandidateView>>(`/api/trials/${enc(trialId)}/candidates`, { ...o, query }),
  candidatesSeen: (trialId: string) => request<void>(`/api/trials/${enc(trialId)}/candidates/seen`, { method: 'POST', keepalive: true }),
  criteria: (trialId: string, o: Opts = {}) => request<TrialCriteria>(`/api/trials/${enc(trialId)}/criteria`, o),
  saveCriteria: (trialId: string, update: CriteriaUpdate) =>
    request<TrialCriteria>(`/api/trials/${enc(trialId)}/criteria`, { method: 'PUT', body: update }),

  audit: (query: Query, o: Opts = {}) => request<Page<AuditEntry>>('/api/audit', { ...o, query }),

  sponsorKpis: (o: Opts = {}) => request<SponsorKpis>('/api/sponsor/kpis', o),

  referrals: (query: Query, o: Opts = {}) => request<Page<Referral>>('/api/referrals', { ...o, query }),
  createReferral: (trialId: string, summary: string) => request<Referral>('/api/referrals', { method: 'POST', body: { trialId, summary } }),
};
