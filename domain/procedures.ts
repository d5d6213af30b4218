import type { LocalizedText } from './errors';

/**
 * The procedures this product runs. `code` prefixes readable case numbers (e.g. SMK-2026-000001);
 * `workflowType` is the Temporal workflow function's name.
 */
export const PROCEDURES = {
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
} as const;

export type ProcedureId = keyof typeof PROCEDURES;

export interface ProcedureStep {
  key: string;
  name: LocalizedText;
}

export function isProcedureId(value: string): value is ProcedureId {
  return Object.prototype.hasOwnProperty.call(PROCEDURES, value);
}
