import { z } from 'zod';
import { apiRequest } from './client';
import { postOnce } from './idempotent';
import { parseResponse } from './parse';
import {
  caseRecordResponse,
  caseSummary,
  conditionsCheckResponse,
  type caseStatus,
  type conversionDraftBody,
} from './schemas/procedures';
import type { Language } from '../i18n';
import type { ConversionConditions } from '../../../domain/rules/village-conversion';

export type CaseSummary = z.infer<typeof caseSummary>;
export type CaseStatus = z.infer<typeof caseStatus>;
export type CaseRecord = z.infer<typeof caseRecordResponse>;
export type CaseDocument = CaseRecord['documents'][number];
export type CaseComment = CaseRecord['comments'][number];
export type ConditionsCheck = z.infer<typeof conditionsCheckResponse>;

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

const conversionPath = (caseId: string) => `/api/v1/village-conversions/${encodeURIComponent(caseId)}`;

/** The county's written decision (批复) of a village conversion, as a PDF. */
export function conversionDecisionUrl(caseId: string): string {
  return `${conversionPath(caseId)}/decision.pdf`;
}

/** Opens a conversion case of the caller's own village (village committee officials only). */
export async function startConversion(title?: string): Promise<CaseSummary> {
  return parseResponse(caseSummary, await postOnce('/api/v1/village-conversions', title ? { title } : {}));
}

export async function saveConversionDraft(caseId: string, draft: z.infer<typeof conversionDraftBody>['draft']): Promise<void> {
  await apiRequest(`${conversionPath(caseId)}/draft`, { method: 'PUT', body: { draft } });
}

export async function withdrawConversion(caseId: string, reason: string): Promise<void> {
  await apiRequest(`${conversionPath(caseId)}/withdraw`, { method: 'POST', body: { reason } });
}

/** The public conditions check (no login); rule details come back in the given language. */
export async function checkConversionConditions(conditions: ConversionConditions, language: Language): Promise<ConditionsCheck> {
  const body = await apiRequest(`/api/v1/village-conversions/conditions-check?lang=${encodeURIComponent(language)}`, {
    method: 'POST',
    body: conditions,
    ignoreUnauthorized: true,
  });
  return parseResponse(conditionsCheckResponse, body);
}
