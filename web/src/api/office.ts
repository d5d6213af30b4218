import { z } from 'zod';
import {
  circulatedItem,
  circulationRecipients,
  circulationView,
  delegationView,
  doneItem,
  phraseView,
  startedItem,
  supervisedCards,
  type urgeView,
} from '../../../api/schemas/oa';
import { apiRequest } from './client';
import { parseResponse } from './parse';

/** The office lists and actions of issue 20: 已办, 我发起, 抄送我, 催办, 督办, 传阅, 常用意见. */
export type DoneItem = z.infer<typeof doneItem>;
export type StartedItem = z.infer<typeof startedItem>;
export type CirculatedItem = z.infer<typeof circulatedItem>;
export type Circulation = z.infer<typeof circulationView>;
export type SupervisedCards = z.infer<typeof supervisedCards>;
export type OpinionPhrase = z.infer<typeof phraseView>;
export type TaskUrge = z.infer<typeof urgeView>;

export const WORKLISTS = ['done', 'started', 'circulated'] as const;
export type Worklist = (typeof WORKLISTS)[number];

export async function fetchDone(signal?: AbortSignal): Promise<DoneItem[]> {
  return parseResponse(z.array(doneItem), await apiRequest('/api/v1/worklists/done?limit=100', { signal }));
}

export async function fetchStarted(signal?: AbortSignal): Promise<StartedItem[]> {
  return parseResponse(z.array(startedItem), await apiRequest('/api/v1/worklists/started?limit=100', { signal }));
}

export async function fetchCirculatedToMe(signal?: AbortSignal): Promise<CirculatedItem[]> {
  return parseResponse(z.array(circulatedItem), await apiRequest('/api/v1/worklists/circulated?limit=100', { signal }));
}

export async function urgeTask(taskId: string, reason: string): Promise<void> {
  await apiRequest(`/api/v1/tasks/${encodeURIComponent(taskId)}/urge`, { method: 'POST', body: { reason } });
}

export async function fetchSupervisedCards(signal?: AbortSignal): Promise<SupervisedCards> {
  return parseResponse(supervisedCards, await apiRequest('/api/v1/supervision/cards', { signal }));
}

const casePath = (caseId: string) => `/api/v1/cases/${encodeURIComponent(caseId)}/circulations`;

export async function fetchCirculations(caseId: string, signal?: AbortSignal): Promise<Circulation[]> {
  return parseResponse(z.array(circulationView), await apiRequest(casePath(caseId), { signal }));
}

export async function circulateCase(
  caseId: string,
  input: { purpose: string; userIds: string[]; organizationIds: string[] },
): Promise<void> {
  await apiRequest(casePath(caseId), { method: 'POST', body: input });
}

export async function markCirculationsOpened(caseId: string): Promise<void> {
  await apiRequest(`${casePath(caseId)}/opened`, { method: 'POST' });
}

export async function fetchPhrases(signal?: AbortSignal): Promise<OpinionPhrase[]> {
  return parseResponse(z.array(phraseView), await apiRequest('/api/v1/opinion-phrases', { signal }));
}

export async function addPhrase(text: string): Promise<OpinionPhrase> {
  return parseResponse(
    phraseView,
    await apiRequest('/api/v1/opinion-phrases', { method: 'POST', body: { text, scope: 'personal' } }),
  );
}

export async function deletePhrase(id: string): Promise<void> {
  await apiRequest(`/api/v1/opinion-phrases/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export type CirculationRecipients = z.infer<typeof circulationRecipients>;

export async function fetchCirculationRecipients(caseId: string, signal?: AbortSignal): Promise<CirculationRecipients> {
  return parseResponse(
    circulationRecipients,
    await apiRequest(`/api/v1/cases/${encodeURIComponent(caseId)}/circulation-recipients`, { signal }),
  );
}

export type PeriodDelegation = z.infer<typeof delegationView>;
const colleague = z.object({ id: z.string(), displayName: z.string(), username: z.string() });

export async function fetchDelegations(signal?: AbortSignal): Promise<PeriodDelegation[]> {
  return parseResponse(z.array(delegationView), await apiRequest('/api/v1/delegations', { signal }));
}

export async function fetchDelegationColleagues(signal?: AbortSignal): Promise<z.infer<typeof colleague>[]> {
  return parseResponse(z.array(colleague), await apiRequest('/api/v1/delegations/colleagues', { signal }));
}

export async function createDelegation(input: { delegateId: string; startsOn: string; endsOn: string; reason: string }) {
  await apiRequest('/api/v1/delegations', { method: 'POST', body: input });
}

export async function revokeDelegation(id: string): Promise<void> {
  await apiRequest(`/api/v1/delegations/${encodeURIComponent(id)}`, { method: 'DELETE' });
}
