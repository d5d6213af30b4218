import { Card, Col, Descriptions, Row, Typography } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n';
import { orgKindName, roleName } from '../i18n/names';
import { useMe } from '../session/context';
import { WorkspaceTasks } from './WorkspaceTasks';

/** Home page after signing in: who I am acting as, and my most urgent tasks. */
export function WorkspacePage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const headingId = useId();
  const me = useMe();
  const membership = me.membership;

  return (
    <section aria-labelledby={headingId}>
      <Typography.Title level={2} id={headingId} style={{ marginTop: 0 }}>
        {t('workspace.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('workspace.welcome', { name: me.user.displayName })}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          <Card title={<h3 className="card-heading">{t('workspace.membership')}</h3>}>
            {membership ? (
              <Descriptions
                column={1}
                size="small"
                items={[
                  { key: 'organization', label: t('workspace.organization'), children: membership.organizationName },
                  {
                    key: 'kind',
                    label: t('workspace.organizationKind'),
                    children: orgKindName(membership.organizationKind, language),
                  },
                  { key: 'role', label: t('workspace.role'), children: roleName(membership.role, language) },
                ]}
              />
            ) : (
              <Typography.Text>{t('workspace.noMembership')}</Typography.Text>
            )}
            {me.memberships.length > 1 && (
              <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
                {t('workspace.switchHint', { count: me.memberships.length })}
              </Typography.Paragraph>
            )}
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card title={<h3 className="card-heading">{t('workspace.inbox')}</h3>}>
            <WorkspaceTasks />
          </Card>
        </Col>
      </Row>
    </section>
  );
}
