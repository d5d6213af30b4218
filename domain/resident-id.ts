import { z } from 'zod';
import { isValidIsoDate, type IsoDate } from './clock';
import { bilingualIssue } from './validation';
import type { LocalizedText } from './localized-text';

/**
 * The citizen identity number (公民身份号码, GB 11643-1999): 6 digits of the address code, 8 of the birth date
 * (YYYYMMDD), 3 of the sequence (odd for men, even for women) and one check character, ISO 7064 MOD 11-2:
 * the weights are 2^(17−i) mod 11 and the check value 10 is written 'X'.
 *
 * The number is personal data: it lives in PostgreSQL only. Never log it, never put it in Temporal search
 * attributes or workflow payloads, never write it to the (append-only) audit chain; show it masked.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';
/** Province-level codes of the address part (incl. 81/82/83 of residence permits for HK, Macao and Taiwan residents). */
const PROVINCE_CODES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
  '83',
]);

export type ResidentIdProblem = 'format' | 'region' | 'birth-date' | 'check-digit';

export type ParsedResidentId =
  { ok: true; idNumber: string; birthDate: IsoDate; sex: 'male' | 'female' } | { ok: false; problem: ResidentIdProblem };

/** The check character of the first 17 digits. */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** Parses and verifies a resident ID number (a lowercase 'x' is accepted and normalized). */
export function parseResidentId(value: string): ParsedResidentId {
  const idNumber = value.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(idNumber)) return { ok: false, problem: 'format' };
  if (!PROVINCE_CODES.has(idNumber.slice(0, 2))) return { ok: false, problem: 'region' };
  const birthDate = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
  if (!isValidIsoDate(birthDate) || birthDate < '1900-01-01') return { ok: false, problem: 'birth-date' };
  if (residentIdCheckChar(idNumber.slice(0, 17)) !== idNumber[17]) return { ok: false, problem: 'check-digit' };
  return { ok: true, idNumber, birthDate, sex: Number(idNumber[16]) % 2 === 1 ? 'male' : 'female' };
}

/** For display: the first 3 and last 4 characters (370***********123X). */
export function maskResidentId(idNumber: string): string {
  return idNumber.length === 18 ? `${idNumber.slice(0, 3)}${'*'.repeat(11)}${idNumber.slice(14)}` : '*'.repeat(idNumber.length);
}

const PROBLEM_TEXT: Record<ResidentIdProblem, { zh: string; en: string }> = {
  format: {
    zh: '身份证号码须为 18 位：17 位数字加 1 位数字或 X',
    en: 'An ID number has 18 characters: 17 digits and a digit or X',
  },
  region: { zh: '身份证号码的地址码不正确', en: 'The address code of the ID number is not valid' },
  'birth-date': { zh: '身份证号码中的出生日期不存在', en: 'The birth date inside the ID number is not a real date' },
  'check-digit': { zh: '身份证号码校验码不正确（GB 11643）', en: 'The check digit of the ID number is wrong (GB 11643)' },
};

/** The message of a problem, for row reports and field errors. */
export function residentIdProblemText(problem: ResidentIdProblem): LocalizedText {
  return { 'zh-CN': PROBLEM_TEXT[problem].zh, en: PROBLEM_TEXT[problem].en };
}

/** A resident ID number field: verified and normalized (uppercase X). */
export const residentIdNumber = z
  .string()
  .trim()
  .transform((value, ctx) => {
    const parsed = parseResidentId(value);
    if (!parsed.ok) {
      const text = PROBLEM_TEXT[parsed.problem];
      ctx.addIssue(bilingualIssue([], `resident_id_${parsed.problem.replace('-', '_')}`, text.zh, text.en));
      return z.NEVER;
    }
    return parsed.idNumber;
  });

/** Adds an issue at `path` when the birth date does not match the one inside the ID number. */
export function birthDateMismatch(idNumber: string, birthDate: string): boolean {
  const parsed = parseResidentId(idNumber);
  return parsed.ok && parsed.birthDate !== birthDate;
}
