import type { DbClient } from '../../../runtime/db';
import type { Role } from '../../../prisma/generated/client';
import { hashPassword } from '../auth/passwords';

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  /** The holder's resident ID number (real-name account), already verified (GB 11643) and normalized. */
  idNumber?: string | null;
  memberships: { organizationId: string; role: Role }[];
  isDemo?: boolean;
  mustChangePassword?: boolean;
}

/** Creates a user with an argon2id password hash and their memberships. */
export async function createUser(db: DbClient, input: NewUser) {
  return db.user.create({
    data: {
      username: input.username.trim().toLowerCase(),
      displayName: input.displayName,
      passwordHash: await hashPassword(input.password),
      idNumber: input.idNumber ?? null,
      isDemo: input.isDemo ?? false,
      mustChangePassword: input.mustChangePassword ?? false,
      memberships: { create: input.memberships.map((m) => ({ organizationId: m.organizationId, role: m.role })) },
    },
    include: { memberships: true },
  });
}
