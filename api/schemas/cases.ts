import { z } from 'zod';
import { STEP_STATES } from '../services/cases/step-states';
import { localizedText as localized } from '../../domain/localized-text';

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

/** GET /api/v1/cases/:caseId: the case record (steps, tasks, timeline, rule decisions, documents, comments). */
export const caseRecordResponse = z
  .object({
    case: caseSummary.extend({
      organizationName: z.string(),
      ruleSetVersion: z.string(),
      ruleSetName: localized,
      data: z.record(z.string(), z.unknown()),
    }),
    /** Each step's state from what happened (api/services/cases/step-states.ts), with its last decision. */
    steps: z.array(
      z.object({
        key: z.string(),
        name: localized,
        state: z.enum(STEP_STATES),
        decision: z.string().nullable(),
        at: z.string().nullable(),
      }),
    ),
    /** 流转记录: every decision with its opinion, who (name, organization, role) and when. */
    history: z.array(
      z.object({
        taskId: z.string().uuid().nullable(),
        step: z.string(),
        stepName: localized.nullable(),
        decision: z.string().nullable(),
        opinion: z.string().nullable(),
        actorName: z.string().nullable(),
        organizationName: z.string().nullable(),
        role: z.string().nullable(),
        at: z.string(),
        /** 退回: the step the file was sent back to. */
        returnTo: localized.nullable(),
      }),
    ),
    /** The county's written decision (批复) of a village conversion. */
    writtenDecision: z
      .object({
        decision: z.string(),
        documentNumber: z.string(),
        text: z.string(),
        newCommittee: z.object({ name: z.string(), area: z.string(), households: z.number().int() }).nullable(),
        decidedBy: z.string().nullable(),
        organizationName: z.string(),
        decidedAt: z.string(),
      })
      .nullable(),
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
        /** 取回: the caller completed this task and the next step's task is still open and unclaimed. */
        canTakeBack: z.boolean(),
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
    /** 村改居: the documents the application names as evidence, per condition (VC-C1…C4) and for the assembly record. */
    evidence: z
      .array(
        z.object({
          key: z.string(),
          label: localized,
          documents: z.array(z.object({ id: z.string().uuid(), name: z.string(), createdAt: z.string() })),
        }),
      )
      .optional(),
  })
  .meta({ id: 'CaseRecord' });
