import type { z } from 'zod';
import { caseSummary, conditionsCheckResponse, type conversionDraftBody } from '../../api/schemas/procedures';
import { apiRequest } from '../../api/client';
import { postOnce } from '../../api/idempotent';
import { parseResponse } from '../../api/parse';
import type { CaseSummary } from '../../api/cases';
import type { Language } from '../../i18n';
import type { ConversionConditions } from '../../../../domain/rules/village-conversion';

export type ConditionsCheck = z.infer<typeof conditionsCheckResponse>;

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
