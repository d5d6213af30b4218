import type { Db } from '../../../runtime/db';
import { AppError } from '../../../domain/errors';
import { directElectionRate } from '../../../domain/rules/election';
import type { Prisma } from '../../../prisma/generated/client';
import type { Caller } from '../../plugins/app/auth';
import { currentMembership, supervisionPath } from '../../authz/organization-scope';
import { electionsInScope } from '../../authz/election-scope';
import { findElection } from './scope';

type ElectionRow = Prisma.ElectionGetPayload<{
  include: { case: true; community: { select: { id: true; name: true; path: true } } };
}>;

function summary(e: ElectionRow) {
  return {
    id: e.id,
    caseNumber: e.case.number,
    communityOrgId: e.communityOrgId,
    community: e.community.name,
    law: e.law,
    status: e.status,
    electionDate: e.electionDate,
    seats: e.seats,
    method: e.method,
    listPublishedOn: e.listPublishedOn,
    registeredVoters: e.registeredVoters,
  };
}

/** Elections the caller sees (see electionsInScope), newest first. */
export async function listElections({
  db,
  caller,
  filter,
}: {
  db: Db;
  caller: Caller;
  filter: { status?: string; limit: number };
}) {
  const rows = await db.election.findMany({
    where: { AND: [electionsInScope(caller), filter.status ? { status: filter.status as never } : {}] },
    include: { case: true, community: { select: { id: true, name: true, path: true } } },
    orderBy: { createdAt: 'desc' },
    take: filter.limit,
  });
  return rows.map(summary);
}

/** One election: the calendar, the list's publication, counts, candidates, rounds, the elected, the report. */
export async function electionDetail({ db, caller, electionId }: { db: Db; caller: Caller; electionId: string }) {
  const e = await findElection({ db, caller, electionId });
  const [applications, objections] = await Promise.all([
    db.migrantApplication.groupBy({ by: ['status'], where: { electionId: e.id }, _count: { _all: true } }),
    db.voterObjection.groupBy({ by: ['status'], where: { electionId: e.id }, _count: { _all: true } }),
  ]);
  return {
    ...summary(e),
    caseId: e.id,
    townshipOrgId: e.townshipOrgId,
    committeeOrgId: e.committeeOrgId,
    committeeMembers: e.committeeMembers as { name: string; position: string }[],
    listLateReason: e.listLateReason,
    objectionLastDay: e.objectionLastDay,
    candidates: e.candidates as string[],
    rounds: e.rounds as Record<string, unknown>[],
    elected: e.elected as string[],
    handedOverOn: e.handedOverOn,
    report: (e.report ?? null) as Record<string, unknown> | null,
    origin: (e.origin ?? null) as Record<string, unknown> | null,
    applications: Object.fromEntries(applications.map((a) => [a.status, a._count._all])),
    objections: Object.fromEntries(objections.map((o) => [o.status, o._count._all])),
  };
}

/**
 * The county view: every community in the caller's scope with its latest election and status; the direct-election
 * rate (EL-METHOD, target 80% or more, compared exactly) over communities whose latest election has a method; migrant
 * applications approved, refused and open.
 */
export async function electionOverview({ db, caller, organizationId }: { db: Db; caller: Caller; organizationId?: string }) {
  currentMembership(caller);
  let path = supervisionPath(caller);
  if (organizationId) {
    const org = await db.organization.findFirst({
      where: { id: organizationId, path: { startsWith: path } },
      select: { path: true },
    });
    if (!org) throw new AppError('NOT_FOUND');
    path = org.path;
  }
  const communities = await db.organization.findMany({
    where: { kind: 'COMMUNITY', path: { startsWith: path } },
    select: { id: true, name: true, parent: { select: { name: true } } },
    orderBy: { code: 'asc' },
  });
  const elections = await db.election.findMany({
    where: { communityOrgId: { in: communities.map((c) => c.id) }, status: { not: 'CANCELLED' } },
    orderBy: { createdAt: 'desc' },
    select: { id: true, communityOrgId: true, status: true, electionDate: true, method: true, law: true },
  });
  const latest = new Map<string, (typeof elections)[number]>();
  for (const e of elections) if (!latest.has(e.communityOrgId)) latest.set(e.communityOrgId, e);
  const withMethod = [...latest.values()].filter((e) => e.method);
  const applications = await db.migrantApplication.groupBy({
    by: ['status'],
    where: { election: { community: { path: { startsWith: path } } } },
    _count: { _all: true },
  });
  const count = (status: string) => applications.find((a) => a.status === status)?._count._all ?? 0;
  return {
    communities: communities.map((c) => {
      const e = latest.get(c.id);
      return {
        communityOrgId: c.id,
        community: c.name,
        township: c.parent?.name ?? null,
        election: e ? { id: e.id, status: e.status, electionDate: e.electionDate, method: e.method, law: e.law } : null,
      };
    }),
    directElection: directElectionRate(withMethod.filter((e) => e.method === 'direct').length, withMethod.length),
    communitiesWithoutElection: communities.length - latest.size,
    migrantApplications: {
      approved: count('APPROVED'),
      refused: count('REFUSED'),
      open: count('UNDER_REVIEW') + count('EVIDENCE_REQUESTED'),
    },
  };
}
