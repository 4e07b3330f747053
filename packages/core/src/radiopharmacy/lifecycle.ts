/**
 * The life of a batch:
 *
 *   in-preparation ──(QC recorded / submitted)──► qc-pending ──(signed release)──► released
 *          │                                          │                              │
 *          └────────────────(reject)──────────────────┴──────────(reject = recall)───┴──► rejected
 *
 * and, whatever the stored status, a batch past its expiry is expired: nothing more may be
 * released from it or drawn from it. Expiry is read from the clock, never written by a job, so a
 * batch cannot be used in the minutes between its expiry and a sweep.
 */
import { RadiopharmacyError } from './errors';

export const BATCH_STATUSES = ['in-preparation', 'qc-pending', 'released', 'rejected', 'expired'] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];

export const BATCH_EVENTS = ['submit-qc', 'record-qc', 'record-post-release-qc', 'release', 'reject', 'draw-dose'] as const;
export type BatchEvent = (typeof BATCH_EVENTS)[number];

export interface BatchState {
  /** As stored; 'expired' may be stored but is also read from the clock. */
  readonly status: BatchStatus;
  /** ISO instant. */
  readonly expiresAt: string;
}

/** The status as of `now`: a batch that is not rejected is expired from its expiry instant on. */
export function effectiveStatus(batch: BatchState, now: Date): BatchStatus {
  if (batch.status === 'rejected') return 'rejected';
  return now.getTime() >= Date.parse(batch.expiresAt) ? 'expired' : batch.status;
}

const TRANSITIONS: Record<BatchEvent, Partial<Record<BatchStatus, BatchStatus>>> = {
  'submit-qc': { 'in-preparation': 'qc-pending' },
  'record-qc': { 'in-preparation': 'qc-pending', 'qc-pending': 'qc-pending' },
  // Results that arrive after release (sterility, Ge-68 breakthrough) leave the status alone.
  'record-post-release-qc': { 'in-preparation': 'qc-pending', 'qc-pending': 'qc-pending', released: 'released', expired: 'expired' },
  release: { 'qc-pending': 'released' },
  // Rejecting a released batch is a recall; an expired one can still be rejected for the record.
  reject: { 'in-preparation': 'rejected', 'qc-pending': 'rejected', released: 'rejected', expired: 'rejected' },
  'draw-dose': { released: 'released' },
};

const WHY: Partial<Record<BatchStatus, string>> = {
  'in-preparation': 'it is still in preparation (record its QC first)',
  'qc-pending': 'its QC has not been released yet',
  released: 'it has already been released',
  rejected: 'it has been rejected',
  expired: 'it has expired',
};

/** Why `event` may not happen to `batch` at `now`, or null when it may. */
export function transitionRefusal(batch: BatchState, event: BatchEvent, now: Date): string | null {
  const from = effectiveStatus(batch, now);
  if (TRANSITIONS[event][from] !== undefined) return null;
  const expiredNote = from === 'expired' ? ` (expired at ${new Date(batch.expiresAt).toISOString()})` : '';
  return `cannot ${event.replace(/-/g, ' ')}: ${WHY[from] ?? `it is ${from}`}${expiredNote}`;
}

/** The status after `event`, or a RadiopharmacyError naming why the transition is refused. */
export function nextStatus(batch: BatchState, event: BatchEvent, now: Date, field = 'status'): BatchStatus {
  const refusal = transitionRefusal(batch, event, now);
  if (refusal !== null) {
    const allowedFrom = Object.keys(TRANSITIONS[event]).filter(
      (s) => s !== 'expired' || event === 'reject' || event === 'record-post-release-qc',
    );
    throw new RadiopharmacyError({
      field,
      code: effectiveStatus(batch, now) === 'expired' ? 'expired' : 'transition-refused',
      message: refusal,
      limit: `batch ${allowedFrom.join(' or ')}${event === 'release' || event === 'draw-dose' ? ', before its expiry' : ''}`,
    });
  }
  return TRANSITIONS[event][effectiveStatus(batch, now)]!;
}
