import { z } from 'zod';

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
  })
  .meta({ id: 'Task' });

export const completeTaskBody = z
  .object({ payload: z.record(z.string(), z.unknown()) })
  .strict()
  .meta({ examples: [{ payload: { decision: 'approve' } }] });

export const completeTaskResponse = z.object({ taskId: z.string().uuid(), caseStatus: z.enum(['open', 'closed']) });
