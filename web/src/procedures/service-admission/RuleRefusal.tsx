import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { failedRules } from '../../api/tasks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { RecordedRules } from './RecordedRules';

/** An API refusal: its message, and for a 422 RULE_FAILED each refused rule with its clause and the values compared. */
export function RuleRefusal({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (error === undefined) return null;
  const rules = failedRules(error).filter((rule) => !rule.passed);
  return (
    <div style={{ marginBottom: 16 }}>
      <ErrorAlert error={error} title={rules.length > 0 ? t('task.form.rulesFailed') : undefined} />
      {rules.length > 0 && (
        <>
          <Typography.Paragraph>{t('serviceAdmission.refusal.help')}</Typography.Paragraph>
          <RecordedRules rules={rules} label={t('task.form.rulesFailed')} />
        </>
      )}
    </div>
  );
}
