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

/** Roles a membership can carry (user × organization × role). Mirrors the `Role` enum in prisma/schema.prisma. */
export const ROLES = [
  ...OFFICIAL_ROLES,
  'ELECTION_COMMITTEE_MEMBER',
  'OWNERS_COMMITTEE_MEMBER',
  'DEPARTMENT_APPLICANT',
  'APPLICANT',
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
};
