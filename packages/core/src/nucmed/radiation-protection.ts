/**
 * External dose rate from a patient or a source, and the times a release threshold is reached.
 *
 * Point source in air, inverse square: Ḣ*(10)(r) = Γ · A / r² · T, with Γ the H*(10) rate
 * constant of the nuclide (µSv·m²/(MBq·h), nuclides.ts) and T an optional transmission factor
 * for the patient's own body (self-attenuation and scatter, 0 < T <= 1). T defaults to 1 (no
 * attenuation: conservative); a department that has measured its patients' transmission for a
 * product enters that value, and the method string records it. The point-source law is a poor
 * description closer than about three times the source size; 1 m from a patient is the usual
 * compromise and the default distance.
 *
 * Remaining activity follows either physical decay of the administered activity (conservative:
 * no excretion) or a whole-body retention curve fitted to measurements (a sum of exponentials,
 * e.g. the `terms` of a whole-body time-activity fit).
 */
import { NucmedError, requireInRange, requirePositive } from './errors';
import { addHours, formatInstant, toInstant, type Instant } from './instants';
import { decayConstantPerH, nuclide, type Nuclide } from './nuclides';
import { evaluateTerms, type ExponentialTerm } from './time-activity';
import type { MBq } from './units';

export interface DoseRateOptions {
  distanceM?: number;
  /** Transmission through the patient's body, (0, 1]; 1 = none. */
  transmission?: number;
  /** A measured constant replacing the table's, µSv·m²/(MBq·h), with its source. */
  doseRateConstant?: { uSvM2PerMBqH: number; source: string };
}

function constantFor(n: Nuclide, options: DoseRateOptions): { gamma: number; source: string } {
  if (options.doseRateConstant !== undefined) {
    return {
      gamma: requirePositive(options.doseRateConstant.uSvM2PerMBqH, 'doseRateConstant.uSvM2PerMBqH'),
      source: options.doseRateConstant.source,
    };
  }
  if (n.doseRateConstant === null) {
    throw new NucmedError({
      field: 'doseRateConstant',
      code: 'missing',
      reason: `${n.id} has no H*(10) rate constant in the nuclide table (${n.doseRateConstantNote ?? 'not tabulated'})`,
      expected: 'a measured doseRateConstant { uSvM2PerMBqH, source }',
    });
  }
  return { gamma: n.doseRateConstant.uSvM2PerMBqH, source: n.doseRateConstant.source };
}

function geometry(options: DoseRateOptions): { r: number; t: number } {
  return {
    r: requirePositive(options.distanceM ?? 1, 'distanceM'),
    t: requireInRange(options.transmission ?? 1, 'transmission', 0, 1, true),
  };
}

export interface DoseRate {
  readonly uSvPerH: number;
  readonly method: string;
}

/** Ḣ*(10) at `distanceM` (1 m by default) from `activityMBq` of `nuclide`. */
export function doseRateAt(nuclideName: string | Nuclide, activityMBq: MBq, options: DoseRateOptions = {}): DoseRate {
  const n = nuclide(nuclideName);
  const a = requirePositive(activityMBq, 'activityMBq', true);
  const { gamma, source } = constantFor(n, options);
  const { r, t } = geometry(options);
  return {
    uSvPerH: (gamma * a * t) / (r * r),
    method: `point source Ḣ*(10) = Γ·A/r²${t < 1 ? `·T (patient transmission T = ${t})` : ' (no self-attenuation)'}, Γ(${n.id}) = ${gamma} µSv·m²/(MBq·h) [${source}], r = ${r} m`,
  };
}

/** How the activity in the patient falls after administration. */
export type Retention =
  | { readonly kind: 'physical'; readonly administeredMBq: number }
  | { readonly kind: 'exponentials'; readonly terms: readonly ExponentialTerm[]; readonly source?: string };

function retentionCurve(n: Nuclide, retention: Retention): { at: (tH: number) => number; label: string } {
  if (retention.kind === 'physical') {
    const a0 = requirePositive(retention.administeredMBq, 'retention.administeredMBq', true);
    const l = decayConstantPerH(n);
    return { at: (t) => a0 * Math.exp(-l * t), label: `physical decay of ${a0} MBq (no excretion)` };
  }
  if (!Array.isArray(retention.terms) || retention.terms.length === 0) {
    throw new NucmedError({
      field: 'retention.terms',
      code: 'missing',
      reason: 'no retention terms',
      expected: 'at least one exponential term',
    });
  }
  retention.terms.forEach((term, i) => requirePositive(term.lambdaPerH, `retention.terms[${i}].lambdaPerH`));
  return {
    at: (t) => evaluateTerms(retention.terms, t),
    label: `whole-body retention, ${retention.terms.length}-term exponential${retention.source ? ` (${retention.source})` : ''}`,
  };
}

export interface ThresholdTime {
  /** Hours after administration at which the dose rate falls to the threshold (0 if already below). */
  readonly hoursAfterAdministration: number;
  readonly doseRateAtStartUSvPerH: number;
  readonly remainingActivityMBq: number;
  readonly method: string;
}

/**
 * First time after which the dose rate at `distanceM` stays at or below `thresholdUSvPerH`.
 * The dose rate is scanned on a doubling grid (0.01 h … ~1.3 years) for the last grid point still
 * above the threshold, then the crossing after it is found by bisection to 1 s; retention curves
 * with an uptake phase (first rising, then falling) are handled the same way.
 */
export function timeToReachDoseRate(
  input: { nuclide: string | Nuclide; retention: Retention; thresholdUSvPerH: number } & DoseRateOptions,
): ThresholdTime {
  const n = nuclide(input.nuclide);
  const threshold = requirePositive(input.thresholdUSvPerH, 'thresholdUSvPerH');
  const { gamma, source } = constantFor(n, input);
  const { r, t } = geometry(input);
  const curve = retentionCurve(n, input.retention);
  const rate = (h: number) => (gamma * Math.max(curve.at(h), 0) * t) / (r * r);
  let lastAbove = -1;
  const grid = [0];
  for (let h = 0.01; h < 12_000; h *= 2) grid.push(h);
  grid.forEach((h, i) => {
    if (rate(h) > threshold) lastAbove = i;
  });
  let hoursAfter = 0;
  if (lastAbove >= 0) {
    let lo = grid[lastAbove] ?? 0;
    const upper = grid[lastAbove + 1];
    if (upper === undefined) {
      throw new NucmedError({
        field: 'thresholdUSvPerH',
        code: 'out-of-range',
        reason: `the dose rate is still above ${threshold} µSv/h after ${lo} h`,
        expected: 'a threshold the retention curve reaches',
      });
    }
    let hi: number = upper;
    while (hi - lo > 1 / 3600) {
      const mid: number = 0.5 * (lo + hi);
      if (rate(mid) > threshold) lo = mid;
      else hi = mid;
    }
    hoursAfter = hi;
  }
  const method = `Ḣ*(10) = Γ·A(t)/r²${t < 1 ? `·T (T = ${t})` : ''}, Γ(${n.id}) = ${gamma} µSv·m²/(MBq·h) [${source}], r = ${r} m; ${curve.label}; threshold ${threshold} µSv/h`;
  return { hoursAfterAdministration: hoursAfter, doseRateAtStartUSvPerH: rate(0), remainingActivityMBq: curve.at(hoursAfter), method };
}

export interface RoomRelease {
  /** When the patient meets the release threshold (and the minimum stay). */
  readonly patientReleasableAt: string;
  /** When the room is free again: patient release + turnaround (cleaning, contamination survey). */
  readonly roomAvailableAt: string;
  readonly hoursAfterAdmission: number;
  readonly doseRateAtReleaseUSvPerH: number;
  readonly method: string;
}

/**
 * When a shielded room can be released: the patient may leave once the dose rate at the
 * threshold distance is below the threshold and any minimum stay has passed; the room is free
 * after a turnaround (decontamination and survey). Instants are ISO 8601 with an offset.
 */
export function shieldedRoomRelease(
  input: {
    nuclide: string | Nuclide;
    administeredAt: Instant | string;
    retention: Retention;
    thresholdUSvPerH: number;
    minimumStayH?: number;
    turnaroundH?: number;
  } & DoseRateOptions,
): RoomRelease {
  const start = toInstant(input.administeredAt, 'administeredAt');
  const minimumStay = requirePositive(input.minimumStayH ?? 0, 'minimumStayH', true);
  const turnaround = requirePositive(input.turnaroundH ?? 0, 'turnaroundH', true);
  const reach = timeToReachDoseRate(input);
  const stay = Math.max(reach.hoursAfterAdministration, minimumStay);
  const releasable = addHours(start, stay);
  const n = nuclide(input.nuclide);
  const { gamma } = constantFor(n, input);
  const { r, t } = geometry(input);
  const remaining = retentionCurve(n, input.retention).at(stay);
  return {
    patientReleasableAt: formatInstant(releasable),
    roomAvailableAt: formatInstant(addHours(releasable, turnaround)),
    hoursAfterAdmission: stay,
    doseRateAtReleaseUSvPerH: (gamma * remaining * t) / (r * r),
    method: `${reach.method}; minimum stay ${minimumStay} h; room turnaround ${turnaround} h`,
  };
}
