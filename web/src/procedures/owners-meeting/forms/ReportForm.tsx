import { Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ownersMeetingReportForm } from '../../../../../domain/forms/owners-meeting';
import { OM_RULES } from '../../../../../domain/rules/owners-meeting';
import { procedureFormResolver } from '../../../forms/bilingual';
import { FormField } from '../../../forms/FormField';
import { currentLanguage } from '../../../i18n';
import { RuleName } from '../../../components/RuleResults';
import { FormActions } from '../../FormActions';
import type { TaskFormProps } from '../../taskForm';
import { useServerForm } from '../../../forms/useServerForm';
import { ServerForm } from '../../../forms/ServerForm';
import { DecisionsCard } from '../DecisionsPanel';
import { decisionContextOf, lastDayOf } from '../meetingData';
import { MeetingCard } from '../MeetingCard';

type Values = z.input<typeof ownersMeetingReportForm>;

/**
 * owners-meeting.report (OM-REPORT, 物业管理条例 Art. 20): the residents' committee receives the decisions and gives
 * its suggestions, or says it has none (an empty field).
 */
export function ReportForm({ task, record, disabled, submit }: TaskFormProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { control, submitWith, setServerFieldError, formState } = useServerForm<Values, z.output<typeof ownersMeetingReportForm>>(
    {
      resolver: procedureFormResolver(ownersMeetingReportForm, (values) => ({
        suggestions: values.suggestions?.trim() || undefined,
      })),
      defaultValues: { suggestions: '' },
    },
  );
  const onSubmit = submitWith((payload) => submit(payload, setServerFieldError));
  const decisions = decisionContextOf(task);
  const rule = OM_RULES['OM-REPORT']!;
  return (
    <MeetingCard record={record}>
      {() => (
        <>
          <DecisionsCard decisions={decisions} />
          <ServerForm onSubmit={onSubmit} submitting={formState.isSubmitting} disabled={disabled}>
            <Typography.Paragraph>
              <RuleName id={rule.id} /> {rule.text[language]} <Typography.Text type="secondary">{rule.citation}</Typography.Text>
            </Typography.Paragraph>
            {decisions?.suggestionDeadline && (
              <Typography.Paragraph>
                {t('ownersMeeting.report.deadline', { deadline: lastDayOf(decisions.suggestionDeadline, language) })}
              </Typography.Paragraph>
            )}
            <FormField
              control={control}
              name="suggestions"
              label={t('ownersMeeting.report.suggestions')}
              extra={t('ownersMeeting.report.suggestionsHelp')}
            >
              {(field, input) => <Input.TextArea {...field} {...input} value={field.value ?? ''} rows={4} maxLength={5000} />}
            </FormField>
            <FormActions submitting={formState.isSubmitting} disabled={disabled} />
          </ServerForm>
        </>
      )}
    </MeetingCard>
  );
}
