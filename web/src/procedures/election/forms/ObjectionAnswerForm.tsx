import { Alert, Input, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { TaskFacts } from '../../TaskFacts';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormField } from '../../../forms/FormField';
import { RadioField } from '../../../forms/GroupField';
import { useAsyncData } from '../../../hooks/useAsyncData';
import { electionObjectionAnswerForm } from '../../../../../domain/forms/election';
import { EL_RULES } from '../../../../../domain/rules/election';
import { currentLanguage } from '../../../i18n';
import { FormActions } from '../../FormActions';
import type { TaskFormProps } from '../../taskForm';
import { useServerForm } from '../../../forms/useServerForm';
import { ServerForm } from '../../../forms/ServerForm';
import { listObjections } from '../api';
import { objectionKindName } from '../labels';
import { answerContext, taskContext } from '../taskContext';

/**
 * election.objection-answer (EL-ANSWER): the committee upholds or dismisses one objection to the published list
 * within 3 days, and the answer is published with the notice. Upholding an omission adds the person to the list;
 * upholding a wrongful inclusion removes the voter.
 */
export function ObjectionAnswerForm({ task, disabled, submit }: TaskFormProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { objectionId, receivedOn, answerLastDay } = taskContext(answerContext, task);
  const { data: objections, error } = useAsyncData((signal) => listObjections(task.caseId, signal), task.caseId);
  const objection = objections?.find((o) => o.id === objectionId);
  const { control, submitWith, setServerFieldError, formState } = useServerForm({
    schema: electionObjectionAnswerForm,
    defaultValues: { answer: '' },
  });
  const onSubmit = submitWith((payload) => submit(payload, setServerFieldError));

  return (
    <ServerForm onSubmit={onSubmit} submitting={formState.isSubmitting} disabled={disabled}>
      <Typography.Paragraph type="secondary">
        {EL_RULES['EL-ANSWER'].text[language]}（{EL_RULES['EL-ANSWER'].citation}）
      </Typography.Paragraph>
      {error !== undefined && <ErrorAlert error={error} />}
      {!objections && error === undefined && <Spin size="small" />}
      {objection && (
        <TaskFacts
          items={[
            { key: 'number', label: t('election.objections.number'), children: String(objection.number) },
            { key: 'kind', label: t('election.objections.kind'), children: objectionKindName(objection.kind, t) },
            { key: 'objector', label: t('election.objections.objector'), children: objection.objectorName },
            ...(objection.personName
              ? [{ key: 'person', label: t('election.objections.person'), children: objection.personName }]
              : []),
            {
              key: 'grounds',
              label: t('election.objections.grounds'),
              children: <span className="break-anywhere">{objection.grounds}</span>,
            },
            { key: 'received', label: t('election.objections.receivedOn'), children: receivedOn ?? objection.receivedOn },
            { key: 'due', label: t('election.objections.answerBy'), children: answerLastDay ?? '—' },
          ]}
        />
      )}
      {objection?.kind === 'omission' && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('election.forms.answer.omissionHelp')} />
      )}
      {objection?.kind === 'wrongful-inclusion' && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('election.forms.answer.inclusionHelp')} />
      )}
      <RadioField
        control={control}
        name="decision"
        label={t('election.forms.answer.decision')}
        required
        options={[
          { value: 'upheld', label: t('election.forms.answer.upheld') },
          { value: 'dismissed', label: t('election.forms.answer.dismissed') },
        ]}
      />
      <FormField
        control={control}
        name="answer"
        label={t('election.forms.answer.answer')}
        extra={t('election.forms.answer.answerHelp')}
        required
      >
        {(field, input) => <Input.TextArea {...field} {...input} rows={4} maxLength={5000} />}
      </FormField>
      <FormActions submitting={formState.isSubmitting} disabled={disabled} />
    </ServerForm>
  );
}
