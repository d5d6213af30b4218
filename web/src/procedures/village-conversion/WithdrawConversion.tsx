import { App, Button, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { withdrawConversion } from './api';
import { withdrawConversionBody } from '../../api/schemas/procedures';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormField } from '../../forms/FormField';
import { submitSpinner } from '../../forms/submit-spinner';
import { useServerForm } from '../../forms/useServerForm';
import { ServerForm } from '../../forms/ServerForm';

/** The village withdraws its conversion application (possible until the township has proposed it). */
export function WithdrawConversion({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const { control, error, submitWith, formState } = useServerForm({
    schema: withdrawConversionBody,
    defaultValues: { reason: '' },
  });
  const onSubmit = submitWith(async ({ reason }) => {
    await withdrawConversion(caseId, reason);
    setOpen(false);
    void message.success(t('vc.withdraw.done'));
    onDone();
  });
  return (
    <>
      <Button danger onClick={() => setOpen(true)}>
        {t('vc.withdraw.button')}
      </Button>
      <Modal title={t('vc.withdraw.title')} open={open} onCancel={() => setOpen(false)} footer={null} destroyOnHidden>
        <ServerForm onSubmit={onSubmit} submitting={formState.isSubmitting}>
          <ErrorAlert error={error} />
          <FormField control={control} name="reason" label={t('vc.withdraw.reason')} extra={t('vc.withdraw.help')} required>
            {(field, input) => <Input.TextArea {...field} {...input} rows={3} maxLength={2000} />}
          </FormField>
          <Button danger htmlType="submit" loading={submitSpinner(formState.isSubmitting)}>
            {t('vc.withdraw.submit')}
          </Button>
        </ServerForm>
      </Modal>
    </>
  );
}
