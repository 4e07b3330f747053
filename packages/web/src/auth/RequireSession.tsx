import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import type { Role } from '@continuum/core';
import { useSession } from './session';
import { can } from './roles';

export function RequireSession({ children }: { children: ReactNode }) {
  const { status, retry, signedOutByUser } = useSession();
  const location = useLocation();
  if (status === 'checking') {
    return (
      <p className="page-status" role="status">
        Checking your session…
      </p>
    );
  }
  if (status === 'unreachable') {
    return (
      <div className="page-status" role="alert">
        <p>The Continuum server cannot be reached.</p>
        <button type="button" onClick={retry}>
          Try again
        </button>
      </div>
    );
  }
  if (status === 'signed-out') {
    // Come back to the same page after an expired session or a bookmark; not after an
    // explicit sign-out, where the next person at the desk may have another role.
    const from = signedOutByUser ? undefined : pathOf(location);
    return <Navigate to="/signin" replace state={{ from }} />;
  }
  return <>{children}</>;
}

function pathOf(l: { pathname: string; search: string; hash: string }): string {
  return `${l.pathname}${l.search}${l.hash}`;
}

/** Shown in place of a page the signed-in role may not use (a typed URL or an old bookmark). */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { user } = useSession();
  if (!can(user?.role, roles)) {
    return (
      <section aria-labelledby="forbidden-title">
        <h1 id="forbidden-title">Not available for your role</h1>
        <p>Your role does not give access to this page. The menu shows the pages you can use.</p>
      </section>
    );
  }
  return <>{children}</>;
}
