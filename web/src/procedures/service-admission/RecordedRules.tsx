import { RuleResults, ruleLines } from '../../components/RuleResults';
import { currentLanguage } from '../../i18n';
import type { RecordedRule } from './caseData';

/** Rules as the workflow recorded them (detail in both languages), each with its clause and the values compared. */
export function RecordedRules({ rules, label }: { rules: RecordedRule[]; label: string }) {
  const language = currentLanguage();
  if (rules.length === 0) return null;
  return <RuleResults label={label} rules={ruleLines(rules, language)} />;
}
