import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { eligibilityCheckInput, type EligibilityCheckInput } from '../../../domain/rules/election-checks';
import { RuleResults, ruleLines } from '../components/RuleResults';
import { procedureFormResolver } from '../forms/bilingual';
import { CheckField } from '../forms/GroupField';
import { currentLanguage } from '../i18n';
import { DateField } from '../procedures/DateField';
import { PublicCheckPage, usePublicCheck } from '../procedures/PublicCheckPage';
import { checkEligibility, type EligibilityCheck } from './api';
import type texts from '../i18n/procedures/publicService.zh-CN.json';

type Values = z.input<typeof eligibilityCheckInput>;

/**
 * 流动人口选民资格自查 (public, no sign-in): a resident enters their facts; the public check runs the same EL rules the
 * election committee's review uses and shows which clause decides. It says plainly that it is not a decision.
 */
export function EligibilityCheckPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { form, result, onSubmit } = usePublicCheck<Values, EligibilityCheckInput, EligibilityCheck>(
    {
      resolver: procedureFormResolver(eligibilityCheckInput),
      defaultValues: {
        electionDate: '',
        birthDate: '',
        residenceSince: '',
        hasLegalFixedResidence: false,
        politicalRightsDeprived: false,
        appliedInPerson: true,
        registeredElsewhere: false,
      },
    },
    checkEligibility,
  );
  const { control } = form;
  const f = (key: keyof (typeof texts)['eligibility']) => t(`publicService.eligibility.${key}`);
  return (
    <PublicCheckPage
      texts="publicService.eligibility"
      onSubmit={onSubmit}
      submitting={form.formState.isSubmitting}
      error={form.error}
      verdict={result && { passed: result.eligible, title: result.eligible ? f('eligible') : f('notEligible') }}
      details={
        result && (
          <>
            <RuleResults label={f('result')} rules={ruleLines(result.rules, language)} />
            <Alert type="info" showIcon style={{ marginTop: 12 }} title={f('notADecision')} />
          </>
        )
      }
    >
      <Typography.Paragraph type="secondary">{f('notADecision')}</Typography.Paragraph>
      <DateField control={control} name="electionDate" label={f('electionDate')} required />
      <DateField control={control} name="birthDate" label={f('birthDate')} required />
      <DateField control={control} name="residenceSince" label={f('residenceSince')} required />
      <CheckField control={control} name="hasLegalFixedResidence" label={f('hasLegalFixedResidence')} />
      <CheckField control={control} name="politicalRightsDeprived" label={f('politicalRightsDeprived')} />
      <CheckField control={control} name="appliedInPerson" label={f('appliedInPerson')} />
      <CheckField control={control} name="registeredElsewhere" label={f('registeredElsewhere')} />
    </PublicCheckPage>
  );
}
