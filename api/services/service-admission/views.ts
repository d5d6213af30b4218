import type { z } from 'zod';
import type { Db } from '../../../runtime/db';
import { AppError } from '../../../domain/errors';
import type { Prisma } from '../../../prisma/generated/client';
import type { ServiceItemCaseData } from '../../../workflows/service-admission/messages';
import type { Caller } from '../../plugins/app/auth';
import { toCaseSummary } from '../../schemas/cases';
import { shownCaseStatus } from '../cases/step-states';
import type { serviceItemDetail, serviceItemListQuery, serviceItemSummaryRow } from '../../schemas/service-admission';
import { serviceAdmissionCasesInScope } from '../../authz/case-scope';
import { SERVICE_ADMISSION } from './scope';

const VIEWS: Record<z.infer<typeof serviceItemListQuery>['view'], Prisma.CaseWhereInput> = {
  // Waiting for someone: everything open that is not simply listed (a re-review waits for the department).
  pending: { status: 'OPEN', NOT: { data: { path: ['stage'], equals: 'listed' } } },
  listed: { data: { path: ['listing', 'status'], equals: 'listed' } },
  closed: { status: { not: 'OPEN' } },
  all: {},
};

const include = {
  organization: { select: { name: true } },
  tasks: {
    where: { status: 'OPEN' as const },
    select: { id: true, kind: true, candidateRole: true, dueAt: true, candidateOrg: { select: { name: true } } },
  },
} satisfies Prisma.CaseInclude;

type Row = Prisma.CaseGetPayload<{ include: typeof include }>;

function openTasks(row: Row) {
  return row.tasks.map((t) => ({
    id: t.id,
    kind: t.kind,
    candidateOrgName: t.candidateOrg.name,
    candidateRole: t.candidateRole,
    dueAt: t.dueAt?.toISOString() ?? null,
  }));
}

function listingOf(data: ServiceItemCaseData) {
  const l = data.listing;
  return l
    ? {
        status: l.status,
        round: l.round,
        periodFrom: l.periodFrom,
        periodUntil: l.periodUntil,
        validUntil: l.validUntil,
        admittedAt: l.admittedAt,
        ...(l.delistedAt ? { delistedAt: l.delistedAt } : {}),
      }
    : null;
}

/**
 * Applications in the caller's scope: a department sees its own, the county and its civil-affairs bureau see the
 * county's. `view=pending` lists those waiting for someone, with the open tasks and who holds them.
 */
export async function listServiceItems(
  db: Db,
  caller: Caller,
  query: z.infer<typeof serviceItemListQuery>,
): Promise<z.infer<typeof serviceItemSummaryRow>[]> {
  const rows = await db.case.findMany({
    where: {
      AND: [
        serviceAdmissionCasesInScope(caller, SERVICE_ADMISSION),
        VIEWS[query.view],
        query.q
          ? {
              OR: [{ title: { contains: query.q, mode: 'insensitive' } }, { number: { contains: query.q, mode: 'insensitive' } }],
            }
          : {},
      ],
    },
    include,
    orderBy: { openedAt: 'desc' },
    take: query.limit,
  });
  return rows.map((row) => {
    const data = row.data as unknown as ServiceItemCaseData;
    return {
      id: row.id,
      number: row.number,
      itemName: data.terms.itemName,
      classification: data.terms.classification,
      status: row.status,
      stage: data.stage,
      outcome: data.outcome ?? null,
      departmentId: row.organizationId,
      departmentName: row.organization.name,
      countyName: data.countyName,
      communityCount: data.communities.length,
      openedAt: row.openedAt.toISOString(),
      listing: listingOf(data),
      openTasks: openTasks(row),
    };
  });
}

/** One application with its terms, the rules as last evaluated, the review, the decision and the listing. */
export async function getServiceItem(db: Db, caller: Caller, caseId: string): Promise<z.infer<typeof serviceItemDetail>> {
  const row = await db.case.findFirst({
    where: { AND: [{ id: caseId }, serviceAdmissionCasesInScope(caller, SERVICE_ADMISSION)] },
    include,
  });
  if (!row) throw new AppError('NOT_FOUND');
  const data = row.data as unknown as ServiceItemCaseData;
  return {
    case: toCaseSummary({ ...row, status: shownCaseStatus(row) }),
    stage: data.stage,
    outcome: data.outcome ?? null,
    terms: data.terms,
    communities: data.communities,
    department: { id: data.department.id, name: data.department.name },
    countyName: data.countyName,
    rules: data.rules ?? [],
    appeal: data.appeal ?? null,
    review: data.review ?? null,
    decision: data.decision ?? null,
    listing: listingOf(data),
    openTasks: openTasks(row),
  };
}
