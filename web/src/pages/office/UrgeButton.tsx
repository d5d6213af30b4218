import { App, Button, Form, Input, Modal } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { urgeTask } from '../../api/office';
import { ErrorAlert } from '../../components/ErrorAlert';

/** 催办: a button that asks for the reason and urges the task (the API enforces who may, and once per China day). */
export function UrgeButton({ taskId, onUrged }: { taskId: string; onUrged?: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>();
  const [sending, setSending] = useState(false);
  const send = async () => {
    setError(undefined);
    setSending(true);
    try {
      await urgeTask(taskId, reason.trim());
      setOpen(false);
      setReason('');
      void message.success(t('office.urge.done'));
      onUrged?.();
    } catch (caught) {
      setError(caught);
    } finally {
      setSending(false);
    }
  };
  return (
    <>
      <Button size="large" onClick={() => setOpen(true)}>
        {t('office.urge.button')}
      </Button>
      <Modal
        open={open}
        title={t('office.urge.title')}
        onCancel={() => setOpen(false)}
        okText={t('office.urge.submit')}
        cancelText={t('office.urge.cancel')}
        okButtonProps={{ disabled: !reason.trim(), loading: sending, size: 'large' }}
        cancelButtonProps={{ size: 'large' }}
        onOk={() => void send()}
        destroyOnHidden
      >
        <Form layout="vertical">
          <Form.Item label={t('office.urge.reason')} htmlFor={`${id}-reason`} required>
            <Input.TextArea
              id={`${id}-reason`}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              placeholder={t('office.urge.reasonPlaceholder')}
              rows={3}
              maxLength={500}
            />
          </Form.Item>
        </Form>
        <ErrorAlert error={error} />
      </Modal>
    </>
  );
}
