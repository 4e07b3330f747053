/**
 * Decay-in-storage: radioactive waste is held until its activity has fallen by a factor large
 * enough to release it as ordinary waste; the usual rule is 10 half-lives (2^-10 ≈ 0.1 % left) of
 * the longest-lived nuclide present, and a department may set another number.
 *
 * Carrier-added Lu-177 (made by irradiating Lu-176) contains metastable Lu-177m, T½ 160.4 d
 * (ICRP-107), at up to 0.05 % of the Lu-177 activity at calibration (e.g. the LutaPol SmPC
 * radionuclidic purity limit). It is then the longest-lived nuclide in the waste and governs its
 * release: 10 × 160.4 d ≈ 4.4 years instead of 10 × 6.647 d ≈ 66 days. No-carrier-added Lu-177
 * (from Yb-176) has none.
 */
import { decayFactor } from '../nucmed/decay';
import { isNuclideId, nuclide, NUCLIDES } from '../nucmed/nuclides';
import { RadiopharmacyError } from './errors';
import { epochMs, iso, type InstantInput } from './instants';

export const DEFAULT_DECAY_IN_STORAGE_HALF_LIVES = 10;

interface LongLivedImpurity {
  readonly nuclide: string;
  /** Upper bound of the impurity's activity relative to the parent at calibration. */
  readonly maxFraction: number;
  readonly source: string;
}

/** Long-lived impurities of carrier-added production routes. */
const CARRIER_ADDED_IMPURITIES: Readonly<Record<string, LongLivedImpurity>> = {
  'Lu-177': { nuclide: 'Lu-177m', maxFraction: 0.0005, source: 'LutaPol (carrier-added Lu-177) SmPC: Lu-177m ≤ 0.05 %' },
};

export interface WasteInput {
  readonly nuclide: string;
  readonly activityMBq: number;
  readonly measuredAt: InstantInput;
  readonly carrierAdded?: boolean;
  readonly halfLives?: number;
}

export interface WasteRelease {
  readonly nuclide: string;
  /** The nuclide whose half-life sets the release date. */
  readonly governingNuclide: string;
  readonly halfLifeH: number;
  readonly halfLives: number;
  readonly releaseAt: string;
  /** Fraction of the governing nuclide's activity left at release: 2^-halfLives. */
  readonly remainingFraction: number;
  /** Activity of the nuclide declared, at release (its own decay). */
  readonly activityAtReleaseMBq: number;
  readonly note: string | null;
  readonly method: string;
}

export function wasteRelease(input: WasteInput): WasteRelease {
  const n = nuclide(input.nuclide, 'nuclide');
  const halfLives = input.halfLives ?? DEFAULT_DECAY_IN_STORAGE_HALF_LIVES;
  if (!(Number.isFinite(halfLives) && halfLives > 0 && halfLives <= 100)) {
    throw new RadiopharmacyError({ field: 'halfLives', code: 'invalid', message: `${halfLives} half-lives`, limit: '> 0 and ≤ 100' });
  }
  if (!(Number.isFinite(input.activityMBq) && input.activityMBq >= 0)) {
    throw new RadiopharmacyError({
      field: 'activityMBq',
      code: 'invalid',
      message: `${input.activityMBq} is not an activity`,
      limit: '≥ 0 MBq',
    });
  }
  const measuredAt = epochMs(input.measuredAt, 'measuredAt');
  let governing = n;
  let note: string | null = null;
  const impurity = input.carrierAdded ? CARRIER_ADDED_IMPURITIES[n.id] : undefined;
  if (input.carrierAdded && impurity === undefined) {
    note = `carrier-added ${n.id}: no long-lived impurity is known for it; release computed on ${n.id}`;
  } else if (impurity !== undefined) {
    if (isNuclideId(impurity.nuclide)) {
      governing = NUCLIDES[impurity.nuclide];
      note = `carrier-added ${n.id} contains ${impurity.nuclide} (T½ ${governing.halfLife.value} ${governing.halfLife.unit}, ${governing.halfLife.source}; up to ${impurity.maxFraction * 100} % of the ${n.id} activity, ${impurity.source}): release computed on ${impurity.nuclide}`;
    } else {
      note = `carrier-added ${n.id} contains ${impurity.nuclide}, which the nuclide table lacks: release computed on ${n.id} alone — measure the container before release`;
    }
  }
  const releaseMs = measuredAt + halfLives * governing.halfLife.hours * 3_600_000;
  return {
    nuclide: n.id,
    governingNuclide: governing.id,
    halfLifeH: governing.halfLife.hours,
    halfLives,
    releaseAt: iso(releaseMs),
    remainingFraction: 2 ** -halfLives,
    activityAtReleaseMBq: input.activityMBq * decayFactor(n, halfLives * governing.halfLife.hours),
    note,
    method: `decay in storage: ${halfLives} half-lives of ${governing.id} (T½ ${governing.halfLife.value} ${governing.halfLife.unit}, ${governing.halfLife.source}) from ${iso(measuredAt)}`,
  };
}
