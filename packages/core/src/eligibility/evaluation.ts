/** What an evaluation returns, and what it needs besides the patient. */
import type { Criterion } from './criteria';
import type { Fact } from './facts';
import type { OncotreeHierarchy } from './oncotree';
import type { Truth } from './truth';

/** One fact that took part in a decision, named by where it sits in the patient view. */
export interface Evidence {
  /** e.g. "genomics.alterations", "labs", "birthDate". */
  field: string;
  /** Short human rendering, e.g. "EGFR p.L858R", "creatinine 1.1 mg/dL". */
  label: string;
  fact: Fact<unknown>;
}

export interface Evaluation {
  status: Truth;
  criterion: Criterion;
  /** One sentence a coordinator can read. */
  reason: string;
  /** The facts that decided it (all supporting alterations for a met genomic leaf). */
  evidence: Evidence[];
  /** Decided by a result older than the protocol's window. */
  stale?: boolean;
  /** A numeric value within `borderlineFraction` of its threshold. */
  borderline?: boolean;
  /** For all/any/not nodes. */
  children?: Evaluation[];
}

export interface EvaluationContext {
  /** Reference date (ISO date) for ages, washouts and freshness windows. */
  asOf: string;
  /** Needed by diagnosis criteria; without it they are unknown. */
  oncotree?: OncotreeHierarchy;
  /** Relative distance to a threshold under which a value is flagged borderline; default 0.1. */
  borderlineFraction?: number;
}
