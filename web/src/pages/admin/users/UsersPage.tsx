import { Badge, Button, Drawer, Flex, Grid, Input, Table, Tag, Typography } from 'antd';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listUsers, type UserView } from '../../../api/users';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useAsyncData } from '../../../hooks/useAsyncData';
import { currentLanguage } from '../../../i18n';
import { membershipLabel } from '../../../i18n/names';
import { orgTreeSelectData } from '../../../organizations/orgTreeSelect';
import { useOrganizations } from '../../../organizations/useOrganizations';
import { useMe } from '../../../session/context';
import { CreateUserForm } from './CreateUserForm';
import { UserDetails } from './UserDetails';

/** Administration of user accounts and their memberships. */
export function UsersPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const headingId = useId();
  const me = useMe();
  const screens = Grid.useBreakpoint();
  const [query, setQuery] = useState('');
  const users = useAsyncData((signal) => listUsers({ q: query || undefined }, signal), `${me.membership?.id}|${query}`);
  const organizations = useOrganizations();
  const orgOptions = useMemo(() => orgTreeSelectData(organizations.tree, language), [organizations.tree, language]);
  const [selectedId, setSelectedId] = useState<string>();
  const [creating, setCreating] = useState(false);
  const selected = users.data?.find((user) => user.id === selectedId);
  const drawerSize = screens.sm ? 520 : '100%';

  const replaceUser = (user: UserView) =>
    users.setData(
      [...(users.data ?? []).filter((u) => u.id !== user.id), user].sort((a, b) => a.username.localeCompare(b.username)),
    );

  return (
    <section aria-labelledby={headingId}>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <div>
          <Typography.Title level={2} id={headingId} style={{ margin: 0 }}>
            {t('users.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('users.description')}</Typography.Text>
        </div>
        <Button type="primary" onClick={() => setCreating(true)}>
          {t('users.create')}
        </Button>
      </Flex>
      <Input.Search
        allowClear
        aria-label={t('users.search')}
        placeholder={t('users.searchPlaceholder')}
        onSearch={(value) => setQuery(value.trim())}
        style={{ maxWidth: 360, marginBottom: 16 }}
      />
      <ErrorAlert error={users.error} title={t('users.loadFailed')} />
      <Table<UserView>
        rowKey="id"
        loading={users.loading}
        dataSource={users.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('users.empty') }}
        columns={[
          {
            key: 'user',
            title: t('users.fields.username'),
            render: (_, user) => (
              <Flex vertical>
                <Typography.Text strong>{user.username}</Typography.Text>
                {!screens.md && <Typography.Text type="secondary">{user.displayName}</Typography.Text>}
              </Flex>
            ),
          },
          { key: 'displayName', title: t('users.fields.displayName'), dataIndex: 'displayName', responsive: ['md'] },
          {
            key: 'memberships',
            title: t('users.memberships'),
            responsive: ['md'],
            render: (_, user) => (
              <Flex gap={4} wrap>
                {user.memberships.map((m) => (
                  <Tag key={m.id} style={{ marginInlineEnd: 0, whiteSpace: 'normal' }}>
                    {membershipLabel(m, language)}
                  </Tag>
                ))}
              </Flex>
            ),
          },
          {
            key: 'status',
            title: t('users.fields.status'),
            responsive: ['sm'],
            render: (_, user) => (
              <Badge
                status={user.disabled ? 'error' : 'success'}
                text={user.disabled ? t('users.disabled') : t('users.enabled')}
              />
            ),
          },
          {
            key: 'actions',
            title: t('users.actions'),
            render: (_, user) => (
              <Button
                size="small"
                onClick={() => setSelectedId(user.id)}
                aria-label={t('users.manageNamed', { name: user.username })}
              >
                {t('users.manage')}
              </Button>
            ),
          },
        ]}
      />
      <Drawer
        title={selected ? t('users.manageTitle', { name: selected.username }) : undefined}
        open={selected !== undefined}
        onClose={() => setSelectedId(undefined)}
        size={drawerSize}
        destroyOnHidden
      >
        {selected && <UserDetails user={selected} organizations={orgOptions} onChanged={replaceUser} />}
      </Drawer>
      <Drawer title={t('users.createTitle')} open={creating} onClose={() => setCreating(false)} size={drawerSize} destroyOnHidden>
        <CreateUserForm
          organizations={orgOptions}
          onCreated={(user) => {
            setCreating(false);
            replaceUser(user);
            setSelectedId(user.id);
          }}
        />
      </Drawer>
    </section>
  );
}
