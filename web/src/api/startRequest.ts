import { ApiError, apiRequest } from './client';

/**
 * Keys of case starts whose answer has not arrived, by request (path and body). Sending the same form again — after
 * a network error on a phone, a 503, or a second tap — sends the same Idempotency-Key, and the server answers the
 * case the first send opened instead of opening a second one. A definite answer (a case, or a refusal) ends the key,
 * so starting another, identical case later is a new request.
 */
const unanswered = new Map<string, string>();

/** 32 hex digits from the browser's CSPRNG (crypto.randomUUID needs a secure context; this does not). */
function newKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The answer may still come (or came and was lost): the server may have opened the case. */
function mayHaveStarted(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 0 || error.status >= 500);
}

/** POSTs a request that opens a case, with an Idempotency-Key that stays the same until the request is answered. */
export async function startRequest(path: string, body: unknown): Promise<unknown> {
  const request = `${path}\n${JSON.stringify(body)}`;
  const key = unanswered.get(request) ?? newKey();
  unanswered.set(request, key);
  try {
    const answer = await apiRequest(path, { method: 'POST', body, headers: { 'Idempotency-Key': key } });
    unanswered.delete(request);
    return answer;
  } catch (error) {
    if (!mayHaveStarted(error)) unanswered.delete(request);
    throw error;
  }
}
