import type { Db } from '../../../runtime/db';
import { loadHolidayCalendar } from '../../../runtime/holiday-calendar';
import { allPassed, publicRule } from '../../../domain/rules/rule';
import { evaluateEligibility, evaluateResults, evaluateTimeline } from '../../../domain/rules/election';
import { chinaDateOf } from '../../../domain/clock';
import { checkedUnder, ruleSetSummary } from '../../../domain/rules/rule-sets';
import type { EligibilityCheckInput, ResultCheckInput, TimelineCheckInput } from '../../../domain/rules/election-checks';

type Language = 'zh-CN' | 'en';

/**
 * EL-AGE, EL-RIGHTS, EL-HOME, EL-RESIDENCE, EL-SELF, EL-SINGLE for the facts given (the rule set's 1-year minimum),
 * under the rule set in force on election day.
 */
export function eligibilityCheck(input: EligibilityCheckInput, language: Language) {
  const { ruleSet, rules } = checkedUnder(evaluateEligibility(input), input.electionDate);
  return { eligible: allPassed(rules), ruleSet: ruleSetSummary(ruleSet), rules: rules.map((r) => publicRule(r, language)) };
}

/** EL-TURNOUT, EL-CANDIDATES and EL-WIN (first round) or EL-RUNOFF; a tie for the last seat is reported, not decided. */
export function resultCheck(input: ResultCheckInput, language: Language) {
  const outcome = evaluateResults(input);
  const { ruleSet, rules } = checkedUnder(outcome.rules, input.electionDate ?? chinaDateOf(new Date()));
  return {
    ruleSet: ruleSetSummary(ruleSet),
    valid: outcome.valid,
    elected: outcome.elected,
    tiedForLastSeat: outcome.tiedForLastSeat,
    unfilledSeats: outcome.unfilledSeats,
    rules: rules.map((r) => publicRule(r, language)),
  };
}

/** EL-LIST, EL-OBJECT, EL-ANSWER with the last allowed dates, on the holiday calendar, under the set in force on election day. */
export async function timelineCheck({ db, input, language }: { db: Db; input: TimelineCheckInput; language: Language }) {
  const result = evaluateTimeline(input, await loadHolidayCalendar(db));
  const { ruleSet, rules } = checkedUnder(result.rules, input.electionDate);
  return { ...result, ruleSet: ruleSetSummary(ruleSet), rules: rules.map((r) => publicRule(r, language)) };
}
