import type { Db } from '../../../runtime/db';
import type { FieldError } from '../../../domain/errors';
import type { FormId } from '../../../domain/forms';
import { vcPrepareForm } from '../../../domain/forms/village-conversion';
import { conversionEvidenceProblems } from '../village-conversions/evidence';

/**
 * Checks of a task payload against the record (PostgreSQL), which the workflow cannot make: run by the API after the
 * form's own schema and before the workflow's Update. A problem refuses the completion with 400 and changes nothing.
 */
const CHECKS: Partial<Record<FormId, (db: Db, caseId: string, payload: unknown) => Promise<FieldError[]>>> = {
  'vc.prepare': (db, caseId, payload) => conversionEvidenceProblems(db, caseId, vcPrepareForm.parse(payload)),
};

export async function payloadProblemsAgainstRecord(
  db: Db,
  formId: FormId,
  caseId: string,
  payload: unknown,
): Promise<FieldError[]> {
  return (await CHECKS[formId]?.(db, caseId, payload)) ?? [];
}
