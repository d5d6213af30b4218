import { apiRequest } from './client';
import { parseResponse } from './parse';
import { mobileView } from '../../../api/schemas/users';

export { mobileBody } from '../../../api/schemas/users';

/** GET/PUT /api/v1/me/mobile: the number SMS reminders go to. */
export async function getOwnMobile(signal?: AbortSignal): Promise<string | null> {
  return parseResponse(mobileView, await apiRequest('/api/v1/me/mobile', { signal })).mobile;
}

export async function setOwnMobile(mobile: string | null): Promise<string | null> {
  return parseResponse(mobileView, await apiRequest('/api/v1/me/mobile', { method: 'PUT', body: { mobile } })).mobile;
}
