import type { LocalizedText } from '../localized-text';
import type { RoleName } from '../roles';
import type { PolicyRuleSet, Procedure, TaskDeclaration } from './procedure';

/**
 * 社区工作事项准入 (domain §3): the admission of a department's work item, and its sub-procedure, a community's report
 * of an item pushed onto it without admission (SA-REPORT). Both keep the SA rule set.
 */

/** Who may apply: a department, or a sub-district office (township); its officials then act on the application. */
export const SERVICE_ADMISSION_APPLICANT_ROLES = [
  'DEPARTMENT_APPLICANT',
  'TOWNSHIP_OFFICIAL',
] as const satisfies readonly RoleName[];

const SERVICE_ADMISSION_TASKS = {
  /** Returned by the civil-affairs review: the department revises or withdraws. */
  revise: { kind: 'sa.revise', form: 'sa.revise', role: SERVICE_ADMISSION_APPLICANT_ROLES },
  /** Held (暂缓准入): the department supplies the funding, conditions or authority missing. */
  supplement: { kind: 'sa.supplement', form: 'sa.revise', role: SERVICE_ADMISSION_APPLICANT_ROLES },
  /** Re-review before the admission period ends. */
  renew: { kind: 'sa.renew', form: 'sa.revise', role: SERVICE_ADMISSION_APPLICANT_ROLES },
  /** After an SA-OWN-DUTY refusal: accept it or appeal. */
  appeal: { kind: 'sa.appeal', form: 'sa.appeal', role: SERVICE_ADMISSION_APPLICANT_ROLES },
  appealRuling: { kind: 'sa.appeal-ruling', form: 'sa.appeal-ruling', role: 'COUNTY_APPROVER' },
  /** SA-DECIDE: reviewed by the civil-affairs bureau … */
  review: { kind: 'sa.review', form: 'sa.review', role: 'COUNTY_CIVIL_AFFAIRS_REVIEWER' },
  /** … decided by the county-level government. */
  decide: { kind: 'sa.decide', form: 'sa.decide', role: 'COUNTY_APPROVER' },
} as const satisfies Record<string, TaskDeclaration>;

/** The rule set a case keeps for its whole life (stored as the case's ruleSetVersion). */
const SA_RULE_SET = {
  id: 'SA-2018.1',
  name: {
    'zh-CN': '社区工作事项准入规则（鲁办发〔2012〕22号 三(一)；《城市居民委员会组织法》（2018年修正））',
    en: 'Community work-item admission rules (Lu Ban Fa [2012] No. 22, 3(1); Residents’ Committee law, 2018)',
  },
} as const satisfies PolicyRuleSet;

export const SERVICE_ADMISSION = {
  code: 'SA',
  workflowType: 'serviceAdmissionProcedure',
  name: { 'zh-CN': '社区工作事项准入', en: 'Admission of service items into communities' } satisfies LocalizedText,
  steps: [
    { key: 'opened', name: { 'zh-CN': '部门申请', en: 'Application' } },
    { key: SERVICE_ADMISSION_TASKS.appeal.kind, name: { 'zh-CN': '不予准入（可申诉）', en: 'Refused (appeal possible)' } },
    { key: SERVICE_ADMISSION_TASKS.appealRuling.kind, name: { 'zh-CN': '县级复核申诉', en: 'County rules on the appeal' } },
    {
      key: SERVICE_ADMISSION_TASKS.supplement.kind,
      name: { 'zh-CN': '补充经费、条件、权限', en: 'Supplement funding, conditions, authority' },
    },
    { key: SERVICE_ADMISSION_TASKS.review.kind, name: { 'zh-CN': '民政部门审核', en: 'Civil-affairs review' } },
    { key: SERVICE_ADMISSION_TASKS.revise.kind, name: { 'zh-CN': '退回修改', en: 'Returned for changes' } },
    { key: SERVICE_ADMISSION_TASKS.decide.kind, name: { 'zh-CN': '县级决定', en: 'County decision' } },
    { key: SERVICE_ADMISSION_TASKS.renew.kind, name: { 'zh-CN': '期满前复审', en: 'Re-review before the period ends' } },
    { key: 'closed', name: { 'zh-CN': '办结', en: 'Closed' } },
  ],
  tasks: SERVICE_ADMISSION_TASKS,
  ruleSets: [SA_RULE_SET],
  ruleSetOn: () => SA_RULE_SET.id,
} as const satisfies Procedure;

const SERVICE_ADMISSION_REPORT_TASKS = {
  /** The county answers the report; the answer is published. */
  answer: { kind: 'sa.report-answer', form: 'sa.report-answer', role: 'COUNTY_APPROVER' },
} as const satisfies Record<string, TaskDeclaration>;

export const SERVICE_ADMISSION_REPORT = {
  code: 'SAR',
  /** Named before the procedure was: the Temporal workflow type is data in its history. */
  workflowType: 'serviceItemReportProcedure',
  name: { 'zh-CN': '未经准入事项报告', en: 'Report of an item pushed without admission' } satisfies LocalizedText,
  steps: [
    { key: 'opened', name: { 'zh-CN': '社区报告', en: 'Report' } },
    { key: SERVICE_ADMISSION_REPORT_TASKS.answer.kind, name: { 'zh-CN': '县级答复', en: 'County answer' } },
    { key: 'closed', name: { 'zh-CN': '结果公开', en: 'Outcome published' } },
  ],
  tasks: SERVICE_ADMISSION_REPORT_TASKS,
  ruleSets: [SA_RULE_SET],
  ruleSetOn: () => SA_RULE_SET.id,
} as const satisfies Procedure;
