/**
 * The one error type of the HTTP layer, rendered as RFC 9457 problem+json in one place
 * (errors.ts). `errors` names the fields at fault, e.g. { path: "body.reason" }.
 */
export interface FieldError {
  path: string;
  message: string;
}

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(detail ?? title);
  }
}

export const badRequest = (detail: string, errors?: FieldError[]) => new HttpProblem(400, 'Bad Request', detail, errors);
export const unauthorized = (detail = 'Sign in first.') => new HttpProblem(401, 'Unauthorized', detail);
export const forbidden = (detail: string) => new HttpProblem(403, 'Forbidden', detail);
export const notFound = (what: string) => new HttpProblem(404, 'Not Found', `${what} does not exist.`);
export const conflict = (detail: string) => new HttpProblem(409, 'Conflict', detail);
