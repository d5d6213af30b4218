import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { RuleResults, type RuleLine } from '../../components/RuleResults';
import { currentLanguage } from '../../i18n';
import { conversionConditions, evaluateConversion, VC_RULES } from '../../../../domain/rules/village-conversion';

/**
 * The VC rules evaluated while the village fills in its application: the same pure functions the workflow uses to
 * accept or refuse the step (domain/rules/village-conversion.ts), so what shows here is what the server decides.
 */
export function LiveRulesPanel({ application }: { application: unknown }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const parsed = conversionConditions.safeParse(application);
  const results = parsed.success ? evaluateConversion(parsed.data) : undefined;
  const lines: RuleLine[] = Object.values(VC_RULES).map((rule) => {
    const result = results?.find((r) => r.id === rule.id);
    return {
      id: rule.id,
      passed: result?.passed,
      citation: rule.citation,
      requirement: rule.text[language],
      detail: result?.detail[language],
      values: result?.values,
    };
  });
  const failed = results?.filter((r) => !r.passed).length ?? 0;
  return (
    <div>
      <Typography.Paragraph type="secondary">{t('vc.rules.intro')}</Typography.Paragraph>
      <Typography.Paragraph strong role="status">
        {!results
          ? t('vc.rules.incomplete')
          : failed === 0
            ? t('vc.rules.allPassed')
            : t('vc.rules.someFailed', { count: failed })}
      </Typography.Paragraph>
      <RuleResults rules={lines} label={t('vc.rules.title')} />
    </div>
  );
}
