import { App, Button, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { sendBackBody } from '../../../../api/schemas/task-flow';
import { sendBackTask } from '../../api/taskFlow';
import type { TaskView } from '../../api/tasks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormField } from '../../forms/FormField';
import { SubmitFieldset } from '../../forms/SubmitFieldset';
import { submitSpinner } from '../../forms/submit-spinner';
import { useServerForm } from '../../forms/useServerForm';
import { currentLanguage } from '../../i18n';
import { localized } from '../../procedures/format';

/**
 * 退回: send the file back to one of the earlier steps the procedure allows (the task's returnTargets), with the reason
 * (required). The reason is shown on the reopened step and recorded in the case history and rule decisions.
 */
export function SendBackForm({ task }: { task: TaskView }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { control, error, submitWith, formState } = useServerForm({
    schema: sendBackBody,
    defaultValues: { toStep: '', reason: '' },
  });
  const nameOf = (key: string) => {
    const step = task.returnTargets.find((s) => s.key === key);
    return step ? localized(step.name, language) : key;
  };
  const onSubmit = submitWith(async (values) => {
    await sendBackTask(task.id, values);
    void message.success(t('flow.sentBack', { step: nameOf(values.toStep) }));
    void navigate(`/cases/${task.caseId}`);
  });
  return (
    <Form layout="vertical" onFinish={() => void onSubmit()} aria-label={t('flow.sendBackTitle')}>
      <ErrorAlert error={error} />
      <SubmitFieldset submitting={formState.isSubmitting}>
        <FormField
          control={control}
          name="toStep"
          label={t('flow.target')}
          extra={t('flow.sendBackHelp', {
            steps: task.returnTargets.map((s) => localized(s.name, language)).join('、'),
          })}
          required
        >
          {(field, input) => (
            <Select
              {...input}
              value={field.value === '' ? undefined : field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              options={task.returnTargets.map((s) => ({ value: s.key, label: localized(s.name, language) }))}
              style={{ width: '100%' }}
            />
          )}
        </FormField>
        <FormField control={control} name="reason" label={t('flow.reason')} required>
          {(field, input) => (
            <Input.TextArea {...field} {...input} rows={3} maxLength={2000} placeholder={t('flow.reasonPlaceholder')} />
          )}
        </FormField>
        <Button htmlType="submit" loading={submitSpinner(formState.isSubmitting)}>
          {t('flow.submit')}
        </Button>
      </SubmitFieldset>
    </Form>
  );
}
