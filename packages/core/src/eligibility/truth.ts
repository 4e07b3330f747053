/**
 * Three-valued (Kleene) truth. A criterion is met, not met, or unknown; unknown is never
 * silently folded into true or false, because unknowns are what a coordinator must chase.
 */
export type Truth = 'met' | 'not_met' | 'unknown';

/** Kleene conjunction: one not_met decides; otherwise any unknown leaves it unknown. */
export function conjunction(values: Iterable<Truth>): Truth {
  let sawUnknown = false;
  for (const v of values) {
    if (v === 'not_met') return 'not_met';
    if (v === 'unknown') sawUnknown = true;
  }
  return sawUnknown ? 'unknown' : 'met';
}

/** Kleene disjunction: one met decides; otherwise any unknown leaves it unknown. */
export function disjunction(values: Iterable<Truth>): Truth {
  let sawUnknown = false;
  for (const v of values) {
    if (v === 'met') return 'met';
    if (v === 'unknown') sawUnknown = true;
  }
  return sawUnknown ? 'unknown' : 'not_met';
}

/** Negation swaps met and not_met; the negation of "we don't know" is still "we don't know". */
export function negateTruth(value: Truth): Truth {
  if (value === 'met') return 'not_met';
  if (value === 'not_met') return 'met';
  return 'unknown';
}

/** A plain boolean observed fact, as a truth value. */
export function truthOf(value: boolean): Truth {
  return value ? 'met' : 'not_met';
}
