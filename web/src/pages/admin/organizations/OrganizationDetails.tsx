import { Button, Descriptions, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Organization } from '../../../api/organizations';
import { ORG_KINDS, canHaveParent } from '../../../api/schemas/shared';
import { currentLanguage } from '../../../i18n';
import { organizationName } from '../../../i18n/names';
import { OrgKindTag } from '../../../organizations/OrgKindTag';

interface OrganizationDetailsProps {
  organization: Organization;
  parent: Organization | undefined;
  onCreate: () => void;
  onRename: () => void;
}

export function OrganizationDetails({ organization, parent, onCreate, onRename }: OrganizationDetailsProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const canHaveChildren = ORG_KINDS.some((kind) => canHaveParent(kind, organization.kind));
  return (
    <>
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'name', label: t('organizations.fields.name'), children: organization.name },
          { key: 'nameEn', label: t('organizations.fields.nameEn'), children: organization.nameEn ?? '—' },
          { key: 'code', label: t('organizations.fields.code'), children: organization.code },
          { key: 'kind', label: t('organizations.fields.kind'), children: <OrgKindTag kind={organization.kind} /> },
          { key: 'parent', label: t('organizations.fields.parent'), children: parent ? organizationName(parent, language) : '—' },
        ]}
      />
      <Flex gap={8} wrap style={{ marginTop: 16 }}>
        <Button type="primary" onClick={onCreate} disabled={!canHaveChildren}>
          {t('organizations.createChild')}
        </Button>
        <Button onClick={onRename}>{t('organizations.rename')}</Button>
      </Flex>
    </>
  );
}
