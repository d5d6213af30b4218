import { Alert, Card, Input } from 'antd';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { saReviseForm } from '../../../../../domain/forms/service-admission';
import { FormField } from '../../../forms/FormField';
import { RadioField } from '../../../forms/GroupField';
import { currentLanguage } from '../../../i18n';
import { FormActions } from '../../FormActions';
import { formatDateTime } from '../../format';
import type { TaskFormProps } from '../../taskForm';
import { useServerForm } from '../../../forms/useServerForm';
import { ServerForm } from '../../../forms/ServerForm';
import { AdmissionRulesPanel } from '../AdmissionRulesPanel';
import { ApplicationContext } from '../ApplicationContext';
import { renewalDueOf, termsOf } from '../caseData';
import { TermsFields, emptyTerms, type TermsValues } from '../TermsFields';
import { choiceResolver } from './choiceResolver';

interface Values {
  action: 'resubmit' | 'withdraw';
  terms: TermsValues;
  note?: string;
  reason?: string;
}

/** A resubmission carries the terms (and a note); a withdrawal only its reason. */
function prepare(values: Values): z.input<typeof saReviseForm> {
  if (values.action === 'withdraw') return { action: 'withdraw', reason: values.reason ?? '' };
  return { action: 'resubmit', terms: values.terms, ...(values.note?.trim() ? { note: values.note } : {}) };
}

/**
 * sa.revise — the department's answer when its application is held (sa.supplement: funding, conditions or authority
 * missing), returned by civil affairs (sa.revise), or up for re-review before its period ends (sa.renew): it fixes the
 * terms and resubmits, with the rules evaluated live, or withdraws.
 */
export function ReviseForm({ task, record, disabled, submit }: TaskFormProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const current = termsOf(task, record);
  const { control, submitWith, setServerFieldError, formState } = useServerForm<Values, z.output<typeof saReviseForm>>({
    resolver: choiceResolver(saReviseForm, 'action', prepare),
    defaultValues: {
      action: 'resubmit',
      terms: current ?? emptyTerms(''),
      note: '',
      reason: '',
    },
  });
  const action = useWatch({ control, name: 'action' });
  const terms = useWatch({ control, name: 'terms' });
  const renewalDue = renewalDueOf(task);
  const onSubmit = submitWith((payload) => submit(payload, setServerFieldError));
  const intro =
    task.kind === 'sa.supplement'
      ? t('serviceAdmission.revise.heldIntro')
      : task.kind === 'sa.renew'
        ? t('serviceAdmission.revise.renewIntro', { due: renewalDue ? formatDateTime(renewalDue, language) : '—' })
        : t('serviceAdmission.revise.returnedIntro');
  return (
    <>
      <Alert type="warning" showIcon title={intro} style={{ marginBottom: 16 }} />
      <ApplicationContext task={task} record={record} />
      <ServerForm onSubmit={onSubmit} submitting={formState.isSubmitting} disabled={disabled}>
        <RadioField
          control={control}
          name="action"
          label={t('serviceAdmission.revise.action')}
          required
          options={[
            { value: 'resubmit', label: t('serviceAdmission.revise.resubmit') },
            {
              value: 'withdraw',
              label: t(task.kind === 'sa.renew' ? 'serviceAdmission.revise.endItem' : 'serviceAdmission.revise.withdraw'),
            },
          ]}
        />
        {action === 'withdraw' ? (
          <FormField control={control} name="reason" label={t('serviceAdmission.revise.reason')} required>
            {(field, input) => <Input.TextArea {...field} {...input} value={field.value ?? ''} rows={3} maxLength={2000} />}
          </FormField>
        ) : (
          <>
            <TermsFields control={control} />
            <Card
              size="small"
              title={<h3 className="card-heading">{t('serviceAdmission.rules.title')}</h3>}
              style={{ marginBottom: 16 }}
            >
              <AdmissionRulesPanel terms={terms} />
            </Card>
            <FormField control={control} name="note" label={t('serviceAdmission.revise.note')}>
              {(field, input) => <Input.TextArea {...field} {...input} value={field.value ?? ''} rows={2} maxLength={2000} />}
            </FormField>
          </>
        )}
        <FormActions submitting={formState.isSubmitting} disabled={disabled} />
      </ServerForm>
    </>
  );
}
