import { z } from 'zod';
import { apiRequest } from '../../api/client';
import { postOnce } from '../../api/idempotent';
import { parseResponse } from '../../api/parse';
import {
  admittedList,
  publishedReports,
  reportStarted,
  serviceItemDetail,
  serviceItemStarted,
  serviceItemSummaryRow,
  yearlySummary,
  type DocumentMimeType,
} from '../../api/schemas/procedures';
import type { ServiceItemApplication, ServiceItemReport } from '../../../../domain/forms/service-admission';

/** 社区工作事项准入 (api/routes/service-items): applications, views, the yearly summary, reports and the public list. */
export type ServiceItemRow = z.infer<typeof serviceItemSummaryRow>;
export type ServiceItemDetail = z.infer<typeof serviceItemDetail>;
export type ServiceItemStarted = z.infer<typeof serviceItemStarted>;
export type AdmittedList = z.infer<typeof admittedList>;
export type AdmittedItem = AdmittedList['items'][number];
export type PublishedReports = z.infer<typeof publishedReports>;
export type PublishedReport = PublishedReports['items'][number];
export type YearlySummary = z.infer<typeof yearlySummary>;
export type CountySummary = YearlySummary['counties'][number];
export type ReportStarted = z.infer<typeof reportStarted>;
export type ServiceItemView = 'pending' | 'listed' | 'closed' | 'all';

const BASE = '/api/v1/service-items';
const city = z.object({ id: z.string().uuid(), name: z.string() });
const community = z.object({ id: z.string().uuid(), name: z.string(), parentName: z.string().nullable() });
export type ApplicantCommunity = z.infer<typeof community>;

function search(values: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value !== undefined && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Cities with a public list (no login). */
export async function listCities(signal?: AbortSignal): Promise<z.infer<typeof city>[]> {
  return parseResponse(z.array(city), await apiRequest(`${BASE}/cities`, { signal, ignoreUnauthorized: true }));
}

/** SA-LIST: the admitted items of a city in force now (no login). */
export async function fetchAdmitted(query: { cityId: string; q?: string }, signal?: AbortSignal): Promise<AdmittedList> {
  return parseResponse(admittedList, await apiRequest(`${BASE}/admitted${search(query)}`, { signal, ignoreUnauthorized: true }));
}

/** The same list as an Excel workbook (a plain link: the browser downloads it). */
export function admittedWorkbookUrl(query: { cityId: string; q?: string }): string {
  return `${BASE}/admitted.xlsx${search(query)}`;
}

/** Published outcomes of community reports in a city (no login). */
export async function fetchPublishedReports(cityId: string, signal?: AbortSignal): Promise<PublishedReports> {
  return parseResponse(
    publishedReports,
    await apiRequest(`${BASE}/reports/published${search({ cityId })}`, { signal, ignoreUnauthorized: true }),
  );
}

/** The communities of the applicant's county. */
export async function listApplicantCommunities(signal?: AbortSignal): Promise<ApplicantCommunity[]> {
  return parseResponse(z.array(community), await apiRequest(`${BASE}/communities`, { signal }));
}

/** A department (or sub-district office) applies; the answer says where the case stands (refused, held, review). */
export async function applyForAdmission(application: ServiceItemApplication): Promise<ServiceItemStarted> {
  return parseResponse(serviceItemStarted, await postOnce(BASE, application));
}

export async function listServiceItems(
  query: { view: ServiceItemView; q?: string },
  signal?: AbortSignal,
): Promise<ServiceItemRow[]> {
  return parseResponse(z.array(serviceItemSummaryRow), await apiRequest(`${BASE}${search(query)}`, { signal }));
}

export async function fetchServiceItem(caseId: string, signal?: AbortSignal): Promise<ServiceItemDetail> {
  return parseResponse(serviceItemDetail, await apiRequest(`${BASE}/${encodeURIComponent(caseId)}`, { signal }));
}

export async function fetchYearlySummary(year: number, signal?: AbortSignal): Promise<YearlySummary> {
  return parseResponse(yearlySummary, await apiRequest(`${BASE}/summary${search({ year })}`, { signal }));
}

/** SA-REPORT: a residents' committee reports an item pushed onto it without admission. */
export async function reportPushedItem(report: ServiceItemReport): Promise<ReportStarted> {
  return parseResponse(reportStarted, await postOnce(`${BASE}/reports`, report));
}

export async function attachReportEvidence(
  caseId: string,
  file: { filename: string; mimeType: DocumentMimeType; contentBase64: string },
): Promise<void> {
  await apiRequest(`${BASE}/reports/${encodeURIComponent(caseId)}/documents`, { method: 'POST', body: file });
}
