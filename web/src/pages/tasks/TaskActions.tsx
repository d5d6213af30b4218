import { App, Button, Collapse, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ApiError } from '../../api/client';
import { taskUserBody } from '../../api/schemas/procedures';
import { assignTask, taskOperation, type TaskOperation, type TaskView } from '../../api/tasks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormField } from '../../forms/FormField';
import { applyServerFieldErrors, formResolver } from '../../forms/messages';
import { useMe } from '../../session/context';
import { submitSpinner } from '../../forms/submit-spinner';

type AssignValues = z.input<typeof taskUserBody>;

/**
 * Assign to a colleague by user id. The API offers no list of an organization's members to non-administrators
 * (GET /api/v1/users is admin-only), so the colleague is named by the id an administrator gives out.
 */
function AssignForm({ task, onDone }: { task: TaskView; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [error, setError] = useState<unknown>();
  const {
    control,
    handleSubmit,
    setError: setFieldError,
    reset,
    formState,
  } = useForm<AssignValues, unknown, z.output<typeof taskUserBody>>({
    resolver: formResolver(taskUserBody),
    defaultValues: { userId: '' },
  });
  const onSubmit = handleSubmit(async ({ userId }) => {
    setError(undefined);
    try {
      await assignTask(task.id, userId);
      reset();
      void message.success(t('task.actions.assigned'));
      onDone();
    } catch (caught) {
      if (caught instanceof ApiError && applyServerFieldErrors(caught, ['userId'], setFieldError)) return;
      setError(caught);
    }
  });
  return (
    <Form layout="vertical" onFinish={() => void onSubmit()}>
      <ErrorAlert error={error} />
      <FormField
        control={control}
        name="userId"
        label={t('task.actions.colleagueId')}
        extra={t('task.actions.colleagueIdHelp')}
        required
      >
        {(field, input) => <Input {...field} {...input} autoComplete="off" spellCheck={false} />}
      </FormField>
      <Button htmlType="submit" loading={submitSpinner(formState.isSubmitting)}>
        {t('task.actions.assign')}
      </Button>
    </Form>
  );
}

/** Claim, unclaim, hand a delegated task back, assign to a colleague. */
export function TaskActions({ task, onChanged }: { task: TaskView; onChanged: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<TaskOperation>();
  const [error, setError] = useState<unknown>();
  if (task.status !== 'OPEN') return null;
  const mine = task.assigneeId === me.user.id;
  const free = task.assigneeId === null;

  const run = async (operation: TaskOperation) => {
    setBusy(operation);
    setError(undefined);
    try {
      await taskOperation(task.id, operation);
      void message.success(t(`task.actions.done.${operation}`));
      onChanged();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <Flex vertical gap={12}>
      <ErrorAlert error={error} />
      <Flex wrap gap={8} align="center">
        {free && (
          <Button type="primary" loading={busy === 'claim'} onClick={() => void run('claim')}>
            {t('task.actions.claim')}
          </Button>
        )}
        {mine && (
          <Button loading={busy === 'unclaim'} onClick={() => void run('unclaim')}>
            {t('task.actions.unclaim')}
          </Button>
        )}
        {mine && (
          <Button loading={busy === 'return'} onClick={() => void run('return')}>
            {t('task.actions.return')}
          </Button>
        )}
        {!free && !mine && <Typography.Text>{t('task.actions.heldByOther')}</Typography.Text>}
      </Flex>
      {mine && <Typography.Text type="secondary">{t('task.actions.returnHelp')}</Typography.Text>}
      {(free || mine) && (
        <Collapse
          size="small"
          items={[
            { key: 'assign', label: t('task.actions.assignTitle'), children: <AssignForm task={task} onDone={onChanged} /> },
          ]}
        />
      )}
    </Flex>
  );
}
