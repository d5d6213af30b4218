import { Collapse, Descriptions, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { saReportAnswerForm } from '../../../../../domain/forms/service-admission';
import { SA_RULES } from '../../../../../domain/rules/service-admission';
import { yesNo, procedureFormResolver } from '../../../forms/bilingual';
import { FormField } from '../../../forms/FormField';
import { RadioField } from '../../../forms/GroupField';
import { currentLanguage } from '../../../i18n';
import { DocumentLink } from '../../DocumentLink';
import { FormActions } from '../../FormActions';
import { formatDateTime } from '../../format';
import type { TaskFormProps } from '../../taskForm';
import { useServerForm } from '../../../forms/useServerForm';
import { ServerForm } from '../../../forms/ServerForm';
import { reportOf } from '../caseData';

type Values = z.input<typeof saReportAnswerForm>;

/**
 * sa.report-answer (SA-REPORT): the county answers a residents' committee's report of an item pushed onto it without
 * admission — upheld or not, its answer and measures. The answer is published (without the committee's name when it
 * asked so).
 */
export function ReportAnswerForm({ task, documents, disabled, submit }: TaskFormProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const context = reportOf(task);
  const { control, submitWith, setServerFieldError, formState } = useServerForm<Values, z.output<typeof saReportAnswerForm>>({
    resolver: procedureFormResolver(saReportAnswerForm, (values) => ({
      ...values,
      measures: values.measures?.trim() ? values.measures : undefined,
    })),
    defaultValues: { answer: '', measures: '' },
  });
  const onSubmit = submitWith((payload) => submit(payload, setServerFieldError));
  const report = context?.report;
  const admitted = context?.admittedItems ?? [];
  return (
    <>
      {context && report && (
        <Collapse
          style={{ marginBottom: 16 }}
          defaultActiveKey={['report']}
          items={[
            {
              key: 'report',
              label: t('serviceAdmission.answer.reportTitle'),
              children: (
                <>
                  <Descriptions
                    size="small"
                    column={1}
                    items={[
                      { key: 'community', label: t('serviceAdmission.report.community'), children: context.communityName },
                      {
                        key: 'what',
                        label: t('serviceAdmission.report.itemDescription'),
                        children: <span className="break-anywhere">{report.itemDescription}</span>,
                      },
                      { key: 'who', label: t('serviceAdmission.report.pushedBy'), children: report.pushedBy },
                      { key: 'when', label: t('serviceAdmission.report.pushedOn'), children: report.pushedOn },
                      {
                        key: 'anonymous',
                        label: t('serviceAdmission.report.anonymousShort'),
                        children: yesNo(report.anonymous, t),
                      },
                      ...(context.dueAt
                        ? [
                            {
                              key: 'due',
                              label: t('serviceAdmission.answer.dueAt'),
                              children: formatDateTime(context.dueAt, language),
                            },
                          ]
                        : []),
                    ]}
                  />
                  <Typography.Paragraph strong style={{ marginTop: 12 }}>
                    {t('serviceAdmission.answer.admittedItems')}
                  </Typography.Paragraph>
                  {admitted.length === 0 ? (
                    <Typography.Paragraph>{t('serviceAdmission.answer.noAdmittedItems')}</Typography.Paragraph>
                  ) : (
                    <ul>
                      {admitted.map((item) => (
                        <li key={item.number} className="break-anywhere">
                          {item.number} {item.itemName}
                        </li>
                      ))}
                    </ul>
                  )}
                  {documents.length > 0 && (
                    <>
                      <Typography.Paragraph strong>{t('serviceAdmission.report.evidence')}</Typography.Paragraph>
                      <ul className="plain-list" aria-label={t('serviceAdmission.report.evidence')}>
                        {documents.map((d) => (
                          <li key={d.id}>
                            <DocumentLink document={d} />
                          </li>
                        ))}
                      </ul>
                    </>
                  )}
                </>
              ),
            },
          ]}
        />
      )}
      <ServerForm onSubmit={onSubmit} submitting={formState.isSubmitting} disabled={disabled}>
        <RadioField
          control={control}
          name="finding"
          label={t('serviceAdmission.answer.finding')}
          extra={`${SA_RULES['SA-GATE'].id} ${SA_RULES['SA-GATE'].text[language]}`}
          required
          options={[
            { value: 'upheld', label: t('serviceAdmission.answer.upheld') },
            { value: 'not-upheld', label: t('serviceAdmission.answer.notUpheld') },
          ]}
        />
        <FormField
          control={control}
          name="answer"
          label={t('serviceAdmission.answer.answer')}
          extra={t('serviceAdmission.answer.answerHelp')}
          required
        >
          {(field, input) => <Input.TextArea {...field} {...input} rows={4} maxLength={5000} />}
        </FormField>
        <FormField control={control} name="measures" label={t('serviceAdmission.answer.measures')}>
          {(field, input) => <Input.TextArea {...field} {...input} value={field.value ?? ''} rows={3} maxLength={5000} />}
        </FormField>
        <FormActions submitting={formState.isSubmitting} disabled={disabled} />
      </ServerForm>
    </>
  );
}
