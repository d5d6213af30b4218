import { Alert, Button, Flex, Grid, Progress, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ImportStatus } from '../../components/ImportStatus';
import { downloadCsvTemplate } from '../../components/files';
import { currentLanguage } from '../../i18n';
import { importVoters, voterRowErrors, type VoterImportResult, type VoterRowError } from './api';
import { readBase64 } from './EvidenceFiles';

/** The columns the import reads (api/services/election/voter-list.ts VOTER_COLUMNS), as a template's header row. */
const TEMPLATE_HEADER = '姓名,身份证号码,住址,居民小组';
/** The import route's body limit is 15 MB of JSON; base64 grows a file by a third. */
const MAX_FILE_BYTES = 10 * 1024 * 1024;

type Phase = 'reading' | 'uploading' | 'checking';
type Outcome = { result: VoterImportResult } | { rowErrors: VoterRowError[] } | { error: unknown } | { problem: 'type' | 'size' };

/** The share of the whole import a phase stands for, so one bar moves forward through reading, sending and checking. */
function percentOf(phase: Phase, fraction: number): number {
  if (phase === 'reading') return Math.round(fraction * 20);
  if (phase === 'uploading') return 20 + Math.round(fraction * 60);
  return 90;
}

/**
 * 导入选民名单: residents from an .xlsx or .csv file during registration. The server checks every row first (name, ID
 * number by GB 11643, EL-AGE, duplicates, EL-SINGLE against every running list) and imports all rows or none; a
 * refused file comes back with the problem of each row. A bar shows the file being read, sent and checked.
 */
export function VoterImport({ electionId, onImported }: { electionId: string; onImported: () => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const phone = Grid.useBreakpoint().md !== true;
  const [progress, setProgress] = useState<{ phase: Phase; percent: number }>();
  const [outcome, setOutcome] = useState<Outcome>();
  const [filename, setFilename] = useState('');

  const upload = async (file: File) => {
    setOutcome(undefined);
    setFilename(file.name);
    if (!/\.(xlsx|csv)$/i.test(file.name)) return setOutcome({ problem: 'type' });
    if (file.size > MAX_FILE_BYTES) return setOutcome({ problem: 'size' });
    setProgress({ phase: 'reading', percent: 0 });
    try {
      const contentBase64 = await readBase64(file, (f) => setProgress({ phase: 'reading', percent: percentOf('reading', f) }));
      setProgress({ phase: 'uploading', percent: percentOf('uploading', 0) });
      const result = await importVoters(electionId, { filename: file.name, contentBase64 }, (f) =>
        setProgress(
          f >= 1
            ? { phase: 'checking', percent: percentOf('checking', 1) }
            : { phase: 'uploading', percent: percentOf('uploading', f) },
        ),
      );
      setOutcome({ result });
      onImported();
    } catch (caught) {
      const rowErrors = caught instanceof ApiError ? voterRowErrors(caught.details) : [];
      setOutcome(rowErrors.length > 0 ? { rowErrors } : { error: caught });
    } finally {
      setProgress(undefined);
    }
  };

  const busy = progress !== undefined;
  const fieldName = (field: string) =>
    field === 'name' || field === 'idNumber' || field === 'file' ? t(`election.import.fields.${field}`) : field;
  return (
    <Flex vertical gap={12}>
      <Typography.Paragraph style={{ margin: 0 }}>{t('election.import.help', { columns: TEMPLATE_HEADER })}</Typography.Paragraph>
      {/* Dragger, not Upload around a Button: Upload's own role="button" wrapper would nest two controls. */}
      <Upload.Dragger
        accept=".xlsx,.csv"
        showUploadList={false}
        maxCount={1}
        disabled={busy}
        beforeUpload={(file) => {
          void upload(file);
          return false; // sent by us, as JSON with progress
        }}
      >
        <Typography.Text strong>{t('election.import.choose')}</Typography.Text>
        <br />
        <Typography.Text type="secondary">{t('election.import.formats')}</Typography.Text>
      </Upload.Dragger>
      <div>
        <Button onClick={() => downloadCsvTemplate(TEMPLATE_HEADER, 'voters-template.csv')}>
          {t('election.import.template')}
        </Button>
      </div>
      {progress && (
        <div>
          <Typography.Text>{t(`election.import.phase.${progress.phase}`, { name: filename })}</Typography.Text>
          <Progress
            percent={progress.percent}
            status="active"
            aria-label={t('election.import.progress')}
            aria-valuenow={progress.percent}
          />
        </div>
      )}
      <ImportStatus
        success={
          outcome && 'result' in outcome
            ? t('election.import.success', { imported: outcome.result.imported, total: outcome.result.registeredVoters })
            : undefined
        }
        rejected={
          outcome && 'rowErrors' in outcome ? t('election.import.rejected', { count: outcome.rowErrors.length }) : undefined
        }
      >
        {outcome && 'problem' in outcome && (
          <Alert
            type="error"
            showIcon
            title={outcome.problem === 'type' ? t('election.import.badType') : t('election.import.tooLarge')}
          />
        )}
        {outcome && 'error' in outcome && <ErrorAlert error={outcome.error} title={t('election.import.failed')} />}
      </ImportStatus>
      {outcome && 'rowErrors' in outcome && (
        <div role="region" aria-label={t('election.import.rowReport')}>
          <Table<VoterRowError>
            size="small"
            rowKey={(row) => `${row.row}-${row.field}-${row.message.en}`}
            dataSource={outcome.rowErrors}
            pagination={outcome.rowErrors.length > 10 ? { pageSize: 10, simple: phone } : false}
            columns={[
              { key: 'row', title: t('election.import.row'), dataIndex: 'row', width: 64 },
              { key: 'field', title: t('election.import.field'), render: (_, row) => fieldName(row.field), width: 110 },
              {
                key: 'message',
                title: t('election.import.problem'),
                render: (_, row) => <span className="break-anywhere">{row.message[language]}</span>,
              },
            ]}
          />
        </div>
      )}
    </Flex>
  );
}
