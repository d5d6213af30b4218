import type { Db } from '../../../runtime/db';
import type { AppError, FieldError } from '../../../domain/errors';
import type { FormId, FormPayload } from '../../../domain/forms';
import { conversionEvidenceProblems } from '../village-conversion/evidence';
import { approvalElectionConflict } from '../village-conversion/approval-checks';

type Check<F extends FormId> = (options: { db: Db; caseId: string; payload: FormPayload<F> }) => Promise<FieldError[] | AppError>;

/**
 * Checks of a task payload against the record (PostgreSQL), which the workflow cannot make: run by the API after the
 * form's own schema and before the workflow's Update. Field problems refuse the completion with 400; a conflict with
 * the record (an AppError) refuses with its own status. Either way nothing changes.
 */
const CHECKS: { [F in FormId]?: Check<F> } = {
  'vc.prepare': conversionEvidenceProblems,
  'vc.county-decision': async (options) => (await approvalElectionConflict(options)) ?? [],
};

/** The record's objections to a payload the form's schema (`FORMS[formId]`) has already parsed. */
export async function payloadProblemsAgainstRecord<F extends FormId>(options: {
  db: Db;
  formId: F;
  caseId: string;
  payload: FormPayload<F>;
}): Promise<FieldError[] | AppError> {
  const check = CHECKS[options.formId];
  return (await check?.(options)) ?? [];
}
