import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
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

export function formatRuleValue(value: unknown, t: (key: 'rules.yes' | 'rules.no') => string): string {
  if (value === true) return t('rules.yes');
  if (value === false) return t('rules.no');
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value);
}

/** Values compared by a rule: "labourForce = 900 · nonFarmLabour = 600". */
export function RuleValues({ values }: { values: Record<string, unknown> | undefined }) {
  const { t } = useTranslation();
  const entries = Object.entries(values ?? {});
  if (entries.length === 0) return null;
  return (
    <Typography.Text type="secondary" style={{ overflowWrap: 'anywhere' }}>
      {t('rules.values')}
      {entries.map(([key, value]) => `${key} = ${formatRuleValue(value, t)}`).join(' · ')}
    </Typography.Text>
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
            <Typography.Text strong>{rule.id}</Typography.Text>
          </div>
          <div>
            <Typography.Text type="secondary">{rule.citation}</Typography.Text>
          </div>
          {rule.requirement && <div>{rule.requirement}</div>}
          {rule.detail && <div style={{ overflowWrap: 'anywhere' }}>{rule.detail}</div>}
          <div>
            <RuleValues values={rule.values} />
          </div>
        </li>
      ))}
    </ul>
  );
}
