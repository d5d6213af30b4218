import type { VoteCheckInput } from '../../../domain/forms/owners-meeting';
import { checkMeeting } from '../../../domain/rules/owners-meeting';
import { publicRule } from '../../../domain/rules/rule';

/**
 * The public vote check: which OM rules a meeting's facts meet and which agenda items passed. Pure (no database):
 * the same rule functions the workflow uses, with details in the requested language.
 */
export function voteCheck(input: VoteCheckInput, language: 'zh-CN' | 'en') {
  const { rules, items } = checkMeeting(input);
  return { rules: rules.map((r) => publicRule(r, language)), items };
}
