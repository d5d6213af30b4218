import type { Client } from '@temporalio/client';
import type { Db, DbTx } from '../runtime/db';
import { runningElectionOf, secondElectionRefusal } from '../runtime/running-election';
import { appendAudit } from '../runtime/audit';
import { nextCaseNumber } from '../runtime/case-numbers';
import { createOrganization } from '../runtime/organizations';
import { isProcedureId, PROCEDURES } from '../domain/procedures';
import { residentsCommitteeCode } from '../domain/organizations';
import type { LocalizedText } from '../domain/localized-text';
import { chinaDateOf } from '../domain/clock';

export interface CreateResidentsCommitteeInput {
  caseId: string;
  villageOrgId: string;
  townshipOrgId: string;
  name: string;
  area: string;
  households: number;
}

export interface StartFirstElectionInput {
  conversionCaseId: string;
  communityOrgId: string;
  townshipOrgId: string;
  law: string;
}

/** The first election's start: started (its case), or refused because the community already has one running. */
export type FirstElectionStart =
  | { started: true; caseId: string; number: string }
  | { started: false; running: { caseId: string; number: string | null }; message: LocalizedText };

/** Marks the village converted and links it to its residents' committee (with the approving case), audited. */
async function markConverted(tx: DbTx, input: CreateResidentsCommitteeInput, committeeOrgId: string): Promise<void> {
  await tx.organization.update({
    where: { id: input.villageOrgId },
    data: { convertedAt: new Date(), residentsCommitteeId: committeeOrgId, conversionCaseId: input.caseId },
  });
  await appendAudit(tx, {
    action: 'organization.converted',
    targetType: 'organization',
    targetId: input.villageOrgId,
    caseId: input.caseId,
    outcome: 'success',
    reason: 'village-conversion approved',
    data: { residentsCommitteeOrgId: committeeOrgId },
  });
}

export function createVillageConversionActivities({
  db,
  temporal,
  taskQueue,
}: {
  db: Db;
  temporal?: Client;
  taskQueue?: string;
}) {
  return {
    /** Sets up the residents' committee approved by a conversion, under the same township; idempotent by code. */
    async createResidentsCommittee(input: CreateResidentsCommitteeInput): Promise<string> {
      const village = await db.organization.findUniqueOrThrow({ where: { id: input.villageOrgId } });
      const code = residentsCommitteeCode(village.code);
      const existing = await db.organization.findUnique({ where: { code }, select: { id: true } });
      if (existing) {
        if (!village.residentsCommitteeId) await db.$transaction((tx) => markConverted(tx, input, existing.id));
        return existing.id;
      }
      return db.$transaction(async (tx) => {
        const org = await createOrganization(tx, { code, name: input.name, kind: 'COMMUNITY', parentId: input.townshipOrgId });
        await markConverted(tx, input, org.id);
        await appendAudit(tx, {
          action: 'organization.created',
          targetType: 'organization',
          targetId: org.id,
          caseId: input.caseId,
          outcome: 'success',
          reason: 'village-conversion approved',
          data: { code, name: input.name, area: input.area, households: input.households, fromVillage: input.villageOrgId },
        });
        return org.id;
      });
    },

    /**
     * Opens the new community's first election as a case of its own and starts its workflow (workflow id derived from
     * the conversion case, so a retry starts nothing twice).
     */
    async startFirstElection(input: StartFirstElectionInput): Promise<FirstElectionStart> {
      if (!temporal || !taskQueue) throw new Error('startFirstElection needs a Temporal client');
      const procedure = isProcedureId('election')
        ? (PROCEDURES as Record<string, { code: string; workflowType: string }>).election
        : undefined;
      if (!procedure) throw new Error('the election procedure is not installed');
      const workflowId = `election-from-${input.conversionCaseId}`;
      const existing = await db.case.findUnique({ where: { workflowId }, select: { id: true, number: true } });
      // One running election per community, the same rule as the township's manual start: a second is not started.
      if (!existing) {
        const running = await runningElectionOf(db, input.communityOrgId);
        if (running) {
          const refusal = secondElectionRefusal(running);
          await db.$transaction((tx) =>
            appendAudit(tx, {
              action: 'election.start',
              targetType: 'organization',
              targetId: input.communityOrgId,
              caseId: input.conversionCaseId,
              outcome: 'refused',
              reason: 'election-under-way',
              data: { runningElectionId: running.id, runningCaseNumber: running.number },
            }),
          );
          return { started: false, running: { caseId: running.id, number: running.number }, message: refusal.localized };
        }
      }
      const caseId =
        existing?.id ??
        (await db.$transaction(async (tx) => {
          const community = await tx.organization.findUniqueOrThrow({
            where: { id: input.communityOrgId },
            select: { name: true },
          });
          const number = await nextCaseNumber(tx, procedure.code, new Date().getFullYear());
          const row = await tx.case.create({
            data: {
              procedure: 'election',
              number,
              title: `${community.name} 第一届居民委员会选举`,
              organizationId: input.communityOrgId,
              workflowId,
              ruleSetVersion: PROCEDURES.election.ruleSetOn(chinaDateOf(new Date())),
              data: { origin: { procedure: 'village-conversion', caseId: input.conversionCaseId }, law: input.law },
            },
          });
          await appendAudit(tx, {
            action: 'case.opened',
            targetType: 'case',
            targetId: row.id,
            caseId: row.id,
            outcome: 'success',
            reason: 'first election after village conversion',
            data: { procedure: 'election', number, conversionCaseId: input.conversionCaseId, ruleSet: row.ruleSetVersion },
          });
          return row.id;
        }));
      try {
        await temporal.workflow.start(procedure.workflowType, {
          workflowId,
          taskQueue,
          args: [
            {
              caseId,
              communityOrgId: input.communityOrgId,
              townshipOrgId: input.townshipOrgId,
              law: input.law,
              origin: { procedure: 'village-conversion', caseId: input.conversionCaseId },
            },
          ],
        });
      } catch (error) {
        if (!(error instanceof Error && error.name === 'WorkflowExecutionAlreadyStartedError')) throw error;
      }
      const number =
        existing?.number ?? (await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { number: true } })).number;
      return { started: true, caseId, number };
    },
  };
}
