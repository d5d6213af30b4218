import type { LocalizedText } from './errors';

/** Kinds of organizations: the administrative tree and the bodies attached to its nodes. Mirrors prisma `OrgKind`. */
export const ORG_KINDS = [
  'PROVINCE',
  'CITY',
  'COUNTY',
  'TOWNSHIP',
  'SUBDISTRICT',
  'COMMUNITY',
  'VILLAGE',
  'CIVIL_AFFAIRS_BUREAU',
  'DEPARTMENT',
  'ELECTION_COMMITTEE',
  'OWNERS_COMMITTEE',
] as const;

export type OrgKindName = (typeof ORG_KINDS)[number];

export const ORG_KIND_NAMES: Record<OrgKindName, LocalizedText> = {
  PROVINCE: { 'zh-CN': '省', en: 'Province' },
  CITY: { 'zh-CN': '设区的市', en: 'City' },
  COUNTY: { 'zh-CN': '县（市、区）', en: 'County / district' },
  TOWNSHIP: { 'zh-CN': '乡镇', en: 'Township' },
  SUBDISTRICT: { 'zh-CN': '街道', en: 'Sub-district' },
  COMMUNITY: { 'zh-CN': '社区居民委员会', en: "Community (residents' committee)" },
  VILLAGE: { 'zh-CN': '村民委员会', en: 'Village committee' },
  CIVIL_AFFAIRS_BUREAU: { 'zh-CN': '民政局', en: 'Civil-affairs bureau' },
  DEPARTMENT: { 'zh-CN': '政府职能部门', en: 'Government department' },
  ELECTION_COMMITTEE: { 'zh-CN': '社区选举委员会', en: 'Election committee' },
  OWNERS_COMMITTEE: { 'zh-CN': '业主委员会', en: "Owners' committee" },
};

/** Where each kind may sit in the tree (null = a root). */
export const ALLOWED_PARENTS: Record<OrgKindName, readonly (OrgKindName | null)[]> = {
  PROVINCE: [null],
  CITY: ['PROVINCE'],
  COUNTY: ['CITY'],
  TOWNSHIP: ['COUNTY'],
  SUBDISTRICT: ['COUNTY'],
  COMMUNITY: ['TOWNSHIP', 'SUBDISTRICT'],
  VILLAGE: ['TOWNSHIP', 'SUBDISTRICT'],
  CIVIL_AFFAIRS_BUREAU: ['PROVINCE', 'CITY', 'COUNTY'],
  DEPARTMENT: ['PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP', 'SUBDISTRICT'],
  ELECTION_COMMITTEE: ['COMMUNITY', 'VILLAGE'],
  OWNERS_COMMITTEE: ['COMMUNITY'],
};

export function canHaveParent(kind: OrgKindName, parentKind: OrgKindName | null): boolean {
  return ALLOWED_PARENTS[kind].includes(parentKind);
}

/** 村改居: the code of the residents' committee an approved conversion sets up in a village's place. */
export function residentsCommitteeCode(villageCode: string): string {
  return `${villageCode}-RC`;
}
