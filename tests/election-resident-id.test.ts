import { describe, expect, it } from '@jest/globals';
import { maskResidentId, parseResidentId, residentIdCheckChar, residentIdNumber } from '../domain/resident-id';
import { idFor } from './support/elections';

describe('resident ID numbers (GB 11643-1999)', () => {
  it('accepts the standard’s example 11010519491231002X and a lowercase x, reading birth date and sex', () => {
    expect(parseResidentId('11010519491231002X')).toEqual({
      ok: true,
      idNumber: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: 'female',
    });
    expect(parseResidentId('11010519491231002x')).toMatchObject({ ok: true, idNumber: '11010519491231002X' });
    expect(parseResidentId(idFor('1990-05-01', '123'))).toMatchObject({ ok: true, birthDate: '1990-05-01', sex: 'male' });
  });

  it('refuses a wrong check digit: every other check character for the same 17 digits', () => {
    const valid = idFor('1990-05-01');
    for (const c of '0123456789X') {
      if (c === valid[17]) continue;
      expect(parseResidentId(`${valid.slice(0, 17)}${c}`)).toEqual({ ok: false, problem: 'check-digit' });
    }
  });

  it('refuses a birth date that does not exist (30 February, 13th month) even with a matching check digit', () => {
    const withCheck = (first17: string) => `${first17}${residentIdCheckChar(first17)}`;
    expect(parseResidentId(withCheck('37010219900230123'))).toEqual({ ok: false, problem: 'birth-date' });
    expect(parseResidentId(withCheck('37010219901301123'))).toEqual({ ok: false, problem: 'birth-date' });
    expect(parseResidentId(withCheck('37010220000229123'))).toMatchObject({ ok: true, birthDate: '2000-02-29' });
    expect(parseResidentId(withCheck('37010219000229123'))).toEqual({ ok: false, problem: 'birth-date' }); // 1900 is no leap year
  });

  it('refuses the wrong length, letters and an unknown province code', () => {
    expect(parseResidentId('37010219900501123')).toEqual({ ok: false, problem: 'format' });
    expect(parseResidentId('3701021990050112345')).toEqual({ ok: false, problem: 'format' });
    expect(parseResidentId('37010219900501A234')).toEqual({ ok: false, problem: 'format' });
    const first17 = '99010219900501123';
    expect(parseResidentId(`${first17}${residentIdCheckChar(first17)}`)).toEqual({ ok: false, problem: 'region' });
  });

  it('validates as a form field with a bilingual message, and masks for display', () => {
    expect(residentIdNumber.parse(' 11010519491231002x ')).toBe('11010519491231002X');
    const failed = residentIdNumber.safeParse('110105194912310021');
    expect(failed.success).toBe(false);
    expect(failed.error?.issues[0]).toMatchObject({ params: { code: 'resident_id_check_digit' } });
    expect(maskResidentId('11010519491231002X')).toBe('110***********002X');
  });
});
