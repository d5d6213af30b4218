import type { Db } from '../runtime/db';
import { appendAudit } from '../runtime/audit';
import { notify, type NotificationKind } from '../runtime/notifications';
import type { RoleName } from '../domain/roles';
import { caseEventAudit, type CaseEvent } from './cases';

export interface SaveOwnersMeetingStepInput {
  caseId: string;
  /**
   * The step's name ("informed", "opinion", "votes" …). A step is written once: a retried activity finds its name
   * in `data.steps` and changes nothing. Steps that run side by side (report and posting) never overwrite each other.
   */
  step: string;
  /** Top-level keys merged into Case.data. */
  set: Record<string, unknown>;
  /** The audit row committed with the change. */
  event: CaseEvent;
  /** An in-app notification (and mail) to an organization, committed with the change. */
  notify?: { kind: NotificationKind; organizationId: string; role?: RoleName; params?: Record<string, unknown> };
}

/** Activities of the owners' meeting procedure. */
export function createOwnersMeetingActivities({ db }: { db: Db }) {
  return {
    /** Merges one step of the procedure into Case.data, with its audit row and notification, in one transaction. */
    async saveOwnersMeetingStep(input: SaveOwnersMeetingStepInput): Promise<void> {
      await db.$transaction(async (tx) => {
        // One statement: merge and mark the step, unless it is already marked (atomic against a parallel step).
        const changed = await tx.$executeRaw`
          UPDATE "case"
             SET data = (data || ${JSON.stringify(input.set)}::jsonb)
                        || jsonb_build_object('steps', COALESCE(data -> 'steps', '[]'::jsonb) || to_jsonb(${input.step}::text))
           WHERE id = ${input.caseId}::uuid
             AND NOT (COALESCE(data -> 'steps', '[]'::jsonb) @> to_jsonb(ARRAY[${input.step}::text]))`;
        if (changed === 0) return;
        await appendAudit(tx, caseEventAudit(input.caseId, input.event));
        if (input.notify) {
          const row = await tx.case.findUniqueOrThrow({ where: { id: input.caseId }, select: { number: true, title: true } });
          await notify(tx, {
            kind: input.notify.kind,
            organizationId: input.notify.organizationId,
            role: input.notify.role,
            caseId: input.caseId,
            params: { caseNumber: row.number, caseTitle: row.title, ...input.notify.params },
            dedupeKey: `${input.notify.kind}:${input.caseId}:${input.step}`,
          });
        }
      });
    },
  };
}
