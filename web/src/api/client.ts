/**
 * Minimal fetch wrapper for the same-origin API.
 *
 * Error bodies from the API have the shape
 * {"error":{"code":"…","message":{"zh-CN":"…","en":"…"},"requestId":"…","fields":[…]}}
 * and are turned into an ApiError. Network failures become an ApiError with status 0.
 */

export interface LocalizedText {
  'zh-CN'?: string;
  en?: string;
}

export interface ApiFieldError {
  path?: string;
  code?: string;
  message?: LocalizedText;
  [key: string]: unknown;
}

/** Codes produced by the client itself (the API's own codes come from the error body). */
export const CLIENT_ERROR_CODES = {
  network: 'NETWORK_ERROR',
  http: 'HTTP_ERROR',
  invalidResponse: 'INVALID_RESPONSE',
} as const;

export class ApiError extends Error {
  override readonly name = 'ApiError';
  /** HTTP status; 0 when the request never got a response. */
  readonly status: number;
  readonly code: string;
  /** The localized message from the API's error body, when there was one. */
  readonly localizedMessage: LocalizedText | undefined;
  readonly requestId: string | undefined;
  readonly fields: ApiFieldError[];

  constructor(init: {
    status: number;
    code: string;
    localizedMessage?: LocalizedText;
    requestId?: string;
    fields?: ApiFieldError[];
    cause?: unknown;
  }) {
    const text = init.localizedMessage?.en ?? init.localizedMessage?.['zh-CN'] ?? init.code;
    super(text, { cause: init.cause });
    this.status = init.status;
    this.code = init.code;
    this.localizedMessage = init.localizedMessage;
    this.requestId = init.requestId;
    this.fields = init.fields ?? [];
  }

  /** The API's message in the given language (falling back to the other one), if any. */
  messageIn(language: keyof LocalizedText): string | undefined {
    const text = this.localizedMessage;
    return text?.[language] ?? text?.en ?? text?.['zh-CN'];
  }
}

export interface RequestOptions extends Omit<RequestInit, 'body'> {
  /** Serialised as JSON. */
  body?: unknown;
  /** Non-2xx statuses whose body is a regular result, not an error (e.g. 503 from /readyz). */
  acceptStatuses?: readonly number[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asLocalizedText(value: unknown): LocalizedText | undefined {
  if (typeof value === 'string') return { en: value };
  if (!isRecord(value)) return undefined;
  const text: LocalizedText = {};
  if (typeof value['zh-CN'] === 'string') text['zh-CN'] = value['zh-CN'];
  if (typeof value.en === 'string') text.en = value.en;
  return text['zh-CN'] === undefined && text.en === undefined ? undefined : text;
}

/** Builds an ApiError from a non-OK response body (parsed JSON, or undefined). */
export function toApiError(status: number, body: unknown): ApiError {
  const error = isRecord(body) && isRecord(body.error) ? body.error : undefined;
  if (!error) return new ApiError({ status, code: CLIENT_ERROR_CODES.http });
  return new ApiError({
    status,
    code: typeof error.code === 'string' ? error.code : CLIENT_ERROR_CODES.http,
    localizedMessage: asLocalizedText(error.message),
    requestId: typeof error.requestId === 'string' ? error.requestId : undefined,
    fields: Array.isArray(error.fields) ? (error.fields.filter(isRecord)) : [],
  });
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Performs a JSON request and returns the parsed body (unvalidated: check it at the call site). */
export async function apiRequest(path: string, options: RequestOptions = {}): Promise<unknown> {
  const { body, acceptStatuses = [], headers, ...init } = options;
  const requestHeaders = new Headers(headers);
  requestHeaders.set('Accept', 'application/json');
  if (body !== undefined) requestHeaders.set('Content-Type', 'application/json');

  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      headers: requestHeaders,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({ status: 0, code: CLIENT_ERROR_CODES.network, cause });
  }

  const parsed = await readJson(response);
  if (response.ok || acceptStatuses.includes(response.status)) return parsed;
  throw toApiError(response.status, parsed);
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
