/**
 * Shapes of the API's answers as this app reads them. Domain objects come from @continuum/core;
 * what the wire adds around them (ids, versions, list summaries) is declared here.
 */
import type {
  Alteration,
  ArmStatus,
  ClinicalDocument,
  Condition,
  Criterion,
  Drug,
  LabResult,
  MolecularReport,
  PatientIdentity,
  PerformanceStatus,
  Role,
  Sex,
  TherapyLine,
  Trial,
  TrialArm,
  TrialParticipation,
  TrialParticipationStatus,
  TrialPhase,
  TrialStatus,
  VitalStatus,
} from '@continuum/core';

/**
 * The server writes SQL NULL as JSON null rather than leaving the key out, so every optional
 * field of a core type may arrive as null. Typing that here makes the compiler insist on
 * `!= null` checks (a null upper limit must not read as "0").
 */
export type Wire<T> = {
  [K in keyof T]: undefined extends T[K] ? Exclude<T[K], undefined> | null | undefined : T[K];
};

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export interface SessionUser {
  id: string;
  username: string;
  displayName?: string;
  role: Role;
  /** The sponsor a sponsor account belongs to. */
  sponsor?: string | null;
}

export interface Session {
  user: SessionUser;
  csrfToken: string;
}

export interface OncoTreeNode {
  code: string;
  name: string;
  parent: string | null;
  tissue: string | null;
}

export interface PatientSummary {
  id: string;
  pseudonym: string;
  sex: Sex;
  birthYear: number | null;
  vitalStatus?: VitalStatus;
  version?: number;
  primaryDiagnosis: {
    oncotreeCode: string;
    name?: string | null;
    stage?: string | null;
    diagnosedAt?: string | null;
  } | null;
  ecog?: number | null;
  /** Gene and change, e.g. "KRAS p.G12C" or "ERBB2 amplification". */
  biomarkers?: string[];
  trialStatus?: TrialParticipationStatus | null;
  trialProtocol?: string | null;
}

export type ConditionView = Wire<Omit<Condition, 'tnm'>> & {
  id?: string;
  oncotreeName?: string | null;
  tnm?: Wire<NonNullable<Condition['tnm']>> | null;
};
export type PerformanceView = PerformanceStatus & { id?: string };
export type LabView = Wire<LabResult> & { id?: string };
export type TherapyLineView = Wire<Omit<TherapyLine, 'drugs'>> & { id?: string; drugs: Wire<Drug>[] };
export type AlterationView = Wire<Alteration> & { id?: string };
export type MolecularReportView = Wire<Omit<MolecularReport, 'alterations'>> & {
  id?: string;
  alterations: AlterationView[];
};
export type DocumentView = Wire<ClinicalDocument> & { id?: string };
export type ParticipationView = Wire<TrialParticipation> & {
  id?: string;
  trialId?: string;
  acronym?: string | null;
};

/** GET /api/patients/:id — the pseudonymised record; identity comes from its own endpoint. */
export interface PatientDetail {
  id: string;
  version?: number;
  pseudonym: string;
  sex: Sex;
  birthYear: number | null;
  vitalStatus: VitalStatus;
  conditions?: ConditionView[];
  performance?: PerformanceView[];
  labs?: LabView[];
  therapyLines?: TherapyLineView[];
  molecularReports?: MolecularReportView[];
  documents?: DocumentView[];
  participations?: ParticipationView[];
}

export type { PatientIdentity };

export type ArmView = Wire<TrialArm> & { id: string; version: number };

export type TrialView = Wire<Omit<Trial, 'arms'>> & {
  id: string;
  version: number;
  /** Present on GET /api/trials/:id. */
  arms?: ArmView[];
  /** Present on list items: totals over the trial's arms. */
  slotsOpen?: number;
  slotsTotal?: number;
  armCount?: number;
  /** Aggregate counts by participation status (never who). */
  participationCounts?: Partial<Record<TrialParticipationStatus, number>>;
};

export interface ArmPatch {
  version: number;
  reason: string;
  status?: ArmStatus;
  slotsTotal?: number;
  slotsUsed?: number;
}

export interface AuditEntry {
  seq: number | string;
  /** ISO instant (UTC). */
  at: string;
  actorUsername: string;
  actorRole: string;
  action: string;
  entityType: string;
  entityId?: string | null;
  patientId?: string | null;
  patientPseudonym?: string | null;
  reason?: string | null;
  before?: unknown;
  after?: unknown;
  hash?: string;
}

export interface TrialKpi {
  id: string;
  protocolNumber: string;
  acronym?: string | null;
  title?: string;
  phase?: TrialPhase;
  status?: TrialStatus;
  sponsor?: string;
  preScreened: number;
  screening: number;
  enrolled: number;
  screenFailures: number;
  screenFailureRate?: number | null;
  slotsUsed?: number;
  slotsTotal?: number;
}

export interface SponsorKpis {
  sponsor: string | null;
  trials: TrialKpi[];
}

export interface Referral {
  id: string;
  trialId: string;
  protocolNumber?: string;
  summary: string;
  status?: string;
  createdAt?: string;
  referrer?: string;
  version?: number;
}

export type { ArmStatus, TrialParticipationStatus, TrialPhase, TrialStatus, Role };

// ---------- Matching (docs/api.md "Matching") ----------

export type Truth = 'met' | 'not_met' | 'unknown';

/** A fact that took part in a decision; `refId` is the fact's id on the patient record. */
export interface EvidenceView {
  field: string;
  label: string;
  source: string;
  observedAt: string | null;
  recordedAt: string | null;
  recordedBy: string | null;
  refId?: string | null;
}

export interface ExplanationNode {
  status: Truth;
  /** 'all' | 'any' | 'not' | a leaf kind. */
  kind: string;
  /** The criterion, readable. */
  text: string;
  reason: string;
  stale?: boolean | null;
  borderline?: boolean | null;
  evidence: EvidenceView[];
  children?: ExplanationNode[] | null;
}

export interface ChecklistItem {
  kind: 'unknown' | 'stale' | 'borderline';
  text: string;
  reason: string;
  /** The facts behind the item (empty when nothing is on record). */
  evidence?: EvidenceView[] | null;
  /** Where the criterion was written, e.g. "CTM-24-101.yaml#$.treatment_list.step[0]...". */
  source?: string | null;
}

export type Availability = 'open' | 'waitlist' | 'closed';
export type MatchStatus = 'eligible' | 'potential';
export type RiskLevel = 'low' | 'medium' | 'high';

export interface MatchView {
  id: string;
  trialId: string;
  protocolNumber: string;
  acronym: string | null;
  title: string;
  phase: string;
  levelPath: string;
  /** e.g. "Step 1 › Arm B › Dose level 2". */
  levelLabel: string;
  /** The cohort code of the level; null for the trial-wide clause. */
  levelCode?: string | null;
  availability: Availability;
  status: MatchStatus;
  unknownCount: number;
  staleCount: number;
  borderlineCount: number;
  risk: { score: number; level: RiskLevel };
  checklist: ChecklistItem[];
  explanation: ExplanationNode;
  computedAt: string;
  /** New since this user's last visit. */
  isNew: boolean;
}

export type CandidateView = MatchView & { patientId: string; pseudonym: string };

/** One level of a trial that can carry criteria (see docs/api.md, criteria document). */
export interface CriteriaLevel {
  path: string;
  label: string;
  kind: 'trial' | 'step' | 'arm' | 'dose_level';
  code?: string | null;
  availability?: Availability | null;
}

export interface TrialCriteria {
  version: number;
  levels: CriteriaLevel[];
  criteria: Record<string, Criterion | null>;
  ctml: { json: string; yaml: string };
}

export interface CriteriaUpdate {
  version: number;
  reason: string;
  criteria: Record<string, Criterion | null>;
}
