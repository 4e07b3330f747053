import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { isApiError, setCsrfToken, setUnauthorizedHandler } from '../api/client';
import { api } from '../api/endpoints';
import type { Session, SessionUser } from '../api/types';

type Status = 'checking' | 'signed-out' | 'signed-in' | 'unreachable';

interface SessionContextValue {
  status: Status;
  user: SessionUser | null;
  /** True when the server ended the session under the user's feet (401 on a page call). */
  expired: boolean;
  /** True after the Sign out button, so the next sign-in starts from the role's home page. */
  signedOutByUser: boolean;
  signIn: (username: string, password: string) => Promise<SessionUser>;
  signOut: () => Promise<void>;
  retry: () => void;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<Status>('checking');
  const [user, setUser] = useState<SessionUser | null>(null);
  const [expired, setExpired] = useState(false);
  const [signedOutByUser, setSignedOutByUser] = useState(false);
  const [attempt, setAttempt] = useState(0);

  const accept = useCallback((session: Session) => {
    setCsrfToken(session.csrfToken);
    setUser(session.user);
    setExpired(false);
    setSignedOutByUser(false);
    setStatus('signed-in');
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    api.me({ signal: controller.signal }).then(accept, (e: unknown) => {
      if (controller.signal.aborted) return;
      setStatus(isApiError(e) && e.status === 401 ? 'signed-out' : 'unreachable');
    });
    return () => controller.abort();
  }, [accept, attempt]);

  useEffect(() => {
    // RequireSession sees the signed-out status and sends the user to /signin with a
    // note of where they were, so they come back to the same page.
    setUnauthorizedHandler(() => {
      setUser(null);
      setExpired(true);
      setStatus('signed-out');
    });
    return () => setUnauthorizedHandler(null);
  }, []);

  const signIn = useCallback(
    async (username: string, password: string) => {
      const session = await api.login(username, password);
      accept(session);
      return session.user;
    },
    [accept],
  );

  const signOut = useCallback(async () => {
    try {
      await api.logout();
    } finally {
      setCsrfToken(null);
      setUser(null);
      setExpired(false);
      setSignedOutByUser(true);
      setStatus('signed-out');
    }
  }, []);

  const retry = useCallback(() => {
    setStatus('checking');
    setAttempt((a) => a + 1);
  }, []);

  const value = useMemo(
    () => ({ status, user, expired, signedOutByUser, signIn, signOut, retry }),
    [status, user, expired, signedOutByUser, signIn, signOut, retry],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}

/** The signed-in user; only for components rendered behind RequireSession. */
export function useUser(): SessionUser {
  const { user } = useSession();
  if (!user) throw new Error('useUser needs a signed-in session');
  return user;
}
