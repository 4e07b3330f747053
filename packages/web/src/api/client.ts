/**
 * The one door to the HTTP API. Every call goes through `request` so that CSRF, problem+json
 * parsing and the "session expired" path behave the same on every page.
 */

export interface FieldProblem {
  /** Where the problem is, e.g. "body.reason" or "query.pageSize". */
  path: string;
  message: string;
  /** Closest valid values, for an unknown code or symbol (e.g. a gene). */
  suggestions?: string[];
}

/** An RFC 9457 problem detail turned into an Error the UI can render. */
export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  readonly type: string | undefined;
  readonly errors: FieldProblem[];
  /** Seconds from a Retry-After header (sent with 429). */
  readonly retryAfterSeconds: number | undefined;

  constructor(init: {
    status: number;
    title: string;
    detail?: string;
    type?: string;
    errors?: FieldProblem[];
    retryAfterSeconds?: number;
  }) {
    super(init.detail ?? init.title);
    this.name = 'ApiError';
    this.status = init.status;
    this.title = init.title;
    this.detail = init.detail;
    this.type = init.type;
    this.errors = init.errors ?? [];
    this.retryAfterSeconds = init.retryAfterSeconds;
  }

  /** The message for one form field; accepts "reason" or the full "body.reason". */
  fieldMessage(field: string): string | undefined {
    const wanted = field.includes('.') ? field : `body.${field}`;
    return this.errors.find((e) => e.path === wanted || e.path === field)?.message;
  }
}

/**
 * The banner line above a form: when every problem is shown next to its own field, point
 * there instead of repeating the server's technical "body.x: ..." detail.
 */
export function problemSummary(error: ApiError, formFields: readonly string[]): string {
  const onFields = error.errors.length > 0 && error.errors.every((e) => formFields.some((f) => e.path === `body.${f}`));
  return onFields ? 'Please correct the fields marked below.' : (error.detail ?? error.title);
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

// The CSRF token is not a secret from this page's own script; keeping it in memory (not
// storage) means a new tab asks /api/auth/me for it rather than reading a stale copy.
let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The session layer registers how to return to sign-in when the server answers 401. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

export type QueryValue = string | number | undefined | null;

export function toQueryString(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
  /** Let the request outlive the page (a "seen" mark sent as the user leaves). */
  keepalive?: boolean;
  /**
   * false for calls where 401 is an answer rather than an expired session
   * (bad credentials at sign-in, "not signed in yet" at start-up).
   */
  redirectOn401?: boolean;
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(`${path}${toQueryString(options.query)}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
      keepalive: options.keepalive,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError({
      status: 0,
      title: 'Cannot reach the Continuum server',
      detail: 'Check your network connection and try again.',
    });
  }

  if (response.status === 401 && options.redirectOn401 !== false) {
    setCsrfToken(null);
    onUnauthorized?.();
  }
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

async function toApiError(response: Response): Promise<ApiError> {
  const retryAfter = Number(response.headers.get('retry-after'));
  const base = {
    status: response.status,
    title: response.statusText || `HTTP ${response.status}`,
    retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
  };
  const contentType = response.headers.get('content-type') ?? '';
  if (!contentType.includes('json')) return new ApiError(base);
  try {
    const problem = (await response.json()) as Record<string, unknown>;
    return new ApiError({
      ...base,
      title: typeof problem.title === 'string' ? problem.title : base.title,
      detail: typeof problem.detail === 'string' ? problem.detail : undefined,
      type: typeof problem.type === 'string' ? problem.type : undefined,
      errors: parseFieldProblems(problem.errors),
    });
  } catch {
    return new ApiError(base);
  }
}

function parseFieldProblems(raw: unknown): FieldProblem[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((e: unknown) => {
    if (typeof e !== 'object' || e === null) return [];
    const { path, message, suggestions } = e as { path?: unknown; message?: unknown; suggestions?: unknown };
    // Some validators give the path as segments; the contract says a dotted string.
    const p = Array.isArray(path) ? path.join('.') : typeof path === 'string' ? path : '';
    const problem: FieldProblem = { path: p, message: typeof message === 'string' ? message : 'Invalid value' };
    if (Array.isArray(suggestions)) problem.suggestions = suggestions.filter((x): x is string => typeof x === 'string');
    return [problem];
  });
}
