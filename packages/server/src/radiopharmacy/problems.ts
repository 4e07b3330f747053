import { NucmedError, RadiopharmacyError, type RadiopharmacyIssue } from '@continuum/core';
import { HttpProblem, type FieldError } from '../http/common/problem';

/** A field problem that also carries the limit crossed and the rule's code, for clients that act on them. */
export type LimitFieldError = FieldError & { limit?: string; code?: string };

/** Where an issue's field lives in the request: body fields get "body.", QC tests and the batch's state keep their names. */
const pathOf = (field: string, base: string) => (/^(qc|batch|waste|body)\./.test(field) ? field : `${base}.${field}`);

export function issuesProblem(issues: readonly RadiopharmacyIssue[], base = 'body', title?: string): HttpProblem {
  const state = issues.every((i) => i.code === 'transition-refused');
  const errors: LimitFieldError[] = issues.map((i) => ({
    path: pathOf(i.field, base),
    message: i.limit ? `${i.message} (limit: ${i.limit})` : i.message,
    ...(i.limit ? { limit: i.limit } : {}),
    code: i.code,
  }));
  return new HttpProblem(
    state ? 409 : 422,
    title ?? (state ? 'Conflict' : 'Unprocessable Content'),
    errors.map((e) => `${e.path}: ${e.message}`).join('; '),
    errors,
  );
}

/**
 * Turns the core's refusals into problems: rule refusals (QC, tolerance, expiry, hot cell) are
 * 422, a transition the batch's state forbids is 409, malformed values (unknown nuclide, instant
 * without offset) are 400. Anything else is rethrown untouched.
 */
export function asProblem(error: unknown, base = 'body'): unknown {
  if (error instanceof RadiopharmacyError) return issuesProblem(error.issues, base);
  if (error instanceof NucmedError) {
    const message = [
      error.reason,
      error.expected ? `expected ${error.expected}` : '',
      error.suggestions.length ? `did you mean ${error.suggestions.join(', ')}?` : '',
    ]
      .filter(Boolean)
      .join('; ');
    return new HttpProblem(400, 'Bad Request', `${pathOf(error.field, base)}: ${message}`, [{ path: pathOf(error.field, base), message }]);
  }
  return error;
}

/** Runs `work`, rethrowing core refusals as problems. */
export async function withProblems<T>(work: () => Promise<T>, base = 'body'): Promise<T> {
  try {
    return await work();
  } catch (e) {
    throw asProblem(e, base);
  }
}
