import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Input, Row, Typography } from 'antd';
import { ruleLines } from '../../components/RuleResults';
import { currentLanguage } from '../../i18n';
import { useFieldArray, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { voteCheckInput, type VoteCheckInput } from '../../../../domain/forms/owners-meeting';
import { checkOwnersMeetingVotes, type VoteCheckResult } from './api';
import { procedureFormResolver } from '../../forms/bilingual';
import { FormField } from '../../forms/FormField';
import { RadioField } from '../../forms/GroupField';
import { DateField } from '../DateField';
import { NumberField } from '../NumberField';
import { ItemOutcomeTag } from './labels';
import { MeetingRules } from './MeetingRules';
import { PublicCheckPage, usePublicCheck } from '../PublicCheckPage';

type Values = z.input<typeof voteCheckInput>;

/** Only the fields of the chosen meeting type are sent; an empty optional date is left out. */
function forMeetingType(values: Values): Values {
  const informed = values.residentsCommitteeInformedDate || undefined;
  if (values.meetingType === 'committee') {
    const { totalArea: _a, totalOwners: _o, participatingArea: _pa, participatingOwners: _po, ...rest } = values;
    return { ...rest, residentsCommitteeInformedDate: informed, items: values.items.map(({ areaFor: _f, ...item }) => item) };
  }
  const { committeeMembers: _m, committeeMembersPresent: _p, ...rest } = values;
  return { ...rest, residentsCommitteeInformedDate: informed };
}

/**
 * 业主大会、业主委员会表决自查 (public, no sign-in): the notice and the votes of a meeting checked by the API's public
 * endpoint, which answers each agenda item with passed or not and each rule with its clause and values.
 */
export function VoteCheckPage() {
  const { t } = useTranslation();
  const { form, result, onSubmit } = usePublicCheck<Values, VoteCheckInput, VoteCheckResult>(
    {
      resolver: procedureFormResolver(voteCheckInput, forMeetingType),
      defaultValues: {
        meetingType: 'assembly',
        noticeDate: '',
        meetingDate: '',
        residentsCommitteeInformedDate: '',
        items: [{ title: '', matter: 'ordinary' }],
      },
    },
    checkOwnersMeetingVotes,
  );
  const { control } = form;
  const { fields, append, remove } = useFieldArray({ control, name: 'items' });
  const meetingType = useWatch({ control, name: 'meetingType' });
  const assembly = meetingType === 'assembly';

  const f = 'ownersMeeting.check.fields' as const;
  const allPassed = result ? result.rules.every((r) => r.passed) && result.items.every((i) => i.passed) : false;

  return (
    <PublicCheckPage
      texts="ownersMeeting.check"
      onSubmit={onSubmit}
      submitting={form.formState.isSubmitting}
      error={form.error}
      verdict={
        result && {
          passed: allPassed,
          title: allPassed ? t('ownersMeeting.check.allPassed') : t('ownersMeeting.check.notAllPassed'),
        }
      }
      details={
        result && (
          <>
            <ul className="plain-list" aria-label={t('ownersMeeting.check.items')} style={{ marginBottom: 12 }}>
              {result.items.map((item) => (
                <li key={item.title} className="break-anywhere">
                  <ItemOutcomeTag passed={item.passed} />
                  {item.title}
                </li>
              ))}
            </ul>
            <MeetingRules label={t('ownersMeeting.check.result')} rules={ruleLines(result.rules, currentLanguage())} />
          </>
        )
      }
    >
      <RadioField
        control={control}
        name="meetingType"
        label={t('ownersMeeting.fields.meetingType')}
        required
        options={[
          { value: 'assembly', label: t('ownersMeeting.types.assembly') },
          { value: 'committee', label: t('ownersMeeting.types.committee') },
        ]}
      />
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <DateField control={control} name="noticeDate" label={t('ownersMeeting.fields.noticeDate')} required />
        </Col>
        <Col xs={24} md={12}>
          <DateField control={control} name="meetingDate" label={t('ownersMeeting.fields.meetingDate')} required />
        </Col>
        <Col xs={24} md={12}>
          <DateField
            control={control}
            name="residentsCommitteeInformedDate"
            label={t('ownersMeeting.fields.informedDate')}
            extra={t('ownersMeeting.check.informedHelp')}
          />
        </Col>
      </Row>
      {assembly ? (
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <NumberField
              kind="area"
              control={control}
              name="totalArea"
              label={t('ownersMeeting.votes.fields.totalArea')}
              required
            />
          </Col>
          <Col xs={24} md={12}>
            <NumberField
              control={control}
              name="totalOwners"
              label={t('ownersMeeting.votes.fields.totalOwners')}
              min={1}
              required
            />
          </Col>
          <Col xs={24} md={12}>
            <NumberField
              kind="area"
              control={control}
              name="participatingArea"
              label={t('ownersMeeting.votes.fields.participatingArea')}
              required
            />
          </Col>
          <Col xs={24} md={12}>
            <NumberField
              control={control}
              name="participatingOwners"
              label={t('ownersMeeting.votes.fields.participatingOwners')}
              required
            />
          </Col>
        </Row>
      ) : (
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <NumberField
              control={control}
              name="committeeMembers"
              label={t('ownersMeeting.votes.fields.committeeMembers')}
              min={1}
              required
            />
          </Col>
          <Col xs={24} md={12}>
            <NumberField
              control={control}
              name="committeeMembersPresent"
              label={t('ownersMeeting.votes.fields.membersPresent')}
              required
            />
          </Col>
        </Row>
      )}
      {fields.map((row, i) => (
        <fieldset key={row.id} className="form-fieldset" style={{ borderBottom: '1px solid #f0f0f0', marginBottom: 12 }}>
          <legend>
            <Typography.Text strong>{t('ownersMeeting.register.item', { index: i + 1 })}</Typography.Text>
          </legend>
          <FormField control={control} name={`items.${i}.title`} label={t(`${f}.itemTitle`, { index: i + 1 })} required>
            {(field, input) => <Input {...field} {...input} maxLength={200} />}
          </FormField>
          {assembly && (
            <RadioField
              control={control}
              name={`items.${i}.matter`}
              label={t(`${f}.itemMatter`, { index: i + 1 })}
              required
              options={[
                { value: 'ordinary', label: t('ownersMeeting.matters.ordinary') },
                { value: 'special', label: t('ownersMeeting.matters.special') },
              ]}
            />
          )}
          <Row gutter={16}>
            {assembly && (
              <Col xs={24} md={12}>
                <NumberField
                  kind="area"
                  control={control}
                  name={`items.${i}.areaFor`}
                  label={t('ownersMeeting.votes.fields.areaFor', { index: i + 1 })}
                  required
                />
              </Col>
            )}
            <Col xs={24} md={12}>
              <NumberField
                control={control}
                name={`items.${i}.ownersFor`}
                label={t(assembly ? 'ownersMeeting.votes.fields.ownersFor' : 'ownersMeeting.votes.fields.membersFor', {
                  index: i + 1,
                })}
                required
              />
            </Col>
          </Row>
          {fields.length > 1 && (
            <Button icon={<DeleteOutlined aria-hidden="true" />} onClick={() => remove(i)} style={{ marginBottom: 12 }}>
              {t('ownersMeeting.register.removeItem', { index: i + 1 })}
            </Button>
          )}
        </fieldset>
      ))}
      <Button
        icon={<PlusOutlined aria-hidden="true" />}
        onClick={() => append({ title: '', matter: 'ordinary' } as Values['items'][number])}
        style={{ marginBottom: 16 }}
      >
        {t('ownersMeeting.register.addItem')}
      </Button>
    </PublicCheckPage>
  );
}
