import type { z } from 'zod';
import { apiRequest } from '../api/client';
import { parseResponse } from '../api/parse';
import { serviceCentreHistoryView, serviceCentreView } from '../../../api/schemas/service-centres';
import type { ServiceCentreInput } from '../../../domain/forms/service-centre';

/** The township and county service centres (api/routes/community-profiles/service-centres.ts), checked by the API's schemas. */
export type ServiceCentre = z.infer<typeof serviceCentreView>;

const centrePath = (organizationId: string, year: number) =>
  `/api/v1/service-centres/${encodeURIComponent(organizationId)}/${year}`;

export async function fetchServiceCentre(organizationId: string, year: number, signal?: AbortSignal) {
  return parseResponse(serviceCentreView, await apiRequest(centrePath(organizationId, year), { signal }));
}

export async function fetchServiceCentreHistory(organizationId: string, year: number, signal?: AbortSignal) {
  return parseResponse(serviceCentreHistoryView, await apiRequest(`${centrePath(organizationId, year)}/history`, { signal }));
}

export async function saveServiceCentre(organizationId: string, year: number, body: ServiceCentreInput, expectedVersion: number) {
  return parseResponse(
    serviceCentreView,
    await apiRequest(centrePath(organizationId, year), { method: 'PUT', body: { ...body, expectedVersion } }),
  );
}
