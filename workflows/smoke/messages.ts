import type { RoleName } from '../../domain/roles';

/** Input of the smoke procedure: the case row already exists (written by the API before the start). */
export interface SmokeProcedureInput {
  caseId: string;
  /** Organization whose officials confirm the check, and their role. */
  organizationId: string;
  role: RoleName;
  /** Test and demo timing of the task's clock; without it the task is due in 3 working days. */
  timing?: { dueInMs: number; remindBeforeMs: number; escalateAfterMs: number };
}

export interface SmokeProcedureResult {
  decision: 'approve' | 'reject';
  decidedBy: string;
}
