import type { Db } from '../../../runtime/db';
import type { Caller } from '../../plugins/app/auth';
import { countWorklists } from '../oa/worklists';

/**
 * The workspace's counts, in the inbox's own scopes: my open tasks (view "mine"), and the open tasks offered to my
 * current membership's organization and role that nobody has claimed (view "unclaimed"), which I may claim; and the
 * office lists' counts (已办, 我发起, 抄送我 unread: api/services/oa/worklists.ts).
 */
export async function countTasks(
  db: Db,
  caller: Caller,
): Promise<{ mine: number; claimable: number; done: number; started: number; circulatedUnread: number }> {
  const membership = caller.membership;
  const [mine, claimable, lists] = await Promise.all([
    // Mine, and those of colleagues who delegated theirs to me for a period (委托/代理).
    db.task.count({ where: { assigneeId: { in: [caller.userId, ...(caller.actingFor ?? [])] }, status: 'OPEN' } }),
    membership
      ? db.task.count({
          where: { candidateOrgId: membership.organizationId, candidateRole: membership.role, assigneeId: null, status: 'OPEN' },
        })
      : Promise.resolve(0),
    countWorklists(db, caller),
  ]);
  return { mine, claimable, ...lists };
}
