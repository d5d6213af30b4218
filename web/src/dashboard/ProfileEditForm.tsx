import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useFieldArray, useFormState, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  COMMITTEE_POSITIONS,
  communityProfileInput,
  EDUCATION_LEVELS,
  EDUCATION_NAMES,
  POSITION_NAMES,
} from '../../../domain/forms/community-profile';
import { ApiError } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { FormField } from '../forms/FormField';
import { errorText } from '../forms/messages';
import { CheckField } from '../forms/GroupField';
import { ServerForm } from '../forms/ServerForm';
import { submitSpinner } from '../forms/submit-spinner';
import { useServerForm } from '../forms/useServerForm';
import { currentLanguage } from '../i18n';
import { fetchProfile, saveProfile, type CommunityProfile } from './api';

type Values = z.input<typeof communityProfileInput>;
type Output = z.output<typeof communityProfileInput>;
type FormControl = Control<Values, unknown, Output>;

const COUNTS = [
  'households',
  'residents',
  'socialWorkers',
  'socialOrganizations',
  'registeredVolunteers',
  'volunteerServiceResidents',
  'partyMembers',
  'partyMemberVolunteers',
] as const;
const AREAS = ['officeSpaceM2', 'serviceCentreM2'] as const;

const EMPTY: Values = {
  households: 0,
  residents: 0,
  committeeMembers: [],
  socialWorkers: 0,
  socialOrganizations: 0,
  registeredVolunteers: 0,
  volunteerServiceResidents: 0,
  partyMembers: 0,
  partyMemberVolunteers: 0,
  officeSpaceM2: '',
  serviceCentreM2: '',
  estates: [],
};

/** The form's values from a profile as read (its figures only). */
function valuesOf(p: CommunityProfile | null): Values {
  if (!p) return EMPTY;
  const figures = Object.fromEntries(Object.keys(EMPTY).map((k) => [k, p[k as keyof Values]]));
  return structuredClone(figures) as Values;
}

/**
 * 编辑社区概况: the residents' committee edits its community's profile of a year (the zod schema of
 * domain/forms/community-profile.ts, the API's own), committee members and estates as field arrays. The version read
 * is sent back: if someone changed the profile meanwhile the API refuses (409) and the form says so, with the version
 * now stored and a reload. The API's field errors are shown at their fields.
 */
export function ProfileEditForm({
  communityOrgId,
  year,
  profile,
  onSaved,
  onCancel,
  onReload,
}: {
  communityOrgId: string;
  year: number;
  profile: CommunityProfile | null;
  onSaved: (saved: CommunityProfile) => void;
  onCancel: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const [conflict, setConflict] = useState<{ version: number | null }>();
  const { control, submitWith, error, formState } = useServerForm({
    schema: communityProfileInput,
    defaultValues: valuesOf(profile),
    fields: (path) => path.replace(/^(committeeMembers\.\d+\.trainings)\.\d+$/, '$1'),
  });

  const onSubmit = submitWith(async (values) => {
    setConflict(undefined);
    try {
      onSaved(await saveProfile(communityOrgId, year, values, profile?.version ?? 0));
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'CONFLICT') {
        const now = await fetchProfile(communityOrgId, year).catch(() => null);
        setConflict({ version: now?.version ?? null });
        return;
      }
      throw caught;
    }
  });

  return (
    <ServerForm onSubmit={onSubmit} submitting={formState.isSubmitting}>
      {conflict && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          data-testid="profile-conflict"
          style={{ marginBottom: 16 }}
          message={
            conflict.version === null
              ? t('dashboard.profileForm.conflictUnknown')
              : t('dashboard.profileForm.conflict', { version: conflict.version })
          }
          action={
            <Button size="small" onClick={onReload}>
              {t('dashboard.profileForm.reload')}
            </Button>
          }
        />
      )}
      {error !== undefined && <ErrorAlert error={error} title={t('dashboard.profileForm.saveFailed')} />}
      <Card title={<h3 className="card-heading">{t('dashboard.profileForm.figures')}</h3>} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          {COUNTS.map((key) => (
            <Col xs={24} sm={12} lg={8} key={key}>
              <FormField control={control} name={key} label={t(`dashboard.fields.${key}`)} required>
                {(field, input) => (
                  <InputNumber
                    {...input}
                    ref={field.ref}
                    value={field.value}
                    min={0}
                    precision={0}
                    style={{ width: '100%' }}
                    onBlur={field.onBlur}
                    onChange={(v) => field.onChange(v ?? undefined)}
                  />
                )}
              </FormField>
            </Col>
          ))}
          {AREAS.map((key) => (
            <Col xs={24} sm={12} lg={8} key={key}>
              <FormField
                control={control}
                name={key}
                label={t(`dashboard.fields.${key}`)}
                extra={t('dashboard.profileForm.areaHelp')}
                required
              >
                {(field, input) => <Input {...field} {...input} inputMode="decimal" maxLength={13} />}
              </FormField>
            </Col>
          ))}
        </Row>
      </Card>
      <MembersField control={control} />
      <EstatesField control={control} />
      <Space wrap style={{ marginBottom: 16 }}>
        <Button type="primary" htmlType="submit" loading={submitSpinner(formState.isSubmitting)}>
          {t('dashboard.profileForm.save')}
        </Button>
        <Button onClick={onCancel}>{t('dashboard.profileForm.cancel')}</Button>
      </Space>
    </ServerForm>
  );
}

/** The committee's members: name, position, education, and the dates of the trainings each attended. */
function MembersField({ control }: { control: FormControl }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { fields, append, remove } = useFieldArray({ control, name: 'committeeMembers' });
  // A refusal of the list as a whole (two directors) sits on the array, not on one member.
  const { errors } = useFormState({ control, name: 'committeeMembers' });
  const listError = errorText(errors.committeeMembers?.root ?? errors.committeeMembers, t, language);
  return (
    <Card title={<h3 className="card-heading">{t('dashboard.fields.committeeMembers')}</h3>} style={{ marginBottom: 16 }}>
      {listError && <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} message={listError} />}
      {fields.map((row, i) => (
        <fieldset
          key={row.id}
          className="form-fieldset"
          data-member={i}
          style={{ borderBottom: '1px solid #f0f0f0', marginBottom: 12 }}
        >
          <legend>
            <Typography.Text strong>{t('dashboard.profileForm.member', { index: i + 1 })}</Typography.Text>
          </legend>
          <Row gutter={16}>
            <Col xs={24} md={12} lg={6}>
              <FormField control={control} name={`committeeMembers.${i}.name`} label={t('dashboard.fields.name')} required>
                {(field, input) => <Input {...field} {...input} maxLength={50} />}
              </FormField>
            </Col>
            <Col xs={24} md={12} lg={6}>
              <FormField
                control={control}
                name={`committeeMembers.${i}.position`}
                label={t('dashboard.fields.position')}
                required
              >
                {(field, input) => (
                  <Select
                    {...input}
                    ref={field.ref}
                    value={field.value}
                    onBlur={field.onBlur}
                    onChange={field.onChange}
                    options={COMMITTEE_POSITIONS.map((p) => ({ value: p, label: POSITION_NAMES[p][language] }))}
                  />
                )}
              </FormField>
            </Col>
            <Col xs={24} md={12} lg={6}>
              <FormField
                control={control}
                name={`committeeMembers.${i}.education`}
                label={t('dashboard.fields.education')}
                required
              >
                {(field, input) => (
                  <Select
                    {...input}
                    ref={field.ref}
                    value={field.value}
                    onBlur={field.onBlur}
                    onChange={field.onChange}
                    options={EDUCATION_LEVELS.map((e) => ({ value: e, label: EDUCATION_NAMES[e][language] }))}
                  />
                )}
              </FormField>
            </Col>
            <Col xs={24} md={12} lg={6}>
              <FormField
                control={control}
                name={`committeeMembers.${i}.trainings`}
                label={t('dashboard.fields.trainings')}
                extra={t('dashboard.profileForm.trainingsHelp')}
              >
                {(field, input) => (
                  <Select
                    {...input}
                    ref={field.ref}
                    mode="tags"
                    open={false}
                    value={field.value ?? []}
                    onBlur={field.onBlur}
                    onChange={(v: string[]) => field.onChange(v.map((d) => d.trim()))}
                    tokenSeparators={[',', '，', ' ', '、']}
                  />
                )}
              </FormField>
            </Col>
          </Row>
          <Button icon={<DeleteOutlined aria-hidden="true" />} onClick={() => remove(i)} style={{ marginBottom: 12 }}>
            {t('dashboard.profileForm.removeMember', { index: i + 1 })}
          </Button>
        </fieldset>
      ))}
      <Button
        icon={<PlusOutlined aria-hidden="true" />}
        onClick={() => append({ name: '', position: 'MEMBER', education: 'HIGH_SCHOOL', trainings: [] })}
      >
        {t('dashboard.profileForm.addMember')}
      </Button>
    </Card>
  );
}

/** The community's estates: households, occupied households, whether new, whether it has its committee. */
function EstatesField({ control }: { control: FormControl }) {
  const { t } = useTranslation();
  const { fields, append, remove } = useFieldArray({ control, name: 'estates' });
  return (
    <Card title={<h3 className="card-heading">{t('dashboard.fields.estates')}</h3>} style={{ marginBottom: 16 }}>
      {fields.map((row, i) => (
        <fieldset
          key={row.id}
          className="form-fieldset"
          data-estate={i}
          style={{ borderBottom: '1px solid #f0f0f0', marginBottom: 12 }}
        >
          <legend>
            <Typography.Text strong>{t('dashboard.profileForm.estate', { index: i + 1 })}</Typography.Text>
          </legend>
          <Row gutter={16}>
            <Col xs={24} md={12} lg={8}>
              <FormField control={control} name={`estates.${i}.name`} label={t('dashboard.fields.estate')} required>
                {(field, input) => <Input {...field} {...input} maxLength={100} />}
              </FormField>
            </Col>
            {(['households', 'occupiedHouseholds'] as const).map((key) => (
              <Col xs={12} md={6} lg={4} key={key}>
                <FormField control={control} name={`estates.${i}.${key}`} label={t(`dashboard.fields.${key}`)} required>
                  {(field, input) => (
                    <InputNumber
                      {...input}
                      ref={field.ref}
                      value={field.value}
                      min={0}
                      precision={0}
                      style={{ width: '100%' }}
                      onBlur={field.onBlur}
                      onChange={(v) => field.onChange(v ?? undefined)}
                    />
                  )}
                </FormField>
              </Col>
            ))}
            <Col xs={12} md={6} lg={4}>
              <CheckField control={control} name={`estates.${i}.isNew`} label={t('dashboard.fields.isNew')} />
            </Col>
            <Col xs={12} md={6} lg={4}>
              <CheckField control={control} name={`estates.${i}.hasCommittee`} label={t('dashboard.fields.hasCommittee')} />
            </Col>
          </Row>
          <Button icon={<DeleteOutlined aria-hidden="true" />} onClick={() => remove(i)} style={{ marginBottom: 12 }}>
            {t('dashboard.profileForm.removeEstate', { index: i + 1 })}
          </Button>
        </fieldset>
      ))}
      <Button
        icon={<PlusOutlined aria-hidden="true" />}
        onClick={() => append({ name: '', households: 0, occupiedHouseholds: 0, isNew: false, hasCommittee: false })}
      >
        {t('dashboard.profileForm.addEstate')}
      </Button>
    </Card>
  );
}
