import { Alert, Button, Card, Col, Form, Row, Typography } from 'antd';
import { useEffect, useId, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { checkConversionConditions, type ConditionsCheck } from './api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { RuleResults } from '../../components/RuleResults';
import { procedureFormResolver } from '../../forms/bilingual';
import { CheckField } from '../../forms/GroupField';
import { currentLanguage } from '../../i18n';
import '../procedures.css';
import { NumberField } from '../NumberField';
import { AssemblyFields } from './AssemblyFields';
import { conversionConditions, VC_RULES, type ConversionConditions } from '../../../../domain/rules/village-conversion';
import { submitSpinner } from '../../forms/submit-spinner';

type Values = z.input<typeof conversionConditions>;

/**
 * 村改居条件自查 (public, no sign-in): the four conditions and the villagers' assembly figures, checked by the API's
 * public endpoint, which answers each rule with its clause and the values it compared.
 */
export function ConditionsCheckPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const headingId = useId();
  const [result, setResult] = useState<ConditionsCheck>();
  const [error, setError] = useState<unknown>();
  const lastChecked = useRef<ConversionConditions | undefined>(undefined);
  const { control, handleSubmit, formState } = useForm<Values, unknown, ConversionConditions>({
    resolver: procedureFormResolver(conversionConditions),
    defaultValues: {
      insideUrbanBoundary: false,
      farmlandInsufficient: false,
      assetRestructuringComplete: false,
      assembly: { fullAssembly: false, noticeDate: '', meetingDate: '' },
    },
  });

  const check = async (values: ConversionConditions) => {
    setError(undefined);
    try {
      setResult(await checkConversionConditions(values, currentLanguage()));
      lastChecked.current = values;
    } catch (caught) {
      setError(caught);
    }
  };
  const onSubmit = handleSubmit(check);

  // The rules' details come back in the language asked for: ask again after the language changes.
  useEffect(() => {
    if (lastChecked.current) void check(lastChecked.current);
  }, [language]);

  const rule = (id: keyof typeof VC_RULES) => `${id} ${VC_RULES[id].text[language]}`;

  return (
    <section aria-labelledby={headingId}>
      <Typography.Title level={2} id={headingId} style={{ marginTop: 0 }}>
        {t('vc.check.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('vc.check.description')}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title={<h3 className="card-heading">{t('vc.check.form')}</h3>}>
            <Form layout="vertical" onFinish={() => void onSubmit()}>
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
              <Button type="primary" htmlType="submit" loading={submitSpinner(formState.isSubmitting)}>
                {t('vc.check.submit')}
              </Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={<h3 className="card-heading">{t('vc.check.result')}</h3>}>
            <div role="status" aria-live="polite">
              <ErrorAlert error={error} />
              {!result && !error && <Typography.Text type="secondary">{t('vc.check.noResult')}</Typography.Text>}
              {result && (
                <Alert
                  type={result.satisfied ? 'success' : 'warning'}
                  showIcon
                  style={{ marginBottom: 12 }}
                  title={result.satisfied ? t('vc.check.satisfied') : t('vc.check.notSatisfied')}
                />
              )}
            </div>
            {result && (
              <RuleResults
                label={t('vc.check.result')}
                rules={result.rules.map((r) => ({
                  id: r.id,
                  passed: r.passed,
                  citation: r.citation,
                  detail: r.detail,
                  values: r.values,
                }))}
              />
            )}
          </Card>
        </Col>
      </Row>
    </section>
  );
}
