// Every workflow the worker registers. Workflow code is deterministic: it imports only @temporalio/workflow,
// pure domain rules, and types from activities (enforced by ESLint).
export { smokeProcedure } from './smoke/workflow';
