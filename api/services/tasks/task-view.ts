import type { z } from 'zod';
import type { taskView } from '../../schemas/tasks';
import { returnTargetsOf } from './flow';

type TaskRow = {
  id: string;
  caseId: string;
  kind: string;
  formId: string;
  status: 'OPEN' | 'COMPLETED' | 'CANCELLED';
  candidateOrgId: string;
  candidateRole: string;
  assigneeId: string | null;
  dueAt: Date | null;
  context: unknown;
  result: unknown;
  completedById: string | null;
  completedAt: Date | null;
  createdAt: Date;
  case: { number: string; title: string; procedure: string };
  access: 'act' | 'supervise';
};

export function toTaskView(task: TaskRow): z.infer<typeof taskView> {
  return {
    id: task.id,
    caseId: task.caseId,
    caseNumber: task.case.number,
    caseTitle: task.case.title,
    kind: task.kind,
    formId: task.formId,
    status: task.status,
    candidateOrgId: task.candidateOrgId,
    candidateRole: task.candidateRole,
    assigneeId: task.assigneeId,
    dueAt: task.dueAt?.toISOString() ?? null,
    context: (task.context ?? {}) as Record<string, unknown>,
    result: task.result ?? undefined,
    completedById: task.completedById,
    completedAt: task.completedAt?.toISOString() ?? null,
    createdAt: task.createdAt.toISOString(),
    access: task.access,
    returnTargets:
      task.status === 'OPEN'
        ? returnTargetsOf(task.case.procedure, task.kind).map((s) => ({ key: s.key, name: { ...s.name } }))
        : [],
  };
}
