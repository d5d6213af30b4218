import type { LocalizedText } from '../localized-text';
import { RULE_SETS, ruleSetInForce } from '../rules/rule-sets';
import type { IsoDate } from '../clock';
import type { Procedure, TaskDeclaration } from './procedure';

/**
 * 社区居民委员会选举 (domain §2) and its sub-procedure, the migrant voter's eligibility (EL-HOME … EL-APPROVAL).
 * Both keep the committee-law rule set in force on the day they start (domain §2, "Rule sets by date").
 */

const ELECTION_TASKS = {
  /** The township or sub-district office sets the date, seats, method and the election committee. */
  setup: { kind: 'election.setup', form: 'election.setup', role: 'TOWNSHIP_OFFICIAL' },
  publishList: { kind: 'election.publish-list', form: 'election.publish-list', role: 'ELECTION_COMMITTEE_MEMBER' },
  objectionAnswer: {
    kind: 'election.objection-answer',
    form: 'election.objection-answer',
    role: 'ELECTION_COMMITTEE_MEMBER',
  },
  candidates: { kind: 'election.candidates', form: 'election.candidates', role: 'ELECTION_COMMITTEE_MEMBER' },
  results: { kind: 'election.results', form: 'election.results', role: 'ELECTION_COMMITTEE_MEMBER' },
  /** A run-off's count is entered on the results form. */
  runoff: { kind: 'election.runoff', form: 'election.results', role: 'ELECTION_COMMITTEE_MEMBER' },
  handover: { kind: 'election.handover', form: 'election.handover', role: 'TOWNSHIP_OFFICIAL' },
} as const satisfies Record<string, TaskDeclaration>;

/** The committee-law rule sets (domain/rules/rule-sets.ts): an election keeps the one in force on its start day. */
function electionRuleSetOn(startedOn: IsoDate): string {
  return ruleSetInForce(startedOn).id;
}

export const ELECTION = {
  code: 'ELC',
  workflowType: 'electionProcedure',
  name: { 'zh-CN': '社区居民委员会选举', en: "Residents' committee election" } satisfies LocalizedText,
  steps: [
    { key: 'opened', name: { 'zh-CN': '发起', en: 'Opened' } },
    {
      key: ELECTION_TASKS.setup.kind,
      name: { 'zh-CN': '乡镇（街道）确定选举日、职数、方式和选举委员会', en: 'Set-up: date, seats, method, committee' },
    },
    { key: ELECTION_TASKS.publishList.kind, name: { 'zh-CN': '选民登记与名单公布', en: 'Registration and voter list' } },
    { key: ELECTION_TASKS.objectionAnswer.kind, name: { 'zh-CN': '名单异议处理', en: 'Objections and answers' } },
    { key: ELECTION_TASKS.candidates.kind, name: { 'zh-CN': '确定候选人', en: 'Candidates' } },
    { key: ELECTION_TASKS.results.kind, name: { 'zh-CN': '投票与计票', en: 'Vote and count' } },
    { key: ELECTION_TASKS.runoff.kind, name: { 'zh-CN': '另行选举', en: 'Run-off' } },
    { key: ELECTION_TASKS.handover.kind, name: { 'zh-CN': '工作移交', en: 'Handover' } },
    { key: 'closed', name: { 'zh-CN': '选举报告、办结', en: 'Report, closed' } },
  ],
  tasks: ELECTION_TASKS,
  ruleSets: RULE_SETS,
  ruleSetOn: electionRuleSetOn,
} as const satisfies Procedure;

/**
 * 选民名单异议: one objection to a published list (EL-OBJECT) and its answer (EL-ANSWER), a workflow of its own beside
 * the election (issue 19). Its answer task is the election's objectionAnswer task (kind, form, role) and belongs to the
 * election's case, so the inbox, the form and the election's pages show it as before.
 */
export const ELECTION_OBJECTION = {
  code: 'ELO',
  workflowType: 'electionObjectionProcedure',
  name: { 'zh-CN': '选民名单异议', en: 'Voter-list objection' } satisfies LocalizedText,
  steps: [
    { key: 'opened', name: { 'zh-CN': '异议登记', en: 'Objection recorded' } },
    ELECTION.steps.find((s) => s.key === ELECTION_TASKS.objectionAnswer.kind)!,
    { key: 'closed', name: { 'zh-CN': '答复公布、办结', en: 'Answer published, closed' } },
  ],
  tasks: { answer: ELECTION_TASKS.objectionAnswer },
  ruleSets: RULE_SETS,
  ruleSetOn: electionRuleSetOn,
} as const satisfies Procedure;

const MIGRANT_ELIGIBILITY_TASKS = {
  /** EL-APPROVAL: the community election committee decides. */
  decision: { kind: 'election.migrant-decision', form: 'election.migrant-decision', role: 'ELECTION_COMMITTEE_MEMBER' },
} as const satisfies Record<string, TaskDeclaration>;

export const MIGRANT_ELIGIBILITY = {
  code: 'MIG',
  workflowType: 'migrantEligibilityProcedure',
  name: { 'zh-CN': '流动人口选民资格申请', en: 'Migrant voter eligibility' } satisfies LocalizedText,
  steps: [
    { key: 'opened', name: { 'zh-CN': '本人申请、自动预审', en: 'Application and pre-check' } },
    { key: MIGRANT_ELIGIBILITY_TASKS.decision.kind, name: { 'zh-CN': '选举委员会审核', en: 'Election committee decides' } },
    { key: 'closed', name: { 'zh-CN': '办结', en: 'Closed' } },
  ],
  tasks: MIGRANT_ELIGIBILITY_TASKS,
  ruleSets: RULE_SETS,
  ruleSetOn: electionRuleSetOn,
} as const satisfies Procedure;
