import { App, Button, Popconfirm } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { takeBackTask } from '../../api/taskFlow';
import { ErrorAlert } from '../../components/ErrorAlert';

/** 取回 on a step I completed, while the next step's task is unclaimed: the step reopens for me (its task page). */
export function TakeBackButton({ taskId, onDone }: { taskId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const run = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const { openTaskId } = await takeBackTask(taskId);
      void message.success(t('flow.takenBack'));
      if (openTaskId) void navigate(`/tasks/${openTaskId}`);
      else onDone();
    } catch (caught) {
      setError(caught);
      onDone();
    } finally {
      setBusy(false);
    }
  };
  return (
    <div>
      <ErrorAlert error={error} />
      <Popconfirm title={t('flow.takeBackConfirm')} onConfirm={() => void run()} okText={t('flow.takeBack')}>
        <Button loading={busy} title={t('flow.takeBackHelp')} style={{ minHeight: 44 }}>
          {t('flow.takeBack')}
        </Button>
      </Popconfirm>
    </div>
  );
}
