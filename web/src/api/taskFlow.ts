import type { z } from 'zod';
import { flowResult, type sendBackBody } from '../../../api/schemas/task-flow';
import { apiRequest } from './client';
import { parseResponse } from './parse';

export type FlowResult = z.infer<typeof flowResult>;
export type SendBackInput = z.infer<typeof sendBackBody>;

const taskPath = (id: string) => `/api/v1/tasks/${encodeURIComponent(id)}`;

/** 退回: sends the file back to an earlier step the procedure allows, with the reason; returns the reopened task. */
export async function sendBackTask(id: string, input: SendBackInput): Promise<FlowResult> {
  return parseResponse(flowResult, await apiRequest(`${taskPath(id)}/send-back`, { method: 'POST', body: input }));
}

/** 取回: takes back my completion of a step while the next step is untouched; returns the step's reopened task. */
export async function takeBackTask(id: string): Promise<FlowResult> {
  return parseResponse(flowResult, await apiRequest(`${taskPath(id)}/take-back`, { method: 'POST' }));
}
