import type { Client } from '@temporalio/client';
import { isUniqueViolation, type Db } from '../../../runtime/db';
import { appendAudit } from '../../../runtime/audit';
import { AppError } from '../../../domain/errors';
import type { VillageConversionInput } from '../../../workflows/village-conversion/messages';
import type { Caller } from '../../plugins/app/auth';
import { currentMembership } from '../../authz/organization-scope';
import { idempotentStart, type Idempotency } from '../cases/idempotent-start';
import { startCase } from '../cases/start-case';

/** The organizations that act on a village's conversion: its township, that township's county and civil-affairs bureau. */
export async function conversionParties(db: Db, villageOrgId: string) {
  const village = await db.organization.findUniqueOrThrow({
    where: { id: villageOrgId },
    include: { parent: { include: { parent: { include: { children: true } } } } },
  });
  const township = village.parent;
  const county = township?.parent;
  const civilAffairs = county?.children.find((c) => c.kind === 'CIVIL_AFFAIRS_BUREAU');
  if (village.kind !== 'VILLAGE' || !township || !county || county.kind !== 'COUNTY' || !civilAffairs) {
    throw new AppError('RULE_FAILED', {
      message: {
        'zh-CN': '该村的上级乡镇、县级政府或县民政局未登记，无法发起村改居。',
        en: 'The village’s township, county or civil-affairs bureau is not registered.',
      },
    });
  }
  return { village, township, county, civilAffairs };
}

type StartConversionOptions = {
  db: Db;
  temporal: Client;
  taskQueue: string;
  caller: Caller;
  title?: string;
  requestId: string;
  idempotency?: Idempotency;
};

/** Opens a conversion case for the caller's own village (only a village committee official can). */
export async function startConversion(options: StartConversionOptions) {
  return idempotentStart({ ...options, procedure: 'village-conversion', start: () => openConversion(options) });
}

/**
 * 村改居 happens once: a village with an open or approved conversion case (or already marked converted) cannot start
 * another. 409 CONFLICT naming the existing case and its number; the refusal is audited. The partial unique index
 * case_one_live_conversion_per_village decides between two starts at the same moment.
 */
async function refuseSecondConversion(
  options: StartConversionOptions,
  village: { id: string; name: string; conversionCaseId: string | null },
): Promise<void> {
  const existing =
    (await options.db.case.findFirst({
      where: { procedure: 'village-conversion', organizationId: village.id, status: { in: ['OPEN', 'COMPLETED'] } },
      orderBy: { openedAt: 'asc' },
    })) ?? (village.conversionCaseId ? await options.db.case.findUnique({ where: { id: village.conversionCaseId } }) : null);
  if (!existing) return;
  const approved = existing.status !== 'OPEN';
  await options.db.$transaction((tx) =>
    appendAudit(tx, {
      action: 'village-conversion.start',
      targetType: 'organization',
      targetId: village.id,
      caseId: existing.id,
      actorId: options.caller.userId,
      actingOrgId: village.id,
      outcome: 'refused',
      reason: approved ? 'already-converted' : 'conversion-under-way',
      requestId: options.requestId,
      data: { existingCaseNumber: existing.number },
    }),
  );
  throw new AppError('CONFLICT', {
    message: approved
      ? {
          'zh-CN': `${village.name}已经村改居批准（案件 ${existing.number}），不能再次申请。`,
          en: `${village.name} has already been approved for conversion (case ${existing.number}); it cannot apply again.`,
        }
      : {
          'zh-CN': `${village.name}已有正在办理的村改居申请（案件 ${existing.number}），不能重复发起。`,
          en: `${village.name} already has a conversion under way (case ${existing.number}); a second one cannot be started.`,
        },
    details: { caseId: existing.id, caseNumber: existing.number, caseStatus: existing.status },
  });
}

async function openConversion(options: StartConversionOptions) {
  const membership = currentMembership(options.caller);
  const parties = await conversionParties(options.db, membership.organizationId);
  await refuseSecondConversion(options, parties.village);
  try {
    return await startVillageCase(options, parties);
  } catch (error) {
    // Another start for this village committed first (the partial unique index refused this one). A repeat with the same
    // Idempotency-Key is left to idempotentStart, which answers the first request's case.
    if (!isUniqueViolation(error)) throw error;
    if (
      options.idempotency &&
      (await options.db.case.findUnique({
        where: { openedById_idempotencyKey: { openedById: options.caller.userId, idempotencyKey: options.idempotency.key } },
      }))
    )
      throw error;
    await refuseSecondConversion(options, parties.village);
    throw error;
  }
}

function startVillageCase(options: StartConversionOptions, parties: Awaited<ReturnType<typeof conversionParties>>) {
  return startCase({
    ...options,
    procedure: 'village-conversion',
    organizationId: parties.village.id,
    title: options.title ?? `${parties.village.name}村改居`,
    workflowArgs: (caseId): [VillageConversionInput] => [
      {
        caseId,
        villageOrgId: parties.village.id,
        townshipOrgId: parties.township.id,
        countyOrgId: parties.county.id,
        civilAffairsOrgId: parties.civilAffairs.id,
      },
    ],
  });
}
