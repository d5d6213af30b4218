import { App, Button, Empty, Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { listWebhookDeliveries, redeliverWebhook, type WebhookDelivery } from '../../../api/webhooks';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useAsyncData } from '../../../hooks/useAsyncData';
import { currentLanguage } from '../../../i18n';
import { formatDateTime, localized } from '../../../procedures/format';
import { WEBHOOK_EVENT_NAMES } from '../../../../../domain/webhook-events';

const STATUS_COLOR: Record<WebhookDelivery['status'], string> = { pending: 'processing', delivered: 'success', failed: 'error' };

/** The delivery log of one subscription: each delivery with every attempt (status code, duration, error); redeliver. */
export function WebhookDeliveries({ subscriptionId }: { subscriptionId: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { message } = App.useApp();
  const deliveries = useAsyncData((signal) => listWebhookDeliveries(subscriptionId, signal), subscriptionId);

  const redeliver = async (delivery: WebhookDelivery) => {
    try {
      await redeliverWebhook(subscriptionId, delivery.id);
      void message.success(t('webhooks.redelivered'));
      deliveries.reload();
    } catch {
      // The list stays as it was; the administrator sees that nothing changed.
      void message.error(t('webhooks.redeliverFailed'));
    }
  };

  return (
    <>
      <ErrorAlert error={deliveries.error} title={t('webhooks.deliveriesLoadFailed')} />
      <Flex justify="end" style={{ marginBottom: 8 }}>
        <Button onClick={() => deliveries.reload()} loading={deliveries.loading}>
          {t('webhooks.refresh')}
        </Button>
      </Flex>
      <List<WebhookDelivery>
        loading={deliveries.loading}
        dataSource={deliveries.data ?? []}
        locale={{ emptyText: <Empty description={t('webhooks.noDeliveries')} /> }}
        renderItem={(d) => (
          <List.Item key={d.id} style={{ display: 'block' }}>
            <Flex justify="space-between" align="start" gap={8} wrap>
              <Flex vertical gap={2}>
                <Typography.Text strong>{localized(WEBHOOK_EVENT_NAMES[d.eventType], language)}</Typography.Text>
                <Typography.Text type="secondary">
                  {d.caseNumber ?? '—'} · {formatDateTime(d.occurredAt, language)}
                </Typography.Text>
                <Typography.Text type="secondary" copyable={{ text: d.eventId }} style={{ fontSize: 12 }}>
                  {t('webhooks.eventId')}: {d.eventId.slice(0, 8)}…
                </Typography.Text>
              </Flex>
              <Tag color={STATUS_COLOR[d.status]}>{t(`webhooks.status.${d.status}`)}</Tag>
            </Flex>
            <ol aria-label={t('webhooks.attempts')} style={{ margin: '8px 0', paddingInlineStart: 20 }}>
              {d.log.map((a, index) => (
                <li key={index}>
                  <Typography.Text type={a.error ? 'danger' : undefined}>
                    {formatDateTime(a.at, language)} · {a.statusCode ?? '—'} · {t('webhooks.duration', { ms: a.durationMs })}
                    {a.error ? ` · ${a.error}` : ''}
                  </Typography.Text>
                </li>
              ))}
            </ol>
            {d.status === 'pending' && d.nextAttemptAt && (
              <Typography.Paragraph type="secondary">
                {t('webhooks.nextAttempt', { time: formatDateTime(d.nextAttemptAt, language) })}
              </Typography.Paragraph>
            )}
            <Button size="large" style={{ minHeight: 44 }} onClick={() => void redeliver(d)}>
              {t('webhooks.redeliver')}
            </Button>
          </List.Item>
        )}
      />
    </>
  );
}
