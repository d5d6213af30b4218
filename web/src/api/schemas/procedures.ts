/**
 * The API's schemas for tasks, cases, notifications and procedures, shared with the web app (pure modules: zod and
 * domain/ only). Responses are checked against them, and forms are derived from them and from domain/forms.
 */
export { inboxFilter, inboxItem, inboxPage, inboxView, savedFilterBody, savedFilterView } from '../../../../api/schemas/inbox';
export {
  bulkBody,
  bulkResult,
  completeTaskResponse,
  eligibleAssignees,
  taskCommentBody,
  taskDocumentBody,
  taskDocumentResponse,
  taskUserBody,
  taskView,
} from '../../../../api/schemas/tasks';
export { caseRecordResponse, caseStatus, caseSummary } from '../../../../api/schemas/cases';
export { markNotificationsReadResponse, notificationList } from '../../../../api/schemas/notifications';
export {
  conditionsCheckResponse,
  conversionDraftBody,
  publicRuleView,
  startConversionBody,
  withdrawConversionBody,
} from '../../../../api/schemas/village-conversion';
export {
  admittedList,
  publishedReports,
  reportStarted,
  ruleResultView as serviceItemRuleView,
  serviceItemDetail,
  serviceItemStarted,
  serviceItemSummaryRow,
  serviceItemStage,
  yearlySummary,
} from '../../../../api/schemas/service-admission';
export {
  ownersMeetingList,
  ownersMeetingListQuery,
  ownersMeetingView,
  ruleResultView as ownersMeetingRuleView,
  voteCheckResponse,
} from '../../../../api/schemas/owners-meeting';
export { PROCEDURES, isProcedureId, type ProcedureId } from '../../../../domain/procedures';
export {
  ALLOWED_DOCUMENT_TYPES,
  DOCUMENT_MIME_TYPES,
  MAX_DOCUMENT_BYTES,
  type DocumentMimeType,
} from '../../../../domain/documents';
export type { RuleResult } from '../../../../domain/rules/rule';
