import { App, Button, Form, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { taskUserBody } from '../../api/schemas/procedures';
import { assignTask, delegateTask, fetchEligibleAssignees, type TaskView } from '../../api/tasks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormField } from '../../forms/FormField';
import { submitSpinner } from '../../forms/submit-spinner';
import { useAsyncData } from '../../hooks/useAsyncData';
import { useMe } from '../../session/context';
import { useServerForm } from '../../forms/useServerForm';
import { SubmitFieldset } from '../../forms/SubmitFieldset';

/**
 * Assign or delegate the task to a colleague picked from those who may hold it (the task's organization, its role),
 * searched by name on the server (GET …/eligible-assignees). Nobody has to know a user id.
 */
export function ColleagueForm({
  task,
  operation,
  onDone,
}: {
  task: TaskView;
  operation: 'assign' | 'delegate';
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const [search, setSearch] = useState('');
  const colleagues = useAsyncData(
    (signal) => fetchEligibleAssignees(task.id, search.trim(), signal),
    `${task.id}:${search.trim()}`,
  );
  const { control, error, submitWith, reset, formState } = useServerForm({
    schema: taskUserBody,
    defaultValues: { userId: '' },
  });
  const onSubmit = submitWith(async ({ userId }) => {
    await (operation === 'assign' ? assignTask(task.id, userId) : delegateTask(task.id, userId));
    reset();
    void message.success(t(operation === 'assign' ? 'task.actions.assigned' : 'task.actions.delegated'));
    onDone();
  });
  // Delegating to oneself means nothing; the holder is not offered again.
  const options = (colleagues.data ?? [])
    .filter((c) => c.id !== task.assigneeId && (operation === 'assign' || c.id !== me.user.id))
    .map((c) => ({
      value: c.id,
      label: c.id === me.user.id ? t('task.you', { name: c.displayName }) : `${c.displayName}（${c.username}）`,
    }));
  return (
    <Form layout="vertical" onFinish={() => void onSubmit()}>
      <ErrorAlert error={error ?? colleagues.error} />
      <SubmitFieldset submitting={formState.isSubmitting} style={{ marginBottom: 8 }}>
        <FormField
          control={control}
          name="userId"
          label={t('task.actions.colleague')}
          extra={t(operation === 'assign' ? 'task.actions.colleagueHelp' : 'task.actions.delegateHelp')}
          required
        >
          {(field, input) => (
            <Select
              {...input}
              value={field.value === '' ? undefined : field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              placeholder={t('task.actions.colleaguePlaceholder')}
              loading={colleagues.loading}
              showSearch={{ filterOption: false, onSearch: setSearch }}
              notFoundContent={colleagues.loading ? t('task.actions.colleaguesLoading') : t('task.actions.noColleagues')}
              options={options}
              style={{ width: '100%' }}
            />
          )}
        </FormField>
        <Button htmlType="submit" loading={submitSpinner(formState.isSubmitting)}>
          {t(operation === 'assign' ? 'task.actions.assign' : 'task.actions.delegate')}
        </Button>
      </SubmitFieldset>
    </Form>
  );
}
