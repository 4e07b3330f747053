import { RadiopharmacyError } from './errors';
import { epochMs, iso, type InstantInput } from './instants';

/**
 * A batch expires `shelfLifeMin` minutes after its calibration: the end of synthesis or labelling
 * for an in-house preparation, the supplier's calibration time for a delivered product (the
 * shelf life of a marketed product is stated from it in the SmPC, e.g. Pluvicto 120 h).
 */
export function batchExpiry(calibratedAt: InstantInput, shelfLifeMin: number, field = 'calibratedAt'): string {
  if (!(Number.isFinite(shelfLifeMin) && shelfLifeMin > 0)) {
    throw new RadiopharmacyError({ field: 'shelfLifeMin', code: 'invalid', message: `shelf life ${shelfLifeMin} min`, limit: '> 0 min' });
  }
  return iso(epochMs(calibratedAt, field) + shelfLifeMin * 60_000);
}

export interface ExpiryCountdown {
  /** Whole seconds until expiry; 0 once expired. */
  readonly secondsLeft: number;
  readonly expired: boolean;
}

export function expiryCountdown(expiresAt: InstantInput, now: InstantInput): ExpiryCountdown {
  const left = epochMs(expiresAt, 'expiresAt') - epochMs(now, 'now');
  return { secondsLeft: Math.max(0, Math.floor(left / 1000)), expired: left <= 0 };
}
