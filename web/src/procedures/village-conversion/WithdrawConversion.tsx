import { App, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { withdrawConversion } from './api';
import { withdrawConversionBody } from '../../api/schemas/procedures';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormField } from '../../forms/FormField';
import { formResolver } from '../../forms/messages';
import { submitSpinner } from '../../forms/submit-spinner';

type Values = z.input<typeof withdrawConversionBody>;

/** The village withdraws its conversion application (possible until the township has proposed it). */
export function WithdrawConversion({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<unknown>();
  const { control, handleSubmit, formState } = useForm<Values, unknown, z.output<typeof withdrawConversionBody>>({
    resolver: formResolver(withdrawConversionBody),
    defaultValues: { reason: '' },
  });
  const onSubmit = handleSubmit(async ({ reason }) => {
    setError(undefined);
    try {
      await withdrawConversion(caseId, reason);
      setOpen(false);
      void message.success(t('vc.withdraw.done'));
      onDone();
    } catch (caught) {
      setError(caught);
    }
  });
  return (
    <>
      <Button danger onClick={() => setOpen(true)}>
        {t('vc.withdraw.button')}
      </Button>
      <Modal title={t('vc.withdraw.title')} open={open} onCancel={() => setOpen(false)} footer={null} destroyOnHidden>
        <Form layout="vertical" onFinish={() => void onSubmit()}>
          <ErrorAlert error={error} />
          <FormField control={control} name="reason" label={t('vc.withdraw.reason')} extra={t('vc.withdraw.help')} required>
            {(field, input) => <Input.TextArea {...field} {...input} rows={3} maxLength={2000} />}
          </FormField>
          <Button danger htmlType="submit" loading={submitSpinner(formState.isSubmitting)}>
            {t('vc.withdraw.submit')}
          </Button>
        </Form>
      </Modal>
    </>
  );
}
