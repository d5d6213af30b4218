import type { LocalizedText } from '../localized-text';
import type { PolicyRuleSet, Procedure, TaskDeclaration } from './procedure';

/** 业主大会、业主委员会会议告知 (domain §4). */

const OWNERS_MEETING_TASKS = {
  /** OM-OPINION: the residents' committee gives its opinion. */
  opinion: { kind: 'owners-meeting.opinion', form: 'owners-meeting.opinion', role: 'RESIDENTS_COMMITTEE_OFFICIAL' },
  /** OM-TURNOUT, OM-SPECIAL, OM-ORDINARY: an assembly's attendance and votes. */
  assemblyVotes: { kind: 'owners-meeting.votes', form: 'owners-meeting.assembly-votes', role: 'OWNERS_COMMITTEE_MEMBER' },
  /** OM-COMMITTEE: an owners' committee meeting's attendance and votes (same step as an assembly's). */
  committeeVotes: { kind: 'owners-meeting.votes', form: 'owners-meeting.committee-votes', role: 'OWNERS_COMMITTEE_MEMBER' },
  post: { kind: 'owners-meeting.post', form: 'owners-meeting.post', role: 'OWNERS_COMMITTEE_MEMBER' },
  /** OM-REPORT: the decisions reported, the residents' committee's suggestions heard. */
  report: { kind: 'owners-meeting.report', form: 'owners-meeting.report', role: 'RESIDENTS_COMMITTEE_OFFICIAL' },
} as const satisfies Record<string, TaskDeclaration>;

/** The rule set a case keeps for its whole life (stored as the case's ruleSetVersion). */
const OWNERS_MEETING_RULE_SET = {
  id: 'owners-meeting-2026.1',
  name: {
    'zh-CN': '业主大会会议告知规则（《物业管理条例》；《民法典》第二百七十八条）',
    en: 'Owners’ meeting rules (Property Management Regulations; Civil Code Art. 278)',
  },
} as const satisfies PolicyRuleSet;

export const OWNERS_MEETING = {
  code: 'OM',
  workflowType: 'ownersMeetingProcedure',
  name: { 'zh-CN': '业主大会、业主委员会会议告知', en: "Owners' meeting notification" } satisfies LocalizedText,
  steps: [
    { key: 'opened', name: { 'zh-CN': '登记会议并告知居委会', en: "Meeting registered, residents' committee informed" } },
    { key: OWNERS_MEETING_TASKS.opinion.kind, name: { 'zh-CN': '居委会提出意见', en: "Residents' committee's opinion" } },
    { key: OWNERS_MEETING_TASKS.assemblyVotes.kind, name: { 'zh-CN': '会议表决结果', en: 'Attendance and votes' } },
    { key: OWNERS_MEETING_TASKS.post.kind, name: { 'zh-CN': '公告决定', en: 'Decisions posted' } },
    {
      key: OWNERS_MEETING_TASKS.report.kind,
      name: { 'zh-CN': '决定告知居委会、听取建议', en: 'Decisions reported, suggestions heard' },
    },
    { key: 'closed', name: { 'zh-CN': '办结', en: 'Closed' } },
  ],
  tasks: OWNERS_MEETING_TASKS,
  ruleSets: [OWNERS_MEETING_RULE_SET],
  ruleSetOn: () => OWNERS_MEETING_RULE_SET.id,
} as const satisfies Procedure;
