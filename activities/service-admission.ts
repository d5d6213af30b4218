import type { Db } from '../runtime/db';
import { appendAudit } from '../runtime/audit';
import { notify } from '../runtime/notifications';
import { enqueueWebhookEvent } from '../runtime/webhook-events';
import type { RoleName } from '../domain/roles';
import { caseEventAudit, type CaseEvent } from './cases';

export interface SaveServiceItemCaseInput {
  caseId: string;
  /**
   * Order of the workflow's writes to this case (1, 2, 3 …). A write whose number is not above the stored one was
   * already applied (a retried activity) and is skipped, so each write and its audit row happen once.
   */
  seq: number;
  /** Top-level keys merged into Case.data. */
  set: Record<string, unknown>;
  /** The audit row committed with the change. */
  event: CaseEvent;
  /** Tells an organization that its case was decided (in-app and mail). */
  notifyOrg?: { organizationId: string; role?: RoleName; params?: Record<string, unknown> };
}

/** Activities of the service-admission procedure and of the community report (SA-REPORT). */
export function createServiceAdmissionActivities({ db }: { db: Db }) {
  return {
    /** Merges the procedure's state into Case.data with its audit row (and notification) in one transaction. */
    async saveServiceItemCase(input: SaveServiceItemCaseInput): Promise<void> {
      await db.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT id FROM "case" WHERE id = ${input.caseId}::uuid FOR UPDATE`;
        const row = await tx.case.findUniqueOrThrow({
          where: { id: input.caseId },
          select: { data: true, number: true, title: true, procedure: true, organizationId: true },
        });
        const data = (row.data ?? {}) as Record<string, unknown>;
        const stored = typeof data.stateSeq === 'number' ? data.stateSeq : 0;
        if (input.seq <= stored) return;
        await tx.case.update({ where: { id: input.caseId }, data: { data: { ...data, ...input.set, stateSeq: input.seq } } });
        if (input.notifyOrg)
          // The decisions the applicant is told of (admitted, refused, delisted; a report published) are the case's decisions.
          await enqueueWebhookEvent(tx, {
            type: 'case.decided',
            organizationId: row.organizationId,
            caseId: input.caseId,
            caseNumber: row.number,
            data: { procedure: row.procedure, decision: input.event.action },
            dedupeKey: `case.decided:${input.caseId}:${input.seq}`,
          });
        await appendAudit(tx, caseEventAudit(input.caseId, input.event));
        if (input.notifyOrg) {
          await notify(tx, {
            kind: 'case.decided',
            organizationId: input.notifyOrg.organizationId,
            role: input.notifyOrg.role,
            caseId: input.caseId,
            params: { caseNumber: row.number, caseTitle: row.title, event: input.event.action, ...input.notifyOrg.params },
            dedupeKey: `case.decided:${input.caseId}:${input.seq}`,
          });
        }
      });
    },
  };
}
