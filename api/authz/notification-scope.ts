import type { Prisma } from '../../prisma/generated/client';
import type { Caller } from '../plugins/app/auth';

/** Notifications addressed to the caller: to them personally, or to an organization and role they hold. */
export function notificationsInScope(caller: Caller): Prisma.NotificationWhereInput {
  return {
    OR: [
      { userId: caller.userId },
      ...caller.memberships.map((m) => ({
        userId: null,
        organizationId: m.organizationId,
        OR: [{ role: null }, { role: m.role }],
      })),
    ],
  };
}
