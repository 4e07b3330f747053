/**
 * The same-day Ga-68 preparation window. Ga-68 (T½ 67.71 min, ICRP-107) loses half its activity
 * between labelling and an injection an hour later, so a Ga-68 PET is booked with its own
 * preparation in the Ga-68 labelling hot cell, on the same day, ending (end of synthesis, EOS,
 * labelling and QC done) before the injection and not too long before it:
 *
 *   hold = injection − EOS,  0 ≤ hold ≤ maxHold,
 *   maxHold = min(shelf life of the product,  T½ · log2(A_EOS / A_prescribed))
 *
 * the second term being the hold after which the dose drawn at EOS no longer reaches the
 * prescribed activity at injection (A_EOS · 2^(−hold/T½) ≥ A_prescribed). Hence the labelling
 * start, for a preparation lasting `preparationMin`:
 *   latest start   = injection − preparationMin            (EOS in time for the injection)
 *   earliest start = injection − maxHold − preparationMin  (decay or shelf life still allow it)
 * A preparation shared by several patients must hold, at EOS, the sum of what each needs then:
 *   Σ A_prescribed,i · 2^(hold_i/T½).
 */
import { activityAt, decayConstantPerH, nuclide, type MBq } from '../../nucmed';
import { SchedulingError } from './errors';

const GA68 = nuclide('Ga-68');
/** Minutes, from ICRP-107 through the nuclide table. */
export const GA68_HALF_LIFE_MIN = GA68.halfLife.value;

export interface Ga68WindowInput {
  readonly injectionAtMs: number;
  readonly shelfLifeMin: number;
  /** The activity prescribed at injection, MBq; with `endOfSynthesisMBq` it bounds the hold by decay. */
  readonly prescribedMBq?: number | null;
  /** The activity the preparation is expected to yield at the end of synthesis, MBq. */
  readonly endOfSynthesisMBq?: number | null;
  /** Labelling + QC, minutes (the preparation booking's length). */
  readonly preparationMin: number;
}

export interface Ga68Window {
  readonly injectionAtMs: number;
  readonly maxHoldMin: number;
  readonly limitedBy: 'shelf-life' | 'decay';
  readonly earliestEndMs: number;
  readonly latestEndMs: number;
  readonly earliestStartMs: number;
  readonly latestStartMs: number;
  /** Activity left at injection from a preparation ending at the earliest end (null without EOS activity). */
  readonly activityAtInjectionFromEarliestMBq: number | null;
  readonly method: string;
}

const positive = (v: number, field: string) => {
  if (!(Number.isFinite(v) && v > 0)) throw new SchedulingError({ field, reason: `${v} is not a positive number`, expected: '> 0' });
  return v;
};

/** How long after EOS a dose drawn from `endOfSynthesisMBq` still meets `prescribedMBq`, minutes (≥ 0). */
export function ga68DecayHoldMin(endOfSynthesisMBq: number, prescribedMBq: number): number {
  positive(endOfSynthesisMBq, 'endOfSynthesisMBq');
  positive(prescribedMBq, 'prescribedMBq');
  return Math.max(0, (Math.log(endOfSynthesisMBq / prescribedMBq) / decayConstantPerH(GA68)) * 60);
}

/** What must be there at EOS for `prescribedMBq` at injection `holdMin` later. */
export function ga68NeededAtEndOfSynthesis(prescribedMBq: number, holdMin: number): number {
  return activityAt(positive(prescribedMBq, 'prescribedMBq') as MBq, GA68, -holdMin / 60);
}

export function ga68PreparationWindow(input: Ga68WindowInput): Ga68Window {
  const shelf = positive(input.shelfLifeMin, 'shelfLifeMin');
  const prep = positive(input.preparationMin, 'preparationMin');
  const eos = input.endOfSynthesisMBq ?? null;
  const prescribed = input.prescribedMBq ?? null;
  const decayHold = eos !== null && prescribed !== null ? ga68DecayHoldMin(eos, prescribed) : null;
  const limitedBy = decayHold !== null && decayHold < shelf ? 'decay' : 'shelf-life';
  const maxHoldMin = limitedBy === 'decay' ? decayHold! : shelf;
  const earliestEndMs = input.injectionAtMs - maxHoldMin * 60_000;
  const latestEndMs = input.injectionAtMs;
  return {
    injectionAtMs: input.injectionAtMs,
    maxHoldMin,
    limitedBy,
    earliestEndMs,
    latestEndMs,
    earliestStartMs: earliestEndMs - prep * 60_000,
    latestStartMs: latestEndMs - prep * 60_000,
    activityAtInjectionFromEarliestMBq: eos !== null ? activityAt(eos as MBq, GA68, maxHoldMin / 60) : null,
    method:
      `hold from end of synthesis to injection ≤ ${limitedBy === 'decay' ? `T½·log2(A_EOS/A_prescribed) = ${GA68_HALF_LIFE_MIN} min × log2(${eos}/${prescribed}) = ${maxHoldMin.toFixed(1)} min (shorter than the shelf life ${shelf} min)` : `shelf life ${shelf} min${decayHold !== null ? ` (decay would allow ${decayHold.toFixed(1)} min)` : ' (and within what the activity at end of synthesis allows)'}`}` +
      `; preparation ${prep} min; Ga-68 T½ ${GA68_HALF_LIFE_MIN} min (${GA68.halfLife.source})`,
  };
}
