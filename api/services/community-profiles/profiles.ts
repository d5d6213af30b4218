import { AppError } from '../../../domain/errors';
import { communityProfileInput, type CommunityProfileInput } from '../../../domain/forms/community-profile';
import { canonicalArea, profilePrompts } from '../../../domain/rules/community-targets';
import { notify } from '../../../runtime/notifications';
import { appendAudit } from '../../../runtime/audit';
import type { Db, DbTx } from '../../../runtime/db';
import type { CommunityProfile, Prisma } from '../../../prisma/generated/client';
import type { Caller } from '../../plugins/app/auth';
import { communityInScope, mayConfirm, mayKeep, profilesInScope } from '../../authz/community-profile-scope';
import { callerAudit, type CallerRequest } from '../caller-request';

export const PROFILE_FIELDS = [
  'households',
  'residents',
  'committeeMembers',
  'socialWorkers',
  'socialOrganizations',
  'registeredVolunteers',
  'volunteerServiceResidents',
  'partyMembers',
  'partyMemberVolunteers',
  'officeSpaceM2',
  'serviceCentreM2',
  'estates',
] as const satisfies readonly (keyof CommunityProfileInput)[];

/** The profile's figures as the rules and the form read them (areas as text with two decimals). */
export function profileFigures(row: CommunityProfile): CommunityProfileInput {
  return communityProfileInput.parse({
    households: row.households,
    residents: row.residents,
    committeeMembers: row.committeeMembers,
    socialWorkers: row.socialWorkers,
    socialOrganizations: row.socialOrganizations,
    registeredVolunteers: row.registeredVolunteers,
    volunteerServiceResidents: row.volunteerServiceResidents,
    partyMembers: row.partyMembers,
    partyMemberVolunteers: row.partyMemberVolunteers,
    officeSpaceM2: row.officeSpaceM2.toFixed(2),
    serviceCentreM2: row.serviceCentreM2.toFixed(2),
    estates: row.estates,
  });
}

type Row = CommunityProfile & { community: { code: string; name: string } };

export function profileView(row: Row) {
  return {
    id: row.id,
    communityOrgId: row.communityOrgId,
    communityCode: row.community.code,
    community: row.community.name,
    year: row.year,
    ...profileFigures(row),
    status: row.status,
    version: row.version,
    updatedById: row.updatedById,
    updatedAt: row.updatedAt.toISOString(),
    confirmedById: row.confirmedById,
    confirmedAt: row.confirmedAt?.toISOString() ?? null,
  };
}

const include = { community: { select: { code: true, name: true } } } as const;

/** Profiles in the caller's subtree, by year and optionally under one organization. */
export async function listProfiles({
  db,
  caller,
  filter,
}: {
  db: Db;
  caller: Caller;
  filter: { year?: number; organizationId?: string };
}) {
  const where: Prisma.CommunityProfileWhereInput[] = [profilesInScope(caller)];
  if (filter.year) where.push({ year: filter.year });
  if (filter.organizationId) where.push({ community: { path: { contains: `/${filter.organizationId}/` } } });
  const rows = await db.communityProfile.findMany({
    where: { AND: where },
    include,
    orderBy: [{ year: 'desc' }, { community: { code: 'asc' } }],
    take: 5000,
  });
  return rows.map(profileView);
}

/** Who asks for which community's profile of which year. */
interface ProfileRequest {
  db: Db;
  caller: Caller;
  communityOrgId: string;
  year: number;
}

export async function getProfile({ db, caller, communityOrgId, year }: ProfileRequest) {
  await communityInScope(db, caller, communityOrgId);
  const row = await db.communityProfile.findUnique({
    where: { communityOrgId_year: { communityOrgId, year } },
    include,
  });
  if (!row) throw new AppError('NOT_FOUND');
  return profileView(row);
}

/** The fields whose value changed (an audit row names them, with the old and new values of the counts). */
function changedFields(before: CommunityProfileInput | null, after: CommunityProfileInput) {
  return PROFILE_FIELDS.filter((f) => JSON.stringify(before?.[f]) !== JSON.stringify(after[f]));
}

/**
 * Writes one profile inside a transaction: creates or replaces the year's figures, sends it back to DRAFT (a change
 * needs the township's confirmation again), bumps its version, and appends the audit row with its author and the
 * fields that changed. `expectedVersion` guards against overwriting a change the author has not seen.
 */
export async function writeProfile(
  tx: DbTx,
  caller: Caller,
  requestId: string,
  target: { communityOrgId: string; year: number; figures: CommunityProfileInput; expectedVersion?: number; source: string },
) {
  const existing = await tx.communityProfile.findUnique({
    where: { communityOrgId_year: { communityOrgId: target.communityOrgId, year: target.year } },
  });
  if (target.expectedVersion !== undefined && (existing?.version ?? 0) !== target.expectedVersion) throw new AppError('CONFLICT');
  const before = existing ? profileFigures(existing) : null;
  const figures = {
    ...target.figures,
    officeSpaceM2: canonicalArea(target.figures.officeSpaceM2),
    serviceCentreM2: canonicalArea(target.figures.serviceCentreM2),
  };
  const changed = changedFields(before, figures);
  if (existing && changed.length === 0) return existing;
  const data = {
    ...figures,
    status: 'DRAFT' as const,
    updatedById: caller.userId,
    confirmedById: null,
    confirmedAt: null,
  };
  const row = existing
    ? await tx.communityProfile.update({
        where: { id: existing.id, version: existing.version },
        data: { ...data, version: { increment: 1 } },
      })
    : await tx.communityProfile.create({
        data: { ...data, communityOrgId: target.communityOrgId, year: target.year },
      });
  await appendAudit(
    tx,
    callerAudit(caller, requestId, {
      action: existing ? 'community-profile.updated' : 'community-profile.created',
      targetType: 'community-profile',
      targetId: row.id,
      data: {
        communityOrgId: target.communityOrgId,
        year: target.year,
        version: row.version,
        source: target.source,
        changed,
        before: before ? Object.fromEntries(changed.map((f) => [f, before[f]])) : null,
        after: Object.fromEntries(changed.map((f) => [f, figures[f]])),
      },
    }),
  );
  await notifyPrompts(tx, row.communityOrgId, row.year, figures);
  return row;
}

/**
 * Tells the township above the community of each prompt the rules raise from the profile (a new estate 50 % occupied
 * without a committee, far above 3,000 households, a director untrained this year), in the profile's transaction
 * (the notification outbox). Each prompt is raised once per community, year and subject, however often it is saved.
 */
async function notifyPrompts(tx: DbTx, communityOrgId: string, year: number, figures: CommunityProfileInput) {
  const prompts = profilePrompts(figures, year);
  if (prompts.length === 0) return;
  const community = await tx.organization.findUniqueOrThrow({
    where: { id: communityOrgId },
    select: { name: true, parentId: true },
  });
  if (!community.parentId) return;
  for (const p of prompts) {
    await notify(tx, {
      kind: 'community-profile.prompt',
      organizationId: community.parentId,
      role: 'TOWNSHIP_OFFICIAL',
      params: { prompt: p.kind, ruleId: p.ruleId, community: community.name, communityOrgId, ...p.params },
      dedupeKey: `community-prompt:${communityOrgId}:${year}:${p.kind}:${p.subject}`,
    });
  }
}

/** The residents' committee saves its community's profile of a year. */
export async function saveProfile({
  db,
  caller,
  input,
  requestId,
}: CallerRequest<{ communityOrgId: string; year: number; figures: CommunityProfileInput; expectedVersion?: number }>) {
  const community = await communityInScope(db, caller, input.communityOrgId);
  if (!mayKeep(caller, community)) throw new AppError('FORBIDDEN');
  await db.$transaction((tx) => writeProfile(tx, caller, requestId, { ...input, source: 'form' }));
  return getProfile({ db, caller, communityOrgId: input.communityOrgId, year: input.year });
}

/** The township confirms the version it has read; a newer change (another version) must be read first. */
export async function confirmProfile({
  db,
  caller,
  input,
  requestId,
}: CallerRequest<{ communityOrgId: string; year: number; version: number }>) {
  const community = await communityInScope(db, caller, input.communityOrgId);
  if (!mayConfirm(caller, community)) throw new AppError('FORBIDDEN');
  await db.$transaction(async (tx) => {
    const row = await tx.communityProfile.findUnique({
      where: { communityOrgId_year: { communityOrgId: input.communityOrgId, year: input.year } },
    });
    if (!row) throw new AppError('NOT_FOUND');
    if (row.version !== input.version) throw new AppError('CONFLICT');
    const updated = await tx.communityProfile.updateMany({
      where: { id: row.id, version: row.version },
      data: { status: 'CONFIRMED', confirmedById: caller.userId, confirmedAt: new Date() },
    });
    if (updated.count !== 1) throw new AppError('CONFLICT');
    await appendAudit(
      tx,
      callerAudit(caller, requestId, {
        action: 'community-profile.confirmed',
        targetType: 'community-profile',
        targetId: row.id,
        data: { communityOrgId: input.communityOrgId, year: input.year, version: row.version },
      }),
    );
  });
  return getProfile({ db, caller, communityOrgId: input.communityOrgId, year: input.year });
}

/** Every change of a profile, with its author, from the audit trail (newest first). */
export async function profileHistory({ db, caller, communityOrgId, year }: ProfileRequest) {
  const profile = await getProfile({ db, caller, communityOrgId, year });
  const events = await db.auditEvent.findMany({
    where: { targetType: 'community-profile', targetId: profile.id, outcome: 'success' },
    orderBy: { at: 'desc' },
    take: 200,
    select: { at: true, action: true, actorId: true, data: true },
  });
  const actors = await db.user.findMany({
    where: { id: { in: [...new Set(events.map((e) => e.actorId).filter((x): x is string => !!x))] } },
    select: { id: true, displayName: true },
  });
  const names = new Map(actors.map((a) => [a.id, a.displayName]));
  return events.map((e) => {
    const data = (e.data ?? {}) as { version?: number; changed?: string[]; source?: string };
    return {
      at: e.at.toISOString(),
      action: e.action,
      actorId: e.actorId,
      actor: e.actorId ? (names.get(e.actorId) ?? null) : null,
      version: data.version ?? null,
      changed: data.changed ?? [],
      source: data.source ?? null,
    };
  });
}
