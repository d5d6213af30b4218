import type { Client } from '@temporalio/client';
import type { Db } from '../../../runtime/db';
import { AppError } from '../../../domain/errors';
import type { VillageConversionInput } from '../../../workflows/village-conversion/messages';
import type { Caller } from '../../plugins/app/auth';
import { currentMembership } from '../../authz/scope';
import { idempotentStart, type Idempotency } from '../cases/idempotent-start';
import { startCase } from '../cases/start-case';

/** The organizations that act on a village's conversion: its township, that township's county and civil-affairs bureau. */
export async function conversionParties(db: Db, villageOrgId: string) {
  const village = await db.organization.findUniqueOrThrow({ where: { id: villageOrgId }, include: { parent: { include: { parent: { include: { children: true } } } } } });
  const township = village.parent;
  const county = township?.parent;
  const civilAffairs = county?.children.find((c) => c.kind === 'CIVIL_AFFAIRS_BUREAU');
  if (village.kind !== 'VILLAGE' || !township || !county || county.kind !== 'COUNTY' || !civilAffairs) {
    throw new AppError('RULE_FAILED', {
      message: { 'zh-CN': '该村的上级乡镇、县级政府或县民政局未登记，无法发起村改居。', en: 'The village’s township, county or civil-affairs bureau is not registered.' },
    });
  }
  return { village, township, county, civilAffairs };
}

type StartConversionOptions = { db: Db; temporal: Client; taskQueue: string; caller: Caller; title?: string; requestId: string; timing?: VillageConversionInput['timing']; idempotency?: Idempotency };

/** Opens a conversion case for the caller's own village (only a village committee official can). */
export async function startConversion(options: StartConversionOptions) {
  return idempotentStart(options, 'village-conversion', () => openConversion(options), (row) => row);
}

async function openConversion(options: StartConversionOptions) {
  const membership = currentMembership(options.caller);
  const parties = await conversionParties(options.db, membership.organizationId);
  return startCase({
    ...options,
    procedure: 'village-conversion',
    organizationId: parties.village.id,
    title: options.title ?? `${parties.village.name}村改居`,
    ruleSetVersion: 'vc-2012-22',
    workflowArgs: (caseId): [VillageConversionInput] => [
      { caseId, villageOrgId: parties.village.id, townshipOrgId: parties.township.id, countyOrgId: parties.county.id, civilAffairsOrgId: parties.civilAffairs.id, timing: options.timing },
    ],
  });
}
