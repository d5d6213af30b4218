import { z } from 'zod';
import { apiRequest } from './client';
import { parseResponse } from './parse';
import { caseRecordResponse, caseSummary, type caseStatus } from './schemas/procedures';

export type CaseSummary = z.infer<typeof caseSummary>;
export type CaseStatus = z.infer<typeof caseStatus>;
export type CaseRecord = z.infer<typeof caseRecordResponse>;
export type CaseDocument = CaseRecord['documents'][number];
export type CaseComment = CaseRecord['comments'][number];

const casePath = (id: string) => `/api/v1/cases/${encodeURIComponent(id)}`;

export async function listCases(
  query: { procedure?: string; status?: string; q?: string },
  signal?: AbortSignal,
): Promise<CaseSummary[]> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  const search = params.toString() ? `?${params.toString()}` : '';
  return parseResponse(z.array(caseSummary), await apiRequest(`/api/v1/cases${search}`, { signal }));
}

export async function fetchCaseRecord(id: string, signal?: AbortSignal): Promise<CaseRecord> {
  return parseResponse(caseRecordResponse, await apiRequest(casePath(id), { signal }));
}

/** Where a document's bytes are downloaded (same origin, the session cookie authorizes). */
export function documentUrl(id: string): string {
  return `/api/v1/documents/${encodeURIComponent(id)}/content`;
}
