// Every workflow the worker registers. Workflow code is deterministic: it imports only @temporalio/workflow,
// pure domain rules, and types from activities (enforced by ESLint).
export { smokeProcedure } from './smoke/workflow';
export { ownersMeetingProcedure } from './owners-meeting/workflow';
export { serviceAdmissionProcedure } from './service-admission/workflow';
export { serviceItemReportProcedure } from './service-admission/report-workflow';
export { villageConversionProcedure } from './village-conversion/workflow';
export { electionProcedure } from './election/workflow';
export { migrantEligibilityProcedure } from './election/migrant-eligibility';
export { electionObjectionProcedure } from './election/objection';
export { rectificationProcedure } from './rectification/workflow';
