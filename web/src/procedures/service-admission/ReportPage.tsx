import { Alert, Button, Card, Form, Input, Result, Typography, Upload } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { MAX_DOCUMENT_BYTES } from '../../api/schemas/procedures';
import { attachReportEvidence, reportPushedItem, type ReportStarted } from './api';
import { FormField } from '../../forms/FormField';
import { CheckField } from '../../forms/GroupField';
import { currentLanguage } from '../../i18n';
import '../procedures.css';
import { DateField } from '../DateField';
import { chinaDate, formatDateTime, formatSize } from '../format';
import { ruleHeading } from './labels';
import { useMe } from '../../session/context';
import { serviceItemReport } from '../../../../domain/forms/service-admission';
import { DOCUMENT_ACCEPT, documentMimeType, readBase64 } from '../../components/files';
import { RuleRefusal } from './RuleRefusal';
import { submitSpinner } from '../../forms/submit-spinner';
import { useServerForm } from '../../forms/useServerForm';
import { QueryCodeNotice } from '../../public/QueryCodeNotice';
import { ServerForm } from '../../forms/ServerForm';

const reportForm = serviceItemReport.pick({ itemDescription: true, pushedBy: true, pushedOn: true, anonymous: true });
const FIELDS = ['itemDescription', 'pushedBy', 'pushedOn', 'anonymous'] as const;

/** Uploads the chosen evidence to the new report; returns the names that failed. */
async function uploadEvidence(caseId: string, files: File[]): Promise<string[]> {
  const failed: string[] = [];
  for (const file of files) {
    const mimeType = documentMimeType(file.name);
    try {
      if (!mimeType || file.size > MAX_DOCUMENT_BYTES) throw new Error('type');
      await attachReportEvidence(caseId, { filename: file.name, mimeType, contentBase64: await readBase64(file) });
    } catch {
      failed.push(file.name);
    }
  }
  return failed;
}

/**
 * 报告未经准入的事项 (SA-REPORT): a residents' committee reports an item pushed onto it without admission — what, by
 * whom, when, with evidence — and may ask that the published outcome not name it. The county must answer.
 */
export function ReportPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const headingId = useId();
  const me = useMe();
  const [files, setFiles] = useState<File[]>([]);
  const [done, setDone] = useState<{ started: ReportStarted; failed: string[] }>();
  const { control, submitWith, error, formState } = useServerForm({
    fields: FIELDS,
    alertWithFields: true,
    schema: reportForm,
    defaultValues: { itemDescription: '', pushedBy: '', pushedOn: chinaDate(new Date().toISOString()), anonymous: false },
  });

  const onSubmit = submitWith(async (report) => {
    const started = await reportPushedItem(report);
    setDone({ started, failed: await uploadEvidence(started.id, files) });
  });

  if (done) {
    return (
      <Result
        status="success"
        title={t('serviceAdmission.report.done', { number: done.started.number })}
        subTitle={
          done.started.answerDueAt
            ? t('serviceAdmission.report.dueAt', { due: formatDateTime(done.started.answerDueAt, language) })
            : undefined
        }
        extra={
          <>
            {done.failed.length > 0 && (
              <Alert
                type="error"
                showIcon
                style={{ marginBottom: 16, textAlign: 'start' }}
                title={t('serviceAdmission.report.evidenceFailed', { names: done.failed.join('、') })}
              />
            )}
            {done.started.queryCode && <QueryCodeNotice number={done.started.number} code={done.started.queryCode} />}
            <Link to={`/cases/${done.started.id}`}>{t('serviceAdmission.report.openCase')}</Link>
          </>
        }
      />
    );
  }

  return (
    <section aria-labelledby={headingId}>
      <div className="page-header">
        <Typography.Title level={2} id={headingId}>
          {t('serviceAdmission.report.title')}
        </Typography.Title>
        <Link to="/public/service-items">{t('serviceAdmission.public.title')}</Link>
      </div>
      <Typography.Paragraph>
        {t('serviceAdmission.report.intro', { community: me.membership?.organizationName ?? '' })}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{ruleHeading('SA-REPORT', language)}</Typography.Paragraph>
      <Card>
        <ServerForm onSubmit={onSubmit} submitting={formState.isSubmitting}>
          <FormField
            control={control}
            name="itemDescription"
            label={t('serviceAdmission.report.itemDescription')}
            extra={t('serviceAdmission.report.itemDescriptionHelp')}
            required
          >
            {(field, input) => <Input.TextArea {...field} {...input} rows={3} maxLength={2000} />}
          </FormField>
          <FormField
            control={control}
            name="pushedBy"
            label={t('serviceAdmission.report.pushedBy')}
            extra={t('serviceAdmission.report.pushedByHelp')}
            required
          >
            {(field, input) => <Input {...field} {...input} maxLength={200} />}
          </FormField>
          <DateField control={control} name="pushedOn" label={t('serviceAdmission.report.pushedOn')} required />
          <Form.Item label={<span>{t('serviceAdmission.report.evidence')}</span>}>
            <Upload.Dragger
              accept={DOCUMENT_ACCEPT}
              multiple
              showUploadList={false}
              beforeUpload={(file) => {
                setFiles((previous) => [...previous, file]);
                return false;
              }}
            >
              <Typography.Text strong>{t('documents.choose')}</Typography.Text>
              <br />
              <Typography.Text type="secondary">
                {t('documents.formats', { max: formatSize(MAX_DOCUMENT_BYTES, language) })}
              </Typography.Text>
            </Upload.Dragger>
            {files.length > 0 && (
              <ul className="plain-list" aria-label={t('serviceAdmission.report.chosenFiles')} style={{ marginTop: 8 }}>
                {files.map((file, index) => (
                  <li key={`${file.name}-${index}`} className="break-anywhere">
                    {file.name} ({formatSize(file.size, language)}){' '}
                    <Button
                      size="small"
                      type="link"
                      onClick={() => setFiles((previous) => previous.filter((_, i) => i !== index))}
                    >
                      {t('serviceAdmission.report.removeFile', { name: file.name })}
                    </Button>
                  </li>
                ))}
              </ul>
            )}
          </Form.Item>
          <CheckField
            control={control}
            name="anonymous"
            label={t('serviceAdmission.report.anonymous')}
            extra={t('serviceAdmission.report.anonymousHelp')}
          />
          <RuleRefusal error={error} />
          <Button type="primary" htmlType="submit" loading={submitSpinner(formState.isSubmitting)}>
            {t('serviceAdmission.report.submit')}
          </Button>
        </ServerForm>
      </Card>
    </section>
  );
}
