import { Select, TreeSelect } from 'antd';
import type { Control, FieldPath, FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../../../api/schemas/shared';
import { FormField } from '../../../forms/FormField';
import { currentLanguage } from '../../../i18n';
import { roleName } from '../../../i18n/names';
import type { OrgTreeSelectNode } from '../../../organizations/orgTreeSelect';

interface MembershipFieldsProps<T extends FieldValues, TOut extends FieldValues> {
  control: Control<T, unknown, TOut>;
  organizationField: FieldPath<T>;
  roleField: FieldPath<T>;
  organizations: OrgTreeSelectNode[];
  /** Distinguishes the labels of repeated rows ("任职 2"). */
  labelSuffix?: string;
}

/** A membership's two inputs: the organization (searchable tree) and the role. Used by the user forms. */
export function MembershipFields<T extends FieldValues, TOut extends FieldValues>({
  control,
  organizationField,
  roleField,
  organizations,
  labelSuffix = '',
}: MembershipFieldsProps<T, TOut>) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <>
      <FormField control={control} name={organizationField} label={`${t('users.fields.organization')}${labelSuffix}`} required>
        {(field, input) => (
          <TreeSelect
            {...input}
            ref={field.ref}
            value={field.value || undefined}
            onChange={(value: string) => field.onChange(value)}
            onBlur={field.onBlur}
            treeData={organizations}
            showSearch={{ treeNodeFilterProp: 'title' }}
            treeDefaultExpandAll
            placeholder={t('users.organizationPlaceholder')}
            popupMatchSelectWidth={false}
            style={{ width: '100%' }}
          />
        )}
      </FormField>
      <FormField control={control} name={roleField} label={`${t('users.fields.role')}${labelSuffix}`} required>
        {(field, input) => (
          <Select
            {...input}
            ref={field.ref}
            value={field.value || undefined}
            onChange={(value: string) => field.onChange(value)}
            onBlur={field.onBlur}
            options={ROLES.map((role) => ({ value: role, label: roleName(role, language) }))}
            placeholder={t('users.rolePlaceholder')}
          />
        )}
      </FormField>
    </>
  );
}
