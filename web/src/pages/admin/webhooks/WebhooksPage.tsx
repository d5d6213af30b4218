import { Alert, App, Button, Card, Drawer, Empty, Flex, Grid, Modal, Space, Switch, Tag, Typography } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  listWebhooks,
  rotateWebhookSecret,
  updateWebhook,
  type WebhookSubscription,
  type WebhookSubscriptionWithSecret,
} from '../../../api/webhooks';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useAsyncData } from '../../../hooks/useAsyncData';
import { currentLanguage } from '../../../i18n';
import { localized } from '../../../procedures/format';
import { useMe } from '../../../session/context';
import { WEBHOOK_EVENT_NAMES } from '../../../../../domain/webhook-events';
import { CreateWebhookForm } from './CreateWebhookForm';
import { WebhookDeliveries } from './WebhookDeliveries';

/** Events for other systems: the webhook subscriptions of the administrator's organization and their delivery log. */
export function WebhooksPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const headingId = useId();
  const me = useMe();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const drawerSize = screens.sm ? 560 : '100%';
  const subscriptions = useAsyncData((signal) => listWebhooks(signal), me.membership?.id ?? '');
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<WebhookSubscriptionWithSecret>();
  const [logOf, setLogOf] = useState<WebhookSubscription>();

  const replace = (row: WebhookSubscription) =>
    subscriptions.setData((subscriptions.data ?? []).map((s) => (s.id === row.id ? { ...row } : s)));

  const setActive = async (row: WebhookSubscription, active: boolean) => {
    try {
      replace(await updateWebhook(row.id, { active }));
    } catch {
      void message.error(t('webhooks.updateFailed'));
    }
  };

  const rotate = (row: WebhookSubscription) =>
    Modal.confirm({
      title: t('webhooks.rotateConfirm'),
      content: t('webhooks.rotateExplain'),
      okText: t('webhooks.rotate'),
      cancelText: t('webhooks.cancel'),
      onOk: async () => {
        try {
          const rotated = await rotateWebhookSecret(row.id);
          replace(rotated);
          setSecret(rotated);
        } catch {
          void message.error(t('webhooks.updateFailed'));
        }
      },
    });

  return (
    <section aria-labelledby={headingId}>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <div>
          <Typography.Title level={2} id={headingId} style={{ margin: 0 }}>
            {t('webhooks.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('webhooks.description')}</Typography.Text>
        </div>
        <Button type="primary" size="large" onClick={() => setCreating(true)}>
          {t('webhooks.create')}
        </Button>
      </Flex>
      <ErrorAlert error={subscriptions.error} title={t('webhooks.loadFailed')} />
      {!subscriptions.loading && (subscriptions.data ?? []).length === 0 && <Empty description={t('webhooks.empty')} />}
      <Flex vertical gap={12}>
        {(subscriptions.data ?? []).map((row) => (
          <Card key={row.id} size="small" title={<Typography.Text style={{ wordBreak: 'break-all' }}>{row.url}</Typography.Text>}>
            <Flex vertical gap={8}>
              <Flex gap={4} wrap>
                {row.eventTypes.map((type) => (
                  <Tag key={type}>{localized(WEBHOOK_EVENT_NAMES[type], language)}</Tag>
                ))}
              </Flex>
              <Typography.Text type="secondary">
                {t('webhooks.counts', {
                  pending: row.counts.pending,
                  delivered: row.counts.delivered,
                  failed: row.counts.failed,
                })}
              </Typography.Text>
              <Space wrap>
                <label>
                  <Switch checked={row.active} onChange={(checked) => void setActive(row, checked)} />{' '}
                  {row.active ? t('webhooks.active') : t('webhooks.inactive')}
                </label>
                <Button size="large" onClick={() => setLogOf(row)}>
                  {t('webhooks.deliveries')}
                </Button>
                <Button size="large" onClick={() => rotate(row)}>
                  {t('webhooks.rotate')}
                </Button>
              </Space>
            </Flex>
          </Card>
        ))}
      </Flex>

      <Drawer title={t('webhooks.create')} open={creating} onClose={() => setCreating(false)} size={drawerSize} destroyOnHidden>
        <CreateWebhookForm
          onCreated={(created) => {
            setCreating(false);
            subscriptions.setData([...(subscriptions.data ?? []), created]);
            setSecret(created);
          }}
        />
      </Drawer>
      <Drawer
        title={t('webhooks.deliveries')}
        open={logOf !== undefined}
        onClose={() => setLogOf(undefined)}
        size={drawerSize}
        destroyOnHidden
      >
        {logOf && <WebhookDeliveries subscriptionId={logOf.id} />}
      </Drawer>
      <Modal
        open={secret !== undefined}
        title={t('webhooks.secretTitle')}
        onOk={() => setSecret(undefined)}
        onCancel={() => setSecret(undefined)}
        okText={t('webhooks.secretDone')}
        cancelButtonProps={{ style: { display: 'none' } }}
        destroyOnHidden
      >
        <Alert type="warning" showIcon message={t('webhooks.secretOnce')} style={{ marginBottom: 12 }} />
        <Typography.Paragraph copyable code style={{ wordBreak: 'break-all' }}>
          {secret?.secret}
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary">{t('webhooks.signatureHelp')}</Typography.Paragraph>
      </Modal>
    </section>
  );
}
