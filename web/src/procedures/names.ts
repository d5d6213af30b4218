import { PROCEDURES, isProcedureId, type ProcedureId } from '../api/schemas/procedures';
import { ROLES, type RoleName } from '../api/schemas/shared';
import type { Language } from '../i18n';
import { roleName } from '../i18n/names';

/** A procedure's name from domain/procedures.ts (both languages, shared with the API). */
export function procedureName(procedure: string, language: Language): string {
  return isProcedureId(procedure) ? PROCEDURES[procedure].name[language] : procedure;
}

export const PROCEDURE_IDS = Object.keys(PROCEDURES) as ProcedureId[];

/** Step keys that are not tasks (the case's opening and closing). */
const NOT_TASKS = new Set(['opened', 'closed']);

const KIND_NAMES = new Map<string, { 'zh-CN': string; en: string }>(
  Object.values(PROCEDURES).flatMap((procedure) => procedure.steps.map((step) => [step.key, step.name] as const)),
);

/** A task kind's name: the procedure step of that key, or the kind itself when no step is named after it. */
export function taskKindName(kind: string, language: Language): string {
  return KIND_NAMES.get(kind)?.[language] ?? kind;
}

/** The task kinds (steps that are tasks) of one procedure, or of all. */
export function taskKinds(procedure?: string): string[] {
  const procedures = procedure && isProcedureId(procedure) ? [PROCEDURES[procedure]] : Object.values(PROCEDURES);
  const kinds = procedures.flatMap((p) => p.steps.map((s) => s.key)).filter((key) => !NOT_TASKS.has(key));
  return [...new Set(kinds)];
}

/** A role's name (domain/roles.ts), or the raw value for a role this build does not know. */
export function roleLabel(role: string, language: Language): string {
  return isRoleName(role) ? roleName(role, language) : role;
}

function isRoleName(role: string): role is RoleName {
  return (ROLES as readonly string[]).includes(role);
}
