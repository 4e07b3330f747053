/**
 * One error type for every bad input to the nuclear-medicine core.
 *
 * The issue's rule for bad input is "a clear error naming the field and the limit; nothing
 * written". Core never writes, so its share is the naming: every throw says which field (a JSON
 * path such as `regions[2].activitiesMBq[1]`), what was wrong and what was expected, so that the
 * server can turn it into an RFC 9457 problem without parsing the message.
 */

export type NucmedErrorCode =
  | 'missing'
  | 'not-a-number'
  | 'negative'
  | 'out-of-range'
  | 'out-of-order'
  | 'unknown-unit'
  | 'ambiguous-unit'
  | 'unknown-nuclide'
  | 'unknown-organ'
  | 'invalid-instant'
  | 'too-few-points'
  | 'no-data'
  | 'fit-failed'
  | 'unsupported';

export interface NucmedErrorDetails {
  /** Path of the offending value in the caller's input, e.g. "regions[0].timesH[3]". */
  field: string;
  code: NucmedErrorCode;
  /** What was wrong, in words. */
  reason: string;
  /** The limit or the form that would have been accepted, e.g. "> 0", "MBq, GBq or mCi". */
  expected?: string;
  /** Close valid values, for unknown names. */
  suggestions?: readonly string[];
}

export class NucmedError extends Error {
  readonly field: string;
  readonly code: NucmedErrorCode;
  readonly reason: string;
  readonly expected: string | undefined;
  readonly suggestions: readonly string[];

  constructor(details: NucmedErrorDetails) {
    const parts = [`${details.field}: ${details.reason}`];
    if (details.expected !== undefined) parts.push(`expected ${details.expected}`);
    if (details.suggestions && details.suggestions.length > 0) {
      parts.push(`did you mean ${details.suggestions.map((s) => `"${s}"`).join(', ')}?`);
    }
    super(parts.join('; '));
    this.name = 'NucmedError';
    this.field = details.field;
    this.code = details.code;
    this.reason = details.reason;
    this.expected = details.expected;
    this.suggestions = details.suggestions ?? [];
  }
}

/** A finite number, or a NucmedError naming the field. */
export function requireFinite(value: unknown, field: string): number {
  if (value === undefined || value === null) {
    throw new NucmedError({ field, code: 'missing', reason: 'value is missing', expected: 'a number' });
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new NucmedError({ field, code: 'not-a-number', reason: `${JSON.stringify(value)} is not a finite number`, expected: 'a number' });
  }
  return value;
}

/** A finite number > 0 (or >= 0 when `allowZero`). */
export function requirePositive(value: unknown, field: string, allowZero = false): number {
  const n = requireFinite(value, field);
  if (n < 0 || (!allowZero && n === 0)) {
    throw new NucmedError({
      field,
      code: n < 0 ? 'negative' : 'out-of-range',
      reason: `${n} is ${n < 0 ? 'negative' : 'zero'}`,
      expected: allowZero ? '>= 0' : '> 0',
    });
  }
  return n;
}

/** A finite number in [min, max]. */
export function requireInRange(value: unknown, field: string, min: number, max: number, minExclusive = false): number {
  const n = requireFinite(value, field);
  if ((minExclusive ? n <= min : n < min) || n > max) {
    throw new NucmedError({
      field,
      code: 'out-of-range',
      reason: `${n} is out of range`,
      expected: `${minExclusive ? '>' : '>='} ${min} and <= ${max}`,
    });
  }
  return n;
}

/** Up to `max` candidates within a small edit distance of `name`, closest first (ties keep table order). */
export function closestNames(name: string, candidates: readonly string[], max = 3): string[] {
  const norm = (s: string) => s.toLowerCase().replace(/[\s_\-.]/g, '');
  const target = norm(name);
  const scored = candidates
    .map((candidate, order) => ({ candidate, order, d: editDistance(target, norm(candidate)) }))
    .filter(({ d, candidate }) => d <= Math.max(2, Math.floor(norm(candidate).length / 3)));
  scored.sort((a, b) => a.d - b.d || a.order - b.order);
  return scored.slice(0, max).map((s) => s.candidate);
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
