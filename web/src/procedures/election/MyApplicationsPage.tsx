import { Button, Card, Col, Descriptions, Flex, Form, Input, Row, Typography } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAsyncData } from '../../hooks/useAsyncData';
import { currentLanguage } from '../../i18n';
import '../procedures.css';
import { formatDateTime } from '../format';
import { APPLICATION_NUMBER, listApplications, listElections } from './api';
import { ApplicationStatusTag, ElectionStatusTag } from './labels';
import { canAccess, useMe } from '../../session/context';

/** 按申请编号查询: opens an application's page by its number. */
function LookupByNumber() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = useId();
  const [text, setText] = useState('');
  const [invalid, setInvalid] = useState(false);
  const go = () => {
    const number = text.trim().toUpperCase();
    if (!APPLICATION_NUMBER.test(number)) return setInvalid(true);
    setInvalid(false);
    void navigate(`/elections/applications/${encodeURIComponent(number)}`);
  };
  return (
    <Form layout="vertical" role="search" aria-label={t('election.mine.lookup')} onFinish={go}>
      <Form.Item
        label={t('election.mine.lookupLabel')}
        htmlFor={id}
        validateStatus={invalid ? 'error' : undefined}
        help={invalid ? <span id={`${id}-help`}>{t('election.mine.lookupInvalid')}</span> : undefined}
        extra={t('election.mine.lookupHelp')}
      >
        <Flex gap={8}>
          <Input
            id={id}
            value={text}
            onChange={(event) => setText(event.target.value)}
            aria-invalid={invalid}
            aria-describedby={invalid ? `${id}-help` : undefined}
            autoComplete="off"
          />
          <Button type="primary" htmlType="submit">
            {t('election.mine.lookupSubmit')}
          </Button>
        </Flex>
      </Form.Item>
    </Form>
  );
}

/**
 * 我的选举申请: for a resident, the elections of their community open to applications (EL-SELF: the migrant applies
 * themself) and their own applications with status; for the committee and supervisors, the applications in scope.
 */
export function MyApplicationsPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const headingId = useId();
  const me = useMe();
  const navigate = useNavigate();
  const applicant = canAccess(me, 'elections.apply');
  const { data, error, loading } = useAsyncData(async (signal) => {
    const [applications, elections] = await Promise.all([
      listApplications({}, signal),
      applicant ? listElections({ status: 'REGISTRATION' }, signal) : Promise.resolve([]),
    ]);
    return { applications, elections };
  }, me.membership?.id ?? '');
  const applications = data?.applications ?? [];
  const open = data?.elections ?? [];

  return (
    <section aria-labelledby={headingId}>
      <div className="page-header">
        <Typography.Title level={2} id={headingId}>
          {applicant ? t('election.mine.title') : t('election.mine.titleOfficial')}
        </Typography.Title>
      </div>
      {applicant && <Typography.Paragraph>{t('election.mine.intro')}</Typography.Paragraph>}
      {error !== undefined && <ErrorAlert error={error} title={t('election.mine.loadFailed')} />}
      <Row gutter={[16, 16]}>
        {applicant && (
          <Col xs={24} lg={12}>
            <Card title={<h3 className="card-heading">{t('election.mine.open')}</h3>}>
              {!loading && open.length === 0 && <Typography.Text type="secondary">{t('election.mine.noneOpen')}</Typography.Text>}
              <ul className="plain-list" aria-label={t('election.mine.open')}>
                {open.map((e) => {
                  const mine = applications.find((a) => a.electionId === e.id && a.status !== 'REFUSED');
                  return (
                    <li key={e.id} style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '8px 12px' }}>
                      <Flex wrap gap={8} align="center" justify="space-between">
                        <span className="break-anywhere">
                          <Typography.Text strong>{e.community}</Typography.Text> <ElectionStatusTag status={e.status} />
                        </span>
                        {mine ? (
                          <Link className="text-link" to={`/elections/applications/${mine.number}`}>
                            {t('election.mine.yourApplication', { number: mine.number })}
                          </Link>
                        ) : (
                          <Button type="primary" onClick={() => void navigate(`/elections/${e.id}/apply`)}>
                            {t('election.mine.apply')}
                          </Button>
                        )}
                      </Flex>
                      <Typography.Text type="secondary">
                        {t('election.mine.electionDate', { date: e.electionDate ?? '—' })}
                      </Typography.Text>
                    </li>
                  );
                })}
              </ul>
            </Card>
          </Col>
        )}
        <Col xs={24} lg={applicant ? 12 : 24}>
          <Card title={<h3 className="card-heading">{t('election.mine.lookup')}</h3>}>
            <LookupByNumber />
          </Card>
        </Col>
      </Row>
      <Typography.Title level={3} style={{ fontSize: 18, marginTop: 24 }}>
        {applicant ? t('election.mine.applications') : t('election.mine.applicationsOfficial')}
      </Typography.Title>
      {!loading && applications.length === 0 && <Typography.Text type="secondary">{t('election.mine.empty')}</Typography.Text>}
      <ul
        className="plain-list"
        aria-label={applicant ? t('election.mine.applications') : t('election.mine.applicationsOfficial')}
        aria-busy={loading}
      >
        {applications.map((a) => (
          <li key={a.number}>
            <Card size="small" className="task-card">
              <Flex wrap gap={8} align="center" justify="space-between">
                <Link className="text-link break-anywhere" to={`/elections/applications/${a.number}`}>
                  {a.number}
                </Link>
                <ApplicationStatusTag status={a.status} />
              </Flex>
              <Descriptions
                size="small"
                column={{ xs: 1, sm: 1, md: 3 }}
                items={[
                  { key: 'community', label: t('election.fields.community'), children: a.community },
                  { key: 'name', label: t('election.fields.name'), children: a.name },
                  {
                    key: 'submitted',
                    label: t('election.application.submittedAt'),
                    children: formatDateTime(a.submittedAt, language),
                  },
                ]}
              />
            </Card>
          </li>
        ))}
      </ul>
    </section>
  );
}
