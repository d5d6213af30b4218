import type { Db } from '../../../runtime/db';
import { appendAudit } from '../../../runtime/audit';
import type { Caller } from '../../plugins/app/auth';
import { callerAudit } from '../caller-request';

/** The caller's own mobile number (User.phone), where SMS reminders go. */
export async function ownMobile({ db, caller }: { db: Db; caller: Caller }) {
  const user = await db.user.findUniqueOrThrow({ where: { id: caller.userId }, select: { phone: true } });
  return { mobile: user.phone };
}

/** Sets or removes the caller's own mobile number; the audit row says that it changed, not the number. */
export async function setOwnMobile({
  db,
  caller,
  mobile,
  requestId,
}: {
  db: Db;
  caller: Caller;
  mobile: string | null;
  requestId: string;
}) {
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: caller.userId }, data: { phone: mobile } });
    await appendAudit(
      tx,
      callerAudit(caller, requestId, {
        action: 'user.mobile-changed',
        targetType: 'user',
        targetId: caller.userId,
        data: { mobile: mobile === null ? 'removed' : 'set' },
      }),
    );
  });
  return { mobile };
}
