import { z } from 'zod';
import { ROLES } from '../../domain/roles';

export const membershipView = z
  .object({
    id: z.string().uuid(),
    organizationId: z.string().uuid(),
    organizationName: z.string(),
    organizationKind: z.string(),
    role: z.enum(ROLES),
  })
  .meta({ id: 'Membership' });

export const meResponse = z
  .object({
    user: z.object({ id: z.string().uuid(), username: z.string(), displayName: z.string(), mustChangePassword: z.boolean() }),
    membership: membershipView.nullable(),
    memberships: z.array(membershipView),
    csrfToken: z.string(),
  })
  .meta({ id: 'Me' });

export const loginBody = z
  .object({
    username: z.string().trim().min(1).max(100),
    password: z.string().min(1).max(200),
  })
  .strict();
