import { useEffect, useRef, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { homeFor, ROLE_LABELS } from '../auth/roles';
import { useUser, useSession } from '../auth/session';
import { Nav } from './Nav';

export function Layout() {
  const user = useUser();
  const { signOut } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  const [signingOut, setSigningOut] = useState(false);

  useEffect(() => {
    // After a client-side navigation, start keyboard and screen-reader users at the new
    // content rather than wherever the old page left focus. Not on first load.
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus();
  }, [location.pathname]);

  async function onSignOut() {
    setSigningOut(true);
    try {
      await signOut();
    } finally {
      navigate('/signin', { replace: true });
    }
  }

  return (
    <>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="app-header">
        <Link to={homeFor(user.role)} className="brand">
          Continuum
        </Link>
        <Nav role={user.role} />
        <div className="user-box">
          <span className="user-name" data-testid="current-user">
            {user.displayName ?? user.username}
          </span>
          <span className="user-role" data-testid="current-role">
            {ROLE_LABELS[user.role] ?? user.role}
          </span>
          <button type="button" className="button-secondary" onClick={onSignOut} disabled={signingOut}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
