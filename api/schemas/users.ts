import { z } from 'zod';
import { ROLES } from '../../domain/roles';
import { membershipView } from './me';
import { PASSWORD_MIN_LENGTH } from '../services/auth/passwords';

export const userView = z
  .object({
    id: z.string().uuid(),
    username: z.string(),
    displayName: z.string(),
    disabled: z.boolean(),
    isDemo: z.boolean(),
    mustChangePassword: z.boolean(),
    memberships: z.array(membershipView),
  })
  .meta({ id: 'User' });

export const password = z.string().min(PASSWORD_MIN_LENGTH).max(200);
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
    memberships: z.array(newMembership).min(1).max(20),
  })
  .strict()
  .meta({
    examples: [
      { username: 'new.user', displayName: '新用户', password: 'a-long-password', memberships: [{ organizationId: '$organizationId', role: 'TOWNSHIP_OFFICIAL' }] },
    ],
  });

export const updateUserBody = z
  .object({ displayName: z.string().trim().min(1).max(100).optional(), disabled: z.boolean().optional() })
  .strict()
  .meta({ examples: [{ displayName: '改名' }] });

export const addMembershipBody = newMembership.meta({ examples: [{ organizationId: '$organizationId', role: 'TOWNSHIP_OFFICIAL' }] });

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
