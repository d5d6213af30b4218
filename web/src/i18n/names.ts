import type { Membership } from '../api/session';
import { ORG_KIND_NAMES, ORG_KINDS, ROLE_NAMES, type OrgKindName, type RoleName } from '../api/schemas/shared';
import type { Language } from './index';

/** Names of roles and organization kinds come from domain/ (both languages), shared with the API. */
export function roleName(role: RoleName, language: Language): string {
  return ROLE_NAMES[role][language];
}

export function isOrgKind(kind: string): kind is OrgKindName {
  return (ORG_KINDS as readonly string[]).includes(kind);
}

export function orgKindName(kind: string, language: Language): string {
  return isOrgKind(kind) ? ORG_KIND_NAMES[kind][language] : kind;
}

/** "青石镇 · 乡镇（街道）工作人员" */
export function membershipLabel(membership: Membership, language: Language): string {
  return `${membership.organizationName} · ${roleName(membership.role, language)}`;
}

/** The organization's name in the chosen language (the English name is optional). */
export function organizationName(org: { name: string; nameEn: string | null }, language: Language): string {
  return language === 'en' && org.nameEn ? org.nameEn : org.name;
}
