import type { z } from 'zod';
import type { EligibilityCheckInput } from '../../../domain/rules/election-checks';
import type { Language } from '../i18n';
import { apiRequest } from '../api/client';
import { parseResponse } from '../api/parse';
import { caseStatusView, ratingSummaryView } from '../../../api/schemas/public';
import { eligibilityCheckResponse } from '../../../api/schemas/election';

export type CaseStatusView = z.infer<typeof caseStatusView>;
export type RatingSummary = z.infer<typeof ratingSummaryView>;
export type EligibilityCheck = z.infer<typeof eligibilityCheckResponse>;

/** Who asks: the number with its query code (anyone), or the number alone (the signed-in resident who opened it). */
export interface CaseLookup {
  number: string;
  code?: string;
}

/** 我要查: the public status of a case. */
export async function fetchCaseStatus({ number, code }: CaseLookup): Promise<CaseStatusView> {
  const body = code
    ? await apiRequest('/api/v1/public/case-status', { method: 'POST', body: { number, code }, ignoreUnauthorized: true })
    : await apiRequest(`/api/v1/me/cases/${encodeURIComponent(number)}/status`);
  return parseResponse(caseStatusView, body);
}

/** 好差评: rates a case once, after its outcome; answers the case's status with the rating. */
export async function rateCase(lookup: CaseLookup, rating: { level: number; comment?: string }): Promise<CaseStatusView> {
  const body = lookup.code
    ? await apiRequest('/api/v1/public/case-rating', {
        method: 'POST',
        body: { number: lookup.number, code: lookup.code, ...rating },
        ignoreUnauthorized: true,
      })
    : await apiRequest(`/api/v1/me/cases/${encodeURIComponent(lookup.number)}/rating`, { method: 'POST', body: rating });
  return parseResponse(caseStatusView, body);
}

/** The county's (township's) view of ratings in its area. */
export async function fetchRatingSummary(signal?: AbortSignal): Promise<RatingSummary> {
  return parseResponse(ratingSummaryView, await apiRequest('/api/v1/service-ratings', { signal }));
}

/** The public migrant eligibility check (no login): which rule decides, in the language asked for. */
export async function checkEligibility(input: EligibilityCheckInput, language: Language): Promise<EligibilityCheck> {
  const body = await apiRequest(`/api/v1/elections/eligibility-check?lang=${encodeURIComponent(language)}`, {
    method: 'POST',
    body: input,
    ignoreUnauthorized: true,
  });
  return parseResponse(eligibilityCheckResponse, body);
}
