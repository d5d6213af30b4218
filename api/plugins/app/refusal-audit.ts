import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppError, ErrorCode } from '../../../domain/errors';
import { appendAudit } from '../../../runtime/audit';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refusals that are never audited: a path no route matches (scanners, typos) and the rate limiters' own answers,
 * which exist to shed load that an audit row per request would bring back (a throttled sign-in is audited by the
 * login service itself).
 */
const NEVER_AUDITED = new Set<ErrorCode>(['ROUTE_NOT_FOUND', 'METHOD_NOT_ALLOWED', 'RATE_LIMITED', 'LOGIN_THROTTLED']);

/** Refused reads that say someone looked outside their authority (a signed-in caller only). */
const AUDITED_READ_REFUSALS = new Set<ErrorCode>(['FORBIDDEN', 'NOT_FOUND']);

/**
 * Which refusals become audit rows:
 * - every 4xx answer to a write (POST, PUT, PATCH, DELETE) of a route, signed in or anonymous, including 401
 *   (a write without a session) — every refused attempt to change the record;
 * - a 403 or 404 answer to a signed-in caller's read (looking outside one's authority);
 * - not: anonymous reads (401 noise of expired sessions polling), paths no route matches, rate limiting.
 */
export function isAuditedRefusal(request: FastifyRequest, error: AppError): boolean {
  if (error.status < 400 || error.status >= 500 || NEVER_AUDITED.has(error.code)) return false;
  if (request.routeOptions.url === undefined) return false;
  if (!SAFE_METHODS.has(request.method)) return true;
  return request.caller !== null && AUDITED_READ_REFUSALS.has(error.code);
}

/** The machine reason: the error code, refined by a sub-reason (csrf) or the field codes ("VALIDATION_FAILED:not_a_colleague"). */
export function refusalReason(error: AppError): string {
  const detail = typeof error.details?.reason === 'string' ? error.details.reason : undefined;
  const fieldCodes = [...new Set((error.fields ?? []).map((f) => f.code))];
  const sub = detail ?? (fieldCodes.length > 0 ? fieldCodes.join(',') : undefined);
  return (sub ? `${error.code}:${sub}` : error.code).slice(0, 200);
}

interface RowError {
  row?: unknown;
  field?: unknown;
}

/**
 * What the row says besides the reason: the status, the route's ids, which fields (paths and codes, never values)
 * and which rows of an uploaded file were refused. No values: a refused body may hold personal data (ID numbers).
 */
function refusalData(request: FastifyRequest, error: AppError): Record<string, unknown> {
  const rowErrors = Array.isArray(error.details?.rowErrors) ? (error.details.rowErrors as RowError[]) : undefined;
  return {
    status: error.status,
    params: request.params && typeof request.params === 'object' ? request.params : {},
    ...(error.fields ? { fields: error.fields.slice(0, 50).map((f) => ({ path: f.path, code: f.code })) } : {}),
    ...(rowErrors
      ? {
          rows: rowErrors.slice(0, 200).map((r) => ({ row: Number(r.row), field: typeof r.field === 'string' ? r.field : null })),
        }
      : {}),
    ...(Array.isArray(error.details?.rules)
      ? { rules: (error.details.rules as { id?: unknown }[]).map((r) => String(r.id)) }
      : {}),
  };
}

/**
 * Records a refused request as one audit row (outcome `refused`): reason, actor (null when anonymous), acting
 * organization, target (the route and the request path with its ids), request id. A service that audited its own
 * refusal in this request (a task completion, a wrong password) has written the row already: nothing is added.
 * The row goes through `appendAudit`, so it is hash-chained like every other row.
 */
export async function auditRefusal(fastify: FastifyInstance, request: FastifyRequest, error: AppError): Promise<void> {
  if (!isAuditedRefusal(request, error)) return;
  const { db } = fastify.platform;
  const already = await db.auditEvent.findFirst({ where: { requestId: request.id, outcome: 'refused' }, select: { seq: true } });
  if (already) return;
  const caller = request.caller;
  await db.$transaction((tx) =>
    appendAudit(tx, {
      action: `${request.method} ${request.routeOptions.url}`,
      targetType: 'request',
      targetId: request.url.split('?')[0]!.slice(0, 500),
      actorId: caller?.userId ?? null,
      actingOrgId: caller?.membership?.organizationId ?? null,
      outcome: 'refused',
      reason: refusalReason(error),
      requestId: request.id,
      data: refusalData(request, error),
    }),
  );
}
