import { Alert, Button, Descriptions, Flex, Spin, Tag, Typography, type DescriptionsProps } from 'antd';
import type { TFunction } from 'i18next';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../api/errorText';
import { ApiError } from '../api/client';
import { isReady, type Readiness, type ReadinessCheck } from '../api/readiness';
import { currentLanguage } from '../i18n';
import { useReadiness } from './useReadiness';

function checkLabel(name: string, t: TFunction): string {
  switch (name) {
    case 'postgres':
      return t('status.checks.postgres');
    case 'temporal':
      return t('status.checks.temporal');
    default:
      return t('status.checks.unknown', { name });
  }
}

function CheckResult({ check }: { check: ReadinessCheck }) {
  const { t } = useTranslation();
  if (check.ok) return <Tag color="success">{t('status.ok')}</Tag>;
  return (
    <Flex vertical gap={4} align="flex-start">
      <Tag color="error">{t('status.failed')}</Tag>
      {check.error && (
        <Typography.Text type="danger" style={{ overflowWrap: 'anywhere' }}>
          {t('status.errorDetail', { error: check.error })}
        </Typography.Text>
      )}
    </Flex>
  );
}

function readinessItems(readiness: Readiness, t: TFunction): DescriptionsProps['items'] {
  const ready = isReady(readiness);
  return [
    {
      key: 'overall',
      label: t('status.overall'),
      children: <Tag color={ready ? 'success' : 'error'}>{ready ? t('status.ready') : t('status.notReady')}</Tag>,
    },
    ...Object.entries(readiness.checks).map(([name, check]) => ({
      key: name,
      label: checkLabel(name, t),
      children: <CheckResult check={check} />,
    })),
  ];
}

function summary(readiness: Readiness, t: TFunction): string {
  if (isReady(readiness)) return t('status.summaryReady');
  const failed = Object.values(readiness.checks).filter((check) => !check.ok).length;
  return t('status.summaryNotReady', { count: failed });
}

export function StatusPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const headingId = useId();
  const { data, error, loading, checkedAt, refresh } = useReadiness();
  const timeFormat = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'medium' });
  const requestId = error instanceof ApiError ? error.requestId : undefined;

  return (
    <section aria-labelledby={headingId} aria-busy={loading}>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <div>
          <Typography.Title level={2} id={headingId} style={{ margin: 0 }}>
            {t('status.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('status.description')}</Typography.Text>
        </div>
        <Button type="primary" onClick={refresh} loading={loading}>
          {loading ? t('status.refreshing') : t('status.refresh')}
        </Button>
      </Flex>

      {/* Announces results to screen readers without moving focus. */}
      <div role="status" aria-live="polite">
        {error !== undefined && !loading && (
          <Alert
            type="error"
            showIcon
            title={t('status.loadFailed')}
            description={
              <>
                <div>{describeError(error, t, language)}</div>
                {requestId && <div>{t('errors.requestId', { id: requestId })}</div>}
              </>
            }
            style={{ marginBottom: 16 }}
          />
        )}
        {data && error === undefined && !loading && (
          <Alert type={isReady(data) ? 'success' : 'warning'} showIcon title={summary(data, t)} style={{ marginBottom: 16 }} />
        )}
      </div>

      {data === undefined && loading && (
        <Flex justify="center" style={{ padding: 24 }}>
          <Spin description={t('status.loading')} />
        </Flex>
      )}
      {data !== undefined && (
        <Spin spinning={loading} description={t('status.refreshing')}>
          <Descriptions bordered size="small" column={1} items={readinessItems(data, t)} />
          {Object.keys(data.checks).length === 0 && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
              {t('status.noChecks')}
            </Typography.Paragraph>
          )}
        </Spin>
      )}
      {checkedAt && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          {t('status.checkedAt', { time: timeFormat.format(checkedAt) })}
        </Typography.Paragraph>
      )}
    </section>
  );
}
