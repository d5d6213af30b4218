import { z } from 'zod';

export const caseStatus = z.enum(['OPEN', 'COMPLETED', 'REJECTED', 'WITHDRAWN', 'FAILED']);

export const caseSummary = z
  .object({
    id: z.string().uuid(),
    number: z.string(),
    procedure: z.string(),
    title: z.string(),
    status: caseStatus,
    organizationId: z.string().uuid(),
    openedAt: z.string(),
    closedAt: z.string().nullable(),
  })
  .meta({ id: 'CaseSummary' });

export function toCaseSummary(row: {
  id: string;
  number: string;
  procedure: string;
  title: string;
  status: z.infer<typeof caseStatus>;
  organizationId: string;
  openedAt: Date;
  closedAt: Date | null;
}): z.infer<typeof caseSummary> {
  return {
    id: row.id,
    number: row.number,
    procedure: row.procedure,
    title: row.title,
    status: row.status,
    organizationId: row.organizationId,
    openedAt: row.openedAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
  };
}

const localized = z.object({ 'zh-CN': z.string(), en: z.string() });
/** GET /api/v1/cases/:caseId: the case record (steps, tasks, timeline, rule decisions, documents, comments). */
export const caseRecordResponse = z
  .object({
    case: caseSummary.extend({
      organizationName: z.string(),
      ruleSetVersion: z.string(),
      ruleSetName: localized,
      data: z.record(z.string(), z.unknown()),
    }),
    steps: z.array(z.object({ key: z.string(), name: localized, state: z.enum(['done', 'current', 'pending']) })),
    tasks: z.array(
      z.object({
        id: z.string().uuid(),
        kind: z.string(),
        formId: z.string(),
        status: z.string(),
        candidateOrgName: z.string(),
        candidateRole: z.string(),
        assigneeName: z.string().nullable(),
        dueAt: z.string().nullable(),
        completedAt: z.string().nullable(),
        result: z.unknown(),
      }),
    ),
    timeline: z.array(
      z.object({
        seq: z.string(),
        at: z.string(),
        action: z.string(),
        outcome: z.string(),
        reason: z.string().nullable(),
        actorName: z.string().nullable(),
        data: z.record(z.string(), z.unknown()),
      }),
    ),
    ruleDecisions: z.array(
      z.object({
        ruleId: z.string(),
        passed: z.boolean(),
        undetermined: z.boolean(),
        ruleSet: z.string().nullable(),
        ruleSetName: localized.nullable(),
        citation: z.string(),
        detail: localized.nullable(),
        values: z.record(z.string(), z.unknown()),
        decidedAt: z.string(),
      }),
    ),
    documents: z.array(
      z.object({
        id: z.string().uuid(),
        name: z.string(),
        size: z.number().int(),
        mimeType: z.string(),
        sha256: z.string(),
        taskId: z.string().nullable(),
        uploadedBy: z.string().nullable(),
        createdAt: z.string(),
      }),
    ),
    comments: z.array(
      z.object({ id: z.string().uuid(), taskId: z.string().uuid(), author: z.string(), body: z.string(), createdAt: z.string() }),
    ),
  })
  .meta({ id: 'CaseRecord' });
