import { z } from 'zod';
import { ROLES } from '../../domain/roles';
import { membershipView } from './me';
import { residentIdNumber } from '../../domain/resident-id';
import { bilingualIssue } from '../../domain/validation';
import { password } from '../../domain/password';
import { chinaMobile } from '../../domain/mobile';

export const userView = z
  .object({
    id: z.string().uuid(),
    username: z.string(),
    displayName: z.string(),
    disabled: z.boolean(),
    isDemo: z.boolean(),
    mustChangePassword: z.boolean(),
    /** The bound resident ID number, masked (370***********123X); null when the account has none. */
    idNumberMasked: z.string().nullable(),
    memberships: z.array(membershipView),
  })
  .meta({ id: 'User' });

export { password };
export const username = z
  .string()
  .trim()
  .min(3)
  .max(64)
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, { message: 'username: letters, digits, . _ -' });

export const newMembership = z.object({ organizationId: z.string().uuid(), role: z.enum(ROLES) }).strict();

export const createUserBody = z
  .object({
    username,
    displayName: z.string().trim().min(1).max(100),
    password,
    /** The holder's resident ID number (real-name account); required for a resident (APPLICANT) account. */
    idNumber: residentIdNumber.optional(),
    memberships: z.array(newMembership).min(1).max(20),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.idNumber === undefined && body.memberships.some((m) => m.role === 'APPLICANT')) {
      ctx.addIssue(
        bilingualIssue(
          ['idNumber'],
          'id_number_required',
          '居民账号实名签发：须填写本人身份证号码。',
          'A resident account is issued in the holder’s real name: enter their resident ID number.',
        ),
      );
    }
  })
  .meta({
    examples: [
      {
        username: 'new.user',
        displayName: '新用户',
        password: 'a-long-password',
        idNumber: '11010519491231002X',
        memberships: [{ organizationId: '$organizationId', role: 'TOWNSHIP_OFFICIAL' }],
      },
    ],
  });

export const updateUserBody = z
  .object({
    displayName: z.string().trim().min(1).max(100).optional(),
    disabled: z.boolean().optional(),
    /** Binds (or corrects) the holder's resident ID number. */
    idNumber: residentIdNumber.optional(),
    /** The mobile number SMS reminders go to; null removes it. */
    mobile: chinaMobile.nullable().optional(),
  })
  .strict()
  .meta({ examples: [{ displayName: '改名' }] });

export const addMembershipBody = newMembership.meta({
  examples: [{ organizationId: '$organizationId', role: 'TOWNSHIP_OFFICIAL' }],
});

export const resetPasswordBody = z
  .object({ newPassword: password })
  .strict()
  .meta({ examples: [{ newPassword: 'another-long-password' }] });

export const changePasswordBody = z
  .object({ currentPassword: z.string().min(1).max(200), newPassword: password })
  .strict()
  .meta({ examples: [{ currentPassword: 'old-password', newPassword: 'another-long-password' }] });

export const switchMembershipBody = z
  .object({ membershipId: z.string().uuid() })
  .strict()
  .meta({ examples: [{ membershipId: '$membershipId' }] });

/** The signed-in user's own mobile number for SMS reminders (null: none, no SMS). */
export const mobileBody = z
  .object({ mobile: chinaMobile.nullable() })
  .strict()
  .meta({ examples: [{ mobile: '13800138000' }] });
export const mobileView = z.object({ mobile: z.string().nullable() });
