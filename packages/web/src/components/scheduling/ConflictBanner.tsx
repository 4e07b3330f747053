import { isApiError } from '../../api/client';

/** A refused scheduling write: the title, then each reason the server gave (conflict, limit, field). */
export function ConflictBanner({ error, context }: { error: unknown; context: string }) {
  if (!error) return null;
  const api = isApiError(error) ? error : null;
  const reasons = api?.errors.map((e) => e.message.replace(/^[a-z0-9-]+: /, '')) ?? [];
  return (
    <div className="banner banner-error" role="alert" data-testid="scheduling-problem">
      <p className="banner-title">
        {context}: {api ? (api.status === 403 ? 'your role may not do this' : api.title) : 'something went wrong'}
      </p>
      {api?.detail && reasons.length === 0 && <p>{api.detail}</p>}
      {reasons.length > 0 && (
        <ul className="sc-conflicts">
          {reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      )}
      {!api && error instanceof Error && <p>{error.message}</p>}
    </div>
  );
}
