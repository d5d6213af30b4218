import type { LocalizedText } from '../localized-text';
import { ROLES } from '../roles';
import type { PolicyRuleSet, Procedure, TaskDeclaration } from './procedure';

/**
 * 差评整改 (国办发〔2019〕51号, issue 21): a 差评 on a resident-facing case opens one task for the organization that
 * decided it — put it right and say how (整改情况) within 15 working days — supervised by the organization above.
 */
const RECTIFICATION_TASKS = {
  /** The role of the official who decided the rated case (the case names it). */
  answer: { kind: 'rectification.answer', form: 'rectification.answer', role: ROLES },
} as const satisfies Record<string, TaskDeclaration>;

const RECTIFICATION_RULE_SET = {
  id: 'gbf-2019-51',
  name: { 'zh-CN': '国办发〔2019〕51号 好差评制度', en: 'State Council 2019 No. 51 (service ratings)' },
} as const satisfies PolicyRuleSet;

export const RECTIFICATION = {
  code: 'ZG',
  workflowType: 'rectificationProcedure',
  name: { 'zh-CN': '差评整改', en: 'Rectification of a poor rating' } satisfies LocalizedText,
  steps: [
    { key: 'opened', name: { 'zh-CN': '收到差评', en: 'Poor rating received' } },
    { key: RECTIFICATION_TASKS.answer.kind, name: { 'zh-CN': '整改并答复', en: 'Put right and answer' } },
    { key: 'closed', name: { 'zh-CN': '整改完成', en: 'Rectified' } },
  ],
  tasks: RECTIFICATION_TASKS,
  ruleSets: [RECTIFICATION_RULE_SET],
  ruleSetOn: () => RECTIFICATION_RULE_SET.id,
} as const satisfies Procedure;
