import { App, Button, Card, Form, Input, Select, Typography } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createDelegation, fetchDelegationColleagues, fetchDelegations, revokeDelegation } from '../../api/office';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ToneTag } from '../../components/ToneTag';
import { useAsyncData } from '../../hooks/useAsyncData';
import { currentLanguage } from '../../i18n';
import { formatDay } from '../../procedures/format';

/** 委托/代理: delegate my tasks to a colleague of my organization and role for a period (China dates), and revoke it. */
export function DelegationsPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { message } = App.useApp();
  const id = useId();
  const list = useAsyncData((signal) => fetchDelegations(signal), 'delegations');
  const colleagues = useAsyncData((signal) => fetchDelegationColleagues(signal), 'delegation-colleagues');
  const [delegateId, setDelegateId] = useState<string>();
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<void>, done: string) => {
    setError(undefined);
    setBusy(true);
    try {
      await action();
      void message.success(done);
      list.reload();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby={`${id}-title`}>
      <Typography.Title level={2} id={`${id}-title`}>
        {t('office.delegation.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('office.delegation.help')}</Typography.Paragraph>
      <Card style={{ marginBottom: 16 }}>
        <Form
          layout="vertical"
          onFinish={() =>
            void run(
              () => createDelegation({ delegateId: delegateId ?? '', startsOn, endsOn, reason: reason.trim() }),
              t('office.delegation.done'),
            )
          }
        >
          <Form.Item label={t('office.delegation.delegate')} htmlFor={`${id}-delegate`} required>
            <Select
              id={`${id}-delegate`}
              size="large"
              value={delegateId}
              onChange={setDelegateId}
              options={(colleagues.data ?? []).map((c) => ({ value: c.id, label: `${c.displayName}（${c.username}）` }))}
            />
          </Form.Item>
          <Form.Item label={t('office.delegation.startsOn')} htmlFor={`${id}-from`} required>
            <Input id={`${id}-from`} type="date" size="large" value={startsOn} onChange={(e) => setStartsOn(e.target.value)} />
          </Form.Item>
          <Form.Item label={t('office.delegation.endsOn')} htmlFor={`${id}-to`} required>
            <Input id={`${id}-to`} type="date" size="large" value={endsOn} onChange={(e) => setEndsOn(e.target.value)} />
          </Form.Item>
          <Form.Item label={t('office.delegation.reason')} htmlFor={`${id}-reason`} required>
            <Input id={`${id}-reason`} size="large" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
          </Form.Item>
          <ErrorAlert error={error ?? colleagues.error ?? list.error} />
          <Button
            type="primary"
            htmlType="submit"
            size="large"
            loading={busy}
            disabled={!delegateId || !startsOn || !endsOn || !reason.trim()}
          >
            {t('office.delegation.submit')}
          </Button>
        </Form>
      </Card>
      {list.data && list.data.length === 0 && <Typography.Paragraph>{t('office.delegation.none')}</Typography.Paragraph>}
      <ul className="plain-list" aria-label={t('office.delegation.title')}>
        {list.data?.map((d) => (
          <li key={d.id}>
            <Card size="small">
              <Typography.Paragraph strong style={{ marginBottom: 4 }}>
                {t(d.direction === 'given' ? 'office.delegation.given' : 'office.delegation.received', {
                  delegator: d.delegator,
                  delegate: d.delegate,
                })}
              </Typography.Paragraph>
              <div>
                {formatDay(d.startsOn, language)} – {formatDay(d.endsOn, language)} · {d.reason}
              </div>
              {d.revokedAt ? (
                <ToneTag tone="neutral">{t('office.delegation.revoked')}</ToneTag>
              ) : (
                d.direction === 'given' && (
                  <Button size="large" onClick={() => void run(() => revokeDelegation(d.id), t('office.delegation.revokedDone'))}>
                    {t('office.delegation.revoke')}
                  </Button>
                )
              )}
            </Card>
          </li>
        ))}
      </ul>
    </section>
  );
}
