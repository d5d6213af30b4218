import type { RoleName } from '../../domain/roles';

/**
 * Which roles may call which kind of endpoint: the one table behind every route's `config.permission`.
 * Step-level rights (who may complete which task) follow from the task's candidate organization and role, which
 * the workflow sets from the statute; see api/services/tasks/task-scope.ts.
 */
export const PERMISSIONS = {
  /** Any signed-in user (reads of their own things). */
  authenticated: 'any',
  'organizations.read': ['SYSTEM_ADMIN', 'COUNTY_APPROVER', 'COUNTY_CIVIL_AFFAIRS_REVIEWER', 'TOWNSHIP_OFFICIAL'],
  'organizations.manage': ['SYSTEM_ADMIN'],
  'users.manage': ['SYSTEM_ADMIN'],
  'audit.verify': ['SYSTEM_ADMIN'],
  'calendar.manage': ['SYSTEM_ADMIN'],
  /** Starting the smoke check: any official (not residents). */
  'smoke.start': [
    'SYSTEM_ADMIN',
    'COUNTY_APPROVER',
    'COUNTY_CIVIL_AFFAIRS_REVIEWER',
    'TOWNSHIP_OFFICIAL',
    'RESIDENTS_COMMITTEE_OFFICIAL',
    'VILLAGE_COMMITTEE_OFFICIAL',
  ],
  /** Acting on tasks offered to one's organization and role (the task scope decides which). */
  'tasks.act': 'any',
} as const satisfies Record<string, readonly RoleName[] | 'any'>;

export type Permission = keyof typeof PERMISSIONS;

export function roleHasPermission(role: RoleName | undefined, permission: Permission): boolean {
  const allowed: readonly RoleName[] | 'any' = PERMISSIONS[permission];
  if (allowed === 'any') return true;
  return role !== undefined && allowed.includes(role);
}
