import { z } from 'zod';
import { bilingualIssue } from './validation';

/** A mainland China mobile number (11 digits starting 13–19), where SMS reminders go (issue 20 item 8). */
export const CHINA_MOBILE = /^1[3-9]\d{9}$/;

export const chinaMobile = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    if (!CHINA_MOBILE.test(value))
      ctx.addIssue(
        bilingualIssue(
          [],
          'china_mobile',
          '请填写 11 位中国大陆手机号码（以 13–19 开头）。',
          'Enter an 11-digit mainland China mobile number (starting 13–19).',
        ),
      );
  });
