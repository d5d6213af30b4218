import { App, Button, Input } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { getOwnMobile, setOwnMobile } from '../../api/mobile';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormField } from '../../forms/FormField';
import { ServerForm } from '../../forms/ServerForm';
import { submitSpinner } from '../../forms/submit-spinner';
import { useServerForm } from '../../forms/useServerForm';
import { chinaMobile } from '../../../../domain/mobile';

/** An empty field removes the number (no SMS reminders). */
const schema = z.object({ mobile: z.union([z.literal(''), chinaMobile]) });

/** PUT /api/v1/me/mobile: the mobile number SMS reminders (催办, yellow and red cards) go to. */
export function MobileForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { control, error, submitWith, formState, reset } = useServerForm({ schema, defaultValues: { mobile: '' } });
  useEffect(() => {
    const controller = new AbortController();
    getOwnMobile(controller.signal).then(
      // What the user already typed stays: the stored number fills the field only if it was not touched.
      (mobile) => reset({ mobile: mobile ?? '' }, { keepDirtyValues: true }),
      () => undefined,
    );
    return () => controller.abort();
  }, [reset]);
  const onSubmit = submitWith(async ({ mobile }) => {
    await setOwnMobile(mobile === '' ? null : mobile);
    void message.success(t('mobile.saved'));
  });
  return (
    <ServerForm onSubmit={onSubmit} submitting={formState.isSubmitting}>
      <ErrorAlert error={error} />
      <FormField control={control} name="mobile" label={t('mobile.label')} extra={t('mobile.help')}>
        {(field, input) => <Input {...field} {...input} type="tel" inputMode="numeric" autoComplete="tel" maxLength={11} />}
      </FormField>
      <Button type="primary" htmlType="submit" size="large" loading={submitSpinner(formState.isSubmitting)}>
        {t('mobile.submit')}
      </Button>
    </ServerForm>
  );
}
