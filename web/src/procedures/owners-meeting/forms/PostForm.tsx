import { Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { chinaDateOf } from '../../../../../domain/clock';
import { ownersMeetingPostForm } from '../../../../../domain/forms/owners-meeting';
import { FormField } from '../../../forms/FormField';
import { DateField } from '../../DateField';
import { FormActions } from '../../FormActions';
import type { TaskFormProps } from '../../taskForm';
import { useServerForm } from '../../../forms/useServerForm';
import { ServerForm } from '../../../forms/ServerForm';
import { DecisionsCard } from '../DecisionsPanel';
import { decisionContextOf } from '../meetingData';
import { MeetingCard } from '../MeetingCard';

/**
 * owners-meeting.post: the owners' committee posts the decisions in the estate; a committee meeting's decisions are
 * due within 3 days (OM-COMMITTEE, 山东省物业管理条例 Art. 32). Not before the meeting and not after today (China
 * date; both checked by the workflow, codes before_meeting and after_today).
 */
export function PostForm({ task, record, disabled, submit }: TaskFormProps) {
  const { t } = useTranslation();
  const decisions = decisionContextOf(task);
  const { control, submitWith, setServerFieldError, formState } = useServerForm({
    schema: ownersMeetingPostForm,
    defaultValues: { postedOn: '', place: '' },
  });
  const onSubmit = submitWith((payload) => submit(payload, setServerFieldError));
  const today = chinaDateOf(new Date());
  return (
    <MeetingCard record={record} showOpinion={false}>
      {(data) => (
        <>
          <DecisionsCard decisions={decisions} />
          <ServerForm onSubmit={onSubmit} submitting={formState.isSubmitting} disabled={disabled}>
            {decisions?.lastDay && (
              <Typography.Paragraph>{t('ownersMeeting.post.lastDay', { lastDay: decisions.lastDay })}</Typography.Paragraph>
            )}
            <DateField
              control={control}
              name="postedOn"
              label={t('ownersMeeting.post.postedOn')}
              extra={t('ownersMeeting.post.postedOnHelp', { meetingDate: data.meeting.meetingDate, today })}
              required
              min={data.meeting.meetingDate}
              max={today}
            />
            <FormField control={control} name="place" label={t('ownersMeeting.post.place')} required>
              {(field, input) => <Input {...field} {...input} maxLength={200} />}
            </FormField>
            <FormActions submitting={formState.isSubmitting} disabled={disabled} />
          </ServerForm>
        </>
      )}
    </MeetingCard>
  );
}
