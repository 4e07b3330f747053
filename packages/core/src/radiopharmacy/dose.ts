/**
 * Drawing a patient dose from a released batch. The dose calibrator reads the syringe at the
 * draw instant; what matters clinically is the activity at the planned injection, so the reading
 * is decay-corrected there (core nucmed decay, ICRP-107 half-lives) and compared with the
 * prescription. Outside the product's tolerance the draw is refused unless a reason to override
 * is given — the decision is the server's; this module says by how much and against which limit.
 *
 * The batch's remaining activity at an instant is its calibrated activity decayed to that
 * instant minus every dose drawn from it, each decayed to the same instant (the atoms that left
 * the vial, whatever became of the dose): a draw larger than that is refused.
 */
import { decayCorrect } from '../nucmed/decay';
import { mbq } from '../nucmed/units';
import { formatMBq, formatPercent, RadiopharmacyError, refuseIf, type RadiopharmacyIssue } from './errors';
import { epochMs, iso, type InstantInput } from './instants';

export interface BatchActivity {
  readonly nuclide: string;
  /** Whole batch at calibration. */
  readonly activityMBq: number;
  readonly calibratedAt: InstantInput;
  readonly expiresAt: InstantInput;
  /** When the preparation started (a dose cannot be drawn before it). */
  readonly preparedAt?: InstantInput;
  /** Every dose drawn from the batch so far. */
  readonly doses: readonly { readonly drawnMBq: number; readonly drawnAt: InstantInput }[];
}

const decayTo = (nuclide: string, activityMBq: number, at: InstantInput, to: InstantInput) =>
  decayCorrect({ nuclide, activityMBq: mbq(activityMBq), at: iso(epochMs(at, 'at')), to: iso(epochMs(to, 'to')) });

/** The whole batch's activity at `at`, as if nothing had been drawn. */
export function batchActivityAt(batch: BatchActivity, at: InstantInput): number {
  return decayTo(batch.nuclide, batch.activityMBq, batch.calibratedAt, at).activityMBq;
}

export interface RemainingActivity {
  readonly batchMBq: number;
  readonly drawnMBq: number;
  readonly remainingMBq: number;
}

/** What is left in the vial at `at`: batch activity minus the doses drawn, everything decayed to `at`. */
export function remainingActivityAt(batch: BatchActivity, at: InstantInput): RemainingActivity {
  const batchMBq = batchActivityAt(batch, at);
  const drawnMBq = batch.doses.reduce((sum, d) => sum + decayTo(batch.nuclide, d.drawnMBq, d.drawnAt, at).activityMBq, 0);
  return { batchMBq, drawnMBq, remainingMBq: Math.max(0, batchMBq - drawnMBq) };
}

export interface ToleranceCheck {
  readonly prescribedMBq: number;
  readonly activityAtInjectionMBq: number;
  /** (at injection − prescribed) / prescribed, percent. */
  readonly deviationPct: number;
  readonly tolerancePct: number;
  readonly within: boolean;
  readonly message: string;
}

export function toleranceCheck(prescribedMBq: number, activityAtInjectionMBq: number, tolerancePct: number): ToleranceCheck {
  const deviationPct = ((activityAtInjectionMBq - prescribedMBq) / prescribedMBq) * 100;
  // Compared on the value shown (0.1 %): a dose displayed as "+10.0 %" against ±10 % is within.
  const within = Math.abs(Math.round(deviationPct * 10) / 10) <= tolerancePct;
  return {
    prescribedMBq,
    activityAtInjectionMBq,
    deviationPct,
    tolerancePct,
    within,
    message: `activity at injection ${formatMBq(activityAtInjectionMBq)} deviates ${formatPercent(deviationPct)} from the prescribed ${formatMBq(prescribedMBq)}; ${within ? 'within' : 'outside'} the tolerance ±${tolerancePct} %`,
  };
}

/** The refusal of an out-of-tolerance dose drawn without an override. */
export function toleranceIssue(t: ToleranceCheck, field = 'drawnMBq'): RadiopharmacyIssue {
  return {
    field,
    code: 'out-of-tolerance',
    message: `${t.message}; give override.reason to dispense it anyway`,
    limit: `±${t.tolerancePct} %`,
  };
}

export interface DrawRequest {
  readonly prescribedMBq: number;
  readonly drawnMBq: number;
  readonly drawnAt: InstantInput;
  readonly plannedInjectionAt: InstantInput;
  readonly tolerancePct: number;
}

export interface DosePlan {
  readonly activityAtInjectionMBq: number;
  readonly elapsedH: number;
  readonly decayFactor: number;
  readonly tolerance: ToleranceCheck;
  readonly remainingBeforeMBq: number;
  readonly remainingAfterMBq: number;
  readonly method: string;
}

const MINUTE_MS = 60_000;

const positive = (value: number, field: string, issues: RadiopharmacyIssue[]) => {
  if (!(Number.isFinite(value) && value > 0))
    issues.push({ field, code: 'invalid', message: `${value} is not a positive activity`, limit: '> 0 MBq' });
};

/**
 * Checks a draw and computes the dose at injection. Throws (RadiopharmacyError) for what no
 * override can excuse: non-positive activities, injection before the draw, a draw before the
 * preparation, a draw or an injection after the batch's expiry, more than the batch holds.
 * Tolerance is reported in `tolerance`, not thrown.
 */
export function planDose(batch: BatchActivity, req: DrawRequest): DosePlan {
  const issues: RadiopharmacyIssue[] = [];
  positive(req.prescribedMBq, 'prescribedMBq', issues);
  positive(req.drawnMBq, 'drawnMBq', issues);
  refuseIf(issues);
  const drawnAt = epochMs(req.drawnAt, 'drawnAt');
  const injectionAt = epochMs(req.plannedInjectionAt, 'plannedInjectionAt');
  const expiresAt = epochMs(batch.expiresAt, 'expiresAt');
  if (injectionAt < drawnAt) {
    issues.push({
      field: 'plannedInjectionAt',
      code: 'out-of-order',
      message: `planned injection ${iso(injectionAt)} is before the draw ${iso(drawnAt)}`,
      limit: `≥ drawnAt (${iso(drawnAt)})`,
    });
  }
  // People enter times to the minute: a draw stamped in the minute the preparation started is not before it.
  if (batch.preparedAt !== undefined && drawnAt < epochMs(batch.preparedAt, 'preparedAt') - MINUTE_MS) {
    const preparedAt = iso(epochMs(batch.preparedAt, 'preparedAt'));
    issues.push({
      field: 'drawnAt',
      code: 'out-of-order',
      message: `the draw ${iso(drawnAt)} is before the batch was prepared (${preparedAt})`,
      limit: `≥ ${preparedAt}`,
    });
  }
  if (drawnAt >= expiresAt) {
    issues.push({
      field: 'drawnAt',
      code: 'expired',
      message: `the batch expired at ${iso(expiresAt)}, before the draw ${iso(drawnAt)}`,
      limit: `< batch expiry ${iso(expiresAt)}`,
    });
  } else if (injectionAt > expiresAt) {
    issues.push({
      field: 'plannedInjectionAt',
      code: 'expired',
      message: `planned injection ${iso(injectionAt)} is after the batch expiry ${iso(expiresAt)}`,
      limit: `≤ batch expiry ${iso(expiresAt)}`,
    });
  }
  refuseIf(issues);
  const { remainingMBq } = remainingActivityAt(batch, req.drawnAt);
  // A dose calibrator reading is good to a few parts in a thousand; a draw that exceeds the
  // remaining activity by less than that is the same activity, not a second vial.
  if (req.drawnMBq > remainingMBq * 1.005) {
    throw new RadiopharmacyError({
      field: 'drawnMBq',
      code: 'exceeds-remaining',
      message: `${formatMBq(req.drawnMBq)} is more than the batch holds at ${iso(drawnAt)} (${formatMBq(remainingMBq)})`,
      limit: `≤ ${formatMBq(remainingMBq)}`,
    });
  }
  const corrected = decayTo(batch.nuclide, req.drawnMBq, req.drawnAt, req.plannedInjectionAt);
  return {
    activityAtInjectionMBq: corrected.activityMBq,
    elapsedH: corrected.elapsedH,
    decayFactor: corrected.decayFactor,
    tolerance: toleranceCheck(req.prescribedMBq, corrected.activityMBq, req.tolerancePct),
    remainingBeforeMBq: remainingMBq,
    remainingAfterMBq: Math.max(0, remainingMBq - req.drawnMBq),
    method: corrected.method,
  };
}
