import { useState } from 'react';
import { isApiError } from '../../api/client';
import { api } from '../../api/endpoints';
import type { PatientIdentity } from '../../api/types';
import { formatDate } from '../../lib/format';
import { ErrorBanner } from '../ErrorBanner';

type State =
  | { kind: 'closed' }
  | { kind: 'loading' }
  | { kind: 'shown'; identity: PatientIdentity }
  | { kind: 'forbidden' }
  | { kind: 'failed'; error: unknown };

/**
 * Identity is fetched only on an explicit click: each opening is audited server-side, and
 * names should not sit on screen by default while pseudonymised data is being reviewed.
 */
export function IdentityPanel({ patientId }: { patientId: string }) {
  const [state, setState] = useState<State>({ kind: 'closed' });

  async function reveal() {
    setState({ kind: 'loading' });
    try {
      setState({ kind: 'shown', identity: await api.patientIdentity(patientId) });
    } catch (e) {
      setState(isApiError(e) && e.status === 403 ? { kind: 'forbidden' } : { kind: 'failed', error: e });
    }
  }

  return (
    <div className="identity" aria-live="polite">
      {state.kind === 'shown' ? (
        <>
          <dl className="facts" data-testid="identity">
            <div>
              <dt>Name</dt>
              <dd>
                {state.identity.familyName.toUpperCase()} {state.identity.givenName}
              </dd>
            </div>
            <div>
              <dt>Birth date</dt>
              <dd>{formatDate(state.identity.birthDate)}</dd>
            </div>
            <div>
              <dt>Hospital number</dt>
              <dd className="code">{state.identity.hospitalNumber}</dd>
            </div>
          </dl>
          <button type="button" className="button-secondary" onClick={() => setState({ kind: 'closed' })}>
            Hide identity
          </button>
        </>
      ) : (
        <button
          type="button"
          className="button-secondary"
          onClick={reveal}
          disabled={state.kind === 'loading'}
          aria-describedby="identity-note"
        >
          {state.kind === 'loading' ? 'Loading identity…' : 'Identity'}
        </button>
      )}
      {state.kind === 'closed' && (
        <span id="identity-note" className="muted small">
          {' '}
          Shows name, birth date and hospital number; the access is recorded in the audit trail.
        </span>
      )}
      {state.kind === 'forbidden' && (
        <p className="banner banner-info" role="status" data-testid="identity-forbidden">
          Your role cannot see identity data.
        </p>
      )}
      {state.kind === 'failed' && <ErrorBanner error={state.error} context="Could not load identity" />}
    </div>
  );
}
