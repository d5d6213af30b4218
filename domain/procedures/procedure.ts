import type { IsoDate } from '../clock';
import type { FormId } from '../forms';
import type { LocalizedText } from '../localized-text';
import type { RoleName } from '../roles';

/**
 * The shape every procedure module (`domain/procedures/<id>.ts`) declares once, and every layer imports: the workflow
 * opens its tasks from `tasks`, the API numbers cases by `code` and starts `workflowType`, the case page draws `steps`.
 */
export interface ProcedureStep {
  key: string;
  name: LocalizedText;
}

/**
 * A human task of a procedure: its kind (stored on the Task row: data, never renamed), the form that completes it
 * (`domain/forms`), and the role that may act on it. A list of roles means the case names one of them (e.g. the
 * applying department's own role).
 */
export interface TaskDeclaration {
  kind: string;
  form: FormId;
  role: RoleName | readonly RoleName[];
}

/** A rule set of the procedure's own policy (rules that cite neither committee law), shown by name on its cases. */
export interface PolicyRuleSet {
  /** Stored as the case's `ruleSetVersion`: data, never renamed. */
  id: string;
  name: LocalizedText;
}

/**
 * 退回: which earlier steps each step may send the file back to, as the statute allows (step keys, i.e. task kinds),
 * and the rule a return is recorded under (a rule decision with the clause, the steps and the reason).
 */
export interface ReturnRule {
  ruleId: string;
  citation: string;
  /** Step (task kind) → the earlier steps (task kinds) it may return the file to. A step not listed returns nowhere. */
  allowed: Readonly<Record<string, readonly string[]>>;
}

export interface Procedure {
  /** Prefix of readable case numbers (e.g. SMK-2026-000001). */
  code: string;
  /** The Temporal workflow function's name (data in Temporal's history: never renamed). */
  workflowType: string;
  name: LocalizedText;
  /** The steps as the case page draws them; a step whose task kind is open is where the case stands. */
  steps: readonly ProcedureStep[];
  tasks: Readonly<Record<string, TaskDeclaration>>;
  /** 退回 (send back to an earlier step) as the statute allows; a procedure without it has no returns. */
  returns?: ReturnRule;
  /** The rule sets its cases may keep (by id), with their names. */
  ruleSets: readonly PolicyRuleSet[];
  /** The rule set a case started on this (China) day keeps for its whole life. */
  ruleSetOn(startedOn: IsoDate): string;
}
