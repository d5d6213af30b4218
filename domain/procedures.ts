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
  },
} as const;

export type ProcedureId = keyof typeof PROCEDURES;

export function isProcedureId(value: string): value is ProcedureId {
  return Object.prototype.hasOwnProperty.call(PROCEDURES, value);
}
