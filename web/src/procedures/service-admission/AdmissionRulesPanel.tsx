import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { RuleResults, type RuleLine, ruleLines } from '../../components/RuleResults';
import { currentLanguage } from '../../i18n';
import { admissionFacts, evaluateAdmission, SA_RULES } from '../../../../domain/rules/service-admission';
import type { TermsValues } from './TermsFields';

const CONDITION_RULES = ['SA-OWN-DUTY', 'SA-ASSIST', 'SA-ENTRUST'] as const;

/**
 * The admission rules evaluated while the department fills in the terms: the same pure functions the workflow runs
 * when the application arrives (domain/rules/service-admission.ts), so what shows here is what the server decides.
 */
export function AdmissionRulesPanel({ terms }: { terms: Partial<TermsValues> | undefined }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const parsed = admissionFacts.safeParse({
    classification: terms?.classification,
    fundingAmount: terms?.fundingAmount ?? null,
    fundingPayer: terms?.fundingPayer ?? null,
    authorityTransferred: terms?.authorityTransferred ?? false,
    workingConditions: terms?.workingConditions ?? null,
  });
  const check = parsed.success ? evaluateAdmission(parsed.data) : undefined;
  const lines: RuleLine[] = check
    ? ruleLines(check.rules, language)
    : CONDITION_RULES.map((id) => ({
        id,
        passed: undefined,
        citation: SA_RULES[id].citation,
        requirement: SA_RULES[id].text[language],
      }));
  const ownDuty = check && !check.rules[0]!.passed;
  const status = !check
    ? { type: 'info' as const, text: t('serviceAdmission.rules.incomplete') }
    : check.admissible
      ? { type: 'success' as const, text: t('serviceAdmission.rules.admissible') }
      : ownDuty
        ? { type: 'error' as const, text: t('serviceAdmission.rules.ownDuty') }
        : { type: 'warning' as const, text: t('serviceAdmission.rules.held') };
  return (
    <div>
      <Typography.Paragraph type="secondary">{t('serviceAdmission.rules.intro')}</Typography.Paragraph>
      <div role="status" aria-live="polite">
        <Alert type={status.type} showIcon title={status.text} style={{ marginBottom: 12 }} />
      </div>
      <RuleResults rules={lines} label={t('serviceAdmission.rules.title')} />
    </div>
  );
}
