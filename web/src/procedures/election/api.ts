import { z } from 'zod';
import { localizedText } from '../../../../domain/localized-text';
import { apiRequest, type UploadProgress } from '../../api/client';
import { uploadOnce, postOnce } from '../../api/idempotent';
import { parseResponse } from '../../api/parse';
import { caseSummary } from '../../api/schemas/procedures';
import { applicationSubmitted } from '../../../../api/schemas/election';
import { listInbox, type InboxItem } from '../../api/tasks';
import {
  applicationListItem,
  applicationView,
  electionDetailView,
  electionOverviewView,
  electionSummary,
  objectionFiled,
  objectionView,
  publicNoticeView,
  voterImportResult,
  voterPage,
  voterView,
} from '../../../../api/schemas/election';
import type {
  migrantApplicationBody,
  migrantEvidenceBody,
  objectionBody,
  voterEntryBody,
} from '../../../../domain/forms/election';

/**
 * The election API as the web app calls it (api/routes/elections): every response is checked against the API's own
 * schema (api/schemas/election.ts, a pure module shared with the browser).
 */

export type ElectionSummary = z.infer<typeof electionSummary>;
export type ElectionDetail = z.infer<typeof electionDetailView>;
export type ElectionStatus = ElectionSummary['status'];
export type ElectionOverview = z.infer<typeof electionOverviewView>;
export type ApplicationView = z.infer<typeof applicationView>;
export type ApplicationListItem = z.infer<typeof applicationListItem>;
export type ApplicationStatus = ApplicationView['status'];
export type Voter = z.infer<typeof voterView>;
export type VoterPage = z.infer<typeof voterPage>;
export type VoterImportResult = z.infer<typeof voterImportResult>;
export type Objection = z.infer<typeof objectionView>;
export type ObjectionFiled = z.infer<typeof objectionFiled>;
export type PublicNotice = z.infer<typeof publicNoticeView>;
export type ApplicationBody = z.output<typeof migrantApplicationBody>;
export type EvidenceBody = z.output<typeof migrantEvidenceBody>;
export type VoterEntryBody = z.output<typeof voterEntryBody>;
export type ObjectionBody = z.output<typeof objectionBody>;

export const ELECTION_STATUSES = electionSummary.shape.status.options;
export const APPLICATION_STATUSES = applicationView.shape.status.options;

const base = '/api/v1/elections';
const electionPath = (id: string) => `${base}/${encodeURIComponent(id)}`;

function query(values: Record<string, string | number | boolean | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value !== undefined && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

// ── Elections ───────────────────────────────────────────────────────────────────────────────────────────────────

export async function listElections(filter: { status?: ElectionStatus } = {}, signal?: AbortSignal): Promise<ElectionSummary[]> {
  return parseResponse(z.array(electionSummary), await apiRequest(`${base}${query({ ...filter, limit: 200 })}`, { signal }));
}

export async function fetchElection(id: string, signal?: AbortSignal): Promise<ElectionDetail> {
  return parseResponse(electionDetailView, await apiRequest(electionPath(id), { signal }));
}

/** The township starts the election of a community under it (EL-LAW from the restructuring status). */
export async function startElection(input: { communityOrgId: string; restructuringComplete: boolean }) {
  return parseResponse(caseSummary, await postOnce(base, input));
}

export async function fetchOverview(organizationId: string | undefined, signal?: AbortSignal): Promise<ElectionOverview> {
  return parseResponse(electionOverviewView, await apiRequest(`${base}/overview${query({ organizationId })}`, { signal }));
}

// ── Voter list ──────────────────────────────────────────────────────────────────────────────────────────────────

export async function listVoters(
  electionId: string,
  page: { q?: string; limit: number; offset: number; includeRemoved?: boolean },
  signal?: AbortSignal,
): Promise<VoterPage> {
  return parseResponse(voterPage, await apiRequest(`${electionPath(electionId)}/voters${query(page)}`, { signal }));
}

/** Imports an .xlsx/.csv list: all rows or none (a refusal carries details.rowErrors). */
export async function importVoters(
  electionId: string,
  file: { filename: string; contentBase64: string },
  onProgress: UploadProgress,
): Promise<VoterImportResult> {
  return parseResponse(voterImportResult, await uploadOnce(`${electionPath(electionId)}/voters/import`, file, onProgress));
}

const rowError = z.object({
  row: z.number().int(),
  field: z.string(),
  message: localizedText,
});
export type VoterRowError = z.infer<typeof rowError>;

/** The per-row report of a refused import (400, details.rowErrors), or [] when there is none. */
export function voterRowErrors(details: Record<string, unknown> | undefined): VoterRowError[] {
  const parsed = z.array(rowError).safeParse(details?.rowErrors);
  return parsed.success ? parsed.data : [];
}

export async function addVoter(electionId: string, body: VoterEntryBody): Promise<Voter> {
  return parseResponse(voterView, await apiRequest(`${electionPath(electionId)}/voters`, { method: 'POST', body }));
}

export async function removeVoter(electionId: string, entryId: string, reason: string): Promise<void> {
  await apiRequest(`${electionPath(electionId)}/voters/${encodeURIComponent(entryId)}/remove`, {
    method: 'POST',
    body: { reason },
  });
}

// ── Objections ──────────────────────────────────────────────────────────────────────────────────────────────────

export async function listObjections(electionId: string, signal?: AbortSignal): Promise<Objection[]> {
  return parseResponse(z.array(objectionView), await apiRequest(`${electionPath(electionId)}/objections`, { signal }));
}

export async function recordObjection(electionId: string, body: ObjectionBody): Promise<ObjectionFiled> {
  return parseResponse(objectionFiled, await postOnce(`${electionPath(electionId)}/objections`, body));
}

// ── The published notice (public) ───────────────────────────────────────────────────────────────────────────────

export async function fetchPublicNotice(electionId: string, signal?: AbortSignal): Promise<PublicNotice> {
  return parseResponse(
    publicNoticeView,
    await apiRequest(`${electionPath(electionId)}/notice`, { signal, ignoreUnauthorized: true }),
  );
}

/** The printable notice in Chinese (PDF, public). */
export function noticePdfUrl(electionId: string): string {
  return `${electionPath(electionId)}/notice.pdf`;
}

/** The public page of the notice in this web app (what the committee shares). */
export function publicNoticePath(electionId: string): string {
  return `/elections/${encodeURIComponent(electionId)}/notice`;
}

// ── Migrant applications ────────────────────────────────────────────────────────────────────────────────────────

export async function listApplications(
  filter: { electionId?: string; status?: ApplicationStatus },
  signal?: AbortSignal,
): Promise<ApplicationListItem[]> {
  return parseResponse(
    z.array(applicationListItem),
    await apiRequest(`${base}/applications${query({ ...filter, limit: 200 })}`, { signal }),
  );
}

export async function fetchApplication(number: string, signal?: AbortSignal): Promise<ApplicationView> {
  return parseResponse(applicationView, await apiRequest(`${base}/applications/${encodeURIComponent(number)}`, { signal }));
}

/** The migrant's own application (EL-SELF): answered with the pre-check once the committee's task exists. */
export async function submitApplication(
  electionId: string,
  body: ApplicationBody,
): Promise<ApplicationView & { queryCode: string }> {
  return parseResponse(
    applicationSubmitted,
    await apiRequest(`${electionPath(electionId)}/applications`, { method: 'POST', body }),
  );
}

export async function supplyEvidence(number: string, body: EvidenceBody): Promise<ApplicationView> {
  return parseResponse(
    applicationView,
    await apiRequest(`${base}/applications/${encodeURIComponent(number)}/evidence`, { method: 'POST', body }),
  );
}

/** A valid application number (MIG-2026-000001), as the API's route accepts it. */
export const APPLICATION_NUMBER = /^MIG-\d{4}-\d{6}$/;

// ── Open tasks of an election or an application ─────────────────────────────────────────────────────────────────

/**
 * The open tasks of the cases whose number contains `caseNumber` that the caller can see (their own organization's
 * and, for supervisors, their subtree's), from the inbox.
 */
export async function openTasksOf(caseNumber: string, signal?: AbortSignal): Promise<InboxItem[]> {
  const page = await listInbox(
    { view: 'organization', status: 'OPEN', q: caseNumber, sort: 'createdAt' },
    { limit: 100 },
    signal,
  );
  return page.items.filter((item) => item.caseNumber === caseNumber);
}

/** The open migrant-decision tasks the caller can see, by application number. */
export async function openDecisionTasks(signal?: AbortSignal): Promise<Map<string, InboxItem>> {
  const page = await listInbox(
    {
      view: 'organization',
      status: 'OPEN',
      procedure: 'migrant-eligibility',
      kind: 'election.migrant-decision',
      sort: 'createdAt',
    },
    { limit: 200 },
    signal,
  );
  return new Map(page.items.map((item) => [item.caseNumber, item]));
}
