import type { Period } from './clock';
import type { LocalizedText } from './localized-text';

/**
 * The public side of a case (issue 21): 我要查 (a resident follows their case by its number and a query code, no
 * login) and 好差评 (国办发〔2019〕51号: five levels, a 差评 put right within 15 working days). One place for its rules.
 */

/** The procedures a resident starts or is served by: their cases get a query code and may be rated. */
export const RESIDENT_FACING_PROCEDURES = ['migrant-eligibility', 'service-admission-report', 'owners-meeting'] as const;
export type ResidentFacingProcedure = (typeof RESIDENT_FACING_PROCEDURES)[number];

export function isResidentFacing(procedure: string): procedure is ResidentFacingProcedure {
  return (RESIDENT_FACING_PROCEDURES as readonly string[]).includes(procedure);
}

/** A query code: 8 characters without the look-alikes 0/O, 1/I/L (40 bits), shown in groups of four. */
export const QUERY_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const QUERY_CODE_LENGTH = 8;

/** The code as typed: case and separators ignored ("abcd-efgh" is "ABCDEFGH"). */
export function normalizeQueryCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}

/** The five levels of 好差评, 5 best. */
export const RATING_LEVELS = [5, 4, 3, 2, 1] as const;
export type RatingLevel = (typeof RATING_LEVELS)[number];

export const RATING_LABELS: Record<RatingLevel, LocalizedText> = {
  5: { 'zh-CN': '非常满意', en: 'Very satisfied' },
  4: { 'zh-CN': '满意', en: 'Satisfied' },
  3: { 'zh-CN': '基本满意', en: 'Fairly satisfied' },
  2: { 'zh-CN': '不满意', en: 'Dissatisfied' },
  1: { 'zh-CN': '非常不满意', en: 'Very dissatisfied' },
};

/** 差评: 不满意 or 非常不满意. It opens a rectification task (整改). */
export function isPoorRating(level: number): boolean {
  return level <= 2;
}

/** A 差评 is answered and put right within 15 working days (国办发〔2019〕51号), on the holiday calendar. */
export const RECTIFICATION_PERIOD: Period = { amount: 15, unit: 'workdays' };

/** Case statuses after which a case has an outcome and may be rated (a withdrawn or failed case has none). */
export const RATEABLE_STATUSES = ['COMPLETED', 'REJECTED'] as const;
