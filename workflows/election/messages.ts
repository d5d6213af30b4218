import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { ElectionLaw } from '../../domain/rules/election';
import type { RuleResult } from '../../domain/rules/rule';

/**
 * Messages of the election procedure and its child procedure, migrant-eligibility. Resident ID numbers never travel
 * in these payloads: the API stores applications, voters and objections in PostgreSQL and passes their ids.
 */

/**
 * Input of the election workflow: the minimum another procedure (村改居) needs to start an election. The Case row
 * exists already (written by the starter); the workflow's first activity writes the Election row. The first step
 * is the township's set-up task (election date, seats by EL-SIZE, method by EL-METHOD, committee members).
 */
export interface ElectionProcedureInput {
  caseId: string;
  communityOrgId: string;
  townshipOrgId: string;
  law: ElectionLaw;
  origin?: { procedure: string; caseId: string };
}

export interface ElectionProcedureResult {
  elected: string[];
  vacancies: number;
}

/** Failure types of the election's Updates; the API maps them to error codes. */
export const ElectionFailure = {
  /** The step is not open now (e.g. an application after the list was published). */
  WRONG_PHASE: 'ElectionWrongPhase',
  /** A statutory rule refuses the request (details: { rules }). */
  RULE_FAILED: 'ElectionRuleFailed',
} as const;

export interface ElectionRuleFailedDetails {
  rules: RuleResult[];
}

export interface SubmitApplicationRequest {
  /** The application's id, which is also its migrant-eligibility case id. */
  applicationId: string;
  /** Its readable number (MIG-2026-000001), shown on the committee's task. */
  number: string;
}

/**
 * Executions started before 'independent-applications' only (workflows/election/workflow.ts): started the
 * migrant-eligibility child of an application. The API now starts each application's workflow itself.
 */
export const submitApplicationUpdate = defineUpdate<{ workflowId: string }, [SubmitApplicationRequest]>(
  'submitMigrantApplication',
);

export interface FileObjectionRequest {
  objectionId: string;
}

/**
 * Executions started before 'independent-applications' only: filed an objection the committee recorded (EL-OBJECT:
 * inside the window) and opened its answer task (EL-ANSWER).
 */
export const fileObjectionUpdate = defineUpdate<{ receivedOn: string; answerDueAt: string }, [FileObjectionRequest]>(
  'fileObjection',
);

export type ElectionPhase = 'setup' | 'registration' | 'objections' | 'candidates' | 'voting' | 'handover' | 'completed';

export interface ElectionState {
  phase: ElectionPhase;
  electionDate: string | null;
  objectionWindowOpen: boolean;
}

export const electionStateQuery = defineQuery<ElectionState>('electionState');

/** The workflow id of an application's migrant-eligibility case. */
export function migrantWorkflowId(applicationId: string): string {
  return `migrant-eligibility-${applicationId}`;
}

/**
 * Input of an application's workflow (started by the API with the application, from the Election row and its rule
 * set): ids only; the pre-check reads the application from PostgreSQL.
 */
export interface MigrantEligibilityInput {
  /** The application's id = its case id. */
  applicationId: string;
  number: string;
  electionId: string;
  committeeOrgId: string;
  law: ElectionLaw;
  electionDate: string;
  /** EL-RESIDENCE's minimum, from the rule set the election started with. */
  residenceMonths: number;
}

export interface MigrantEligibilityResult {
  applicationId: string;
  outcome: 'approved' | 'refused';
}

/** Input of an objection's workflow (election-objection), started by the API with the objection, inside the window. */
export interface ElectionObjectionInput {
  /** The objection's id = its case id. */
  objectionId: string;
  electionId: string;
  /** The election's workflow, woken by the last answer after the window closed. */
  electionWorkflowId: string;
  committeeOrgId: string;
  /** Alerted when the answer deadline passes (EL-ANSWER). */
  townshipOrgId: string;
  /** The list's publication and the window's last day (EL-OBJECT), as the election recorded them. */
  publishedOn: string;
  objectionLastDay: string;
}

export interface ElectionObjectionResult {
  objectionId: string;
  decision: 'upheld' | 'dismissed';
  inTime: boolean;
}

/**
 * To the election, waiting after its objection window closed with objections unanswered: the last of them is answered
 * now (sent once, by the objection whose answer left none; see `closeObjectionWindow` in activities/election.ts).
 */
export const objectionsAnsweredSignal = defineSignal('objectionsAnswered');

/** The applicant supplied the evidence the committee asked for (the API stored it); the pre-check runs again. */
export const supplyEvidenceUpdate = defineUpdate<{ accepted: true }, []>('supplyEvidence');
