import { Typography } from 'antd';
import { RuleName, RulePassedTag, RuleValues } from '../../components/RuleResults';
import { currentLanguage } from '../../i18n';
import { withChinaDates } from '../format';

/** One OM rule as shown: a meeting decides the same rule (OM-ORDINARY, OM-COMMITTEE) once per agenda item. */
export interface MeetingRuleLine {
  id: string;
  /** undefined: not evaluated yet (the form is incomplete). */
  passed: boolean | undefined;
  citation: string;
  /** What the rule requires, shown while it is not evaluated. */
  requirement?: string;
  detail?: string;
  values?: Record<string, unknown>;
}

/**
 * The OM rules of a notice or a meeting with their clause, detail and compared values. Keyed by position: the same
 * rule id appears once per agenda item.
 */
export function MeetingRules({ rules, label }: { rules: MeetingRuleLine[]; label: string }) {
  const language = currentLanguage();
  return (
    <ul className="plain-list" aria-label={label}>
      {rules.map((rule, index) => (
        <li
          key={`${rule.id}-${index}`}
          className="rule-line"
          style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '8px 12px' }}
        >
          <div>
            <RulePassedTag passed={rule.passed} />
            <RuleName id={rule.id} />
          </div>
          <div>
            <Typography.Text type="secondary">{rule.citation}</Typography.Text>
          </div>
          {rule.requirement && rule.passed === undefined && <div>{rule.requirement}</div>}
          {rule.detail && <div className="break-anywhere">{withChinaDates(rule.detail, language)}</div>}
          <div>
            <RuleValues values={rule.values} />
          </div>
        </li>
      ))}
    </ul>
  );
}
