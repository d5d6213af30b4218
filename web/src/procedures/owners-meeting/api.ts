import { z } from 'zod';
import type { RegisterOwnersMeeting, VoteCheckInput } from '../../../../domain/forms/owners-meeting';
import type { Language } from '../../i18n';
import { ApiError, apiRequest } from '../../api/client';
import { postOnce } from '../../api/idempotent';
import { parseResponse } from '../../api/parse';
import { ownersMeetingRegistered } from '../../../../api/schemas/owners-meeting';
import {
  ownersMeetingList,
  ownersMeetingView,
  voteCheckResponse,
  type ownersMeetingListQuery,
} from '../../api/schemas/procedures';

export type OwnersMeeting = z.infer<typeof ownersMeetingView>;
export type OwnersMeetingList = z.infer<typeof ownersMeetingList>;
export type RefusedNotice = OwnersMeetingList['refusedNotices'][number];
export type OwnersMeetingQuery = Partial<z.output<typeof ownersMeetingListQuery>>;
export type VoteCheckResult = z.infer<typeof voteCheckResponse>;

const BASE = '/api/v1/owners-meetings';

/** Meetings in the caller's subtree (newest first) and the registrations refused for a late notice. */
export async function listOwnersMeetings(query: OwnersMeetingQuery, signal?: AbortSignal): Promise<OwnersMeetingList> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, String(value));
  const search = params.toString() ? `?${params.toString()}` : '';
  return parseResponse(ownersMeetingList, await apiRequest(`${BASE}${search}`, { signal }));
}

export async function fetchOwnersMeeting(caseId: string, signal?: AbortSignal): Promise<OwnersMeeting> {
  return parseResponse(ownersMeetingView, await apiRequest(`${BASE}/${encodeURIComponent(caseId)}`, { signal }));
}

/** Registers a meeting of the caller's own owners' committee; a late notice is refused with 422 RULE_FAILED. */
export async function registerOwnersMeeting(body: RegisterOwnersMeeting): Promise<OwnersMeeting & { queryCode: string | null }> {
  return parseResponse(ownersMeetingRegistered, await postOnce(BASE, body));
}

/** The earliest valid meeting date a late-notice refusal suggests (error.details.earliestMeetingDate). */
export function suggestedMeetingDate(error: unknown): string | undefined {
  if (!(error instanceof ApiError) || error.code !== 'RULE_FAILED') return undefined;
  const parsed = z.iso.date().safeParse(error.details?.earliestMeetingDate);
  return parsed.success ? parsed.data : undefined;
}

/** The public vote check (no login); rule details come back in the given language. */
export async function checkOwnersMeetingVotes(input: VoteCheckInput, language: Language): Promise<VoteCheckResult> {
  const body = await apiRequest(`${BASE}/vote-check?lang=${encodeURIComponent(language)}`, {
    method: 'POST',
    body: input,
    ignoreUnauthorized: true,
  });
  return parseResponse(voteCheckResponse, body);
}
