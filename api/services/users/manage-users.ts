import { isUniqueViolation, type Db } from '../../../runtime/db';
import { appendAudit } from '../../../runtime/audit';
import { AppError } from '../../../domain/errors';
import { ROLE_NAMES, ROLE_PLACES, roleFitsOrganization, type RoleName } from '../../../domain/roles';
import { maskResidentId } from '../../../domain/resident-id';
import { organizationsInScope, usersInScope } from '../../authz/organization-scope';
import type { Caller } from '../../plugins/app/auth';
import { hashPassword } from '../auth/passwords';
import { createUser } from './create-user';
import { callerAudit, type CallerRequest } from '../caller-request';

const withMemberships = { memberships: { include: { organization: true }, orderBy: { createdAt: 'asc' as const } } };

export function toUserView(user: {
  id: string;
  username: string;
  displayName: string;
  disabled: boolean;
  isDemo: boolean;
  mustChangePassword: boolean;
  idNumber: string | null;
  memberships: { id: string; organizationId: string; role: RoleName; organization: { name: string; kind: string } }[];
}) {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    disabled: user.disabled,
    isDemo: user.isDemo,
    mustChangePassword: user.mustChangePassword,
    idNumberMasked: user.idNumber ? maskResidentId(user.idNumber) : null,
    memberships: user.memberships.map((m) => ({
      id: m.id,
      organizationId: m.organizationId,
      organizationName: m.organization.name,
      organizationKind: m.organization.kind,
      role: m.role,
    })),
  };
}

export async function listUsers({ db, caller, filter }: { db: Db; caller: Caller; filter: { q?: string } }) {
  const users = await db.user.findMany({
    where: {
      AND: [
        usersInScope(caller),
        filter.q ? { OR: [{ username: { contains: filter.q } }, { displayName: { contains: filter.q } }] } : {},
      ],
    },
    include: withMemberships,
    orderBy: { username: 'asc' },
    take: 1000,
  });
  return users.map(toUserView);
}

/** A user with at least one membership in the caller's scope, or 404. */
export async function findUserInScope({ db, caller, userId }: { db: Db; caller: Caller; userId: string }) {
  const user = await db.user.findFirst({ where: { AND: [{ id: userId }, usersInScope(caller)] }, include: withMemberships });
  if (!user) throw new AppError('NOT_FOUND');
  return user;
}

/** Real-name accounts: one account per person, so an ID number bound to another account is refused (a field error). */
function idNumberTaken(): AppError {
  return new AppError('VALIDATION_FAILED', {
    fields: [
      {
        path: 'idNumber',
        code: 'id_number_taken',
        message: {
          'zh-CN': '该身份证号码已绑定另一个账号（实名账号一人一号）。',
          en: 'This ID number is bound to another account (one real-name account per person).',
        },
      },
    ],
  });
}

async function assertIdNumberFree(db: Db, idNumber: string | undefined, userId?: string) {
  if (idNumber === undefined) return;
  const holder = await db.user.findUnique({ where: { idNumber }, select: { id: true } });
  if (holder && holder.id !== userId) throw idNumberTaken();
}

/** Two administrators binding one number at once: the unique column decides, the loser gets the same field error. */
async function bindingIdNumber<T>(idNumber: string | undefined, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (idNumber !== undefined && isUniqueViolation(error)) throw idNumberTaken();
    throw error;
  }
}

async function assertOrganizationsInScope(db: Db, caller: Caller, organizationIds: string[]) {
  const found = await db.organization.count({ where: { AND: [{ id: { in: organizationIds } }, organizationsInScope(caller)] } });
  if (found !== new Set(organizationIds).size) throw new AppError('NOT_FOUND');
}

/** Each role only where it belongs (domain/roles.ts ROLE_PLACES): a misplaced membership is 400 role_misplaced. */
async function assertRolesFit(db: Db, memberships: { organizationId: string; role: RoleName }[]) {
  const orgs = await db.organization.findMany({
    where: { id: { in: memberships.map((m) => m.organizationId) } },
    select: { id: true, kind: true, parent: { select: { kind: true } } },
  });
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const fields = memberships.flatMap((m, index) => {
    const org = byId.get(m.organizationId);
    if (!org || roleFitsOrganization(m.role, org.kind, org.parent?.kind ?? null)) return [];
    const role = ROLE_NAMES[m.role];
    const where = ROLE_PLACES[m.role]!.where;
    return [
      {
        path: `memberships.${index}.role`,
        code: 'role_misplaced',
        message: {
          'zh-CN': `“${role['zh-CN']}”不能设在该组织（只能设在${where['zh-CN']}）。`,
          en: `“${role.en}” cannot sit at this organization (only at ${where.en}).`,
        },
      },
    ];
  });
  if (fields.length > 0) throw new AppError('VALIDATION_FAILED', { fields });
}

export async function addUser({
  db,
  caller,
  input,
  requestId,
}: CallerRequest<{
  username: string;
  displayName: string;
  password: string;
  idNumber?: string;
  memberships: { organizationId: string; role: RoleName }[];
}>) {
  await assertOrganizationsInScope(
    db,
    caller,
    input.memberships.map((m) => m.organizationId),
  );
  await assertRolesFit(db, input.memberships);
  if (await db.user.findUnique({ where: { username: input.username.toLowerCase() }, select: { id: true } })) {
    throw new AppError('VALIDATION_FAILED', {
      fields: [{ path: 'username', code: 'duplicate', message: { 'zh-CN': '用户名已被使用。', en: 'The username is taken.' } }],
    });
  }
  await assertIdNumberFree(db, input.idNumber);
  const user = await bindingIdNumber(input.idNumber, () =>
    db.$transaction(async (tx) => {
      const created = await createUser(tx, { ...input, mustChangePassword: true });
      // The audit row says that a number was bound, never the number (personal data stays out of the chain).
      await appendAudit(
        tx,
        callerAudit(caller, requestId, {
          action: 'user.created',
          targetType: 'user',
          targetId: created.id,
          data: { username: created.username, memberships: input.memberships, idNumberBound: input.idNumber !== undefined },
        }),
      );
      return created;
    }),
  );
  return toUserView(await findUserInScope({ db, caller, userId: user.id }));
}

export async function updateUser({
  db,
  caller,
  userId,
  input,
  requestId,
}: CallerRequest<{ displayName?: string; disabled?: boolean; idNumber?: string; mobile?: string | null }> & {
  userId: string;
}) {
  const before = await findUserInScope({ db, caller, userId });
  if (input.disabled && userId === caller.userId) {
    throw new AppError('VALIDATION_FAILED', {
      fields: [
        {
          path: 'disabled',
          code: 'self',
          message: { 'zh-CN': '不能停用自己的账号。', en: 'You cannot disable your own account.' },
        },
      ],
    });
  }
  await assertIdNumberFree(db, input.idNumber, userId);
  const { idNumber, mobile, ...rest } = input;
  await bindingIdNumber(idNumber, () =>
    db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: userId }, data: { ...rest, idNumber, phone: mobile } });
      if (input.disabled) await tx.session.deleteMany({ where: { userId } });
      const idNumberChange =
        idNumber === undefined || idNumber === before.idNumber ? {} : { idNumber: before.idNumber ? 'corrected' : 'bound' };
      await appendAudit(
        tx,
        callerAudit(caller, requestId, {
          action: 'user.updated',
          targetType: 'user',
          targetId: userId,
          // The number itself is personal data: the trail records only that it changed.
          data: { ...rest, ...idNumberChange, ...(mobile === undefined ? {} : { mobile: mobile === null ? 'removed' : 'set' }) },
        }),
      );
    }),
  );
  return toUserView(await findUserInScope({ db, caller, userId }));
}

export async function addMembership({
  db,
  caller,
  userId,
  input,
  requestId,
}: CallerRequest<{ organizationId: string; role: RoleName }> & { userId: string }) {
  await findUserInScope({ db, caller, userId });
  await assertOrganizationsInScope(db, caller, [input.organizationId]);
  await assertRolesFit(db, [input]);
  await db.$transaction(async (tx) => {
    const m = await tx.membership.upsert({
      where: { userId_organizationId_role: { userId, organizationId: input.organizationId, role: input.role } },
      create: { userId, ...input },
      update: {},
    });
    await appendAudit(
      tx,
      callerAudit(caller, requestId, {
        action: 'membership.added',
        targetType: 'membership',
        targetId: m.id,
        data: { userId, ...input },
      }),
    );
  });
  return toUserView(await findUserInScope({ db, caller, userId }));
}

export async function removeMembership({
  db,
  caller,
  userId,
  membershipId,
  requestId,
}: {
  db: Db;
  caller: Caller;
  userId: string;
  membershipId: string;
  requestId: string;
}) {
  const user = await findUserInScope({ db, caller, userId });
  const membership = user.memberships.find((m) => m.id === membershipId);
  if (
    !membership ||
    !(await db.organization.count({ where: { AND: [{ id: membership.organizationId }, organizationsInScope(caller)] } }))
  ) {
    throw new AppError('NOT_FOUND');
  }
  await db.$transaction(async (tx) => {
    await tx.membership.delete({ where: { id: membershipId } });
    await appendAudit(
      tx,
      callerAudit(caller, requestId, {
        action: 'membership.removed',
        targetType: 'membership',
        targetId: membershipId,
        data: { userId, organizationId: membership.organizationId, role: membership.role },
      }),
    );
  });
  return toUserView(await findUserInScope({ db, caller, userId }));
}

/** Administrator reset: sets a new password, requires a change at next sign-in, ends the user's sessions. */
export async function resetPassword({
  db,
  caller,
  userId,
  newPassword,
  requestId,
}: {
  db: Db;
  caller: Caller;
  userId: string;
  newPassword: string;
  requestId: string;
}) {
  await findUserInScope({ db, caller, userId });
  const passwordHash = await hashPassword(newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash, mustChangePassword: true } });
    await tx.session.deleteMany({ where: { userId } });
    await appendAudit(
      tx,
      callerAudit(caller, requestId, { action: 'user.password-reset', targetType: 'user', targetId: userId }),
    );
  });
}
