import { Alert, Button, Card, Col, Descriptions, Form, Input, Result, Row, Spin, Typography } from 'antd';
import { useId } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { z } from 'zod';
import { ApiError } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormField } from '../../forms/FormField';
import { CheckField } from '../../forms/GroupField';
import { useAsyncData } from '../../hooks/useAsyncData';
import '../procedures.css';
import { DateField } from '../DateField';
import { fetchElection, submitApplication } from './api';
import { ApplicationFactsFields, EligibilityPreview, type FactsControl } from './ApplicationFactsFields';
import { IdNumberHint } from './IdNumberHint';
import { useMe } from '../../session/context';
import { migrantApplicationBody } from '../../../../domain/forms/election';
import { parseResidentId } from '../../../../domain/resident-id';
import { submitSpinner } from '../../forms/submit-spinner';
import { useServerForm } from '../../forms/useServerForm';
import { SubmitFieldset } from '../../forms/SubmitFieldset';

type Values = z.input<typeof migrantApplicationBody>;

const FIELDS = [
  'name',
  'idNumber',
  'birthDate',
  'phone',
  'address',
  'residenceSince',
  'hasLegalFixedResidence',
  'residenceEvidence',
  'politicalRightsDeprived',
  'registeredElsewhere',
  'declarationTrue',
  'documents',
];

/** An empty phone is no phone; an unticked declaration is a missing one ("required"). */
function prepare(values: Values): Values {
  return {
    ...values,
    phone: values.phone?.trim() ? values.phone : undefined,
    declarationTrue: (values.declarationTrue === true ? true : undefined) as true,
  };
}

/**
 * 流动人口参加选举申请 (EL-SELF): the migrant applies themself, signed in with their own account of the community. The
 * ID number is checked as it is typed (GB 11643) and fills in the birth date it holds; the pre-check the system will
 * run is shown live. After submitting, the application's page shows its number, status and the committee's reasons.
 */
export function MigrantApplyPage() {
  const { t } = useTranslation();
  const headingId = useId();
  const navigate = useNavigate();
  const me = useMe();
  const { electionId = '' } = useParams();
  const election = useAsyncData((signal) => fetchElection(electionId, signal), electionId);
  const { control, error, submitWith, setValue, getValues, formState } = useServerForm({
    fields: FIELDS,
    schema: migrantApplicationBody,
    prepare: prepare,
    defaultValues: {
      name: me.user.displayName,
      idNumber: '',
      birthDate: '',
      phone: '',
      address: '',
      residenceSince: '',
      residenceEvidence: '',
      documents: [],
    },
  });
  const [birthDate, residenceSince, hasLegalFixedResidence, politicalRightsDeprived, registeredElsewhere] = useWatch({
    control,
    name: ['birthDate', 'residenceSince', 'hasLegalFixedResidence', 'politicalRightsDeprived', 'registeredElsewhere'],
  });

  const onSubmit = submitWith(async (body) => {
    const created = await submitApplication(electionId, body);
    void navigate(`/elections/applications/${encodeURIComponent(created.number)}`, {
      state: { submitted: true, queryCode: created.queryCode },
    });
  });

  /** The birth date inside a valid ID number fills an empty birth date field. */
  const fillBirthDate = () => {
    const parsed = parseResidentId(getValues('idNumber') ?? '');
    if (parsed.ok && !getValues('birthDate')) setValue('birthDate', parsed.birthDate, { shouldValidate: formState.isSubmitted });
  };

  const e = election.data;
  if (!e) {
    if (election.error instanceof ApiError && election.error.status === 404) {
      return (
        <Result
          status="404"
          title={t('election.detail.notFound')}
          extra={<Link to="/elections/applications">{t('election.mine.back')}</Link>}
        />
      );
    }
    if (election.error !== undefined) return <ErrorAlert error={election.error} title={t('election.detail.loadFailed')} />;
    return <Spin description={t('election.detail.loading')} />;
  }
  const existing =
    error instanceof ApiError && error.code === 'CONFLICT' && typeof error.details?.number === 'string'
      ? error.details.number
      : undefined;

  return (
    <section aria-labelledby={headingId}>
      <div className="page-header">
        <Typography.Title level={2} id={headingId} className="break-anywhere">
          {t('election.apply.title')}
        </Typography.Title>
        <Link to="/elections/applications">{t('election.mine.back')}</Link>
      </div>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 1, md: 3 }}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'community', label: t('election.fields.community'), children: e.community },
          { key: 'date', label: t('election.fields.electionDate'), children: e.electionDate ?? '—' },
          {
            key: 'number',
            label: t('election.fields.caseNumber'),
            children: <span className="break-anywhere">{e.caseNumber}</span>,
          },
        ]}
      />
      {e.status !== 'REGISTRATION' && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('election.apply.closed')} />
      )}
      <Typography.Paragraph>{t('election.apply.intro')}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Card title={<h3 className="card-heading">{t('election.apply.form')}</h3>}>
            <Form layout="vertical" onFinish={() => void onSubmit()} disabled={formState.isSubmitting}>
              <SubmitFieldset submitting={formState.isSubmitting}>
                <Row gutter={12}>
                  <Col xs={24} md={12}>
                    <FormField control={control} name="name" label={t('election.fields.name')} required>
                      {(field, input) => <Input {...field} {...input} maxLength={50} autoComplete="name" />}
                    </FormField>
                  </Col>
                  <Col xs={24} md={12}>
                    <FormField control={control} name="phone" label={t('election.fields.phone')}>
                      {(field, input) => (
                        <Input
                          {...field}
                          {...input}
                          value={field.value ?? ''}
                          maxLength={11}
                          inputMode="tel"
                          autoComplete="tel"
                        />
                      )}
                    </FormField>
                  </Col>
                  <Col xs={24} md={12}>
                    <FormField
                      control={control}
                      name="idNumber"
                      label={t('election.fields.idNumber')}
                      extra={<IdNumberHint control={control} name="idNumber" />}
                      required
                    >
                      {(field, input) => (
                        <Input
                          {...field}
                          {...input}
                          onBlur={() => {
                            field.onBlur();
                            fillBirthDate();
                          }}
                          maxLength={18}
                          autoComplete="off"
                        />
                      )}
                    </FormField>
                  </Col>
                  <Col xs={24} md={12}>
                    <DateField
                      control={control}
                      name="birthDate"
                      label={t('election.fields.birthDate')}
                      extra={t('election.fields.birthDateHelp')}
                      required
                    />
                  </Col>
                </Row>
                <ApplicationFactsFields control={control as unknown as FactsControl} disabled={formState.isSubmitting} />
                <CheckField control={control} name="declarationTrue" label={t('election.apply.declaration')} />
                <ErrorAlert error={error} />
                {existing && (
                  <Typography.Paragraph>
                    <Link className="text-link" to={`/elections/applications/${existing}`}>
                      {t('election.apply.openExisting', { number: existing })}
                    </Link>
                  </Typography.Paragraph>
                )}
                <Button
                  type="primary"
                  htmlType="submit"
                  loading={submitSpinner(formState.isSubmitting)}
                  disabled={e.status !== 'REGISTRATION'}
                >
                  {t('election.apply.submit')}
                </Button>
              </SubmitFieldset>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <Card title={<h3 className="card-heading">{t('election.apply.preview')}</h3>}>
            <EligibilityPreview
              electionDate={e.electionDate}
              birthDate={birthDate}
              facts={{ residenceSince, hasLegalFixedResidence, politicalRightsDeprived, registeredElsewhere }}
            />
          </Card>
        </Col>
      </Row>
    </section>
  );
}
