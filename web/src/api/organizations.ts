import { z } from 'zod';
import { apiRequest } from './client';
import { parseResponse } from './parse';
import {
  type createOrganizationBody,
  type importOrganizationsBody,
  importResult,
  importRowError,
  organizationView,
  type updateOrganizationBody,
  type OrgKindName,
} from './schemas/shared';

export type Organization = z.infer<typeof organizationView>;
export type CreateOrganizationInput = z.infer<typeof createOrganizationBody>;
export type UpdateOrganizationInput = z.infer<typeof updateOrganizationBody>;
export type ImportResult = z.infer<typeof importResult>;
export type ImportRowError = z.infer<typeof importRowError>;

export async function listOrganizations(
  query: { kind?: OrgKindName; q?: string } = {},
  signal?: AbortSignal,
): Promise<Organization[]> {
  const params = new URLSearchParams();
  if (query.kind) params.set('kind', query.kind);
  if (query.q) params.set('q', query.q);
  const search = params.size > 0 ? `?${params.toString()}` : '';
  return parseResponse(z.array(organizationView), await apiRequest(`/api/v1/organizations${search}`, { signal }));
}

export async function createOrganization(input: CreateOrganizationInput): Promise<Organization> {
  return parseResponse(organizationView, await apiRequest('/api/v1/organizations', { method: 'POST', body: input }));
}

export async function updateOrganization(id: string, input: UpdateOrganizationInput): Promise<Organization> {
  const body = await apiRequest(`/api/v1/organizations/${encodeURIComponent(id)}`, { method: 'PATCH', body: input });
  return parseResponse(organizationView, body);
}

export async function importOrganizations(input: z.infer<typeof importOrganizationsBody>): Promise<ImportResult> {
  return parseResponse(importResult, await apiRequest('/api/v1/organizations/import', { method: 'POST', body: input }));
}

/** The per-row errors of a refused import (400 VALIDATION_FAILED, details.rowErrors), or [] if there are none. */
export function importRowErrors(details: Record<string, unknown> | undefined): ImportRowError[] {
  const parsed = z.array(importRowError).safeParse(details?.rowErrors);
  return parsed.success ? parsed.data : [];
}
