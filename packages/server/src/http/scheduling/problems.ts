import { SchedulingError } from '@continuum/core';
import { BookingRefused, SchedulingConflict, SchedulingInvalid } from '../../scheduling/bookings';
import { LimitExceeded, OverrideForbidden } from '../../scheduling/courses';
import { badRequest, conflict, forbidden, HttpProblem } from '../common/problem';

/** The scheduling services' refusals as problem+json, each naming its field. */
export function schedulingProblem(e: unknown, pathOf: (field: string) => string = (f) => `body.${f}`): unknown {
  if (e instanceof BookingRefused) {
    return new HttpProblem(
      409,
      'Conflict',
      `Booking refused: ${e.conflicts.map((c) => c.reason).join('; ')}`,
      e.conflicts.map((c) => ({ path: pathOf(c.field), message: `${c.code}: ${c.reason}` })),
    );
  }
  if (e instanceof LimitExceeded) {
    return new HttpProblem(
      422,
      'Unprocessable Content',
      `Cycle ${e.check.cycleNumber} at ${e.check.prescribedMBq} MBq would cross an organ-at-risk limit: ${e.lines.join('; ')}. Reduce the activity, or give an override reason (investigator).`,
      e.lines.map((message) => ({ path: pathOf('overrideReason'), message })),
    );
  }
  if (e instanceof OverrideForbidden) return forbidden(e.message);
  if (e instanceof SchedulingConflict) return conflict(e.message);
  if (e instanceof SchedulingInvalid) return badRequest(`${e.field}: ${e.reason}`, [{ path: pathOf(e.field), message: e.reason }]);
  if (e instanceof SchedulingError) {
    return badRequest(e.message, [{ path: pathOf(e.field), message: e.expected ? `${e.reason}; expected ${e.expected}` : e.reason }]);
  }
  return e;
}
