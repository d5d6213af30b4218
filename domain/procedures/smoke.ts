import type { LocalizedText } from '../localized-text';
import { ROLES } from '../roles';
import type { PolicyRuleSet, Procedure, TaskDeclaration } from './procedure';

/** 系统连通性检查: one task in the starter's organization and role, proving the platform end to end. */

const SMOKE_TASKS = {
  /** Any role: the case names the starter's own. */
  confirm: { kind: 'smoke.confirm', form: 'smoke.confirm', role: ROLES },
} as const satisfies Record<string, TaskDeclaration>;

const SMOKE_RULE_SET = {
  id: 'smoke-1',
  name: { 'zh-CN': 'smoke-1', en: 'smoke-1' },
} as const satisfies PolicyRuleSet;

export const SMOKE = {
  code: 'SMK',
  workflowType: 'smokeProcedure',
  name: { 'zh-CN': '系统连通性检查', en: 'Smoke check' } satisfies LocalizedText,
  steps: [
    { key: 'opened', name: { 'zh-CN': '发起', en: 'Opened' } },
    { key: SMOKE_TASKS.confirm.kind, name: { 'zh-CN': '确认', en: 'Confirm' } },
    { key: 'closed', name: { 'zh-CN': '办结', en: 'Closed' } },
  ],
  tasks: SMOKE_TASKS,
  ruleSets: [SMOKE_RULE_SET],
  ruleSetOn: () => SMOKE_RULE_SET.id,
} as const satisfies Procedure;
