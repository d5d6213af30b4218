import { Button, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { fetchCaseRecord } from '../../api/cases';
import { startConversion } from './api';
import { startConversionBody } from '../../api/schemas/procedures';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormField } from '../../forms/FormField';
import { canAccess, useMe } from '../../session/context';
import { submitSpinner } from '../../forms/submit-spinner';
import { useServerForm } from '../../forms/useServerForm';
import { ServerForm } from '../../forms/ServerForm';

/**
 * 发起村改居申请: for a village committee official (the only role the API lets start one). Opens the case, then the
 * village's first task (vc.prepare), which the API has already written when the start returns.
 */
export function StartConversionButton() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const { control, error, submitWith, formState } = useServerForm({
    schema: startConversionBody,
    defaultValues: { title: undefined },
  });
  if (!canAccess(me, 'village-conversion.apply')) return null;

  const onSubmit = submitWith(async ({ title }) => {
    const created = await startConversion(title);
    const record = await fetchCaseRecord(created.id);
    const prepare = record.tasks.find((task) => task.kind === 'vc.prepare' && task.status === 'OPEN');
    setOpen(false);
    void navigate(prepare ? `/tasks/${prepare.id}` : `/cases/${created.id}`);
  });

  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)}>
        {t('vc.start.button')}
      </Button>
      <Modal title={t('vc.start.title')} open={open} onCancel={() => setOpen(false)} footer={null} destroyOnHidden>
        <Typography.Paragraph>
          {t('vc.start.description', { village: me.membership?.organizationName ?? '' })}
        </Typography.Paragraph>
        <ServerForm onSubmit={onSubmit} submitting={formState.isSubmitting}>
          <ErrorAlert error={error} />
          <FormField control={control} name="title" label={t('vc.start.caseTitle')} extra={t('vc.start.caseTitleHelp')}>
            {(field, input) => (
              <Input
                {...field}
                {...input}
                value={field.value ?? ''}
                onChange={(event) => field.onChange(event.target.value === '' ? undefined : event.target.value)}
                placeholder={t('vc.start.caseTitlePlaceholder', { village: me.membership?.organizationName ?? '' })}
                maxLength={200}
              />
            )}
          </FormField>
          <Button type="primary" htmlType="submit" loading={submitSpinner(formState.isSubmitting)}>
            {t('vc.start.submit')}
          </Button>
        </ServerForm>
      </Modal>
    </>
  );
}
