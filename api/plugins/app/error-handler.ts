import fp from 'fastify-plugin';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, errorMessage, type ErrorCode, type FieldError } from '../../../domain/errors';
import { auditRefusal } from './refusal-audit';
import { isTransientError, RETRY_AFTER_SECONDS } from '../../../runtime/transient-errors';

function fromFastifyError(error: FastifyError & { validationContext?: string }): AppError {
  if (
    error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
    error instanceof SyntaxError ||
    error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
  ) {
    return new AppError('MALFORMED_JSON');
  }
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new AppError('PAYLOAD_TOO_LARGE');
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || error.code === 'FST_ERR_CTP_INVALID_CONTENT_LENGTH') {
    return new AppError(error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'UNSUPPORTED_MEDIA_TYPE' : 'BAD_REQUEST');
  }
  if (error.statusCode === 429) return new AppError('RATE_LIMITED');
  // Temporal or PostgreSQL said "not now" (restarting, overloaded, pool exhausted): nothing was done; try again.
  if (isTransientError(error))
    return new AppError('SERVICE_UNAVAILABLE', { details: { retryAfterSeconds: RETRY_AFTER_SECONDS } });
  if (error.statusCode === 404) return new AppError('ROUTE_NOT_FOUND');
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) return new AppError('BAD_REQUEST');
  return new AppError('INTERNAL_ERROR');
}

function withContext(fields: FieldError[] | undefined, context: string | undefined): FieldError[] | undefined {
  if (!fields || !context || context === 'body') return fields;
  const prefix = context === 'querystring' ? 'query' : context;
  return fields.map((f) => ({ ...f, path: f.path ? `${prefix}.${f.path}` : prefix }));
}

export function sendError(reply: FastifyReply, request: FastifyRequest, error: AppError): FastifyReply {
  if (error.code === 'SERVICE_UNAVAILABLE') {
    const seconds = error.details?.retryAfterSeconds;
    reply.header('retry-after', String(typeof seconds === 'number' ? seconds : RETRY_AFTER_SECONDS));
  }
  return reply.status(error.status).send({
    error: {
      code: error.code,
      message: error.localized,
      requestId: request.id,
      ...(error.fields ? { fields: error.fields } : {}),
      ...(error.details ? { details: error.details } : {}),
    },
  });
}

/**
 * The one place errors become responses: domain errors keep their code; validation errors list fields in both
 * languages; anything unexpected is logged with the request id and answered 500 without internals. Refusals are
 * audited here (./refusal-audit.ts says which).
 */
export default fp(
  async function errorHandler(fastify: FastifyInstance) {
    fastify.setErrorHandler(async (rawError: FastifyError & { validationContext?: string }, request, reply) => {
      const appError = rawError instanceof AppError ? rawError : fromFastifyError(rawError);
      const error =
        rawError instanceof AppError && rawError.fields
          ? new AppError(rawError.code, {
              fields: withContext(rawError.fields, (rawError as { validationContext?: string }).validationContext),
              details: rawError.details,
              message: rawError.localized,
            })
          : appError;
      if (error.code === 'SERVICE_UNAVAILABLE') request.log.warn({ err: rawError }, 'request refused for now (transient)');
      else if (error.status >= 500) request.log.error({ err: rawError }, 'request failed');
      else request.log.info({ code: error.code }, 'request refused');
      await auditRefusal(fastify, request, error).catch((auditError: unknown) =>
        request.log.error({ err: auditError }, 'audit of a refusal failed'),
      );
      return sendError(reply, request, error);
    });
  },
  { name: 'error-handler', dependencies: ['platform'] },
);

export function errorBody(code: ErrorCode, requestId: string) {
  return { error: { code, message: errorMessage(code), requestId } };
}
