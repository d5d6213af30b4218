import type { FORMS, FormId } from './index';

// A task form's schema, loading only its own procedure's forms module. Workflow code uses this: a workflow module is
// evaluated again for every new execution in the worker (a start, a replay after the workflow left the cache) and kept
// with it while it is cached, and the forms' zod schemas are most of that cost. An execution needs one form only when
// a completion arrives, often days after its start. A bundler (webpack, for the workflows) and Node both evaluate a
// module at its first `require`, so each module below is loaded where it is first needed. The API and the web app
// use FORMS (./index), built from the same per-procedure maps.

type Schema = (typeof FORMS)[FormId];
type FormsOf = Partial<Record<FormId, Schema>>;

/* eslint-disable @typescript-eslint/no-require-imports -- deferred module evaluation (see above) */
function loadProcedureForms(family: string): FormsOf {
  switch (family) {
    case 'smoke':
      return (require('./smoke') as { SMOKE_FORMS: FormsOf }).SMOKE_FORMS;
    case 'election':
      return (require('./election') as { ELECTION_FORMS: FormsOf }).ELECTION_FORMS;
    case 'owners-meeting':
      return (require('./owners-meeting') as { OWNERS_MEETING_FORMS: FormsOf }).OWNERS_MEETING_FORMS;
    case 'vc':
      return (require('./village-conversion') as { VILLAGE_CONVERSION_FORMS: FormsOf }).VILLAGE_CONVERSION_FORMS;
    case 'sa':
      return (require('./service-admission') as { SERVICE_ADMISSION_FORMS: FormsOf }).SERVICE_ADMISSION_FORMS;
    case 'rectification':
      return (require('./rectification') as { RECTIFICATION_FORMS: FormsOf }).RECTIFICATION_FORMS;
    default:
      return {};
  }
}
/* eslint-enable @typescript-eslint/no-require-imports */

const loaded = new Map<string, FormsOf>();

/** The schema of `formId` (the same object as `FORMS[formId]`), its procedure's forms module loaded on first use. */
export function loadFormSchema(formId: FormId): Schema {
  const family = formId.slice(0, formId.indexOf('.'));
  let forms = loaded.get(family);
  if (!forms) {
    forms = loadProcedureForms(family);
    loaded.set(family, forms);
  }
  const schema = forms[formId];
  if (!schema) throw new Error(`No task form ${formId}`);
  return schema;
}
