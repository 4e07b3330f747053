import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { isApiError } from '../api/client';
import { homeFor } from '../auth/roles';
import { useSession } from '../auth/session';
import { usePageTitle } from '../lib/usePageTitle';

export function SignInPage() {
  usePageTitle('Sign in');
  const { status, user, expired, signIn } = useSession();
  const navigate = useNavigate();
  const from = (useLocation().state as { from?: string } | null)?.from;
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);

  if (status === 'signed-in' && user && !busy) {
    return <Navigate to={from ?? homeFor(user.role)} replace />;
  }

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      const signedIn = await signIn(username.trim(), password);
      navigate(from ?? homeFor(signedIn.role), { replace: true });
    } catch (err) {
      setMessage(signInMessage(err));
      setPassword('');
      passwordRef.current?.focus();
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main" className="signin">
      <div className="signin-card">
        <h1>Continuum</h1>
        <p className="muted">Clinical research platform — sign in with your centre account.</p>
        {expired && !message && (
          <p className="banner banner-info" role="status">
            Your session has ended. Sign in again to continue.
          </p>
        )}
        {message && (
          <p className="banner banner-error" role="alert" data-testid="signin-error">
            {message}
          </p>
        )}
        <form onSubmit={onSubmit}>
          <div className="field">
            <label htmlFor="username">Username</label>
            <input
              id="username"
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              required
              value={username}
              onChange={(e) => setUsername(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="password">Password</label>
            <input
              id="password"
              name="password"
              type="password"
              autoComplete="current-password"
              required
              ref={passwordRef}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </div>
          <button type="submit" className="button-primary" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
      </div>
    </main>
  );
}

function signInMessage(err: unknown): string {
  if (!isApiError(err)) return 'Sign-in failed. Please try again.';
  if (err.status === 429) {
    const wait = err.retryAfterSeconds ? `Wait ${err.retryAfterSeconds} seconds` : 'Wait a few minutes';
    return `Too many sign-in attempts. ${wait} before trying again.`;
  }
  if (err.status === 401) return err.detail ?? 'Unknown username or wrong password.';
  return err.detail ?? err.title;
}
