/**
 * Every refusal of the radiopharmacy rules names the field at fault, what was wrong and the
 * limit that applies, so the server can answer with a problem naming them without parsing
 * text. One refusal may carry several issues (a QC with two failing tests names both).
 */

export type RadiopharmacyIssueCode =
  | 'invalid'
  | 'out-of-order'
  | 'hot-cell-not-allowed'
  | 'transition-refused'
  | 'qc-missing'
  | 'qc-failed'
  | 'unknown-test'
  | 'unit-mismatch'
  | 'expired'
  | 'exceeds-remaining'
  | 'out-of-tolerance';

export interface RadiopharmacyIssue {
  /** Path of the offending value in the caller's input, e.g. "plannedInjectionAt" or "qc.radiochemical-purity". */
  field: string;
  code: RadiopharmacyIssueCode;
  message: string;
  /** The limit that was crossed, in words: "≥ 95 %", "≤ 2026-03-04T15:00:00.000Z". */
  limit?: string;
}

export class RadiopharmacyError extends Error {
  readonly issues: readonly RadiopharmacyIssue[];

  constructor(issues: RadiopharmacyIssue | readonly RadiopharmacyIssue[]) {
    const list = Array.isArray(issues) ? (issues as readonly RadiopharmacyIssue[]) : [issues as RadiopharmacyIssue];
    super(list.map((i) => `${i.field}: ${i.message}`).join('; '));
    this.name = 'RadiopharmacyError';
    this.issues = list;
  }

  /** The first issue's code: what kind of refusal this is. */
  get code(): RadiopharmacyIssueCode {
    return this.issues[0]?.code ?? 'invalid';
  }
}

/** Throws when any issue was found; returns otherwise. */
export function refuseIf(issues: readonly RadiopharmacyIssue[]): void {
  if (issues.length > 0) throw new RadiopharmacyError(issues);
}

/** Signed percent, one decimal, with its sign: "+12.3 %", "−4.0 %". */
export function formatPercent(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return `${rounded > 0 ? '+' : rounded < 0 ? '−' : ''}${Math.abs(rounded).toFixed(1)} %`;
}

/** MBq with a sensible number of digits for a dose calibrator reading. */
export function formatMBq(value: number): string {
  return `${value >= 100 ? Math.round(value).toString() : value.toPrecision(3)} MBq`;
}
