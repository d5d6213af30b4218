import type { z } from 'zod';
import { apiRequest } from '../api/client';
import { parseResponse } from '../api/parse';
import {
  communityIndicatorsView,
  communityProfileView,
  importProfilesResult,
  profileHistoryView,
  type importProfilesBody,
} from '../../../api/schemas/community-profiles';
import type { communityProfileInput } from '../../../domain/forms/community-profile';

/**
 * The community profiles and the targets dashboard as the web app calls them (api/routes/community-profiles): every
 * response is checked against the API's own schema.
 */
export type CommunityIndicators = z.infer<typeof communityIndicatorsView>;
export type CommunityProfile = z.infer<typeof communityProfileView>;
export type ProfileHistory = z.infer<typeof profileHistoryView>;

const query = (values: Record<string, string | number | undefined>) => {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== '') params.set(k, String(v));
  return params.size > 0 ? `?${params.toString()}` : '';
};

export async function fetchIndicators(year: number, organizationId: string | undefined, signal?: AbortSignal) {
  return parseResponse(
    communityIndicatorsView,
    await apiRequest(`/api/v1/community-indicators${query({ year, organizationId })}`, { signal }),
  );
}

/** Where the dashboard's Excel export is downloaded (same origin; the session cookie authorizes). */
export function indicatorsExportUrl(year: number, organizationId: string | undefined) {
  return `/api/v1/community-indicators/export.xlsx${query({ year, organizationId })}`;
}

/** The printable PDF report of the dashboard. */
export function indicatorsReportUrl(year: number, organizationId: string | undefined) {
  return `/api/v1/community-indicators/report.pdf${query({ year, organizationId })}`;
}

export const PROFILE_TEMPLATE_URL = '/api/v1/community-profiles/template.xlsx';
export const profilesExportUrl = (year: number) => `/api/v1/community-profiles/export.xlsx${query({ year })}`;

const profilePath = (communityOrgId: string, year: number) =>
  `/api/v1/community-profiles/${encodeURIComponent(communityOrgId)}/${year}`;

export async function fetchProfile(communityOrgId: string, year: number, signal?: AbortSignal) {
  return parseResponse(communityProfileView, await apiRequest(profilePath(communityOrgId, year), { signal }));
}

export async function fetchProfileHistory(communityOrgId: string, year: number, signal?: AbortSignal) {
  return parseResponse(profileHistoryView, await apiRequest(`${profilePath(communityOrgId, year)}/history`, { signal }));
}

export async function confirmProfile(communityOrgId: string, year: number, version: number) {
  return parseResponse(
    communityProfileView,
    await apiRequest(`${profilePath(communityOrgId, year)}/confirm`, { method: 'POST', body: { version } }),
  );
}

export async function importProfiles(body: z.infer<typeof importProfilesBody>) {
  return parseResponse(importProfilesResult, await apiRequest('/api/v1/community-profiles/import', { method: 'POST', body }));
}

/** The residents' committee saves its community's profile of a year, with the version it edited (0: a new one). */
export async function saveProfile(
  communityOrgId: string,
  year: number,
  body: z.infer<typeof communityProfileInput>,
  expectedVersion: number,
) {
  return parseResponse(
    communityProfileView,
    await apiRequest(profilePath(communityOrgId, year), { method: 'PUT', body: { ...body, expectedVersion } }),
  );
}
