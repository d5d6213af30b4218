import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Form, Space, Table, Typography } from 'antd';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { z } from 'zod';
import { profileRowError } from '../../../api/schemas/community-profiles';
import { ApiError } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { ImportStatus } from '../components/ImportStatus';
import { readBase64 } from '../components/files';
import { ToneTag } from '../components/ToneTag';
import { useAsyncData } from '../hooks/useAsyncData';
import { currentLanguage } from '../i18n';
import { canAccess, useMe } from '../session/context';
import { apiRequest } from '../api/client';
import { parseResponse } from '../api/parse';
import { communityProfileView } from '../../../api/schemas/community-profiles';
import '../procedures/procedures.css';
import { YearField, yearFromParams } from './YearField';
import { importProfiles, PROFILE_TEMPLATE_URL, profilesExportUrl, type CommunityProfile } from './api';

type RowError = z.infer<typeof profileRowError>;

/**
 * 社区概况: the profiles of a year in the caller's scope, each a link to its page; the Excel template and export; and,
 * for a residents' committee, the Excel import (all rows or none; every row error listed by sheet, row and column).
 */
export function ProfilesPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const headingId = useId();
  const fileId = useId();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const year = yearFromParams(params);
  const profiles = useAsyncData(
    async (signal) =>
      parseResponse(z.array(communityProfileView), await apiRequest(`/api/v1/community-profiles?year=${year}`, { signal })),
    `${me.membership?.id ?? ''}-${year}`,
  );
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [success, setSuccess] = useState<string>();
  const [rejected, setRejected] = useState<string>();
  const [rowErrors, setRowErrors] = useState<RowError[]>([]);
  const [failure, setFailure] = useState<unknown>();

  const upload = async (file: File) => {
    setBusy(true);
    setSuccess(undefined);
    setRejected(undefined);
    setRowErrors([]);
    setFailure(undefined);
    try {
      const result = await importProfiles({ filename: file.name, contentBase64: await readBase64(file) });
      setSuccess(t('dashboard.profiles.imported', result));
      profiles.reload();
    } catch (caught) {
      const parsed = z.array(profileRowError).safeParse(caught instanceof ApiError ? caught.details?.rowErrors : undefined);
      if (parsed.success) {
        setRowErrors(parsed.data);
        setRejected(t('dashboard.profiles.rejected', { n: parsed.data.length }));
      } else setFailure(caught);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <section aria-labelledby={headingId}>
      <div className="page-header">
        <Typography.Title level={2} id={headingId}>
          {t('dashboard.profiles.title')}
        </Typography.Title>
        <Space wrap>
          <Button icon={<DownloadOutlined />} href={PROFILE_TEMPLATE_URL} download>
            {t('dashboard.profiles.template')}
          </Button>
          <Button icon={<DownloadOutlined />} href={profilesExportUrl(year)} download>
            {t('dashboard.profiles.export')}
          </Button>
          {me.membership && canAccess(me, 'community-profiles.keep') && (
            <Link to={`/community-profiles/${me.membership.organizationId}/${year}`}>
              {t('dashboard.profileForm.mine', { year })}
            </Link>
          )}
        </Space>
      </div>
      <Form layout="vertical" className="filter-bar" role="search" aria-label={t('dashboard.filter')}>
        <div className="filter-bar-grid">
          <YearField year={year} onChange={(v) => setParams({ year: v })} />
        </div>
      </Form>
      {canAccess(me, 'community-profiles.keep') && (
        <Card title={<h3 className="card-heading">{t('dashboard.profiles.import')}</h3>} style={{ marginBottom: 16 }}>
          <Typography.Paragraph type="secondary">{t('dashboard.profiles.importHelp')}</Typography.Paragraph>
          <label htmlFor={fileId} className="visually-hidden">
            {t('dashboard.profiles.file')}
          </label>
          <input
            id={fileId}
            ref={input}
            type="file"
            accept=".xlsx"
            hidden
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) void upload(file);
            }}
          />
          <Button icon={<UploadOutlined />} loading={busy} onClick={() => input.current?.click()}>
            {t('dashboard.profiles.choose')}
          </Button>
          <ImportStatus success={success} rejected={rejected}>
            {failure !== undefined && <ErrorAlert error={failure} title={t('dashboard.profiles.importFailed')} />}
          </ImportStatus>
          {rowErrors.length > 0 && (
            <ul className="plain-list" aria-label={t('dashboard.profiles.rowErrors')} style={{ marginTop: 8 }}>
              {rowErrors.map((e, n) => (
                <li key={n}>
                  {e.sheet} · {t('dashboard.profiles.cell', { row: e.row, column: e.column || '—' })}：{e.message[language]}
                </li>
              ))}
            </ul>
          )}
        </Card>
      )}
      {profiles.error !== undefined && <ErrorAlert error={profiles.error} title={t('dashboard.profiles.loadFailed')} />}
      <Card>
        <Table<CommunityProfile>
          rowKey="id"
          size="small"
          loading={profiles.loading}
          dataSource={profiles.data ?? []}
          scroll={{ x: true }}
          pagination={(profiles.data?.length ?? 0) > 50 ? { pageSize: 50 } : false}
          columns={[
            {
              key: 'community',
              title: t('dashboard.fields.community'),
              render: (_, p) => <Link to={`/community-profiles/${p.communityOrgId}/${p.year}`}>{p.community}</Link>,
            },
            { key: 'households', title: t('dashboard.fields.households'), dataIndex: 'households' },
            { key: 'residents', title: t('dashboard.fields.residents'), dataIndex: 'residents' },
            {
              key: 'status',
              title: t('dashboard.fields.status'),
              render: (_, p) =>
                p.status === 'CONFIRMED' ? (
                  <ToneTag tone="success">{t('dashboard.profile.statusConfirmed')}</ToneTag>
                ) : (
                  <ToneTag tone="warning">{t('dashboard.profile.statusDraft')}</ToneTag>
                ),
            },
          ]}
        />
      </Card>
    </section>
  );
}
