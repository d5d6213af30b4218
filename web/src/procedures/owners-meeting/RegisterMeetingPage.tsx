import { Button, Card, Col, Flex, Input, Row, Typography } from 'antd';
import { useId, useRef } from 'react';
import { ruleLines } from '../../components/RuleResults';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { z } from 'zod';
import { chinaDateOf } from '../../../../domain/clock';
import { registerOwnersMeetingBody } from '../../../../domain/forms/owners-meeting';
import { registerOwnersMeeting, suggestedMeetingDate } from './api';
import { failedRules } from '../../api/tasks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormField } from '../../forms/FormField';
import { RadioField } from '../../forms/GroupField';
import { currentLanguage } from '../../i18n';
import '../procedures.css';
import { DateField } from '../DateField';
import { LiveNoticeCheck, UseEarliestDate } from './LiveNoticeCheck';
import { MeetingRules } from './MeetingRules';
import { useMe } from '../../session/context';
import { AgendaItemsField } from './AgendaItemsField';
import { submitSpinner } from '../../forms/submit-spinner';
import { useServerForm } from '../../forms/useServerForm';
import { ServerForm } from '../../forms/ServerForm';

type Values = z.input<typeof registerOwnersMeetingBody>;

/** An optional date left empty is not sent (the API then informs the residents' committee today). */
const withoutEmptyDates = (values: Values): Values => ({
  ...values,
  residentsCommitteeInformedDate: values.residentsCommitteeInformedDate || undefined,
});

/**
 * 登记会议: the owners' committee announces a meeting of its assembly or of itself. OM-NOTICE and OM-INFORM are shown
 * live; a late notice is refused by the API with its clause and the earliest valid date, which one click puts in.
 */
export function RegisterMeetingPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const headingId = useId();
  const navigate = useNavigate();
  const me = useMe();
  const today = chinaDateOf(new Date());
  const outcomeRef = useRef<HTMLDivElement>(null);
  const { control, submitWith, error, setServerError, setValue, formState } = useServerForm({
    fields: (path) => path,
    alertWithFields: true,
    onRefused: () => window.setTimeout(() => outcomeRef.current?.scrollIntoView({ block: 'nearest' }), 0),
    schema: registerOwnersMeetingBody,
    prepare: withoutEmptyDates,
    defaultValues: {
      meetingType: 'assembly',
      kind: 'regular',
      meetingDate: '',
      place: '',
      noticeDate: today,
      residentsCommitteeInformedDate: '',
      items: [{ title: '', matter: 'ordinary' }],
    },
  });
  const [meetingType, noticeDate, meetingDate, informed] = useWatch({
    control,
    name: ['meetingType', 'noticeDate', 'meetingDate', 'residentsCommitteeInformedDate'],
  });
  const applyDate = (date: string) => {
    setValue('meetingDate', date, { shouldValidate: true, shouldDirty: true });
    setServerError(undefined);
  };

  const onSubmit = submitWith(async (body) => {
    const meeting = await registerOwnersMeeting(body);
    void navigate(`/owners-meetings/${meeting.caseId}`, { state: { queryCode: meeting.queryCode } });
  });
  const refused = failedRules(error).filter((r) => !r.passed);
  const suggestion = suggestedMeetingDate(error);
  const f = 'ownersMeeting.fields' as const;

  return (
    <section aria-labelledby={headingId}>
      <div className="page-header">
        <div style={{ minWidth: 0 }}>
          <Typography.Title level={2} id={headingId}>
            {t('ownersMeeting.register.title')}
          </Typography.Title>
          <Typography.Text className="break-anywhere">{me.membership?.organizationName}</Typography.Text>
        </div>
        <Link to="/owners-meetings">{t('ownersMeeting.backToList')}</Link>
      </div>
      <Typography.Paragraph>{t('ownersMeeting.register.description')}</Typography.Paragraph>
      <ServerForm onSubmit={onSubmit} submitting={formState.isSubmitting}>
        <Row gutter={[16, 0]}>
          <Col xs={24} lg={14}>
            <Card title={<h3 className="card-heading">{t('ownersMeeting.register.meeting')}</h3>} style={{ marginBottom: 16 }}>
              <RadioField
                control={control}
                name="meetingType"
                label={t(`${f}.meetingType`)}
                required
                options={[
                  { value: 'assembly', label: t('ownersMeeting.types.assembly') },
                  { value: 'committee', label: t('ownersMeeting.types.committee') },
                ]}
              />
              <RadioField
                control={control}
                name="kind"
                label={t(`${f}.kind`)}
                required
                options={[
                  { value: 'regular', label: t('ownersMeeting.kinds.regular') },
                  { value: 'interim', label: t('ownersMeeting.kinds.interim') },
                ]}
              />
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <DateField
                    control={control}
                    name="noticeDate"
                    label={t(`${f}.noticeDate`)}
                    extra={t(
                      meetingType === 'committee'
                        ? 'ownersMeeting.register.noticeDateCommitteeHelp'
                        : 'ownersMeeting.register.noticeDateHelp',
                    )}
                    required
                    max={today}
                  />
                </Col>
                <Col xs={24} md={12}>
                  <DateField control={control} name="meetingDate" label={t(`${f}.meetingDate`)} required />
                </Col>
                <Col xs={24} md={12}>
                  <DateField
                    control={control}
                    name="residentsCommitteeInformedDate"
                    label={t(`${f}.informedDate`)}
                    extra={t('ownersMeeting.register.informedHelp')}
                    max={today}
                  />
                </Col>
                <Col xs={24} md={12}>
                  <FormField control={control} name="place" label={t(`${f}.place`)} required>
                    {(field, input) => <Input {...field} {...input} maxLength={200} />}
                  </FormField>
                </Col>
              </Row>
            </Card>
            <Card title={<h3 className="card-heading">{t(`${f}.agenda`)}</h3>} style={{ marginBottom: 16 }}>
              <AgendaItemsField control={control} />
            </Card>
          </Col>
          <Col xs={24} lg={10}>
            <Card
              title={<h3 className="card-heading">{t('ownersMeeting.register.noticeRules')}</h3>}
              style={{ marginBottom: 16 }}
            >
              <LiveNoticeCheck
                values={{ meetingType, noticeDate, meetingDate, residentsCommitteeInformedDate: informed }}
                today={today}
                onUseDate={applyDate}
              />
            </Card>
          </Col>
        </Row>
        <div
          ref={outcomeRef}
          role={error === undefined ? undefined : 'region'}
          aria-label={error === undefined ? undefined : t('ownersMeeting.register.outcome')}
        >
          <ErrorAlert error={error} title={refused.length > 0 ? t('ownersMeeting.register.refused') : undefined} />
          {suggestion && <UseEarliestDate date={suggestion} onUse={applyDate} />}
          {refused.length > 0 && (
            <div style={{ marginBottom: 16 }}>
              <MeetingRules label={t('ownersMeeting.register.refusedRules')} rules={ruleLines(refused, language)} />
            </div>
          )}
        </div>
        <Flex wrap gap={8} align="center">
          <Button type="primary" htmlType="submit" loading={submitSpinner(formState.isSubmitting)}>
            {t('ownersMeeting.register.submit')}
          </Button>
          <Link to="/owners-meetings">{t('ownersMeeting.register.cancel')}</Link>
        </Flex>
      </ServerForm>
    </section>
  );
}
