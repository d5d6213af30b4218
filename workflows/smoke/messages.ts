import type { RoleName } from '../../domain/roles';

/** Input of the smoke procedure: the case row already exists (written by the API before the start). */
export interface SmokeProcedureInput {
  caseId: string;
  /** Organization whose officials confirm the check, and their role. */
  organizationId: string;
  role: RoleName;
}

export interface SmokeProcedureResult {
  decision: 'approve' | 'reject';
  decidedBy: string;
}
