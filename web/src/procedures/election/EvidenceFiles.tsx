import { Alert, Button, Flex, Typography, Upload } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  ALLOWED_DOCUMENT_TYPES,
  DOCUMENT_MIME_TYPES,
  MAX_DOCUMENT_BYTES,
  type DocumentMimeType,
} from '../../api/schemas/procedures';
import { currentLanguage } from '../../i18n';
import { evidenceUpload } from '../../../../domain/forms/election';
import { formatSize } from '../format';

export type EvidenceFile = z.infer<typeof evidenceUpload>;

/** At most this many files per application (the API's limit). */
export const MAX_EVIDENCE_FILES = 10;

const ACCEPT = DOCUMENT_MIME_TYPES.flatMap((type) => ALLOWED_DOCUMENT_TYPES[type].extensions.map((ext) => `.${ext}`)).join(',');

/** The declared type of a file by its extension (the server checks the content too). */
export function mimeTypeOf(filename: string): DocumentMimeType | undefined {
  const extension = filename.split('.').pop()?.toLowerCase() ?? '';
  return DOCUMENT_MIME_TYPES.find((type) => (ALLOWED_DOCUMENT_TYPES[type].extensions as readonly string[]).includes(extension));
}

/** A file's bytes as base64 (without the data: URL prefix). */
export function readBase64(file: Blob, onProgress?: (fraction: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress?.(event.loaded / event.total);
    };
    reader.onload = () =>
      typeof reader.result === 'string' ? resolve(reader.result.replace(/^data:[^,]*,/, '')) : reject(new Error('read failed'));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/** Bytes of a base64 text (without decoding it). */
function base64Size(text: string): number {
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return Math.floor((text.length * 3) / 4) - padding;
}

/**
 * Evidence files sent with an application (房产证、租赁合同、居住证…): chosen here, read in the browser and sent inside
 * the application as base64; the server checks each file's content and size again.
 */
export function EvidenceFiles({
  value,
  onChange,
  disabled,
}: {
  value: EvidenceFile[];
  onChange: (files: EvidenceFile[]) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [problems, setProblems] = useState<string[]>([]);
  const [reading, setReading] = useState(0);
  // The latest list: files chosen together are read one by one, each adding to what the others added.
  const latest = useRef(value);
  latest.current = value;

  const add = async (file: File) => {
    const mimeType = mimeTypeOf(file.name);
    if (!mimeType) return setProblems((p) => [...p, `${file.name}: ${t('documents.badType')}`]);
    if (file.size === 0 || file.size > MAX_DOCUMENT_BYTES)
      return setProblems((p) => [
        ...p,
        `${file.name}: ${t('documents.tooLarge', { max: formatSize(MAX_DOCUMENT_BYTES, language) })}`,
      ]);
    setReading((n) => n + 1);
    try {
      const parsed = evidenceUpload.safeParse({ filename: file.name, mimeType, contentBase64: await readBase64(file) });
      if (!parsed.success) return setProblems((p) => [...p, `${file.name}: ${t('documents.unreadable')}`]);
      // Functional update: several files chosen at once arrive one by one.
      onChangeLatest((files) => (files.length >= MAX_EVIDENCE_FILES ? files : [...files, parsed.data]));
    } catch {
      setProblems((p) => [...p, `${file.name}: ${t('documents.unreadable')}`]);
    } finally {
      setReading((n) => n - 1);
    }
  };

  const onChangeLatest = (update: (files: EvidenceFile[]) => EvidenceFile[]) => {
    latest.current = update(latest.current);
    onChange(latest.current);
  };

  return (
    <Flex vertical gap={8}>
      {!disabled && value.length < MAX_EVIDENCE_FILES && (
        // Dragger, not Upload around a Button: Upload's own role="button" wrapper would nest two controls.
        <Upload.Dragger
          accept={ACCEPT}
          multiple
          showUploadList={false}
          beforeUpload={(file) => {
            setProblems([]);
            void add(file);
            return false;
          }}
        >
          <Typography.Text strong>{reading > 0 ? t('election.evidence.reading') : t('documents.choose')}</Typography.Text>
          <br />
          <Typography.Text type="secondary">
            {t('election.evidence.formats', { max: formatSize(MAX_DOCUMENT_BYTES, language), count: MAX_EVIDENCE_FILES })}
          </Typography.Text>
        </Upload.Dragger>
      )}
      <div role="status" aria-live="polite">
        {problems.map((problem) => (
          <Alert key={problem} type="error" showIcon title={problem} style={{ marginBottom: 8 }} />
        ))}
      </div>
      {value.length === 0 ? (
        <Typography.Text type="secondary">{t('election.evidence.none')}</Typography.Text>
      ) : (
        <ul className="plain-list" aria-label={t('election.evidence.chosen')}>
          {value.map((file, index) => (
            <li key={`${file.filename}-${index}`} style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '4px 12px' }}>
              <Flex wrap gap={8} align="center" justify="space-between">
                <span className="break-anywhere">
                  {file.filename}{' '}
                  <Typography.Text type="secondary">({formatSize(base64Size(file.contentBase64), language)})</Typography.Text>
                </span>
                {!disabled && (
                  <Button
                    size="small"
                    onClick={() => onChange(value.filter((_, i) => i !== index))}
                    aria-label={t('election.evidence.removeNamed', { name: file.filename })}
                  >
                    {t('election.evidence.remove')}
                  </Button>
                )}
              </Flex>
            </li>
          ))}
        </ul>
      )}
    </Flex>
  );
}
