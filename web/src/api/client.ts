/**
 * Minimal fetch wrapper for the same-origin API.
 *
 * Error bodies from the API have the shape
 * {"error":{"code":"…","message":{"zh-CN":"…","en":"…"},"requestId":"…","fields":[…]}}
 * and are turned into an ApiError. Network failures become an ApiError with status 0.
 *
 * Every non-GET request carries the session's CSRF token (header x-csrf-token), kept in memory here: set after
 * login and refreshed from GET /api/v1/me by the session context. A 401 from a protected route tells the
 * listeners registered with onUnauthorized (the session context), so an expired session leads to the login page.
 */

import type { LocalizedText as DomainLocalizedText } from '../../../domain/localized-text';

export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

let csrfToken: string | undefined;

/** Remembers the CSRF token of the current session (undefined after logout). */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

type UnauthorizedListener = (error: ApiError) => void;
const unauthorizedListeners = new Set<UnauthorizedListener>();

/** Calls the listener whenever a request is refused with 401; returns the unsubscribe function. */
export function onUnauthorized(listener: UnauthorizedListener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

const passwordChangeListeners = new Set<UnauthorizedListener>();

/** Calls the listener whenever a request is refused with 403 PASSWORD_CHANGE_REQUIRED; returns the unsubscribe function. */
export function onPasswordChangeRequired(listener: UnauthorizedListener): () => void {
  passwordChangeListeners.add(listener);
  return () => passwordChangeListeners.delete(listener);
}

/** Tells the listeners about a refusal the session must act on (signed out, or the password must be changed first). */
function announce(error: ApiError, ignoreUnauthorized = false): void {
  if (error.status === 401 && !ignoreUnauthorized) unauthorizedListeners.forEach((listener) => listener(error));
  if (error.code === 'PASSWORD_CHANGE_REQUIRED') passwordChangeListeners.forEach((listener) => listener(error));
}

/** A message as an error body may carry it: the domain's LocalizedText, either language possibly missing. */
export type LocalizedText = Partial<DomainLocalizedText>;

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
  /** The error body's `details` (e.g. rowErrors of an import), unvalidated. */
  readonly details: Record<string, unknown> | undefined;

  constructor(init: {
    status: number;
    code: string;
    localizedMessage?: LocalizedText;
    requestId?: string;
    fields?: ApiFieldError[];
    details?: Record<string, unknown>;
    cause?: unknown;
  }) {
    const text = init.localizedMessage?.en ?? init.localizedMessage?.['zh-CN'] ?? init.code;
    super(text, { cause: init.cause });
    this.status = init.status;
    this.code = init.code;
    this.localizedMessage = init.localizedMessage;
    this.requestId = init.requestId;
    this.fields = init.fields ?? [];
    this.details = init.details;
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
  /** Do not notify onUnauthorized listeners about a 401 (login: a wrong password is not an expired session). */
  ignoreUnauthorized?: boolean;
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
    fields: Array.isArray(error.fields) ? error.fields.filter(isRecord) : [],
    details: isRecord(error.details) ? error.details : undefined,
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
  const { body, acceptStatuses = [], ignoreUnauthorized = false, headers, ...init } = options;
  const requestHeaders = new Headers(headers);
  requestHeaders.set('Accept', 'application/json');
  if (body !== undefined) requestHeaders.set('Content-Type', 'application/json');
  const method = (init.method ?? 'GET').toUpperCase();
  if (!SAFE_METHODS.has(method) && csrfToken !== undefined) requestHeaders.set(CSRF_HEADER, csrfToken);

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
  const error = toApiError(response.status, parsed);
  announce(error, ignoreUnauthorized);
  throw error;
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** Progress of a request body on its way to the server (0–1), for large uploads. */
export type UploadProgress = (fraction: number) => void;

/**
 * A JSON POST like apiRequest, sent with XMLHttpRequest so the caller can show how much of a large body (an
 * imported spreadsheet) has reached the server; fetch cannot report upload progress. Same CSRF header, same errors.
 */
export function apiUpload(
  path: string,
  body: unknown,
  onProgress: UploadProgress,
  options: { signal?: AbortSignal; headers?: Record<string, string> } = {},
): Promise<unknown> {
  const { signal, headers = {} } = options;
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Content-Type', 'application/json');
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    if (csrfToken !== undefined) xhr.setRequestHeader(CSRF_HEADER, csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.upload.onload = () => onProgress(1);
    xhr.onerror = () => reject(new ApiError({ status: 0, code: CLIENT_ERROR_CODES.network }));
    xhr.onabort = () => reject(new DOMException('Aborted', 'AbortError'));
    xhr.onload = () => {
      let parsed: unknown;
      try {
        parsed = xhr.responseText.trim() === '' ? undefined : (JSON.parse(xhr.responseText) as unknown);
      } catch {
        parsed = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(parsed);
      const error = toApiError(xhr.status, parsed);
      announce(error);
      reject(error);
    };
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(JSON.stringify(body));
  });
}
