import { App, Button, Form, Input, Select, Typography } from 'antd';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  circulateCase,
  fetchCirculationRecipients,
  fetchCirculations,
  markCirculationsOpened,
  type Circulation,
} from '../../api/office';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ToneTag } from '../../components/ToneTag';
import { useAsyncData } from '../../hooks/useAsyncData';
import { currentLanguage } from '../../i18n';
import { formatDateTime } from '../../procedures/format';
import { canAccess, useMe } from '../../session/context';

/**
 * 传阅 on the case page: who it was circulated to, why, and each recipient's read receipt (first opened at); a form to
 * circulate it further (officials). Opening the page records the caller's receipt for circulations addressed to them.
 */
export function CaseCirculation({ caseId }: { caseId: string }) {
  const me = useMe();
  const [opened, setOpened] = useState(false);
  const [receiptError, setReceiptError] = useState<unknown>();
  useEffect(() => {
    let live = true;
    // The receipt is written before the list is read, so a recipient sees their own receipt at once.
    markCirculationsOpened(caseId)
      .catch((caught: unknown) => live && setReceiptError(caught))
      .finally(() => live && setOpened(true));
    return () => {
      live = false;
    };
  }, [caseId]);
  const list = useAsyncData((signal) => fetchCirculations(caseId, signal), `circulations-${caseId}-${opened}`);
  return (
    <>
      <ErrorAlert error={list.error ?? receiptError} />
      <CirculationList items={list.data ?? []} />
      {canAccess(me, 'cases.circulate') && <CirculateForm caseId={caseId} onDone={list.reload} />}
    </>
  );
}

function CirculationList({ items }: { items: Circulation[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  if (items.length === 0) return <Typography.Paragraph type="secondary">{t('office.circulation.none')}</Typography.Paragraph>;
  return (
    <ul className="plain-list" aria-label={t('office.circulation.listLabel')}>
      {items.map((c) => (
        <li
          key={c.id}
          className="circulation-entry"
          style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '8px 12px' }}
        >
          <Typography.Text strong className="break-anywhere">
            {t('office.circulation.to')}: {c.recipient.name}
          </Typography.Text>
          <div className="break-anywhere">{c.purpose}</div>
          <Typography.Text type="secondary">
            {t('office.circulation.by', { org: c.senderOrganization, name: c.sender, time: formatDateTime(c.sentAt, language) })}
          </Typography.Text>
          <div>
            {c.receipts.length === 0 ? (
              <ToneTag tone="warning">{t('office.circulation.unread')}</ToneTag>
            ) : (
              c.receipts.map((r) => (
                <ToneTag key={r.reader + r.firstOpenedAt} tone="success">
                  {t('office.circulation.read', { reader: r.reader, time: formatDateTime(r.firstOpenedAt, language) })}
                </ToneTag>
              ))
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}

function CirculateForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const id = useId();
  const [purpose, setPurpose] = useState('');
  const [userIds, setUserIds] = useState<string[]>([]);
  const [organizationIds, setOrganizationIds] = useState<string[]>([]);
  const [error, setError] = useState<unknown>();
  const [sending, setSending] = useState(false);
  const recipients = useAsyncData((signal) => fetchCirculationRecipients(caseId, signal), `recipients-${caseId}`);
  const send = async () => {
    setError(undefined);
    setSending(true);
    try {
      await circulateCase(caseId, { purpose: purpose.trim(), userIds, organizationIds });
      setPurpose('');
      setUserIds([]);
      setOrganizationIds([]);
      void message.success(t('office.circulation.done'));
      onDone();
    } catch (caught) {
      setError(caught);
    } finally {
      setSending(false);
    }
  };
  return (
    <Form layout="vertical" style={{ marginTop: 16 }} onFinish={() => void send()}>
      <Form.Item label={t('office.circulation.users')} htmlFor={`${id}-users`}>
        <Select
          id={`${id}-users`}
          mode="multiple"
          size="large"
          value={userIds}
          onChange={setUserIds}
          optionFilterProp="label"
          options={(recipients.data?.users ?? []).map((u) => ({
            value: u.id,
            label: `${u.displayName}（${u.organizationName}）`,
          }))}
        />
      </Form.Item>
      <Form.Item label={t('office.circulation.organizations')} htmlFor={`${id}-orgs`}>
        <Select
          id={`${id}-orgs`}
          mode="multiple"
          size="large"
          value={organizationIds}
          onChange={setOrganizationIds}
          optionFilterProp="label"
          options={(recipients.data?.organizations ?? []).map((o) => ({ value: o.id, label: o.name }))}
        />
      </Form.Item>
      <Form.Item label={t('office.circulation.purpose')} htmlFor={`${id}-purpose`} required>
        <Input.TextArea
          id={`${id}-purpose`}
          value={purpose}
          onChange={(e) => setPurpose(e.target.value)}
          rows={2}
          maxLength={500}
        />
      </Form.Item>
      <ErrorAlert error={error ?? recipients.error} />
      <Button
        type="primary"
        htmlType="submit"
        size="large"
        loading={sending}
        disabled={!purpose.trim() || userIds.length + organizationIds.length === 0}
      >
        {t('office.circulation.submit')}
      </Button>
    </Form>
  );
}
