import { z } from 'zod';
import { membershipView, ROLES } from './shared';
import { residentIdNumber } from '../../../../domain/resident-id';
import { password } from '../../../../domain/password';

export { PASSWORD_MIN_LENGTH, password } from '../../../../domain/password';

export const userView = z.object({
  id: z.string().uuid(),
  username: z.string(),
  displayName: z.string(),
  disabled: z.boolean(),
  isDemo: z.boolean(),
  mustChangePassword: z.boolean(),
  idNumberMasked: z.string().nullable(),
  memberships: z.array(membershipView),
});

export const username = z
  .string()
  .trim()
  .min(3)
  .max(64)
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/);

export const newMembership = z.object({ organizationId: z.string().uuid(), role: z.enum(ROLES) }).strict();

export const createUserBody = z
  .object({
    username,
    displayName: z.string().trim().min(1).max(100),
    password,
    idNumber: z.string().optional(),
    memberships: z.array(newMembership).min(1).max(20),
  })
  .strict();

/**
 * The holder's resident ID number as typed in a form: empty for none, else verified (GB 11643, the server's check)
 * and normalized. The server requires it for a resident (APPLICANT) account; the user form adds that refinement.
 */
export const optionalIdNumber = z.union([z.literal('').transform(() => undefined), residentIdNumber]).optional();

export const updateUserBody = z
  .object({
    displayName: z.string().trim().min(1).max(100).optional(),
    disabled: z.boolean().optional(),
    idNumber: residentIdNumber.optional(),
  })
  .strict();

export const resetPasswordBody = z.object({ newPassword: password }).strict();

export const changePasswordBody = z.object({ currentPassword: z.string().min(1).max(200), newPassword: password }).strict();

export const switchMembershipBody = z.object({ membershipId: z.string().uuid() }).strict();

export type UserView = z.infer<typeof userView>;
