import { Button, Card, Flex, Select, Typography } from 'antd';
import { useId, useRef } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { z } from 'zod';
import { applyForAdmission, listApplicantCommunities } from './api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormField } from '../../forms/FormField';
import { useAsyncData } from '../../hooks/useAsyncData';
import { currentLanguage } from '../../i18n';
import '../procedures.css';
import { chinaDate } from '../format';
import { AdmissionRulesPanel } from './AdmissionRulesPanel';
import { ruleHeading } from './labels';
import { TermsFields, emptyTerms } from './TermsFields';
import { useMe } from '../../session/context';
import { serviceItemApplication, serviceItemTerms } from '../../../../domain/forms/service-admission';
import { RuleRefusal } from './RuleRefusal';
import { submitSpinner } from '../../forms/submit-spinner';
import { useServerForm } from '../../forms/useServerForm';
import { ServerForm } from '../../forms/ServerForm';

/** The application as the form keeps it: the terms under `terms` (shared with the revision form), and the communities. */
const applicationForm = z.object({ terms: serviceItemTerms, communityIds: serviceItemApplication.shape.communityIds });
type Values = z.input<typeof applicationForm>;
type FormPath = 'communityIds' | `terms.${keyof Values['terms']}`;

/** A server field path of the flat application body, as the form's path. */
function formPath(path: string): FormPath {
  // The body is flat; the form keeps the terms under `terms` (nested paths such as period.until included).
  return path.startsWith('communityIds') ? 'communityIds' : (`terms.${path}` as FormPath);
}

/**
 * 申请社区工作事项准入 (SA-GATE): a department of the county government, or a sub-district office, applies to hand a
 * work item to communities of its county, with the admission rules evaluated live. After filing, the application's
 * page says where it stands (refused at once, held until funding is given, or with civil affairs for review).
 */
export function ApplyPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const headingId = useId();
  const me = useMe();
  const navigate = useNavigate();
  const outcomeRef = useRef<HTMLDivElement>(null);
  const communities = useAsyncData((signal) => listApplicantCommunities(signal), 'communities');
  const { control, submitWith, error, setValue, formState } = useServerForm({
    fields: formPath,
    alertWithFields: true,
    onRefused: () => window.setTimeout(() => outcomeRef.current?.scrollIntoView({ block: 'nearest' }), 0),
    schema: applicationForm,
    defaultValues: { terms: emptyTerms(chinaDate(new Date().toISOString())), communityIds: [] },
  });
  const terms = useWatch({ control, name: 'terms' });
  const options = (communities.data ?? []).map((c) => ({
    value: c.id,
    label: c.parentName ? `${c.name}（${c.parentName}）` : c.name,
  }));

  const onSubmit = submitWith(async ({ terms: submitted, communityIds }) => {
    const created = await applyForAdmission({ ...submitted, communityIds });
    void navigate(`/service-items/${created.id}`);
  });

  return (
    <section aria-labelledby={headingId}>
      <div className="page-header">
        <Typography.Title level={2} id={headingId}>
          {t('serviceAdmission.apply.title')}
        </Typography.Title>
        <Link to="/service-items">{t('serviceAdmission.list.title')}</Link>
      </div>
      <Typography.Paragraph>
        {t('serviceAdmission.apply.intro', { organization: me.membership?.organizationName ?? '' })}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{ruleHeading('SA-GATE', language)}</Typography.Paragraph>
      {communities.error !== undefined && (
        <ErrorAlert error={communities.error} title={t('serviceAdmission.apply.communitiesFailed')} />
      )}
      <ServerForm onSubmit={onSubmit} submitting={formState.isSubmitting}>
        <Card
          size="small"
          title={<h3 className="card-heading">{t('serviceAdmission.apply.item')}</h3>}
          style={{ marginBottom: 16 }}
        >
          <FormField
            control={control}
            name="communityIds"
            label={t('serviceAdmission.fields.communities')}
            extra={t('serviceAdmission.apply.communitiesHelp')}
            required
          >
            {(field, input) => (
              <Flex vertical gap={8}>
                <Select
                  {...input}
                  mode="multiple"
                  value={field.value}
                  onChange={(value: string[]) => field.onChange(value)}
                  onBlur={field.onBlur}
                  options={options}
                  loading={communities.loading}
                  optionFilterProp="label"
                  style={{ width: '100%' }}
                />
                <div>
                  <Button
                    onClick={() =>
                      setValue(
                        'communityIds',
                        options.map((o) => o.value),
                        { shouldValidate: true },
                      )
                    }
                    disabled={options.length === 0}
                  >
                    {t('serviceAdmission.apply.allCommunities', { count: options.length })}
                  </Button>
                </div>
              </Flex>
            )}
          </FormField>
          <TermsFields control={control} />
        </Card>
        <Card
          size="small"
          title={<h3 className="card-heading">{t('serviceAdmission.rules.title')}</h3>}
          style={{ marginBottom: 16 }}
        >
          <AdmissionRulesPanel terms={terms} />
        </Card>
        <div ref={outcomeRef}>
          <RuleRefusal error={error} />
        </div>
        <Button type="primary" htmlType="submit" loading={submitSpinner(formState.isSubmitting)}>
          {t('serviceAdmission.apply.submit')}
        </Button>
      </ServerForm>
    </section>
  );
}
