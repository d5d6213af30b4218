import { Card, Col, Form, Row, Typography } from 'antd';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { assemblyVotesForm } from '../../../../../domain/forms/owners-meeting';
import { procedureFormResolver } from '../../../forms/bilingual';
import { FormActions } from '../../FormActions';
import { NumberField } from '../../NumberField';
import { fieldErrorSink, type TaskFormProps } from '../../taskForm';
import { AreaField } from '../AreaField';
import { MatterTag } from '../labels';
import { LiveVoteRules } from '../LiveVoteRules';
import type { RegisteredMeeting } from '../meetingData';
import { MeetingCard } from '../MeetingCard';

type Values = z.input<typeof assemblyVotesForm>;

/**
 * owners-meeting.assembly-votes (民法典 Art. 278): the estate's totals, who took part, and the area and owners in
 * favour of each agenda item, in the agenda's order. OM-TURNOUT and OM-SPECIAL / OM-ORDINARY are shown live.
 */
export function AssemblyVotesForm(props: TaskFormProps) {
  return <MeetingCard record={props.record}>{(data) => <VotesForm {...props} meeting={data.meeting} />}</MeetingCard>;
}

function VotesForm({ meeting, disabled, submit }: TaskFormProps & { meeting: RegisteredMeeting }) {
  const { t } = useTranslation();
  const { control, handleSubmit, setError, formState } = useForm<Values, unknown, z.output<typeof assemblyVotesForm>>({
    resolver: procedureFormResolver(assemblyVotesForm),
    defaultValues: { votes: meeting.items.map(() => ({}) as Values['votes'][number]) },
  });
  const values = useWatch({ control });
  const onSubmit = handleSubmit((payload) => submit(payload, fieldErrorSink(setError)));
  const f = 'ownersMeeting.votes.fields' as const;
  return (
    <Form layout="vertical" onFinish={() => void onSubmit()} disabled={disabled}>
      <Card
        size="small"
        title={<h3 className="card-heading">{t('ownersMeeting.votes.participation')}</h3>}
        style={{ marginBottom: 16 }}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <AreaField control={control} name="totalArea" label={t(`${f}.totalArea`)} extra={t(`${f}.areaHelp`)} required />
          </Col>
          <Col xs={24} md={12}>
            <NumberField control={control} name="totalOwners" label={t(`${f}.totalOwners`)} min={1} required />
          </Col>
          <Col xs={24} md={12}>
            <AreaField control={control} name="participatingArea" label={t(`${f}.participatingArea`)} required />
          </Col>
          <Col xs={24} md={12}>
            <NumberField control={control} name="participatingOwners" label={t(`${f}.participatingOwners`)} required />
          </Col>
        </Row>
      </Card>
      {meeting.items.map((item, i) => (
        <fieldset key={item.title} className="form-fieldset">
          <legend>
            <Typography.Text strong className="break-anywhere">
              {t('ownersMeeting.votes.item', { index: i + 1, title: item.title })}
            </Typography.Text>{' '}
            <MatterTag matter={item.matter} />
          </legend>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <AreaField control={control} name={`votes.${i}.areaFor`} label={t(`${f}.areaFor`, { index: i + 1 })} required />
            </Col>
            <Col xs={24} md={12}>
              <NumberField
                control={control}
                name={`votes.${i}.ownersFor`}
                label={t(`${f}.ownersFor`, { index: i + 1 })}
                required
              />
            </Col>
          </Row>
        </fieldset>
      ))}
      <Card size="small" title={<h3 className="card-heading">{t('ownersMeeting.votes.rules')}</h3>} style={{ marginBottom: 16 }}>
        <LiveVoteRules meeting={meeting} values={values} />
      </Card>
      <FormActions submitting={formState.isSubmitting} disabled={disabled} />
    </Form>
  );
}
