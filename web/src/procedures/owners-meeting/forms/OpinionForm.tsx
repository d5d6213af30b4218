import { Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ownersMeetingOpinionForm } from '../../../../../domain/forms/owners-meeting';
import { OM_RULES } from '../../../../../domain/rules/owners-meeting';
import { FormField } from '../../../forms/FormField';
import { currentLanguage } from '../../../i18n';
import { RuleName } from '../../../components/RuleResults';
import { FormActions } from '../../FormActions';
import type { TaskFormProps } from '../../taskForm';
import { useServerForm } from '../../../forms/useServerForm';
import { ServerForm } from '../../../forms/ServerForm';
import { lastDayOf } from '../meetingData';
import { MeetingCard } from '../MeetingCard';

/** owners-meeting.opinion (OM-OPINION): the residents' committee's opinion on the announced meeting, before it. */
export function OpinionForm({ record, disabled, submit }: TaskFormProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { control, submitWith, setServerFieldError, formState } = useServerForm({
    schema: ownersMeetingOpinionForm,
    defaultValues: { opinion: '' },
  });
  const onSubmit = submitWith((payload) => submit(payload, setServerFieldError));
  const rule = OM_RULES['OM-OPINION']!;
  return (
    <MeetingCard record={record} showOpinion={false}>
      {(data) => (
        <ServerForm onSubmit={onSubmit} submitting={formState.isSubmitting} disabled={disabled}>
          <Typography.Paragraph>
            <RuleName id={rule.id} /> {rule.text[language]} <Typography.Text type="secondary">{rule.citation}</Typography.Text>
          </Typography.Paragraph>
          <Typography.Paragraph>
            {t('ownersMeeting.opinion.deadline', { deadline: lastDayOf(data.opinion.deadline, language) })}
          </Typography.Paragraph>
          <FormField
            control={control}
            name="opinion"
            label={t('ownersMeeting.opinion.field')}
            extra={t('ownersMeeting.opinion.fieldHelp')}
            required
          >
            {(field, input) => <Input.TextArea {...field} {...input} rows={5} maxLength={5000} />}
          </FormField>
          <FormActions submitting={formState.isSubmitting} disabled={disabled} />
        </ServerForm>
      )}
    </MeetingCard>
  );
}
