/**
 * 公文 (GB/T 9704-2012) as the procedures issue them: the kinds, the 发文字号, the 成文日期 in Chinese numerals and
 * the page geometry. Pure: the renderer (api/services/official-documents) and the tests read the same numbers.
 */

/** The documents the procedures issue as 公文, each with its 文种 and the 类别字 of its 发文字号. */
export const OFFICIAL_DOCUMENT_KINDS = {
  /** 村改居: the county-level government's written decision (VC-APPROVE). */
  'vc-decision': { genre: '批复', category: '批' },
} as const;

export type OfficialDocumentKind = keyof typeof OFFICIAL_DOCUMENT_KINDS;

/**
 * 发文机关代字: the first character of the organ's name, 政 (a people's government) and the kind's 类别字, e.g. 东城区
 * → 东政批. GB/T 9704 leaves 代字 to each organ; an organization without its own short code gets this one.
 */
export function organShortCode(organName: string, kind: OfficialDocumentKind): string {
  return `${[...organName][0] ?? ''}政${OFFICIAL_DOCUMENT_KINDS[kind].category}`;
}

/** 发文字号 (GB/T 9704 7.2.4): 代字, the year in 六角括号 〔〕, the sequence without leading zeros and 号. */
export function documentNumber(shortCode: string, year: number, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`sequence ${sequence}`);
  return `${shortCode}〔${year}〕${sequence}号`;
}

const DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1–31 as written in a 成文日期: 八, 十, 十二, 二十, 三十一. */
function smallNumber(n: number): string {
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

/**
 * 成文日期 in Chinese numerals (GB/T 9704 7.3.5.1: 年份应标全称，月、日不编虚位): 2026-12-08 → 二〇二六年十二月八日.
 * Takes the China calendar date (YYYY-MM-DD), never a UTC instant.
 */
export function chineseNumeralDate(chinaDay: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(chinaDay);
  if (!match) throw new RangeError(`not a date: ${chinaDay}`);
  const [, year, month, day] = match;
  if (Number(month) < 1 || Number(month) > 12 || Number(day) < 1 || Number(day) > 31)
    throw new RangeError(`not a date: ${chinaDay}`);
  const yearText = [...year!].map((d) => DIGITS[Number(d)]).join('');
  return `${yearText}年${smallNumber(Number(month))}月${smallNumber(Number(day))}日`;
}

/** Points per millimetre (PDF user space is 1/72 inch). */
export const MM = 72 / 25.4;

/**
 * The page (GB/T 9704 5.2): A4, 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm (so the right margin is 26 mm and the bottom
 * 35 mm). Font sizes in points: 2号 22 pt, 3号 16 pt, 4号 14 pt.
 */
export const GONGWEN_PAGE = {
  widthMm: 210,
  heightMm: 297,
  topMm: 37,
  leftMm: 28,
  bodyWidthMm: 156,
  bodyHeightMm: 225,
  /** 发文机关标志's upper edge below the 版心's upper edge (7.2.2: 35 mm for 文件格式 is recommended; we use 25). */
  organMarkTopMm: 25,
  /** 印章 diameter: the 42 mm of a government seal (GB/T 38540 leaves the picture to the seal's owner). */
  sealDiameterMm: 42,
  sizes: { organMark: 36, title: 22, body: 16, note: 14 },
} as const;

/** The short verification code: 10 characters of Crockford base32 (no I, L, O, U), grouped 5-5 when printed. */
export const VERIFY_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const VERIFY_CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{10}$/;
