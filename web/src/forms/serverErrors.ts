import { ApiError, type LocalizedText } from '../api/client';

/** A field error the API reported, its path relative to what the form edits. */
export interface ServerFieldError {
  path: string;
  message: LocalizedText;
}

/**
 * A task completion is posted as `{ payload }` and the API names its fields `payload.<path>`
 * (api/services/tasks); the task's form edits the payload itself.
 */
export const TASK_PAYLOAD_PREFIX = 'payload.';

/**
 * The one server-error mapper: the field errors of an ApiError (400 VALIDATION_FAILED, fields[].path) whose path
 * starts with `prefix`, with the prefix taken off. Anything else stays a form-level error (ErrorAlert).
 */
export function serverFieldErrors(error: unknown, prefix = ''): ServerFieldError[] {
  if (!(error instanceof ApiError)) return [];
  return error.fields.flatMap((field) =>
    typeof field.path === 'string' && field.path.startsWith(prefix) && field.message
      ? [{ path: field.path.slice(prefix.length), message: field.message }]
      : [],
  );
}
