/**
 * Bad input to the scheduling core (an opening time that does not exist, a date that is not a
 * date, a regimen without cycles) names the field and what was expected, like the nucmed core's
 * errors, so the server can answer with a problem naming the field without parsing a message.
 * Conflicts between bookings are not errors: they are answers (see conflicts.ts).
 */
export class SchedulingError extends Error {
  readonly field: string;
  readonly reason: string;
  readonly expected: string | undefined;

  constructor(details: { field: string; reason: string; expected?: string }) {
    super(`${details.field}: ${details.reason}${details.expected ? `; expected ${details.expected}` : ''}`);
    this.name = 'SchedulingError';
    this.field = details.field;
    this.reason = details.reason;
    this.expected = details.expected;
  }
}
