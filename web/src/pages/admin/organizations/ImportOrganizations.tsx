import { Alert, Button, Flex, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { importOrganizations, importRowErrors, type ImportResult, type ImportRowError } from '../../../api/organizations';
import { ORG_KINDS, importOrganizationsBody } from '../../../api/schemas/shared';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ImportStatus } from '../../../components/ImportStatus';
import { downloadCsvTemplate, readBase64 } from '../../../components/files';
import { currentLanguage } from '../../../i18n';
import { orgKindName } from '../../../i18n/names';

const COLUMNS = 'code,name,nameEn,kind,parentCode';

type Outcome = { result: ImportResult } | { rowErrors: ImportRowError[] } | { error: unknown };

/** Excel/CSV import: all rows or none; refused rows are listed with their problem. */
export function ImportOrganizations({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();

  const upload = async (file: File) => {
    setBusy(true);
    setOutcome(undefined);
    try {
      const body = importOrganizationsBody.safeParse({ filename: file.name, contentBase64: await readBase64(file) });
      if (!body.success) {
        setOutcome({ error: new Error('invalid file') });
        return;
      }
      setOutcome({ result: await importOrganizations(body.data) });
      onImported();
    } catch (caught) {
      const rowErrors = caught instanceof ApiError ? importRowErrors(caught.details) : [];
      setOutcome(rowErrors.length > 0 ? { rowErrors } : { error: caught });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex vertical gap={12}>
      <Typography.Paragraph style={{ margin: 0 }}>{t('organizations.import.help', { columns: COLUMNS })}</Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('organizations.import.kinds', {
          kinds: ORG_KINDS.map((kind) =>
            language === 'en' ? `${kind} (${orgKindName(kind, language)})` : `${kind}（${orgKindName(kind, language)}）`,
          ).join(language === 'en' ? ', ' : '、'),
        })}
      </Typography.Paragraph>
      {/* Dragger, not Upload around a Button: Upload's own role="button" wrapper would nest two controls. */}
      <Upload.Dragger
        accept=".xlsx,.csv"
        showUploadList={false}
        maxCount={1}
        disabled={busy}
        beforeUpload={(file) => {
          void upload(file);
          return false; // we send the file ourselves, as JSON
        }}
      >
        <Typography.Text strong>{busy ? t('organizations.import.uploading') : t('organizations.import.choose')}</Typography.Text>
        <br />
        <Typography.Text type="secondary">{t('organizations.import.formats')}</Typography.Text>
      </Upload.Dragger>
      <div>
        <Button onClick={() => downloadCsvTemplate(COLUMNS, 'organizations-template.csv')}>
          {t('organizations.import.template')}
        </Button>
      </div>
      <ImportStatus
        success={
          outcome && 'result' in outcome
            ? t('organizations.import.success', { created: outcome.result.created, rows: outcome.result.rows })
            : undefined
        }
        rejected={
          outcome && 'rowErrors' in outcome ? t('organizations.import.rejected', { count: outcome.rowErrors.length }) : undefined
        }
      >
        {outcome &&
          'error' in outcome &&
          (outcome.error instanceof ApiError ? (
            <ErrorAlert error={outcome.error} title={t('organizations.import.failed')} />
          ) : (
            <Alert type="error" showIcon title={t('organizations.import.badFile')} />
          ))}
      </ImportStatus>
      {outcome && 'rowErrors' in outcome && (
        <Table<ImportRowError>
          size="small"
          rowKey={(row) => `${row.row}-${row.field}-${row.message.en}`}
          dataSource={outcome.rowErrors}
          pagination={outcome.rowErrors.length > 10 ? { pageSize: 10 } : false}
          columns={[
            { key: 'row', title: t('organizations.import.row'), dataIndex: 'row', width: 64 },
            { key: 'field', title: t('organizations.import.field'), dataIndex: 'field', width: 100 },
            { key: 'message', title: t('organizations.import.problem'), render: (_, row) => row.message[language] },
          ]}
        />
      )}
    </Flex>
  );
}
