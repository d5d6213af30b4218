import { Card, Col, Form, Row, Typography } from 'antd';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { committeeVotesForm } from '../../../../../domain/forms/owners-meeting';
import { procedureFormResolver } from '../../../forms/bilingual';
import { FormActions } from '../../FormActions';
import { NumberField } from '../../NumberField';
import { fieldErrorSink, type TaskFormProps } from '../../taskForm';
import { LiveVoteRules } from '../LiveVoteRules';
import type { RegisteredMeeting } from '../meetingData';
import { MeetingCard } from '../MeetingCard';

type Values = z.input<typeof committeeVotesForm>;

/**
 * owners-meeting.committee-votes (山东省物业管理条例 Art. 32): members, members present, members in favour of each
 * agenda item; OM-COMMITTEE (two thirds present, more than half of all members in favour) is shown live.
 */
export function CommitteeVotesForm(props: TaskFormProps) {
  return <MeetingCard record={props.record}>{(data) => <VotesForm {...props} meeting={data.meeting} />}</MeetingCard>;
}

function VotesForm({ meeting, disabled, submit }: TaskFormProps & { meeting: RegisteredMeeting }) {
  const { t } = useTranslation();
  const { control, handleSubmit, setError, formState } = useForm<Values, unknown, z.output<typeof committeeVotesForm>>({
    resolver: procedureFormResolver(committeeVotesForm),
    defaultValues: { votes: meeting.items.map(() => ({}) as Values['votes'][number]) },
  });
  const values = useWatch({ control });
  const onSubmit = handleSubmit((payload) => submit(payload, fieldErrorSink(setError)));
  const f = 'ownersMeeting.votes.fields' as const;
  return (
    <Form layout="vertical" onFinish={() => void onSubmit()} disabled={disabled}>
      <Card
        size="small"
        title={<h3 className="card-heading">{t('ownersMeeting.votes.attendance')}</h3>}
        style={{ marginBottom: 16 }}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <NumberField control={control} name="committeeMembers" label={t(`${f}.committeeMembers`)} min={1} required />
          </Col>
          <Col xs={24} md={12}>
            <NumberField control={control} name="membersPresent" label={t(`${f}.membersPresent`)} required />
          </Col>
        </Row>
      </Card>
      {meeting.items.map((item, i) => (
        <fieldset key={item.title} className="form-fieldset">
          <legend>
            <Typography.Text strong className="break-anywhere">
              {t('ownersMeeting.votes.item', { index: i + 1, title: item.title })}
            </Typography.Text>
          </legend>
          <NumberField control={control} name={`votes.${i}.membersFor`} label={t(`${f}.membersFor`, { index: i + 1 })} required />
        </fieldset>
      ))}
      <Card size="small" title={<h3 className="card-heading">{t('ownersMeeting.votes.rules')}</h3>} style={{ marginBottom: 16 }}>
        <LiveVoteRules meeting={meeting} values={values} />
      </Card>
      <FormActions submitting={formState.isSubmitting} disabled={disabled} />
    </Form>
  );
}
