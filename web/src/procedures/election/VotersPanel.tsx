import { Alert, App, Button, Card, Collapse, Descriptions, Flex, Form, Grid, Input, Modal, Table, Typography } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { z } from 'zod';
import type { InboxItem } from '../../api/tasks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormField } from '../../forms/FormField';
import { useAsyncData } from '../../hooks/useAsyncData';
import { listVoters, noticePdfUrl, publicNoticePath, removeVoter, type ElectionDetail, type Voter } from './api';
import { canAccess, useMe } from '../../session/context';
import { AddVoterForm } from './AddVoterForm';
import { OpenStep } from './OpenSteps';
import { VoterImport } from './VoterImport';
import { submitSpinner } from '../../forms/submit-spinner';
import { useServerForm } from '../../forms/useServerForm';
import { ServerForm } from '../../forms/ServerForm';

const PAGE_SIZE = 50;

/** The body of POST …/voters/:entryId/remove (declared inline in api/routes/election/voters.ts). */
const removeBody = z.object({ reason: z.string().trim().min(2).max(500) }).strict();

function RemoveVoterButton({ electionId, voter, onRemoved }: { electionId: string; voter: Voter; onRemoved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const { control, error, submitWith, formState } = useServerForm({
    schema: removeBody,
    defaultValues: { reason: '' },
  });
  const onSubmit = submitWith(async ({ reason }) => {
    await removeVoter(electionId, voter.id, reason);
    setOpen(false);
    void message.success(t('election.voters.removed', { name: voter.name }));
    onRemoved();
  });
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} aria-label={t('election.voters.removeNamed', { name: voter.name })}>
        {t('election.voters.remove')}
      </Button>
      <Modal
        title={t('election.voters.removeTitle', { name: voter.name })}
        open={open}
        onCancel={() => setOpen(false)}
        footer={null}
        destroyOnHidden
      >
        <ServerForm onSubmit={onSubmit} submitting={formState.isSubmitting}>
          <ErrorAlert error={error} />
          <FormField control={control} name="reason" label={t('election.voters.removeReason')} required>
            {(field, input) => <Input {...field} {...input} maxLength={500} />}
          </FormField>
          <Button type="primary" danger htmlType="submit" loading={submitSpinner(formState.isSubmitting)}>
            {t('election.voters.remove')}
          </Button>
        </ServerForm>
      </Modal>
    </>
  );
}

/**
 * The voter list (ID numbers masked): during registration the committee imports residents (Excel/CSV), adds and
 * removes voters; approved migrants join it by their decision; then the committee publishes it (a printable PDF
 * notice and a public page).
 */
export function VotersPanel({
  election: e,
  steps,
  onChanged,
}: {
  election: ElectionDetail;
  steps: InboxItem[];
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const searchId = useId();
  const phone = Grid.useBreakpoint().md !== true;
  const [page, setPage] = useState(1);
  const [q, setQ] = useState('');
  const [text, setText] = useState('');
  const voters = useAsyncData(
    (signal) => listVoters(e.id, { q: q || undefined, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, signal),
    `${e.id}-${page}-${q}`,
  );
  const committee = canAccess(me, 'elections.voters.manage');
  const registration = e.status === 'REGISTRATION';
  const manage = committee && registration;
  const publish = steps.find((s) => s.kind === 'election.publish-list');
  const changed = () => {
    voters.reload();
    onChanged();
  };
  const items = voters.data?.items ?? [];
  const sourceName = (v: Voter) => t(`election.source.${v.source}`);

  return (
    <Flex vertical gap={16}>
      {e.listPublishedOn ? (
        <Alert
          type="success"
          showIcon
          title={t('election.voters.published', { date: e.listPublishedOn, count: e.registeredVoters ?? 0 })}
          description={
            <Flex wrap gap={12}>
              <a href={noticePdfUrl(e.id)} target="_blank" rel="noopener" className="text-link">
                {t('election.notice.pdf')}
              </a>
              <Link to={publicNoticePath(e.id)} className="text-link">
                {t('election.notice.publicPage')}
              </Link>
            </Flex>
          }
        />
      ) : registration ? (
        <Alert
          type="info"
          showIcon
          title={t('election.voters.registration')}
          description={t('election.voters.registrationHelp')}
        />
      ) : (
        <Alert type="info" showIcon title={t('election.voters.notOpen')} />
      )}
      {publish && (
        <Card size="small" title={<h3 className="card-heading">{t('election.voters.publishStep')}</h3>}>
          <OpenStep item={publish} me={me} label={t('election.voters.publish')} />
        </Card>
      )}
      {manage && (
        <Collapse
          defaultActiveKey={['import']}
          items={[
            {
              key: 'import',
              label: t('election.import.title'),
              children: <VoterImport electionId={e.id} onImported={changed} />,
            },
            { key: 'add', label: t('election.voters.addTitle'), children: <AddVoterForm electionId={e.id} onAdded={changed} /> },
          ]}
        />
      )}
      {committee && registration && (
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('election.voters.migrantsHelp')}{' '}
          <Link className="text-link" to={`/elections/${e.id}/applications`}>
            {t('election.detail.tabs.applications')}
          </Link>
        </Typography.Paragraph>
      )}
      <Card
        size="small"
        title={<h3 className="card-heading">{t('election.voters.title', { count: voters.data?.total ?? 0 })}</h3>}
      >
        <Form layout="vertical" role="search" aria-label={t('election.voters.search')} className="filter-bar">
          <Form.Item label={t('election.voters.search')} htmlFor={searchId}>
            <Input.Search
              id={searchId}
              value={text}
              allowClear
              enterButton={t('inbox.filters.search')}
              onChange={(event) => setText(event.target.value)}
              onSearch={(value) => {
                setPage(1);
                setQ(value.trim());
              }}
            />
          </Form.Item>
        </Form>
        {voters.error !== undefined && <ErrorAlert error={voters.error} />}
        {phone ? (
          <>
            <ul className="plain-list" aria-label={t('election.voters.listLabel')} aria-busy={voters.loading}>
              {!voters.loading && items.length === 0 && <li>{t('election.voters.empty')}</li>}
              {items.map((v) => (
                <li key={v.id} style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '8px 12px' }}>
                  <Flex wrap gap={8} align="center" justify="space-between">
                    <Typography.Text strong>{v.name}</Typography.Text>
                    {manage && <RemoveVoterButton electionId={e.id} voter={v} onRemoved={changed} />}
                  </Flex>
                  <Descriptions
                    size="small"
                    column={1}
                    items={[
                      {
                        key: 'id',
                        label: t('election.fields.idNumber'),
                        children: <span className="break-anywhere">{v.idNumberMasked}</span>,
                      },
                      { key: 'group', label: t('election.fields.residentsGroup'), children: v.residentsGroup ?? '—' },
                      { key: 'source', label: t('election.voters.source'), children: sourceName(v) },
                    ]}
                  />
                </li>
              ))}
            </ul>
            {(voters.data?.total ?? 0) > PAGE_SIZE && (
              <Flex gap={8} justify="center" style={{ marginTop: 12 }}>
                <Button disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>
                  {t('election.voters.previous')}
                </Button>
                <Button disabled={page * PAGE_SIZE >= (voters.data?.total ?? 0)} onClick={() => setPage((p) => p + 1)}>
                  {t('election.voters.next')}
                </Button>
              </Flex>
            )}
          </>
        ) : (
          <Table<Voter>
            rowKey="id"
            size="small"
            loading={voters.loading}
            dataSource={items}
            locale={{ emptyText: <Typography.Text>{t('election.voters.empty')}</Typography.Text> }}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: voters.data?.total ?? 0,
              showSizeChanger: false,
              onChange: setPage,
              hideOnSinglePage: true,
            }}
            columns={[
              { key: 'name', title: t('election.fields.name'), dataIndex: 'name' },
              { key: 'id', title: t('election.fields.idNumber'), dataIndex: 'idNumberMasked' },
              { key: 'address', title: t('election.fields.address'), render: (_, v) => v.address ?? '—' },
              { key: 'group', title: t('election.fields.residentsGroup'), render: (_, v) => v.residentsGroup ?? '—' },
              { key: 'source', title: t('election.voters.source'), render: (_, v) => sourceName(v) },
              ...(manage
                ? [
                    {
                      key: 'actions',
                      title: t('election.voters.actions'),
                      render: (_: unknown, v: Voter) => <RemoveVoterButton electionId={e.id} voter={v} onRemoved={changed} />,
                    },
                  ]
                : []),
            ]}
          />
        )}
      </Card>
    </Flex>
  );
}
