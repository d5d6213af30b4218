import { Alert, Descriptions, Flex, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDocument } from '../../api/cases';
import { MAX_DOCUMENT_BYTES, taskDocumentBody } from '../../api/schemas/procedures';
import { uploadTaskDocument, type UploadedDocument } from '../../api/tasks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DOCUMENT_ACCEPT, documentMimeType, readBase64 } from '../../components/files';
import { currentLanguage } from '../../i18n';
import { DocumentLink } from '../../procedures/DocumentLink';
import { formatSize } from '../../procedures/format';

type Outcome =
  | { name: string; uploaded: UploadedDocument }
  | { name: string; problem: 'type' | 'size' | 'read' }
  | { name: string; error: unknown };

/** Evidence of this task: upload (PDF, PNG, JPEG, DOCX, XLSX ≤ 10 MB, sent as base64) and the files already attached. */
export function TaskEvidence({
  taskId,
  documents,
  canUpload,
  onUploaded,
}: {
  taskId: string;
  documents: CaseDocument[];
  canUpload: boolean;
  onUploaded: () => void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [busy, setBusy] = useState(0);
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);

  const upload = async (file: File) => {
    setBusy((n) => n + 1);
    const add = (outcome: Outcome) => setOutcomes((previous) => [outcome, ...previous].slice(0, 10));
    try {
      const mimeType = documentMimeType(file.name);
      if (!mimeType) return add({ name: file.name, problem: 'type' });
      if (file.size > MAX_DOCUMENT_BYTES) return add({ name: file.name, problem: 'size' });
      const body = taskDocumentBody.safeParse({ filename: file.name, mimeType, contentBase64: await readBase64(file) });
      if (!body.success) return add({ name: file.name, problem: 'read' });
      add({ name: file.name, uploaded: await uploadTaskDocument(taskId, body.data) });
      onUploaded();
    } catch (caught) {
      add({ name: file.name, error: caught });
    } finally {
      setBusy((n) => n - 1);
    }
  };

  const problemText = (problem: 'type' | 'size' | 'read') =>
    problem === 'type'
      ? t('documents.badType')
      : problem === 'size'
        ? t('documents.tooLarge', { max: formatSize(MAX_DOCUMENT_BYTES, language) })
        : t('documents.unreadable');

  return (
    <Flex vertical gap={12}>
      {canUpload && (
        // Dragger, not Upload around a Button: Upload's own role="button" wrapper would nest two controls.
        <Upload.Dragger
          accept={DOCUMENT_ACCEPT}
          multiple
          showUploadList={false}
          beforeUpload={(file) => {
            void upload(file);
            return false; // sent by us, as JSON
          }}
        >
          <Typography.Text strong>{busy > 0 ? t('documents.uploading') : t('documents.choose')}</Typography.Text>
          <br />
          <Typography.Text type="secondary">
            {t('documents.formats', { max: formatSize(MAX_DOCUMENT_BYTES, language) })}
          </Typography.Text>
        </Upload.Dragger>
      )}
      <div role="status" aria-live="polite">
        {outcomes.map((outcome, index) =>
          'uploaded' in outcome ? (
            <Alert
              key={`${outcome.uploaded.id}-${index}`}
              type="success"
              showIcon
              style={{ marginBottom: 8 }}
              title={t('documents.uploaded', { name: outcome.name })}
              description={
                <span className="break-anywhere">
                  {t('documents.size')}: {formatSize(outcome.uploaded.size, language)} · SHA-256:{' '}
                  <span className="hash-text">{outcome.uploaded.sha256}</span>
                </span>
              }
            />
          ) : 'problem' in outcome ? (
            <Alert
              key={`${outcome.name}-${index}`}
              type="error"
              showIcon
              style={{ marginBottom: 8 }}
              title={`${outcome.name}: ${problemText(outcome.problem)}`}
            />
          ) : (
            <ErrorAlert
              key={`${outcome.name}-${index}`}
              error={outcome.error}
              title={t('documents.failed', { name: outcome.name })}
            />
          ),
        )}
      </div>
      {documents.length === 0 ? (
        <Typography.Text type="secondary">{t('documents.none')}</Typography.Text>
      ) : (
        <ul className="plain-list" aria-label={t('documents.listLabel')}>
          {documents.map((doc) => (
            <li key={doc.id} style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '8px 12px' }}>
              <DocumentLink document={doc} />
              <Descriptions
                size="small"
                column={1}
                items={[
                  { key: 'sha', label: 'SHA-256', children: <span className="hash-text">{doc.sha256}</span> },
                  ...(doc.uploadedBy ? [{ key: 'by', label: t('documents.uploadedBy'), children: doc.uploadedBy }] : []),
                ]}
              />
            </li>
          ))}
        </ul>
      )}
    </Flex>
  );
}
