import { Button, Card, Col, Descriptions, Form, Input, Row, Steps, Typography } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { z } from 'zod';
import { caseStatusQuery } from '../../../api/schemas/public';
import { ErrorAlert } from '../components/ErrorAlert';
import { FormField } from '../forms/FormField';
import { SubmitFieldset } from '../forms/SubmitFieldset';
import { submitSpinner } from '../forms/submit-spinner';
import { useServerForm } from '../forms/useServerForm';
import { currentLanguage } from '../i18n';
import { formatDay } from '../procedures/format';
import { useSession } from '../session/context';
import { fetchCaseStatus, type CaseLookup, type CaseStatusView } from './api';
import { RatingCard } from './RatingCard';

/** Signed in, the code may be left out (the resident's own case); anonymous, it is required. */
const lookupSchema = (signedIn: boolean) =>
  signedIn ? caseStatusQuery.extend({ code: z.string().trim().max(12).optional() }) : caseStatusQuery;

const STEP_STATUS = { done: 'finish', current: 'process', returned: 'error', stopped: 'error' } as const;

/**
 * 我要查 (public, no sign-in): a resident follows their case by its number and the query code they were given, sees
 * each step in words with its China dates and the outcome, and rates the service once it is decided (好差评).
 */
export function TrackPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const headingId = useId();
  const [params] = useSearchParams();
  const { state } = useSession();
  const signedIn = state.status === 'signedIn';
  const [found, setFound] = useState<{ lookup: CaseLookup; view: CaseStatusView }>();
  const { control, error, submitWith, formState } = useServerForm({
    schema: lookupSchema(signedIn),
    defaultValues: { number: params.get('number') ?? '', code: '' },
  });
  const onSubmit = submitWith(async (values) => {
    const lookup = { number: values.number, code: values.code || undefined };
    setFound(undefined);
    setFound({ lookup, view: await fetchCaseStatus(lookup) });
  });
  const view = found?.view;
  return (
    <section aria-labelledby={headingId}>
      <Typography.Title level={2} id={headingId} style={{ marginTop: 0 }}>
        {t('publicService.track.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('publicService.track.description')}</Typography.Paragraph>
      {signedIn && <Typography.Paragraph type="secondary">{t('publicService.track.signedInHint')}</Typography.Paragraph>}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card>
            <ErrorAlert error={error} />
            <Form layout="vertical" onFinish={() => void onSubmit()} requiredMark={false}>
              <SubmitFieldset submitting={formState.isSubmitting}>
                <FormField
                  control={control}
                  name="number"
                  label={t('publicService.track.number')}
                  extra={t('publicService.track.numberHelp')}
                  required
                >
                  {(field, input) => <Input {...field} {...input} autoCapitalize="characters" spellCheck={false} />}
                </FormField>
                <FormField
                  control={control}
                  name="code"
                  label={t('publicService.track.code')}
                  extra={t('publicService.track.codeHelp')}
                  required={!signedIn}
                >
                  {(field, input) => (
                    <Input {...field} {...input} value={field.value ?? ''} autoComplete="off" spellCheck={false} />
                  )}
                </FormField>
                <Button type="primary" htmlType="submit" block loading={submitSpinner(formState.isSubmitting)}>
                  {t('publicService.track.submit')}
                </Button>
              </SubmitFieldset>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          {view && found && (
            <div role="status" aria-live="polite">
              <Card title={<h3 className="card-heading">{t('publicService.track.result')}</h3>}>
                <Descriptions
                  size="small"
                  column={1}
                  items={[
                    { key: 'number', label: t('publicService.track.number'), children: view.number },
                    { key: 'procedure', label: t('publicService.track.procedure'), children: view.procedure[language] },
                    { key: 'status', label: t('publicService.track.status'), children: view.statusLabel[language] },
                    { key: 'opened', label: t('publicService.track.openedOn'), children: formatDay(view.openedOn, language) },
                    ...(view.closedOn
                      ? [
                          {
                            key: 'closed',
                            label: t('publicService.track.closedOn'),
                            children: formatDay(view.closedOn, language),
                          },
                        ]
                      : []),
                  ]}
                />
                <Typography.Title level={4}>{t('publicService.track.steps')}</Typography.Title>
                <Steps
                  direction="vertical"
                  size="small"
                  items={view.steps.map((step) => ({
                    title: step.name[language],
                    status: STEP_STATUS[step.state as keyof typeof STEP_STATUS] ?? 'wait',
                    description: [
                      step.stateLabel[language],
                      step.doneOn ? t('publicService.track.doneOn', { date: formatDay(step.doneOn, language) }) : null,
                      step.dueOn ? t('publicService.track.dueOn', { date: formatDay(step.dueOn, language) }) : null,
                    ]
                      .filter(Boolean)
                      .join(' · '),
                  }))}
                />
              </Card>
              <RatingCard
                view={view}
                lookup={found.lookup}
                onRated={(rated) => setFound({ lookup: found.lookup, view: rated })}
              />
            </div>
          )}
        </Col>
      </Row>
    </section>
  );
}
