import type { z } from 'zod';
import { taskCounts } from '../../../api/schemas/task-counts';
import { apiRequest } from './client';
import { parseResponse } from './parse';

export type TaskCounts = z.infer<typeof taskCounts>;

/** My open tasks, and the open tasks offered to my organization and role that I may claim. */
export async function fetchTaskCounts(signal?: AbortSignal): Promise<TaskCounts> {
  return parseResponse(taskCounts, await apiRequest('/api/v1/task-counts', { signal }));
}
