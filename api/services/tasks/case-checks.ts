import type { Db } from '../../../runtime/db';
import type { AppError, FieldError } from '../../../domain/errors';
import type { FormId } from '../../../domain/forms';
import { vcCountyDecisionForm, vcPrepareForm } from '../../../domain/forms/village-conversion';
import { conversionEvidenceProblems } from '../village-conversions/evidence';
import { approvalElectionConflict } from '../village-conversions/approval-checks';

type Check = (db: Db, caseId: string, payload: unknown) => Promise<FieldError[] | AppError>;

/**
 * Checks of a task payload against the record (PostgreSQL), which the workflow cannot make: run by the API after the
 * form's own schema and before the workflow's Update. Field problems refuse the completion with 400; a conflict with
 * the record (an AppError) refuses with its own status. Either way nothing changes.
 */
const CHECKS: Partial<Record<FormId, Check>> = {
  'vc.prepare': (db, caseId, payload) => conversionEvidenceProblems({ db, caseId, payload: vcPrepareForm.parse(payload) }),
  'vc.county-decision': async (db, caseId, payload) =>
    (await approvalElectionConflict({ db, caseId, payload: vcCountyDecisionForm.parse(payload) })) ?? [],
};

export async function payloadProblemsAgainstRecord({
  db,
  formId,
  caseId,
  payload,
}: {
  db: Db;
  formId: FormId;
  caseId: string;
  payload: unknown;
}): Promise<FieldError[] | AppError> {
  return (await CHECKS[formId]?.(db, caseId, payload)) ?? [];
}
