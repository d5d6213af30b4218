import { OFFICIAL_ROLES as OFFICIALS, type RoleName } from '../../domain/roles';
import { SERVICE_ADMISSION_APPLICANT_ROLES } from '../../domain/procedures';

/**
 * Which roles may call which kind of endpoint: the one table behind every route's `config.permission`.
 * Step-level rights (who may complete which task) follow from the task's candidate organization and role, which
 * the workflow sets from the statute; see api/authz/task-scope.ts.
 */
export const PERMISSIONS = {
  /** Any signed-in user (reads of their own things). */
  authenticated: 'any',
  'organizations.read': ['SYSTEM_ADMIN', 'COUNTY_APPROVER', 'COUNTY_CIVIL_AFFAIRS_REVIEWER', 'TOWNSHIP_OFFICIAL'],
  'organizations.manage': ['SYSTEM_ADMIN'],
  'users.manage': ['SYSTEM_ADMIN'],
  'audit.verify': ['SYSTEM_ADMIN'],
  'calendar.manage': ['SYSTEM_ADMIN'],
  /** Webhook subscriptions of one's organization and their delivery log (events for other systems). */
  'webhooks.manage': ['SYSTEM_ADMIN'],
  /** 村改居: only the village committee prepares, drafts and withdraws its application. */
  'village-conversion.apply': ['VILLAGE_COMMITTEE_OFFICIAL'],
  /** Starting the smoke check: any official (not residents). */
  'smoke.start': OFFICIALS,
  /** Acting on tasks offered to one's organization and role (the task scope decides which). */
  'tasks.act': 'any',
  /**
   * The supervision view (本单位及下级): every task of one's organization's subtree, read-only. Officials and committees
   * have it; a resident (APPLICANT) acts only for themself and has none.
   */
  'tasks.supervise': [...OFFICIALS, 'ELECTION_COMMITTEE_MEMBER', 'OWNERS_COMMITTEE_MEMBER', 'DEPARTMENT_APPLICANT'],
  /** 传阅: circulating a case one may read to colleagues and organizations in scope (officials and committees). */
  'cases.circulate': [...OFFICIALS, 'ELECTION_COMMITTEE_MEMBER', 'OWNERS_COMMITTEE_MEMBER', 'DEPARTMENT_APPLICANT'],
  /** Starting a residents' committee election of a community: the township or sub-district office. */
  'elections.start': ['TOWNSHIP_OFFICIAL'],
  /** Reading elections in one's scope (a resident and a residents' committee see their own community's). */
  'elections.read': [...OFFICIALS, 'ELECTION_COMMITTEE_MEMBER', 'APPLICANT'],
  /** Reading the voter list and objections (ID numbers masked): the committee and the supervising offices. */
  'elections.voters.read': [
    'SYSTEM_ADMIN',
    'COUNTY_APPROVER',
    'COUNTY_CIVIL_AFFAIRS_REVIEWER',
    'TOWNSHIP_OFFICIAL',
    'ELECTION_COMMITTEE_MEMBER',
  ],
  /** Importing, adding and removing voters, recording objections: the election committee. */
  'elections.voters.manage': ['ELECTION_COMMITTEE_MEMBER'],
  /** A migrant applies themself (EL-SELF) with their own resident account and supplies evidence. */
  'elections.apply': ['APPLICANT'],
  /** Application status by number: the applicant (own), the committee, the supervising offices. */
  'elections.applications.read': [
    'APPLICANT',
    'ELECTION_COMMITTEE_MEMBER',
    'TOWNSHIP_OFFICIAL',
    'COUNTY_APPROVER',
    'COUNTY_CIVIL_AFFAIRS_REVIEWER',
    'SYSTEM_ADMIN',
  ],
  /** The county view: elections by community, the direct-election rate, migrant applications. */
  'elections.overview': ['COUNTY_APPROVER', 'COUNTY_CIVIL_AFFAIRS_REVIEWER', 'TOWNSHIP_OFFICIAL', 'SYSTEM_ADMIN'],
  /** An owners' committee registers a meeting of its assembly or of itself (OM-NOTICE, OM-INFORM). */
  'owners-meetings.register': ['OWNERS_COMMITTEE_MEMBER'],
  /** Reading owners' meetings in one's subtree: the committee itself, the residents' committee, the sub-district office. */
  'owners-meetings.read': [
    'OWNERS_COMMITTEE_MEMBER',
    'RESIDENTS_COMMITTEE_OFFICIAL',
    'TOWNSHIP_OFFICIAL',
    'COUNTY_APPROVER',
    'COUNTY_CIVIL_AFFAIRS_REVIEWER',
    'SYSTEM_ADMIN',
  ],
  /** Applying to hand a work item to communities (SA-GATE): a department, or a sub-district office. */
  'service-items.apply': SERVICE_ADMISSION_APPLICANT_ROLES,
  /** Reading service-item applications in one's scope (department's own, the county's and its civil-affairs bureau's). */
  'service-items.read': [
    'DEPARTMENT_APPLICANT',
    'TOWNSHIP_OFFICIAL',
    'COUNTY_CIVIL_AFFAIRS_REVIEWER',
    'COUNTY_APPROVER',
    'SYSTEM_ADMIN',
  ],
  /** The yearly service-admission summary per county. */
  'service-items.summary': ['COUNTY_APPROVER', 'COUNTY_CIVIL_AFFAIRS_REVIEWER', 'SYSTEM_ADMIN'],
  /** A residents' committee reports an item pushed onto it without admission (SA-REPORT). */
  'service-items.report': ['RESIDENTS_COMMITTEE_OFFICIAL'],
  /** Community profiles (issue 22): read in one's subtree; a residents' committee its own. */
  'community-profiles.read': [
    'RESIDENTS_COMMITTEE_OFFICIAL',
    'TOWNSHIP_OFFICIAL',
    'COUNTY_APPROVER',
    'COUNTY_CIVIL_AFFAIRS_REVIEWER',
    'CITY_CIVIL_AFFAIRS_REVIEWER',
    'SYSTEM_ADMIN',
  ],
  /** Keeping (saving, importing) a profile: the community's residents' committee (its own community only). */
  'community-profiles.keep': ['RESIDENTS_COMMITTEE_OFFICIAL'],
  /** Confirming a profile: the township or sub-district office above the community. */
  'community-profiles.confirm': ['TOWNSHIP_OFFICIAL'],
  /** The dashboard of the source policy's targets: township, county (and city, province) offices. */
  'community-indicators.read': [
    'TOWNSHIP_OFFICIAL',
    'COUNTY_APPROVER',
    'COUNTY_CIVIL_AFFAIRS_REVIEWER',
    'CITY_CIVIL_AFFAIRS_REVIEWER',
    'SYSTEM_ADMIN',
  ],
  /** Service centres of townships and counties (二(三)1): read in one's supervision subtree. */
  'service-centres.read': [
    'TOWNSHIP_OFFICIAL',
    'COUNTY_APPROVER',
    'COUNTY_CIVIL_AFFAIRS_REVIEWER',
    'CITY_CIVIL_AFFAIRS_REVIEWER',
    'SYSTEM_ADMIN',
  ],
  /**
   * Keeping a service centre's record: a township's own official (its township's), a county's civil-affairs reviewer at
   * the county's bureau (its county's); api/authz/service-centre-scope.ts decides the organization.
   */
  'service-centres.keep': ['TOWNSHIP_OFFICIAL', 'COUNTY_CIVIL_AFFAIRS_REVIEWER'],
  /** 我要查 / 好差评 signed in: anybody follows and rates the resident-facing cases they opened themself (and no other). */
  'cases.own-status': 'any',
  /** The county view of 好差评 (issue 21): ratings and rectifications of the organizations one supervises. */
  'service-ratings.read': [
    'TOWNSHIP_OFFICIAL',
    'COUNTY_APPROVER',
    'COUNTY_CIVIL_AFFAIRS_REVIEWER',
    'CITY_CIVIL_AFFAIRS_REVIEWER',
    'SYSTEM_ADMIN',
  ],
} as const satisfies Record<string, readonly RoleName[] | 'any'>;

export type Permission = keyof typeof PERMISSIONS;

export function roleHasPermission(role: RoleName | undefined, permission: Permission): boolean {
  const allowed: readonly RoleName[] | 'any' = PERMISSIONS[permission];
  if (allowed === 'any') return true;
  return role !== undefined && allowed.includes(role);
}
