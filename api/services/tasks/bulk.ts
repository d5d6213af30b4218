import type { Client } from '@temporalio/client';
import type { z } from 'zod';
import type { Db } from '../../../runtime/db';
import { AppError } from '../../../domain/errors';
import type { Caller } from '../../plugins/app/auth';
import type { bulkBody } from '../../schemas/tasks';
import { completeTask } from './complete-task';
import { actionableTaskWhere } from '../../authz/task-scope';
import { assignTask, claimTask } from './task-operations';

/**
 * Claims, assigns or completes several tasks of one kind (the same form, so one payload fits all). Each task is its
 * own transaction and Update; the answer lists the outcome per task.
 */
export async function bulkTaskAction(options: {
  db: Db;
  temporal: Client;
  caller: Caller;
  input: z.infer<typeof bulkBody>;
  requestId: string;
}) {
  const { db, caller, input } = options;
  const tasks = await db.task.findMany({
    where: { AND: [{ id: { in: input.taskIds } }, actionableTaskWhere(caller)] },
    select: { id: true, kind: true },
  });
  if (tasks.length !== new Set(input.taskIds).size) throw new AppError('NOT_FOUND');
  if (new Set(tasks.map((t) => t.kind)).size > 1) throw new AppError('MIXED_TASK_KINDS');
  if (input.action === 'assign' && !input.userId)
    throw new AppError('VALIDATION_FAILED', {
      fields: [{ path: 'userId', code: 'required', message: { 'zh-CN': '请选择同事。', en: 'Choose a colleague.' } }],
    });
  if (input.action === 'complete' && !input.payload)
    throw new AppError('VALIDATION_FAILED', {
      fields: [{ path: 'payload', code: 'required', message: { 'zh-CN': '请填写办理意见。', en: 'The form is required.' } }],
    });
  const results = [];
  for (const task of tasks) {
    const ctx = { db, caller, taskId: task.id, requestId: options.requestId };
    try {
      if (input.action === 'claim') await claimTask(ctx);
      else if (input.action === 'assign') await assignTask({ ...ctx, userId: input.userId! });
      else await completeTask({ ...ctx, temporal: options.temporal, payload: input.payload });
      results.push({ taskId: task.id, ok: true });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      results.push({ taskId: task.id, ok: false, code: error.code });
    }
  }
  return { results };
}
