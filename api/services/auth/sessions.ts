import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../../runtime/db';

export const SESSION_COOKIE = 'cg_session';
export const CSRF_HEADER = 'x-csrf-token';
/** Idle expiry: a session unused this long ends; every use extends it, up to the absolute limit. */
export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 7 * 24 * 60 * 60 * 1000;

export function sessionIdFromToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Creates a session (a fresh id at every login) and returns the cookie token; only its hash is stored. */
export async function createSession(
  db: Db,
  options: { userId: string; membershipId: string | null; ip?: string; userAgent?: string },
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(Date.now() + SESSION_IDLE_MS);
  await db.session.create({
    data: {
      id: sessionIdFromToken(token),
      userId: options.userId,
      membershipId: options.membershipId,
      csrfToken,
      ip: options.ip,
      userAgent: options.userAgent?.slice(0, 500),
      expiresAt,
    },
  });
  return { token, csrfToken, expiresAt };
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.session.deleteMany({ where: { id: sessionId } });
}

/** Extends a live session's idle expiry (at most once a minute, to keep reads cheap). */
export async function touchSession(db: Db, session: { id: string; createdAt: Date; lastSeenAt: Date }): Promise<void> {
  const now = Date.now();
  if (now - session.lastSeenAt.getTime() < 60_000) return;
  const expiresAt = new Date(Math.min(now + SESSION_IDLE_MS, session.createdAt.getTime() + SESSION_ABSOLUTE_MS));
  await db.session.updateMany({ where: { id: session.id }, data: { lastSeenAt: new Date(now), expiresAt } });
}
