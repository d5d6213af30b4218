import type { LocalizedText } from './errors';

/** The officials' roles: the county, township and committee offices (not elected committees, departments or residents). */
export const OFFICIAL_ROLES = [
  'SYSTEM_ADMIN',
  'COUNTY_APPROVER',
  'COUNTY_CIVIL_AFFAIRS_REVIEWER',
  'TOWNSHIP_OFFICIAL',
  'RESIDENTS_COMMITTEE_OFFICIAL',
  'VILLAGE_COMMITTEE_OFFICIAL',
] as const;

/**
 * The city's civil-affairs office (市民政局): reads community profiles, service centres and the targets dashboard for
 * the whole city, read-only, and takes no part in any procedure (so it is not one of the OFFICIAL_ROLES above).
 */
const CITY_CIVIL_AFFAIRS_REVIEWER = 'CITY_CIVIL_AFFAIRS_REVIEWER';

/** Roles a membership can carry (user × organization × role). Mirrors the `Role` enum in prisma/schema.prisma. */
export const ROLES = [
  ...OFFICIAL_ROLES,
  'ELECTION_COMMITTEE_MEMBER',
  'OWNERS_COMMITTEE_MEMBER',
  'DEPARTMENT_APPLICANT',
  'APPLICANT',
  CITY_CIVIL_AFFAIRS_REVIEWER,
] as const;

export type RoleName = (typeof ROLES)[number];

export const ROLE_NAMES: Record<RoleName, LocalizedText> = {
  SYSTEM_ADMIN: { 'zh-CN': '系统管理员', en: 'System administrator' },
  COUNTY_APPROVER: { 'zh-CN': '县级审批人', en: 'County approver' },
  COUNTY_CIVIL_AFFAIRS_REVIEWER: { 'zh-CN': '县民政局审核人', en: 'County civil-affairs reviewer' },
  TOWNSHIP_OFFICIAL: { 'zh-CN': '乡镇（街道）工作人员', en: 'Township official' },
  RESIDENTS_COMMITTEE_OFFICIAL: { 'zh-CN': '居委会工作人员', en: "Residents' committee official" },
  VILLAGE_COMMITTEE_OFFICIAL: { 'zh-CN': '村委会工作人员', en: 'Village committee official' },
  ELECTION_COMMITTEE_MEMBER: { 'zh-CN': '选举委员会成员', en: 'Election committee member' },
  OWNERS_COMMITTEE_MEMBER: { 'zh-CN': '业主委员会成员', en: "Owners' committee member" },
  DEPARTMENT_APPLICANT: { 'zh-CN': '职能部门申请人', en: 'Department applicant' },
  APPLICANT: { 'zh-CN': '申请人（居民）', en: 'Applicant (resident)' },
  CITY_CIVIL_AFFAIRS_REVIEWER: { 'zh-CN': '市民政局审核人', en: 'City civil-affairs reviewer' },
};

/**
 * Where a role may sit: the organization kinds (and, where it matters, the kind of their parent) a membership in the
 * role may name. Roles not listed here may sit anywhere an administrator puts them (as before). A city's
 * civil-affairs reviewer sits only at a city's civil-affairs bureau: its scope is that city (supervisionPath).
 */
export const ROLE_PLACES: Partial<Record<RoleName, { places: { kind: string; parentKind?: string }[]; where: LocalizedText }>> = {
  CITY_CIVIL_AFFAIRS_REVIEWER: {
    places: [{ kind: 'CIVIL_AFFAIRS_BUREAU', parentKind: 'CITY' }],
    where: { 'zh-CN': '市民政局', en: "a city's civil-affairs bureau" },
  },
};

/** Whether a membership in `role` may name an organization of `kind` whose parent is of `parentKind`. */
export function roleFitsOrganization(role: RoleName, kind: string, parentKind: string | null): boolean {
  const places = ROLE_PLACES[role]?.places;
  if (!places) return true;
  return places.some((p) => p.kind === kind && (p.parentKind === undefined || p.parentKind === parentKind));
}
