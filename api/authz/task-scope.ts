import { AppError } from '../../domain/errors';
import type { Caller } from '../plugins/app/auth';
import type { Prisma } from '../../prisma/generated/client';
import { currentMembership } from './organization-scope';
import { roleHasPermission } from './permissions';

/**
 * Tasks a caller may act on: those offered to the organization and role of the membership they currently act under,
 * and those assigned to them while they are open. An assignment (a claim, an assignment by a colleague, a delegation)
 * gives access only for the life of the task: once it is completed, cancelled or given to someone else, the former
 * assignee sees it (and its case) only as far as their own organization and role allow. Every task read and write
 * goes through these builders; the lookups that apply them are in
 * api/services/tasks/find-task.ts. A period delegation (委托/代理) lets the delegate act on the tasks the delegator
 * holds, in the same organization and role, while it is active.
 */
export function actionableTaskWhere(caller: Caller): Prisma.TaskWhereInput {
  const membership = caller.membership;
  const offered: Prisma.TaskWhereInput[] = membership
    ? [{ candidateOrgId: membership.organizationId, candidateRole: membership.role }]
    : [];
  // Under a period delegation (委托/代理), the delegators' open tasks too (caller.actingFor, loaded with the session).
  const holders = [caller.userId, ...(caller.actingFor ?? [])];
  const held: Prisma.TaskWhereInput =
    holders.length === 1 ? { assigneeId: caller.userId, status: 'OPEN' } : { assigneeId: { in: holders }, status: 'OPEN' };
  return { OR: [held, ...offered] };
}

/** Whether the caller's current membership has the supervision view (本单位及下级): officials, not residents. */
export function maySupervise(caller: Caller): boolean {
  return roleHasPermission(caller.membership?.role, 'tasks.supervise');
}

/** The supervision view (本单位及下级), or 403 for a membership without one (a resident). */
export function requireSupervision(caller: Caller): void {
  if (!maySupervise(caller)) {
    throw new AppError('FORBIDDEN', {
      details: { reason: 'no-supervision-view' },
      message: { 'zh-CN': '居民账户没有“本单位及下级（督办）”视图。', en: 'A resident account has no supervision view.' },
    });
  }
}

/** Tasks a caller may see for supervision: every task offered anywhere in their organization's subtree (read-only). */
export function supervisedTaskWhere(caller: Caller): Prisma.TaskWhereInput {
  return { candidateOrgAncestors: { has: currentMembership(caller).organizationId } };
}

/** Tasks through which a caller may read a case: those they may act on, and (supervisors) those they supervise. */
export function caseAccessTaskWhere(caller: Caller): Prisma.TaskWhereInput {
  if (!caller.membership || !maySupervise(caller)) return actionableTaskWhere(caller);
  return { OR: [actionableTaskWhere(caller), supervisedTaskWhere(caller)] };
}

/**
 * Who may hold a task: a member of the task's candidate organization holding its candidate role, with an account
 * that is not disabled. Assigning and delegating check this, and so do the colleague lists offered for them.
 */
export function eligibleMembershipWhere(task: { candidateOrgId: string; candidateRole: string }): Prisma.MembershipWhereInput {
  return { organizationId: task.candidateOrgId, role: task.candidateRole as never, user: { disabled: false } };
}

/** Saved inbox filters the caller can use: their own, and those shared within their current organization. */
export function savedFiltersInScope(caller: Caller): Prisma.SavedFilterWhereInput {
  return { OR: [{ ownerId: caller.userId }, { organizationId: currentMembership(caller).organizationId, shared: true }] };
}
