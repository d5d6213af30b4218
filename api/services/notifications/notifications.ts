import { notificationSentence } from '../../../domain/notifications';
import type { Db } from '../../../runtime/db';
import type { Caller } from '../../plugins/app/auth';
import { notificationsInScope } from '../../authz/notification-scope';

export async function listNotifications({ db, caller, limit }: { db: Db; caller: Caller; limit: number }) {
  const rows = await db.notification.findMany({
    where: notificationsInScope(caller),
    orderBy: { createdAt: 'desc' },
    take: limit,
    include: { reads: { where: { userId: caller.userId }, select: { readAt: true } } },
  });
  const unread = await db.notification.count({
    where: { AND: [notificationsInScope(caller), { reads: { none: { userId: caller.userId } } }] },
  });
  return {
    unread,
    items: rows.map((n) => ({
      id: n.id,
      kind: n.kind,
      caseId: n.caseId,
      taskId: n.taskId,
      params: n.params as Record<string, unknown>,
      text: notificationSentence(n.kind, n.params as Record<string, unknown>),
      createdAt: n.createdAt.toISOString(),
      read: n.reads.length > 0,
    })),
  };
}

export async function markNotificationsRead({ db, caller, ids }: { db: Db; caller: Caller; ids: string[] | 'all' }) {
  const targets = await db.notification.findMany({
    where: {
      AND: [
        notificationsInScope(caller),
        ids === 'all' ? {} : { id: { in: ids } },
        { reads: { none: { userId: caller.userId } } },
      ],
    },
    select: { id: true },
    take: 5000,
  });
  await db.notificationRead.createMany({
    data: targets.map((t) => ({ notificationId: t.id, userId: caller.userId })),
    skipDuplicates: true,
  });
  return targets.length;
}
