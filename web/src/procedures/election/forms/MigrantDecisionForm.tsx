import { Alert, Collapse, Input, Spin, Typography } from 'antd';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormField } from '../../../forms/FormField';
import { RadioField } from '../../../forms/GroupField';
import { useAsyncData } from '../../../hooks/useAsyncData';
import { currentLanguage } from '../../../i18n';
import { migrantDecisionForm } from '../../../../../domain/forms/election';
import { EL_RULES } from '../../../../../domain/rules/election';
import { DocumentLink } from '../../DocumentLink';
import { FormActions } from '../../FormActions';
import type { TaskFormProps } from '../../taskForm';
import { useServerForm } from '../../../forms/useServerForm';
import { ServerForm } from '../../../forms/ServerForm';
import { fetchApplication } from '../api';
import { ApplicationDetails, PrecheckRules } from '../ApplicationDetails';
import { decisionContext, taskContext } from '../taskContext';

type Values = z.input<typeof migrantDecisionForm>;

/** Only a request for evidence says which evidence. */
function prepare(values: Values): Values {
  return values.decision === 'request-evidence' ? values : { decision: values.decision, reason: values.reason };
}

/**
 * election.migrant-decision (EL-APPROVAL): the election committee reads the application, its evidence and the
 * automatic pre-check, then approves or refuses with a reason, or asks for more evidence. Approval needs every
 * pre-check rule to hold (the workflow refuses it otherwise, with the rules).
 */
export function MigrantDecisionForm({ task, record, disabled, submit }: TaskFormProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const context = taskContext(decisionContext, task);
  const number = context.number ?? record.case.number;
  const { data: application, error } = useAsyncData((signal) => fetchApplication(number, signal), number);
  const { control, submitWith, setServerFieldError, formState } = useServerForm({
    schema: migrantDecisionForm,
    prepare: prepare,
    defaultValues: { reason: '', requestedEvidence: '' },
  });
  const decision = useWatch({ control, name: 'decision' });
  const onSubmit = submitWith((payload) => submit(payload, setServerFieldError));
  const failing = context.precheck.filter((rule) => !rule.passed);

  return (
    <>
      <Collapse
        style={{ marginBottom: 16 }}
        defaultActiveKey={['application', 'precheck']}
        items={[
          {
            key: 'application',
            label: t('election.forms.decision.application', { number }),
            children: (
              <>
                {error !== undefined && <ErrorAlert error={error} />}
                {!application && error === undefined && <Spin size="small" />}
                {application && <ApplicationDetails application={application} />}
                <Typography.Paragraph strong style={{ marginTop: 12 }}>
                  {t('election.application.evidenceFiles')}
                </Typography.Paragraph>
                {record.documents.length === 0 ? (
                  <Typography.Text type="secondary">{t('documents.none')}</Typography.Text>
                ) : (
                  <ul className="plain-list" aria-label={t('election.application.evidenceFiles')}>
                    {record.documents.map((doc) => (
                      <li key={doc.id}>
                        <DocumentLink document={doc} />
                      </li>
                    ))}
                  </ul>
                )}
              </>
            ),
          },
          {
            key: 'precheck',
            label: t('election.forms.decision.precheck', { round: context.round ?? 1 }),
            children: <PrecheckRules rules={context.precheck} />,
          },
        ]}
      />
      {context.evidenceNotSupplied && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('election.forms.decision.evidenceNotSupplied')} />
      )}
      <ServerForm onSubmit={onSubmit} submitting={formState.isSubmitting} disabled={disabled}>
        <Typography.Paragraph type="secondary">
          {EL_RULES['EL-APPROVAL'].text[language]}（{EL_RULES['EL-APPROVAL'].citation}）
        </Typography.Paragraph>
        <RadioField
          control={control}
          name="decision"
          label={t('election.forms.decision.decision')}
          required
          options={[
            { value: 'approve', label: t('election.forms.decision.approve') },
            { value: 'refuse', label: t('election.forms.decision.refuse') },
            { value: 'request-evidence', label: t('election.forms.decision.requestEvidence') },
          ]}
        />
        {decision === 'approve' && failing.length > 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('election.forms.decision.precheckFails', { rules: failing.map((r) => r.id).join('、') })}
          />
        )}
        <FormField
          control={control}
          name="reason"
          label={t('election.forms.decision.reason')}
          extra={t('election.forms.decision.reasonHelp')}
          required
        >
          {(field, input) => <Input.TextArea {...field} {...input} rows={3} maxLength={2000} />}
        </FormField>
        {decision === 'request-evidence' && (
          <FormField control={control} name="requestedEvidence" label={t('election.forms.decision.requestedEvidence')} required>
            {(field, input) => <Input.TextArea {...field} {...input} value={field.value ?? ''} rows={3} maxLength={2000} />}
          </FormField>
        )}
        <FormActions submitting={formState.isSubmitting} disabled={disabled} />
      </ServerForm>
    </>
  );
}
