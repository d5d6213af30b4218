import type { Db } from '../../../runtime/db';
import { appendAudit } from '../../../runtime/audit';
import { AppError } from '../../../domain/errors';
import { verifyPassword } from './passwords';
import { createSession } from './sessions';
import { isLoginThrottled, recordLoginAttempt } from './throttle';

export interface LoginOptions {
  db: Db;
  username: string;
  password: string;
  ip: string;
  userAgent?: string;
  requestId: string;
}

/**
 * Checks a password and opens a new session. The same message and the same work (an argon2 verification) answer
 * an unknown user and a wrong password, so neither reveals which accounts exist.
 */
export async function login(options: LoginOptions) {
  const { db, ip, requestId } = options;
  const username = options.username.trim().toLowerCase();
  if (await isLoginThrottled({ db, username, ip })) {
    await db.$transaction((tx) =>
      appendAudit(tx, {
        action: 'auth.login',
        targetType: 'user',
        targetId: username,
        outcome: 'refused',
        reason: 'throttled',
        requestId,
      }),
    );
    throw new AppError('LOGIN_THROTTLED');
  }
  const user = await db.user.findUnique({ where: { username }, include: { memberships: { orderBy: { createdAt: 'asc' } } } });
  const valid = await verifyPassword(user && !user.disabled ? user.passwordHash : null, options.password);
  await recordLoginAttempt({ db, username, ip, success: valid });
  if (!user || !valid) {
    await db.$transaction((tx) =>
      appendAudit(tx, {
        action: 'auth.login',
        targetType: 'user',
        targetId: username,
        actorId: user?.id,
        outcome: 'refused',
        reason: 'invalid-credentials',
        requestId,
      }),
    );
    throw new AppError('INVALID_CREDENTIALS');
  }
  const session = await createSession(db, {
    userId: user.id,
    membershipId: user.memberships[0]?.id ?? null,
    ip,
    userAgent: options.userAgent,
  });
  await db.$transaction((tx) =>
    appendAudit(tx, {
      action: 'auth.login',
      targetType: 'user',
      targetId: user.id,
      actorId: user.id,
      outcome: 'success',
      requestId,
    }),
  );
  return session;
}
