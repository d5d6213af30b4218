import { Button, Card, Col, Empty, Flex, Input, Modal, Row, Spin, Typography } from 'antd';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organization } from '../../../api/organizations';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { currentLanguage } from '../../../i18n';
import { organizationName } from '../../../i18n/names';
import { useOrganizations } from '../../../organizations/useOrganizations';
import { CreateOrganizationForm } from './CreateOrganizationForm';
import { ImportOrganizations } from './ImportOrganizations';
import { OrganizationDetails } from './OrganizationDetails';
import { OrganizationTree } from './OrganizationTree';
import { RenameOrganizationForm } from './RenameOrganizationForm';

type Dialog = 'create' | 'rename' | 'import' | undefined;

/** Administration of the organization tree: browse, search, create under the selected node, rename, import. */
export function OrganizationsPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const headingId = useId();
  const organizations = useOrganizations();
  const [query, setQuery] = useState('');
  const [selectedId, setSelectedId] = useState<string>();
  const [dialog, setDialog] = useState<Dialog>();
  const selected = selectedId ? organizations.byId.get(selectedId) : undefined;
  const parent = selected?.parentId ? organizations.byId.get(selected.parentId) : undefined;

  const closeAndReload = (org?: Organization) => {
    setDialog(undefined);
    if (org) setSelectedId(org.id);
    organizations.reload();
  };

  const dialogTitle = useMemo(() => {
    if (dialog === 'create' && selected) return t('organizations.createUnder', { parent: organizationName(selected, language) });
    if (dialog === 'rename') return t('organizations.rename');
    if (dialog === 'import') return t('organizations.import.title');
    return undefined;
  }, [dialog, selected, language, t]);

  return (
    <section aria-labelledby={headingId}>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <div>
          <Typography.Title level={2} id={headingId} style={{ margin: 0 }}>
            {t('organizations.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('organizations.description')}</Typography.Text>
        </div>
        <Button onClick={() => setDialog('import')}>{t('organizations.import.open')}</Button>
      </Flex>
      <ErrorAlert error={organizations.error} title={t('organizations.loadFailed')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title={<h3 className="card-heading">{t('organizations.tree')}</h3>}>
            <Input.Search
              allowClear
              aria-label={t('organizations.search')}
              placeholder={t('organizations.searchPlaceholder')}
              onChange={(event) => setQuery(event.target.value)}
              onSearch={setQuery}
              style={{ marginBottom: 8 }}
            />
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
              {t('organizations.treeHint')}
            </Typography.Paragraph>
            <Spin spinning={organizations.loading} description={t('organizations.loading')}>
              {organizations.tree.length === 0 && !organizations.loading ? (
                <Empty description={t('organizations.empty')} />
              ) : (
                <OrganizationTree tree={organizations.tree} query={query} selectedId={selectedId} onSelect={setSelectedId} />
              )}
            </Spin>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={<h3 className="card-heading">{t('organizations.details')}</h3>}>
            {selected ? (
              <OrganizationDetails
                organization={selected}
                parent={parent}
                onCreate={() => setDialog('create')}
                onRename={() => setDialog('rename')}
              />
            ) : (
              <Typography.Text type="secondary">{t('organizations.selectHint')}</Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
      <Modal open={dialog !== undefined} title={dialogTitle} footer={null} destroyOnHidden onCancel={() => setDialog(undefined)}>
        {dialog === 'create' && selected && <CreateOrganizationForm parent={selected} onCreated={closeAndReload} />}
        {dialog === 'rename' && selected && <RenameOrganizationForm organization={selected} onSaved={closeAndReload} />}
        {dialog === 'import' && <ImportOrganizations onImported={() => organizations.reload()} />}
      </Modal>
    </section>
  );
}
