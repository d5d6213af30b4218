import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, onPasswordChangeRequired, onUnauthorized, setCsrfToken } from '../api/client';
import * as api from '../api/session';
import { SessionContext, type Session, type SessionState } from './context';

/** Loads /me on start; a 401 from any request (e.g. an expired session) signs the user out locally. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const reload = useCallback(async (signal?: AbortSignal) => {
    const me = await api.fetchMe(signal);
    setState({ status: 'signedIn', me });
  }, []);

  const start = useCallback(
    (signal?: AbortSignal) =>
      reload(signal).catch((error: unknown) => {
        if (signal?.aborted) return;
        // A 401 has already been handled by the onUnauthorized listener.
        if (!(error instanceof ApiError && error.status === 401)) setState({ status: 'error', error });
      }),
    [reload],
  );

  useEffect(() => {
    const unsubscribe = onUnauthorized(() => {
      setCsrfToken(undefined);
      setState((previous) => ({ status: 'signedOut', reason: previous.status === 'signedIn' ? 'expired' : 'initial' }));
    });
    // The password an administrator set must be changed first: reload /me, and RequireAuth opens the change-password page.
    const unsubscribePassword = onPasswordChangeRequired(() => void reload().catch(() => undefined));
    const controller = new AbortController();
    void start(controller.signal);
    return () => {
      unsubscribe();
      unsubscribePassword();
      controller.abort();
    };
  }, [start, reload]);

  const session = useMemo<Session>(
    () => ({
      state,
      signIn: async (input) => {
        await api.login(input);
        await reload();
      },
      signOut: async () => {
        try {
          await api.logout();
        } finally {
          setState({ status: 'signedOut', reason: 'logout' });
        }
      },
      reload: () => reload(),
      retry: () => {
        setState({ status: 'loading' });
        void start();
      },
      switchMembership: async (membershipId) => {
        await api.switchMembership(membershipId);
        await reload();
      },
    }),
    [state, reload, start],
  );

  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}
