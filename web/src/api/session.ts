import { z } from 'zod';
import { apiRequest, setCsrfToken } from './client';
import { parseResponse } from './parse';
import { type loginBody, meResponse } from './schemas/shared';
import type { changePasswordBody } from './schemas/users';

export type Me = z.infer<typeof meResponse>;
export type Membership = Me['memberships'][number];
export type LoginInput = z.infer<typeof loginBody>;

/** GET /api/v1/me; also refreshes the CSRF token kept by the client. */
export async function fetchMe(signal?: AbortSignal): Promise<Me> {
  const me = parseResponse(meResponse, await apiRequest('/api/v1/me', { signal }));
  setCsrfToken(me.csrfToken);
  return me;
}

export async function login(input: LoginInput): Promise<void> {
  const body = await apiRequest('/api/v1/auth/login', { method: 'POST', body: input, ignoreUnauthorized: true });
  setCsrfToken(parseResponse(z.object({ csrfToken: z.string() }), body).csrfToken);
}

export async function logout(): Promise<void> {
  try {
    await apiRequest('/api/v1/auth/logout', { method: 'POST', ignoreUnauthorized: true });
  } finally {
    setCsrfToken(undefined);
  }
}

export async function switchMembership(membershipId: string): Promise<void> {
  await apiRequest('/api/v1/me/membership', { method: 'PUT', body: { membershipId } });
}

export async function changePassword(input: z.infer<typeof changePasswordBody>): Promise<void> {
  await apiRequest('/api/v1/me/password', { method: 'POST', body: input });
}
