import type { RoleName } from '../../domain/roles';

/** Input of the rectification procedure: its case row (and the rating that opened it) already exist. */
export interface RectificationInput {
  caseId: string;
  /** The rated case, which the responsible organization decided. */
  ratedCaseId: string;
  /** The organization that must put the 差评 right, and the role of its official who decided the rated case. */
  organizationId: string;
  role: RoleName;
}

export interface RectificationResult {
  answeredBy: string;
}
