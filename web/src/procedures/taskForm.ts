import type { CaseDocument, CaseRecord } from '../api/cases';
import type { TaskView } from '../api/tasks';
import type { ServerFieldError } from '../forms/serverErrors';

/** Puts a server field error (its path relative to the payload) on the form: useServerForm's setServerFieldError. */
export type ServerFieldErrorSink = (error: ServerFieldError) => void;

/** What every task form gets from the task page. */
export interface TaskFormProps {
  task: TaskView;
  record: CaseRecord;
  /** The case's documents, this task's first (evidence is uploaded to the task before it is referenced). */
  documents: CaseDocument[];
  /** The task cannot be completed by this user now (not open, or held by someone else). */
  disabled: boolean;
  /**
   * POST …/complete with the payload. Server field errors are put on the form through `onFieldError`; the other
   * refusals (rules, 409) are shown by the page. Resolves after success (the page then leaves) or a refusal.
   */
  submit: (payload: unknown, onFieldError: ServerFieldErrorSink) => Promise<void>;
}
