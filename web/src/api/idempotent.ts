import { ApiError, apiRequest, apiUpload, type UploadProgress } from './client';

/**
 * Writes that must happen once — case starts, voter-list imports, objections — and the keys of those whose answer has
 * not arrived, by request (path and body). Sending the same form again — after a network error on a phone, a 503, or
 * a second tap — sends the same Idempotency-Key, and the server answers what the first send did instead of doing it
 * twice. A definite answer (a case, or a refusal) ends the key, so an identical request later is a new one.
 */
const unanswered = new Map<string, string>();

/** 32 hex digits from the browser's CSPRNG (crypto.randomUUID needs a secure context; this does not). */
function newKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The answer may still come (or came and was lost): the server may have done the write. */
function mayHaveHappened(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 0 || error.status >= 500);
}

/** Sends a POST with an Idempotency-Key that stays the same for this path and body until the request is answered. */
async function withKeyUntilAnswered(
  path: string,
  body: unknown,
  send: (headers: { 'Idempotency-Key': string }) => Promise<unknown>,
): Promise<unknown> {
  const request = `${path}\n${JSON.stringify(body)}`;
  const key = unanswered.get(request) ?? newKey();
  unanswered.set(request, key);
  try {
    const answer = await send({ 'Idempotency-Key': key });
    unanswered.delete(request);
    return answer;
  } catch (error) {
    if (!mayHaveHappened(error)) unanswered.delete(request);
    throw error;
  }
}

/** POSTs a write done once (a case start, an objection): sent again unchanged, it answers what the first send did. */
export function postOnce(path: string, body: unknown): Promise<unknown> {
  return withKeyUntilAnswered(path, body, (headers) => apiRequest(path, { method: 'POST', body, headers }));
}

/** Uploads a file that is imported once (a voter list): sent again unchanged, it answers the first import. */
export function uploadOnce(path: string, body: unknown, onProgress: UploadProgress): Promise<unknown> {
  return withKeyUntilAnswered(path, body, (headers) => apiUpload(path, body, onProgress, { headers }));
}
