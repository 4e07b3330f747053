import { isApiError } from '../api/client';

interface Props {
  error: unknown;
  /** What the user was doing, e.g. "Could not load the patient list". */
  context?: string;
  onRetry?: () => void;
}

/** Renders an API problem (title, detail, field paths) or any other failure the same way. */
export function ErrorBanner({ error, context, onRetry }: Props) {
  if (!error) return null;
  const api = isApiError(error) ? error : null;
  const title = api ? forbiddenOr(api.status, api.title) : 'Something went wrong';
  const detail = api ? api.detail : error instanceof Error ? error.message : undefined;
  return (
    <div className="banner banner-error" role="alert" data-testid="error-banner">
      <p className="banner-title">
        {context ? `${context}: ` : ''}
        {title}
      </p>
      {detail && detail !== title && <p>{detail}</p>}
      {api && api.errors.length > 0 && (
        <ul className="field-problems">
          {api.errors.map((e) => (
            <li key={`${e.path}:${e.message}`}>
              {e.path && <code>{e.path}</code>} {e.message}
            </li>
          ))}
        </ul>
      )}
      {onRetry && (
        <button type="button" className="button-secondary" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

function forbiddenOr(status: number, title: string): string {
  return status === 403 ? 'Your role does not give access to this information' : title;
}
