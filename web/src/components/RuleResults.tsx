import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage, type Language } from '../i18n';
import { ruleName, valueName, valueText } from '../i18n/labels';
import { withChinaDates } from '../procedures/format';
import { ToneTag } from './ToneTag';

/** One statutory rule's outcome as the UI shows it (detail already in the reader's language). */
export interface RuleLine {
  id: string;
  /** undefined: not evaluated yet (the form is incomplete). */
  passed: boolean | undefined;
  /** Only days the yearly holiday notice has yet to settle (调休/补假) decide it: shown as undetermined, not failed. */
  undetermined?: boolean;
  citation: string;
  /** What the rule requires (shown while not evaluated). */
  requirement?: string;
  detail?: string | null;
  values?: Record<string, unknown>;
}

/** A decided rule as the API or a domain check gives it: its detail in one language or in each. */
interface DecidedRule {
  id: string;
  passed: boolean;
  citation: string;
  detail: string | Record<Language, string>;
  values?: Record<string, unknown>;
}

/** Decided rules as lines to show (RuleResults, MeetingRules), each detail in the reader's language. */
export function ruleLines(rules: readonly DecidedRule[], language: Language) {
  return rules.map((r) => ({
    id: r.id,
    passed: r.passed,
    citation: r.citation,
    detail: typeof r.detail === 'string' ? r.detail : r.detail[language],
    values: r.values,
  }));
}

/** Values compared by a rule, named and in words: "劳动力总数 900 · 从事非农产业的劳动力 600" (i18n/labels.ts). */
export function RuleValues({ values }: { values: Record<string, unknown> | undefined }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const entries = Object.entries(values ?? {});
  if (entries.length === 0) return null;
  const separator = language === 'en' ? ': ' : '：';
  return (
    <Typography.Text type="secondary" style={{ overflowWrap: 'anywhere' }}>
      {t('rules.values')}
      {entries.map(([key, value]) => `${valueName(key, language)}${separator}${valueText(value, language)}`).join(' · ')}
    </Typography.Text>
  );
}

/** A rule by its name, with the id the statute tables use beside it: "条件三：三分之二以上劳动力从事非农产业 VC-C3". */
export function RuleName({ id }: { id: string }) {
  const language = currentLanguage();
  const name = ruleName(id, language);
  return (
    <>
      <Typography.Text strong>{name}</Typography.Text>
      {name !== id && (
        <>
          {' '}
          <Typography.Text type="secondary" className="rule-id">
            {id}
          </Typography.Text>
        </>
      )}
    </>
  );
}

export function RulePassedTag({ passed, undetermined }: { passed: boolean | undefined; undetermined?: boolean }) {
  const { t } = useTranslation();
  if (undetermined) return <ToneTag tone="warning">{t('rules.undetermined')}</ToneTag>;
  if (passed === undefined) return <ToneTag tone="neutral">{t('rules.pending')}</ToneTag>;
  return passed ? <ToneTag tone="success">{t('rules.passed')}</ToneTag> : <ToneTag tone="error">{t('rules.failed')}</ToneTag>;
}

/** A list of rules: each with its outcome, id, citation, detail and the values it compared. Fits any width. */
export function RuleResults({ rules, label }: { rules: RuleLine[]; label: string }) {
  const language = currentLanguage();
  return (
    <ul className="plain-list" aria-label={label}>
      {/* A rule may appear once per item it decides (OM-ORDINARY per agenda item), so the position is part of the key. */}
      {rules.map((rule, index) => (
        <li
          key={`${rule.id}-${index}`}
          className="rule-line"
          style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '8px 12px' }}
        >
          <div>
            <RulePassedTag passed={rule.passed} undetermined={rule.undetermined} />
            <RuleName id={rule.id} />
          </div>
          <div>
            <Typography.Text type="secondary">{rule.citation}</Typography.Text>
          </div>
          {rule.requirement && <div>{rule.requirement}</div>}
          {rule.detail && <div style={{ overflowWrap: 'anywhere' }}>{withChinaDates(rule.detail, language)}</div>}
          <div>
            <RuleValues values={rule.values} />
          </div>
        </li>
      ))}
    </ul>
  );
}
