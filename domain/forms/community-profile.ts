import { z } from 'zod';
import { isValidIsoDate } from '../clock';
import type { LocalizedText } from '../localized-text';
import { bilingualIssue } from '../validation';

/**
 * The community profile (issue 22): a community's figures for one year, kept by its residents' committee and
 * confirmed by the township. The API, the Excel import and the web form validate with these schemas; the indicators
 * (domain/rules/community-targets.ts) read the parsed value.
 */

/** 文化程度: education levels of committee members; 大专 (JUNIOR_COLLEGE) and above count for CT-EDUCATION. */
export const EDUCATION_LEVELS = ['BELOW_HIGH_SCHOOL', 'HIGH_SCHOOL', 'JUNIOR_COLLEGE', 'BACHELOR', 'POSTGRADUATE'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];
export const COLLEGE_OR_ABOVE: readonly EducationLevel[] = ['JUNIOR_COLLEGE', 'BACHELOR', 'POSTGRADUATE'];

export const EDUCATION_NAMES: Record<EducationLevel, LocalizedText> = {
  BELOW_HIGH_SCHOOL: { 'zh-CN': '高中以下', en: 'Below high school' },
  HIGH_SCHOOL: { 'zh-CN': '高中（中专）', en: 'High school' },
  JUNIOR_COLLEGE: { 'zh-CN': '大专', en: 'Junior college' },
  BACHELOR: { 'zh-CN': '本科', en: 'Bachelor' },
  POSTGRADUATE: { 'zh-CN': '研究生', en: 'Postgraduate' },
};

/** Positions in the residents' committee (主任、副主任、委员). */
export const COMMITTEE_POSITIONS = ['DIRECTOR', 'DEPUTY', 'MEMBER'] as const;
export type CommitteePosition = (typeof COMMITTEE_POSITIONS)[number];
export const POSITION_NAMES: Record<CommitteePosition, LocalizedText> = {
  DIRECTOR: { 'zh-CN': '主任', en: 'Director' },
  DEPUTY: { 'zh-CN': '副主任', en: 'Deputy director' },
  MEMBER: { 'zh-CN': '委员', en: 'Member' },
};

/** Profiles are kept from this year on (the source policy is of 2012). */
export const FIRST_PROFILE_YEAR = 2012;
export const LAST_PROFILE_YEAR = 2100;
const MAX_COUNT = 10_000_000;

const count = z.number().int().min(0).max(MAX_COUNT);
/** An area in m² as text with at most two decimals ("300", "1250.5"): compared exactly, never as a float. */
export const areaText = z
  .string()
  .trim()
  .regex(/^\d{1,9}(\.\d{1,2})?$/, { message: 'An area is a number of m² with at most two decimals' });
const isoDate = z.string().refine(isValidIsoDate, { message: 'A date is YYYY-MM-DD' });

export const committeeMember = z
  .object({
    name: z.string().trim().min(1).max(50),
    position: z.enum(COMMITTEE_POSITIONS),
    education: z.enum(EDUCATION_LEVELS),
    /** Dates of trainings attended (China dates). */
    trainings: z.array(isoDate).max(100).default([]),
  })
  .strict();
export type CommitteeMember = z.infer<typeof committeeMember>;

export const estate = z
  .object({
    name: z.string().trim().min(1).max(100),
    households: count,
    occupiedHouseholds: count,
    /** 新建住宅区: a newly built residential estate. */
    isNew: z.boolean(),
    /** A residents' committee has been set up for it (or it lies in a community whose committee serves it). */
    hasCommittee: z.boolean(),
  })
  .strict()
  .superRefine((e, ctx) => {
    if (e.occupiedHouseholds > e.households)
      ctx.addIssue(
        bilingualIssue(
          ['occupiedHouseholds'],
          'occupied_above_total',
          '入住户数不能大于总户数',
          'Occupied households cannot exceed the households',
        ),
      );
  });
export type Estate = z.infer<typeof estate>;

export const communityProfileInput = z
  .object({
    households: count,
    residents: count,
    committeeMembers: z.array(committeeMember).max(50),
    socialWorkers: count,
    socialOrganizations: count,
    registeredVolunteers: count,
    volunteerServiceResidents: count,
    partyMembers: count,
    partyMemberVolunteers: count,
    officeSpaceM2: areaText,
    serviceCentreM2: areaText,
    estates: z.array(estate).max(200),
  })
  .strict()
  .superRefine((p, ctx) => {
    const notAbove = (part: keyof typeof p, whole: keyof typeof p, zh: string, en: string) => {
      if ((p[part] as number) > (p[whole] as number)) ctx.addIssue(bilingualIssue([part], `${part}_above_${whole}`, zh, en));
    };
    notAbove('registeredVolunteers', 'residents', '注册志愿者不能多于居民人数', 'Registered volunteers cannot exceed residents');
    notAbove(
      'volunteerServiceResidents',
      'residents',
      '参与志愿服务的居民不能多于居民人数',
      'Residents in volunteer service cannot exceed residents',
    );
    notAbove(
      'partyMemberVolunteers',
      'partyMembers',
      '注册为志愿者的党员不能多于社区党员',
      'Party members registered as volunteers cannot exceed party members',
    );
    if (p.committeeMembers.filter((m) => m.position === 'DIRECTOR').length > 1)
      ctx.addIssue(bilingualIssue(['committeeMembers'], 'two_directors', '居委会只能有一名主任', 'A committee has one director'));
  });
export type CommunityProfileInput = z.infer<typeof communityProfileInput>;

export const profileYear = z.coerce.number().int().min(FIRST_PROFILE_YEAR).max(LAST_PROFILE_YEAR);
