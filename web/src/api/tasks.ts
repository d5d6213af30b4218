import { z } from 'zod';
import { localizedText } from '../../../domain/localized-text';
import { ApiError, apiRequest } from './client';
import { parseResponse } from './parse';
import {
  bulkResult,
  completeTaskResponse,
  eligibleAssignees,
  inboxFilter,
  inboxPage,
  savedFilterView,
  taskDocumentResponse,
  taskView,
  type RuleResult,
  type bulkBody,
  type savedFilterBody,
  type taskDocumentBody,
} from './schemas/procedures';

export type InboxFilter = z.output<typeof inboxFilter>;
export type InboxView = InboxFilter['view'];
export type InboxSort = InboxFilter['sort'];
export type InboxPage = z.infer<typeof inboxPage>;
export type InboxItem = InboxPage['items'][number];
export type TaskView = z.infer<typeof taskView>;
export type SavedFilter = z.infer<typeof savedFilterView>;
export type SavedFilterInput = z.input<typeof savedFilterBody>;
export type TaskDocumentInput = z.infer<typeof taskDocumentBody>;
export type UploadedDocument = z.infer<typeof taskDocumentResponse>;
export type CompleteTaskResult = z.infer<typeof completeTaskResponse>;
export type BulkInput = z.infer<typeof bulkBody>;
export type BulkResult = z.infer<typeof bulkResult>;

const taskPath = (id: string) => `/api/v1/tasks/${encodeURIComponent(id)}`;

/** Query string of the defined, non-empty values. */
function queryString(values: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export async function listInbox(
  filter: InboxFilter,
  page: { cursor?: string; limit?: number },
  signal?: AbortSignal,
): Promise<InboxPage> {
  const body = await apiRequest(`/api/v1/tasks${queryString({ ...filter, ...page })}`, { signal });
  return parseResponse(inboxPage, body);
}

/** A saved filter's stored filter, read with the inbox's own schema (unknown keys or values make it undefined). */
export function savedFilterValues(saved: SavedFilter): InboxFilter | undefined {
  const parsed = inboxFilter.safeParse(saved.filter);
  return parsed.success ? parsed.data : undefined;
}

export async function listSavedFilters(signal?: AbortSignal): Promise<SavedFilter[]> {
  return parseResponse(z.array(savedFilterView), await apiRequest('/api/v1/saved-filters', { signal }));
}

export async function saveFilter(input: SavedFilterInput): Promise<SavedFilter> {
  return parseResponse(savedFilterView, await apiRequest('/api/v1/saved-filters', { method: 'POST', body: input }));
}

export async function deleteSavedFilter(id: string): Promise<void> {
  await apiRequest(`/api/v1/saved-filters/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export async function bulkAction(input: BulkInput): Promise<BulkResult> {
  return parseResponse(bulkResult, await apiRequest('/api/v1/tasks/bulk', { method: 'POST', body: input }));
}

export async function fetchTask(id: string, signal?: AbortSignal): Promise<TaskView> {
  return parseResponse(taskView, await apiRequest(taskPath(id), { signal }));
}

export type TaskOperation = 'claim' | 'unclaim' | 'return';

export async function taskOperation(id: string, operation: TaskOperation): Promise<void> {
  await apiRequest(`${taskPath(id)}/${operation}`, { method: 'POST' });
}

export async function assignTask(id: string, userId: string): Promise<void> {
  await apiRequest(`${taskPath(id)}/assign`, { method: 'POST', body: { userId } });
}

export async function delegateTask(id: string, userId: string): Promise<void> {
  await apiRequest(`${taskPath(id)}/delegate`, { method: 'POST', body: { userId } });
}

export type EligibleAssignee = z.infer<typeof eligibleAssignees>[number];

/** Colleagues who hold the task's role in its organization (those it may be assigned or delegated to). */
export async function fetchEligibleAssignees(id: string, q: string, signal?: AbortSignal): Promise<EligibleAssignee[]> {
  return parseResponse(
    eligibleAssignees,
    await apiRequest(`${taskPath(id)}/eligible-assignees${queryString({ q })}`, { signal }),
  );
}

export async function commentOnTask(id: string, body: string): Promise<void> {
  await apiRequest(`${taskPath(id)}/comments`, { method: 'POST', body: { body } });
}

export async function uploadTaskDocument(id: string, input: TaskDocumentInput): Promise<UploadedDocument> {
  return parseResponse(taskDocumentResponse, await apiRequest(`${taskPath(id)}/documents`, { method: 'POST', body: input }));
}

export async function completeTask(id: string, payload: unknown): Promise<CompleteTaskResult> {
  return parseResponse(completeTaskResponse, await apiRequest(`${taskPath(id)}/complete`, { method: 'POST', body: { payload } }));
}

const ruleResult = z.object({
  id: z.string(),
  passed: z.boolean(),
  citation: z.string(),
  detail: localizedText,
  values: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
}) satisfies z.ZodType<RuleResult>;

/** The rules a 422 RULE_FAILED names (error.details.rules), or [] for any other error. */
export function failedRules(error: unknown): RuleResult[] {
  if (!(error instanceof ApiError) || error.code !== 'RULE_FAILED') return [];
  const parsed = z.array(ruleResult).safeParse(error.details?.rules);
  return parsed.success ? parsed.data : [];
}
