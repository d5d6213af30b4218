import { z } from 'zod';
import { apiRequest } from './client';
import { parseResponse } from './parse';
import { type createUserBody, type newMembership, type updateUserBody, userView, type UserView } from './schemas/users';

export type { UserView };
export type CreateUserInput = z.infer<typeof createUserBody>;
export type NewMembership = z.infer<typeof newMembership>;

const userPath = (id: string) => `/api/v1/users/${encodeURIComponent(id)}`;

export async function listUsers(query: { q?: string } = {}, signal?: AbortSignal): Promise<UserView[]> {
  const search = query.q ? `?${new URLSearchParams({ q: query.q }).toString()}` : '';
  return parseResponse(z.array(userView), await apiRequest(`/api/v1/users${search}`, { signal }));
}

export async function createUser(input: CreateUserInput): Promise<UserView> {
  return parseResponse(userView, await apiRequest('/api/v1/users', { method: 'POST', body: input }));
}

export async function updateUser(id: string, input: z.infer<typeof updateUserBody>): Promise<UserView> {
  return parseResponse(userView, await apiRequest(userPath(id), { method: 'PATCH', body: input }));
}

export async function addMembership(id: string, input: NewMembership): Promise<UserView> {
  return parseResponse(userView, await apiRequest(`${userPath(id)}/memberships`, { method: 'POST', body: input }));
}

export async function removeMembership(id: string, membershipId: string): Promise<UserView> {
  const body = await apiRequest(`${userPath(id)}/memberships/${encodeURIComponent(membershipId)}`, { method: 'DELETE' });
  return parseResponse(userView, body);
}

export async function resetPassword(id: string, newPassword: string): Promise<void> {
  await apiRequest(`${userPath(id)}/reset-password`, { method: 'POST', body: { newPassword } });
}
