import { createContext, useContext } from 'react';
import type { LoginInput, Me } from '../api/session';
import { roleHasPermission, type Permission } from '../../../api/authz/permissions';

export type SignedOutReason = 'initial' | 'logout' | 'expired';

export type SessionState =
  | { status: 'loading' }
  | { status: 'signedOut'; reason: SignedOutReason }
  | { status: 'signedIn'; me: Me }
  | { status: 'error'; error: unknown };

export interface Session {
  state: SessionState;
  signIn: (input: LoginInput) => Promise<void>;
  signOut: () => Promise<void>;
  /** Reloads GET /api/v1/me (after a membership switch or a password change). */
  reload: () => Promise<void>;
  /** Starts over after the first /me failed (network error). */
  retry: () => void;
  switchMembership: (membershipId: string) => Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The signed-in user (only inside routes guarded by RequireAuth). */
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== 'signedIn') throw new Error('useMe outside a signed-in route');
  return state.me;
}

/**
 * Whether the current membership's role has an API permission: the same table the API enforces
 * (api/authz/permissions.ts, a pure module), so menus and pages match what the server allows.
 */
export function canAccess(me: Me, permission: Permission): boolean {
  return roleHasPermission(me.membership?.role, permission);
}
