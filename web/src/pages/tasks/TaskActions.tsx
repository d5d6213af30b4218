import { App, Button, Collapse, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { taskOperation, type TaskOperation, type TaskView } from '../../api/tasks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useMe } from '../../session/context';
import { ColleagueForm } from './ColleagueForm';

/** Claim, unclaim, hand a delegated task back, assign or delegate to a colleague who holds the task's role. */
export function TaskActions({ task, onChanged }: { task: TaskView; onChanged: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<TaskOperation>();
  const [error, setError] = useState<unknown>();
  if (task.status !== 'OPEN' || task.access !== 'act') return null;
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
            {
              key: 'assign',
              label: t('task.actions.assignTitle'),
              children: <ColleagueForm task={task} operation="assign" onDone={onChanged} />,
            },
            ...(mine
              ? [
                  {
                    key: 'delegate',
                    label: t('task.actions.delegateTitle'),
                    children: <ColleagueForm task={task} operation="delegate" onDone={onChanged} />,
                  },
                ]
              : []),
          ]}
        />
      )}
    </Flex>
  );
}
