import { describe, expect, it } from '@jest/globals';
import { chinaDayOf } from '../domain/china-time';
import { chineseNumeralDate, documentNumber, organShortCode, VERIFY_CODE_PATTERN } from '../domain/official-documents';
import { newVerifyCode } from '../runtime/official-documents/issue';

describe('公文 numbers and dates (GB/T 9704-2012)', () => {
  it('writes the 成文日期 in Chinese numerals, the year in full and month and day without padding', () => {
    expect(chineseNumeralDate('2026-12-08')).toBe('二〇二六年十二月八日');
    expect(chineseNumeralDate('2026-10-20')).toBe('二〇二六年十月二十日');
    expect(chineseNumeralDate('2031-01-31')).toBe('二〇三一年一月三十一日');
    expect(chineseNumeralDate('2030-11-15')).toBe('二〇三〇年十一月十五日');
    expect(() => chineseNumeralDate('2026-13-01')).toThrow(RangeError);
    expect(() => chineseNumeralDate('2026-12-8')).toThrow(RangeError);
  });

  it('dates a decision taken at 01:30 Beijing time by the China date, not the UTC day before', () => {
    expect(chineseNumeralDate(chinaDayOf('2026-12-07T17:30:00.000Z'))).toBe('二〇二六年十二月八日');
  });

  it('numbers a document 代字〔year〕n号 with the organ’s first character, 政 and the kind’s 类别字', () => {
    expect(documentNumber(organShortCode('东河县人民政府', 'vc-decision'), 2026, 12)).toBe('东政批〔2026〕12号');
    expect(() => documentNumber('东政批', 2026, 0)).toThrow(RangeError);
  });

  it('makes verification codes of 10 Crockford base32 characters', () => {
    for (let i = 0; i < 50; i++) expect(newVerifyCode()).toMatch(VERIFY_CODE_PATTERN);
  });
});
