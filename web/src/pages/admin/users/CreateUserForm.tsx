import { Button, Divider, Flex, Input, Typography } from 'antd';
import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { PASSWORD_MIN_LENGTH, createUserBody, optionalIdNumber } from '../../../api/schemas/users';
import { createUser, type UserView } from '../../../api/users';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormField } from '../../../forms/FormField';
import { errorText, formResolver, validationMessage } from '../../../forms/messages';
import { currentLanguage } from '../../../i18n';
import type { OrgTreeSelectNode } from '../../../organizations/orgTreeSelect';
import { IdNumberHint } from '../../../procedures/election/IdNumberHint';
import { MembershipFields } from './MembershipFields';
import { submitSpinner } from '../../../forms/submit-spinner';
import { useServerForm } from '../../../forms/useServerForm';
import { ServerForm } from '../../../forms/ServerForm';

/** Real-name accounts: a resident (APPLICANT) account is issued with the holder's ID number (as the server requires). */
const schema = createUserBody.extend({ idNumber: optionalIdNumber }).superRefine((values, ctx) => {
  if (values.idNumber === undefined && values.memberships.some((m) => m.role === 'APPLICANT')) {
    ctx.addIssue({ code: 'custom', path: ['idNumber'], message: validationMessage('idNumberRequired') });
  }
});
type Values = z.input<typeof schema>;
const FIELDS = ['username', 'displayName', 'password', 'idNumber', 'memberships'] as const;
const MAX_MEMBERSHIPS = 20;

interface CreateUserFormProps {
  organizations: OrgTreeSelectNode[];
  onCreated: (user: UserView) => void;
}

/** POST /api/v1/users: the account, an initial password (changed at first sign-in) and at least one membership. */
export function CreateUserForm({ organizations, onCreated }: CreateUserFormProps) {
  const { t } = useTranslation();
  const { control, error, submitWith, formState } = useServerForm({
    fields: FIELDS,
    // The generic messages (IdNumberHint under the field names what is wrong with an ID number).
    resolver: formResolver(schema),
    defaultValues: {
      username: '',
      displayName: '',
      password: '',
      idNumber: '',
      memberships: [{ organizationId: '', role: undefined }],
    },
  });
  const memberships = useFieldArray({ control, name: 'memberships' });
  // An error about the list itself (not one of its rows), e.g. from the API.
  const listError = formState.errors.memberships?.root ?? formState.errors.memberships;
  const membershipsError = listError?.message ? errorText(listError, t, currentLanguage()) : undefined;

  const onSubmit = submitWith(async (values) => {
    onCreated(await createUser(values));
  });

  return (
    <ServerForm onSubmit={onSubmit} submitting={formState.isSubmitting}>
      <ErrorAlert error={error} />
      <FormField control={control} name="username" label={t('users.fields.username')} extra={t('users.usernameRule')} required>
        {(field, input) => (
          <Input {...field} {...input} maxLength={64} autoComplete="off" autoCapitalize="none" spellCheck={false} />
        )}
      </FormField>
      <FormField control={control} name="displayName" label={t('users.fields.displayName')} required>
        {(field, input) => <Input {...field} {...input} maxLength={100} autoComplete="off" />}
      </FormField>
      <FormField
        control={control}
        name="password"
        label={t('users.fields.initialPassword')}
        extra={t('users.initialPasswordRule', { min: PASSWORD_MIN_LENGTH })}
        required
      >
        {(field, input) => <Input.Password {...field} {...input} autoComplete="new-password" />}
      </FormField>
      <FormField
        control={control}
        name="idNumber"
        label={t('users.fields.idNumber')}
        extra={
          <>
            {t('users.idNumberRule')} <IdNumberHint control={control} name="idNumber" />
          </>
        }
      >
        {(field, input) => <Input {...field} {...input} maxLength={18} autoComplete="off" spellCheck={false} inputMode="text" />}
      </FormField>
      <Divider titlePlacement="start" plain>
        {t('users.memberships')}
      </Divider>
      {memberships.fields.map((row, index) => (
        <div key={row.id} role="group" aria-label={t('users.membershipNumber', { number: index + 1 })}>
          <MembershipFields
            control={control}
            organizationField={`memberships.${index}.organizationId`}
            roleField={`memberships.${index}.role`}
            organizations={organizations}
            labelSuffix={memberships.fields.length > 1 ? ` ${index + 1}` : ''}
          />
          {memberships.fields.length > 1 && (
            <Button danger size="small" onClick={() => memberships.remove(index)} style={{ marginBottom: 16 }}>
              {t('users.removeMembershipRow', { number: index + 1 })}
            </Button>
          )}
        </div>
      ))}
      {membershipsError && (
        <Typography.Paragraph type="danger" role="alert">
          {membershipsError}
        </Typography.Paragraph>
      )}
      <Flex gap={8} wrap>
        <Button
          onClick={() =>
            memberships.append({ organizationId: '', role: undefined as unknown as Values['memberships'][number]['role'] })
          }
          disabled={memberships.fields.length >= MAX_MEMBERSHIPS}
        >
          {t('users.addMembershipRow')}
        </Button>
        <Button type="primary" htmlType="submit" loading={submitSpinner(formState.isSubmitting)}>
          {t('users.createSubmit')}
        </Button>
      </Flex>
    </ServerForm>
  );
}
