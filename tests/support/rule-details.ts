import { expect } from '@jest/globals';
import type { LocalizedText } from '../../domain/localized-text';
import type { Session } from './factories';

/**
 * The case record as an English reader reads it: every recorded rule decision (those of `ruleIds` at least) carries its
 * detail in both languages, the English one being English (not the Chinese text repeated).
 */
export async function expectRuleDetailsInEnglish(session: Session, caseId: string, ruleIds: string[]): Promise<void> {
  const res = await session.request({ url: `/api/v1/cases/${caseId}` });
  expect(res.statusCode).toBe(200);
  const { ruleDecisions } = res.json<{ ruleDecisions: { ruleId: string; detail: LocalizedText | null }[] }>();
  expect(ruleDecisions.map((d) => d.ruleId)).toEqual(expect.arrayContaining(ruleIds));
  for (const d of ruleDecisions) {
    expect({ ruleId: d.ruleId, zh: d.detail?.['zh-CN'] }).toEqual({
      ruleId: d.ruleId,
      zh: expect.stringMatching(/\p{Script=Han}/u),
    });
    expect({ ruleId: d.ruleId, en: d.detail?.en }).toEqual({ ruleId: d.ruleId, en: expect.stringMatching(/[A-Za-z]{3,}/) });
    expect({ ruleId: d.ruleId, en: d.detail?.en }).not.toEqual({ ruleId: d.ruleId, en: d.detail?.['zh-CN'] });
  }
}
