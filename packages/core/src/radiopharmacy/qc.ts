/**
 * Quality control against the product's release specification. A batch may be released only
 * when every required test has a result and every result passes; the evaluation names each
 * failing test with its value and limit, and each missing one, so the refusal can be read
 * without opening the specification. A test may be repeated: the latest result counts, the
 * earlier ones stay on record.
 */
import { RadiopharmacyError, type RadiopharmacyIssue } from './errors';
import type { QcSpecItem } from './model';

export interface QcMeasurement {
  readonly test: string;
  readonly value?: number | null;
  readonly outcome?: 'pass' | 'fail' | null;
  readonly unit?: string | null;
}

const unitSuffix = (unit: string | undefined) => (unit === undefined || unit === 'pH' ? '' : ` ${unit}`);

/** The limit in words: "≥ 95 %", "4.5–8.5", "≤ 0.001 %", "pass". */
export function qcLimitText(spec: QcSpecItem): string {
  if (spec.kind === 'pass-fail') return 'pass';
  const u = unitSuffix(spec.unit);
  if (spec.min !== undefined && spec.max !== undefined) return `${spec.min}–${spec.max}${u}`;
  if (spec.min !== undefined) return `≥ ${spec.min}${u}`;
  if (spec.max !== undefined) return `≤ ${spec.max}${u}`;
  return 'recorded (no limit)';
}

/** Checks that a measurement can be evaluated at all (right test, right kind, right unit); throws naming the field. */
export function validateQcMeasurement(spec: readonly QcSpecItem[], m: QcMeasurement, field = 'results'): QcSpecItem {
  const item = spec.find((s) => s.test === m.test);
  if (!item) {
    throw new RadiopharmacyError({
      field: `${field}.test`,
      code: 'unknown-test',
      message: `"${m.test}" is not a test of this product's specification`,
      limit: `one of ${spec.map((s) => s.test).join(', ')}`,
    });
  }
  if (item.kind === 'numeric') {
    if (typeof m.value !== 'number' || !Number.isFinite(m.value)) {
      throw new RadiopharmacyError({
        field: `${field}.value`,
        code: 'invalid',
        message: `${item.label} needs a numeric value`,
        limit: qcLimitText(item),
      });
    }
    // A result in another unit (mg/mL vs %, h vs min) read against this limit would be a silent error.
    if (m.unit !== undefined && m.unit !== null && m.unit !== '' && item.unit !== undefined && m.unit !== item.unit) {
      throw new RadiopharmacyError({
        field: `${field}.unit`,
        code: 'unit-mismatch',
        message: `${item.label} is specified in ${item.unit}, not ${m.unit}`,
        limit: item.unit,
      });
    }
  } else if (m.outcome !== 'pass' && m.outcome !== 'fail') {
    throw new RadiopharmacyError({
      field: `${field}.outcome`,
      code: 'invalid',
      message: `${item.label} needs an outcome, pass or fail`,
      limit: 'pass',
    });
  }
  return item;
}

/** Whether one result meets its limit (inclusive bounds, as monographs write them). */
export function qcPasses(spec: QcSpecItem, m: QcMeasurement): boolean {
  if (spec.kind === 'pass-fail') return m.outcome === 'pass';
  const v = m.value;
  if (typeof v !== 'number' || !Number.isFinite(v)) return false;
  return (spec.min === undefined || v >= spec.min) && (spec.max === undefined || v <= spec.max);
}

export type QcTestStatus = 'pass' | 'fail' | 'missing';

export interface QcTestEvaluation {
  readonly test: string;
  readonly label: string;
  readonly required: boolean;
  readonly status: QcTestStatus;
  readonly value: number | null;
  readonly outcome: 'pass' | 'fail' | null;
  readonly unit: string | null;
  readonly limit: string;
  readonly reference: string;
  /** How many results were recorded for the test (the latest counts). */
  readonly attempts: number;
}

export interface QcEvaluation {
  /** Every required test present and passing. */
  readonly releasable: boolean;
  readonly tests: readonly QcTestEvaluation[];
  /** Why release is refused, one issue per failing or missing required test; empty when releasable. */
  readonly issues: readonly RadiopharmacyIssue[];
  /** Post-release tests that failed: the batch's patients must be traced (recall). */
  readonly postReleaseFailures: readonly QcTestEvaluation[];
}

function describeResult(spec: QcSpecItem, m: QcMeasurement): string {
  return spec.kind === 'pass-fail' ? (m.outcome ?? 'no outcome') : `${m.value}${unitSuffix(spec.unit)}`;
}

/** Evaluates `results` (in the order recorded; a later result of a test replaces an earlier one) against `spec`. */
export function evaluateQc(spec: readonly QcSpecItem[], results: readonly QcMeasurement[]): QcEvaluation {
  const latest = new Map<string, QcMeasurement>();
  const attempts = new Map<string, number>();
  for (const r of results) {
    latest.set(r.test, r);
    attempts.set(r.test, (attempts.get(r.test) ?? 0) + 1);
  }
  const tests: QcTestEvaluation[] = spec.map((s) => {
    const m = latest.get(s.test);
    return {
      test: s.test,
      label: s.label,
      required: s.required,
      status: m === undefined ? 'missing' : qcPasses(s, m) ? 'pass' : 'fail',
      value: m?.value ?? null,
      outcome: m?.outcome ?? null,
      unit: s.unit ?? null,
      limit: qcLimitText(s),
      reference: s.reference,
      attempts: attempts.get(s.test) ?? 0,
    };
  });
  const issues: RadiopharmacyIssue[] = [];
  for (const [i, t] of tests.entries()) {
    const s = spec[i]!;
    if (!t.required) continue;
    if (t.status === 'missing') {
      issues.push({
        field: `qc.${t.test}`,
        code: 'qc-missing',
        message: `${t.label}: no result recorded (required before release)`,
        limit: t.limit,
      });
    } else if (t.status === 'fail') {
      issues.push({
        field: `qc.${t.test}`,
        code: 'qc-failed',
        message: `${t.label}: ${describeResult(s, latest.get(t.test)!)} is outside the limit ${t.limit} (${t.reference})`,
        limit: t.limit,
      });
    }
  }
  return {
    releasable: issues.length === 0,
    tests,
    issues,
    postReleaseFailures: tests.filter((t) => !t.required && t.status === 'fail'),
  };
}
