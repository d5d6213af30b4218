import { Button, Checkbox, Input, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { createWebhook, webhookSubscriptionBody, type WebhookSubscriptionWithSecret } from '../../../api/webhooks';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormField } from '../../../forms/FormField';
import { GroupField } from '../../../forms/GroupField';
import { ServerForm } from '../../../forms/ServerForm';
import { submitSpinner } from '../../../forms/submit-spinner';
import { useServerForm } from '../../../forms/useServerForm';
import { currentLanguage } from '../../../i18n';
import { localized } from '../../../procedures/format';
import { WEBHOOK_EVENT_NAMES, WEBHOOK_EVENT_TYPES } from '../../../../../domain/webhook-events';

/** POST /api/v1/admin/webhooks: the receiver's address, the events it wants; the answer carries the secret, once. */
export function CreateWebhookForm({ onCreated }: { onCreated: (created: WebhookSubscriptionWithSecret) => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { control, error, submitWith, formState } = useServerForm({
    schema: webhookSubscriptionBody,
    defaultValues: { url: '', eventTypes: [...WEBHOOK_EVENT_TYPES], active: true },
  });
  const onSubmit = submitWith(async (values) => onCreated(await createWebhook(values)));
  return (
    <ServerForm onSubmit={onSubmit} submitting={formState.isSubmitting}>
      <ErrorAlert error={error} />
      <FormField control={control} name="url" label={t('webhooks.fields.url')} extra={t('webhooks.urlRule')} required>
        {(field, input) => (
          <Input {...field} {...input} type="url" inputMode="url" autoComplete="off" spellCheck={false} maxLength={2000} />
        )}
      </FormField>
      <GroupField control={control} name="eventTypes" label={t('webhooks.fields.eventTypes')} required>
        {(field, group) => (
          <Checkbox.Group
            {...group}
            value={field.value}
            onChange={(values) => field.onChange(values)}
            options={WEBHOOK_EVENT_TYPES.map((type) => ({ value: type, label: localized(WEBHOOK_EVENT_NAMES[type], language) }))}
            style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
          />
        )}
      </GroupField>
      <FormField control={control} name="active" label={t('webhooks.fields.active')}>
        {(field, input) => <Switch {...input} checked={field.value} onChange={(checked) => field.onChange(checked)} />}
      </FormField>
      <Button type="primary" htmlType="submit" size="large" loading={submitSpinner(formState.isSubmitting)}>
        {t('webhooks.createSubmit')}
      </Button>
    </ServerForm>
  );
}
