import { Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { checkConversionConditions, type ConditionsCheck } from './api';
import { RuleResults, ruleLines } from '../../components/RuleResults';
import { procedureFormResolver } from '../../forms/bilingual';
import { CheckField } from '../../forms/GroupField';
import { currentLanguage } from '../../i18n';
import { NumberField } from '../NumberField';
import { PublicCheckPage, usePublicCheck } from '../PublicCheckPage';
import { AssemblyFields } from './AssemblyFields';
import { conversionConditions, VC_RULES, type ConversionConditions } from '../../../../domain/rules/village-conversion';

type Values = z.input<typeof conversionConditions>;

/**
 * 村改居条件自查 (public, no sign-in): the four conditions and the villagers' assembly figures, checked by the API's
 * public endpoint, which answers each rule with its clause and the values it compared.
 */
export function ConditionsCheckPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { form, result, onSubmit } = usePublicCheck<Values, ConversionConditions, ConditionsCheck>(
    {
      resolver: procedureFormResolver(conversionConditions),
      defaultValues: {
        insideUrbanBoundary: false,
        farmlandInsufficient: false,
        assetRestructuringComplete: false,
        assembly: { fullAssembly: false, noticeDate: '', meetingDate: '' },
      },
    },
    checkConversionConditions,
  );
  const { control } = form;

  const rule = (id: keyof typeof VC_RULES) => `${id} ${VC_RULES[id].text[language]}`;

  return (
    <PublicCheckPage
      texts="vc.check"
      onSubmit={onSubmit}
      submitting={form.formState.isSubmitting}
      error={form.error}
      verdict={
        result && { passed: result.satisfied, title: result.satisfied ? t('vc.check.satisfied') : t('vc.check.notSatisfied') }
      }
      details={result && <RuleResults label={t('vc.check.result')} rules={ruleLines(result.rules, language)} />}
    >
      <CheckField control={control} name="insideUrbanBoundary" label={rule('VC-C1')} />
      <CheckField control={control} name="farmlandInsufficient" label={rule('VC-C2')} />
      <Typography.Paragraph strong>{rule('VC-C3')}</Typography.Paragraph>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <NumberField control={control} name="labourForce" label={t('vc.fields.labourForce')} required />
        </Col>
        <Col xs={24} md={12}>
          <NumberField control={control} name="nonFarmLabour" label={t('vc.fields.nonFarmLabour')} required />
        </Col>
      </Row>
      <CheckField control={control} name="assetRestructuringComplete" label={rule('VC-C4')} />
      <Typography.Paragraph strong>{t('vc.prepare.assembly')}</Typography.Paragraph>
      <AssemblyFields control={control} at="assembly" />
    </PublicCheckPage>
  );
}
