import type { Db } from '../../../runtime/db';
import { appendAudit } from '../../../runtime/audit';
import { AppError } from '../../../domain/errors';
import type { Caller } from '../../plugins/app/auth';
import { hashPassword, verifyPassword } from './passwords';
import type { CallerRequest } from '../caller-request';

/** Changes the caller's own password (the current one is required) and ends their other sessions. */
export async function changeOwnPassword({
  db,
  caller,
  input,
  requestId,
}: CallerRequest<{ currentPassword: string; newPassword: string }>) {
  const user = await db.user.findUniqueOrThrow({ where: { id: caller.userId } });
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await db.$transaction((tx) =>
      appendAudit(tx, {
        action: 'user.password-change',
        targetType: 'user',
        targetId: caller.userId,
        actorId: caller.userId,
        outcome: 'refused',
        reason: 'wrong-current-password',
        requestId,
      }),
    );
    throw new AppError('VALIDATION_FAILED', {
      fields: [
        {
          path: 'currentPassword',
          code: 'wrong',
          message: { 'zh-CN': '当前密码不正确。', en: 'The current password is wrong.' },
        },
      ],
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: caller.userId }, data: { passwordHash, mustChangePassword: false } });
    await tx.session.deleteMany({ where: { userId: caller.userId, id: { not: caller.sessionId } } });
    await appendAudit(tx, {
      action: 'user.password-change',
      targetType: 'user',
      targetId: caller.userId,
      actorId: caller.userId,
      outcome: 'success',
      requestId,
    });
  });
}

/** Switches the membership the caller acts under (only to one of their own). */
export async function switchMembership({
  db,
  caller,
  membershipId,
  requestId,
}: {
  db: Db;
  caller: Caller;
  membershipId: string;
  requestId: string;
}) {
  if (!caller.memberships.some((m) => m.id === membershipId)) throw new AppError('NOT_FOUND');
  await db.$transaction(async (tx) => {
    // The session may have ended while this request ran (signed out elsewhere, password reset, account disabled).
    const { count } = await tx.session.updateMany({ where: { id: caller.sessionId }, data: { membershipId } });
    if (count === 0) throw new AppError('UNAUTHENTICATED');
    await appendAudit(tx, {
      action: 'session.membership-switched',
      targetType: 'membership',
      targetId: membershipId,
      actorId: caller.userId,
      outcome: 'success',
      requestId,
    });
  });
}
