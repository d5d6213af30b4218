import { z } from 'zod';
import { DOCUMENT_MIME_TYPES } from '../../domain/documents';
import { returnTarget } from './task-flow';

export const taskView = z
  .object({
    id: z.string().uuid(),
    caseId: z.string().uuid(),
    caseNumber: z.string(),
    caseTitle: z.string(),
    kind: z.string(),
    formId: z.string(),
    status: z.enum(['OPEN', 'COMPLETED', 'CANCELLED']),
    candidateOrgId: z.string().uuid(),
    candidateRole: z.string(),
    assigneeId: z.string().uuid().nullable(),
    dueAt: z.string().nullable(),
    context: z.record(z.string(), z.unknown()),
    result: z.unknown().optional(),
    completedById: z.string().uuid().nullable(),
    completedAt: z.string().nullable(),
    createdAt: z.string(),
    /** `act`: the caller may claim and complete it; `supervise`: a supervisor's read-only view (本单位及下级). */
    access: z.enum(['act', 'supervise']),
    /** 退回: the earlier steps this task may send the file back to, as its procedure declares (none: no return). */
    returnTargets: z.array(returnTarget),
  })
  .meta({ id: 'Task' });

export const completeTaskBody = z
  .object({ payload: z.record(z.string(), z.unknown()) })
  .strict()
  .meta({ examples: [{ payload: { decision: 'approve' } }] });

export const completeTaskResponse = z.object({ taskId: z.string().uuid(), caseStatus: z.enum(['open', 'closed']) });

/** POST /api/v1/tasks/:taskId/assign and …/delegate: a colleague of the task's organization. */
export const taskUserBody = z
  .object({ userId: z.string().uuid() })
  .strict()
  .meta({ examples: [{ userId: '$userId' }] });

/** GET /api/v1/tasks/:taskId/eligible-assignees: colleagues holding the task's role in its organization. */
export const eligibleAssigneesQuery = z.object({ q: z.string().trim().max(100).optional() }).strict();
export const eligibleAssignees = z.array(z.object({ id: z.string().uuid(), displayName: z.string(), username: z.string() }));

/** POST /api/v1/tasks/:taskId/comments */
export const taskCommentBody = z
  .object({ body: z.string().trim().min(1).max(5000) })
  .strict()
  .meta({ examples: [{ body: '请补充材料' }] });

/** POST /api/v1/tasks/:taskId/documents: evidence as base64 JSON (checked by content on the server). */
export const taskDocumentBody = z
  .object({
    filename: z.string().trim().min(1).max(200),
    mimeType: z.enum(DOCUMENT_MIME_TYPES),
    contentBase64: z.string().min(1).max(14_000_000).base64(),
  })
  .strict()
  .meta({ examples: [{ filename: 'evidence.pdf', mimeType: 'application/pdf', contentBase64: 'JVBERi0xLjQKJcfsj6IK' }] });

export const taskDocumentResponse = z.object({ id: z.string().uuid(), sha256: z.string(), size: z.number().int() });

/** POST /api/v1/tasks/bulk */
export const bulkBody = z
  .object({
    action: z.enum(['claim', 'assign', 'complete']),
    taskIds: z.array(z.string().uuid()).min(1).max(100),
    userId: z.string().uuid().optional(),
    payload: z.record(z.string(), z.unknown()).optional(),
  })
  .strict()
  .meta({ examples: [{ action: 'claim', taskIds: ['$taskId'] }] });

export const bulkResult = z.object({
  results: z.array(z.object({ taskId: z.string().uuid(), ok: z.boolean(), code: z.string().optional() })),
});
