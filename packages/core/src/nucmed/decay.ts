/**
 * Physical decay: A(t) = A0 · e^(−λ·t), λ = ln 2 / T½ (ICRP-107 half-lives, see nuclides.ts).
 * One function serves both directions: a positive elapsed time decays forward (calibration →
 * injection), a negative one corrects back (measurement → injection time).
 */
import { NucmedError, requireFinite } from './errors';
import { hoursBetween, parseInstant, type Instant } from './instants';
import { decayConstantPerH, nuclide, type Nuclide } from './nuclides';
import { hours, mbq, parseActivity, type Hours, type MBq } from './units';

/** e^(−λ·t): the fraction left after `elapsedH` hours (> 1 when elapsedH < 0). */
export function decayFactor(n: Nuclide | string, elapsedH: Hours | number): number {
  return Math.exp(-decayConstantPerH(n) * requireFinite(elapsedH, 'elapsedH'));
}

/** Activity `elapsedH` hours after (or, if negative, before) the time `activity` was known. */
export function activityAt(activity: MBq, n: Nuclide | string, elapsedH: Hours | number): MBq {
  const a0 = requireFinite(activity, 'activityMBq');
  if (a0 < 0) throw new NucmedError({ field: 'activityMBq', code: 'negative', reason: `${a0} MBq is negative`, expected: '>= 0' });
  return mbq(a0 * decayFactor(n, elapsedH));
}

export interface DecayCorrection {
  readonly nuclide: string;
  readonly fromMBq: number;
  readonly activityMBq: number;
  readonly elapsedH: number;
  readonly decayFactor: number;
  readonly method: string;
}

/**
 * Activity known at instant `at`, carried to instant `to` (forward or back).
 * Instants are ISO 8601 strings with an offset, or parsed `Instant`s.
 */
export function decayCorrect(input: {
  nuclide: string | Nuclide;
  activityMBq: MBq;
  at: Instant | string;
  to: Instant | string;
}): DecayCorrection {
  const n = nuclide(input.nuclide);
  const elapsedH = hoursBetween(input.at, input.to);
  const factor = decayFactor(n, elapsedH);
  const a = activityAt(input.activityMBq, n, elapsedH);
  return {
    nuclide: n.id,
    fromMBq: input.activityMBq,
    activityMBq: a,
    elapsedH,
    decayFactor: factor,
    method: `physical decay A·e^(−λt), T½(${n.id}) = ${n.halfLife.value} ${n.halfLife.unit} (${n.halfLife.source}); ${elapsedH >= 0 ? 'forward' : 'back'}-corrected over ${Math.abs(elapsedH).toPrecision(6)} h`,
  };
}

/**
 * The pure half of `continuum decay --nuclide Lu-177 --activity 7.4GBq --at ISO --to ISO`:
 * text in, `{ nuclide, activityMBq }` out. Bad input throws a NucmedError naming the option.
 */
export function decayCommand(options: { nuclide: string; activity: string; at: string; to: string }): {
  nuclide: string;
  activityMBq: number;
} {
  const n = nuclide(options.nuclide, '--nuclide');
  const { mbq: a0 } = parseActivity(options.activity, '--activity');
  const at = parseInstant(options.at, '--at');
  const to = parseInstant(options.to, '--to');
  return { nuclide: n.id, activityMBq: decayCorrect({ nuclide: n, activityMBq: a0, at, to }).activityMBq };
}

/** Hours for an activity to fall from `fromMBq` to `toMBq` by physical decay alone. */
export function timeToDecay(n: Nuclide | string, fromMBq: MBq, toMBq: MBq): Hours {
  if (!(fromMBq > 0)) throw new NucmedError({ field: 'fromMBq', code: 'out-of-range', reason: `${fromMBq} MBq`, expected: '> 0' });
  if (!(toMBq > 0)) throw new NucmedError({ field: 'toMBq', code: 'out-of-range', reason: `${toMBq} MBq`, expected: '> 0' });
  return hours(Math.log(fromMBq / toMBq) / decayConstantPerH(n));
}
