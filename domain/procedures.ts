import type { LocalizedText } from './errors';

/**
 * The procedures this product runs. `code` prefixes readable case numbers (e.g. SMK-2026-000001);
 * `workflowType` is the Temporal workflow function's name.
 */
export const PROCEDURES = {
  election: {
    code: 'ELC',
    workflowType: 'electionProcedure',
    name: { 'zh-CN': '社区居民委员会选举', en: "Residents' committee election" } satisfies LocalizedText,
    steps: [
      { key: 'opened', name: { 'zh-CN': '发起', en: 'Opened' } },
      {
        key: 'election.setup',
        name: { 'zh-CN': '乡镇（街道）确定选举日、职数、方式和选举委员会', en: 'Set-up: date, seats, method, committee' },
      },
      { key: 'election.publish-list', name: { 'zh-CN': '选民登记与名单公布', en: 'Registration and voter list' } },
      { key: 'election.objection-answer', name: { 'zh-CN': '名单异议处理', en: 'Objections and answers' } },
      { key: 'election.candidates', name: { 'zh-CN': '确定候选人', en: 'Candidates' } },
      { key: 'election.results', name: { 'zh-CN': '投票与计票', en: 'Vote and count' } },
      { key: 'election.runoff', name: { 'zh-CN': '另行选举', en: 'Run-off' } },
      { key: 'election.handover', name: { 'zh-CN': '工作移交', en: 'Handover' } },
      { key: 'closed', name: { 'zh-CN': '选举报告、办结', en: 'Report, closed' } },
    ],
  },
  'migrant-eligibility': {
    code: 'MIG',
    workflowType: 'migrantEligibilityProcedure',
    name: { 'zh-CN': '流动人口选民资格申请', en: 'Migrant voter eligibility' } satisfies LocalizedText,
    steps: [
      { key: 'opened', name: { 'zh-CN': '本人申请、自动预审', en: 'Application and pre-check' } },
      { key: 'election.migrant-decision', name: { 'zh-CN': '选举委员会审核', en: 'Election committee decides' } },
      { key: 'closed', name: { 'zh-CN': '办结', en: 'Closed' } },
    ],
  },
  'owners-meeting': {
    code: 'OM',
    workflowType: 'ownersMeetingProcedure',
    name: { 'zh-CN': '业主大会、业主委员会会议告知', en: "Owners' meeting notification" } satisfies LocalizedText,
    steps: [
      { key: 'opened', name: { 'zh-CN': '登记会议并告知居委会', en: "Meeting registered, residents' committee informed" } },
      { key: 'owners-meeting.opinion', name: { 'zh-CN': '居委会提出意见', en: "Residents' committee's opinion" } },
      { key: 'owners-meeting.votes', name: { 'zh-CN': '会议表决结果', en: 'Attendance and votes' } },
      { key: 'owners-meeting.post', name: { 'zh-CN': '公告决定', en: 'Decisions posted' } },
      {
        key: 'owners-meeting.report',
        name: { 'zh-CN': '决定告知居委会、听取建议', en: 'Decisions reported, suggestions heard' },
      },
      { key: 'closed', name: { 'zh-CN': '办结', en: 'Closed' } },
    ],
  },
  smoke: {
    code: 'SMK',
    workflowType: 'smokeProcedure',
    name: { 'zh-CN': '系统连通性检查', en: 'Smoke check' } satisfies LocalizedText,
    /** The steps as the case page draws them; a step whose task kind is open is where the case stands. */
    steps: [
      { key: 'opened', name: { 'zh-CN': '发起', en: 'Opened' } },
      { key: 'smoke.confirm', name: { 'zh-CN': '确认', en: 'Confirm' } },
      { key: 'closed', name: { 'zh-CN': '办结', en: 'Closed' } },
    ],
  },
  'service-admission': {
    code: 'SA',
    workflowType: 'serviceAdmissionProcedure',
    name: { 'zh-CN': '社区工作事项准入', en: 'Admission of service items into communities' } satisfies LocalizedText,
    steps: [
      { key: 'opened', name: { 'zh-CN': '部门申请', en: 'Application' } },
      { key: 'sa.appeal', name: { 'zh-CN': '不予准入（可申诉）', en: 'Refused (appeal possible)' } },
      { key: 'sa.appeal-ruling', name: { 'zh-CN': '县级复核申诉', en: 'County rules on the appeal' } },
      { key: 'sa.supplement', name: { 'zh-CN': '补充经费、条件、权限', en: 'Supplement funding, conditions, authority' } },
      { key: 'sa.review', name: { 'zh-CN': '民政部门审核', en: 'Civil-affairs review' } },
      { key: 'sa.revise', name: { 'zh-CN': '退回修改', en: 'Returned for changes' } },
      { key: 'sa.decide', name: { 'zh-CN': '县级决定', en: 'County decision' } },
      { key: 'sa.renew', name: { 'zh-CN': '期满前复审', en: 'Re-review before the period ends' } },
      { key: 'closed', name: { 'zh-CN': '办结', en: 'Closed' } },
    ],
  },
  'service-admission-report': {
    code: 'SAR',
    workflowType: 'serviceItemReportProcedure',
    name: { 'zh-CN': '未经准入事项报告', en: 'Report of an item pushed without admission' } satisfies LocalizedText,
    steps: [
      { key: 'opened', name: { 'zh-CN': '社区报告', en: 'Report' } },
      { key: 'sa.report-answer', name: { 'zh-CN': '县级答复', en: 'County answer' } },
      { key: 'closed', name: { 'zh-CN': '结果公开', en: 'Outcome published' } },
    ],
  },
  'village-conversion': {
    code: 'VCC',
    workflowType: 'villageConversionProcedure',
    name: { 'zh-CN': '村民委员会改设社区居民委员会（村改居）', en: 'Village-to-community conversion' },
    steps: [
      { key: 'vc.prepare', name: { 'zh-CN': '村委会准备申请', en: 'Village prepares' } },
      { key: 'vc.township-review', name: { 'zh-CN': '乡镇（街道）审查提出', en: 'Township proposes' } },
      { key: 'vc.civil-affairs-review', name: { 'zh-CN': '县民政局审核', en: 'Civil-affairs review' } },
      { key: 'vc.county-decision', name: { 'zh-CN': '县级政府批准', en: 'County decision' } },
      { key: 'closed', name: { 'zh-CN': '办结', en: 'Closed' } },
    ],
  },
} as const;

export type ProcedureId = keyof typeof PROCEDURES;

export interface ProcedureStep {
  key: string;
  name: LocalizedText;
}

export function isProcedureId(value: string): value is ProcedureId {
  return Object.prototype.hasOwnProperty.call(PROCEDURES, value);
}
