import { Alert, Button, Card, Descriptions, Result, Spin, Typography, Upload } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAsyncData } from '../../hooks/useAsyncData';
import { currentLanguage } from '../../i18n';
import { compareCopy, fetchVerifiedDocument, type CopyComparison } from './api';

/** The bytes of a chosen file as base64 (FileReader: no copy of the file leaves the browser except this request). */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result.replace(/^data:[^,]*,/, '') : '');
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/** A China date (YYYY-MM-DD) as the language writes it. */
function day(date: string, language: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return language === 'en' ? date : `${y}年${m}月${d}日`;
}

/**
 * 公文核验 (public, no sign-in): what the code under a document's QR code names — issuer, 发文字号, date, SHA-256 —
 * and whether a copy at hand is that document byte for byte. No personal data is shown.
 */
export function VerifyPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const headingId = useId();
  const { code = '' } = useParams();
  const { data: doc, error } = useAsyncData((signal) => fetchVerifiedDocument(code, signal), code);
  const [result, setResult] = useState<CopyComparison | undefined>();
  const [checking, setChecking] = useState(false);
  const [checkError, setCheckError] = useState<unknown>();

  if (!doc) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 400)) {
      return <Result status="404" title={t('verify.notFound')} subTitle={t('verify.notFoundHelp')} />;
    }
    if (error !== undefined) return <ErrorAlert error={error} title={t('verify.loadFailed')} />;
    return <Spin description={t('verify.loading')} />;
  }

  const check = async (file: File) => {
    setChecking(true);
    setResult(undefined);
    setCheckError(undefined);
    try {
      setResult(await compareCopy(code, await readBase64(file)));
    } catch (e) {
      setCheckError(e);
    } finally {
      setChecking(false);
    }
  };

  return (
    <section aria-labelledby={headingId}>
      <Typography.Title level={2} id={headingId} style={{ marginTop: 0 }}>
        {t('verify.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('verify.intro')}</Typography.Paragraph>
      <Card style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={1}
          items={[
            {
              key: 'issuer',
              label: t('verify.issuer'),
              children: language === 'en' && doc.issuer.nameEn ? doc.issuer.nameEn : doc.issuer.name,
            },
            { key: 'number', label: t('verify.number'), children: doc.number },
            { key: 'title', label: t('verify.documentTitle'), children: <span className="break-anywhere">{doc.title}</span> },
            { key: 'dated', label: t('verify.dated'), children: day(doc.dated, language) },
            {
              key: 'signed',
              label: t('verify.signature'),
              children: doc.signed ? t('verify.signedBy', { subject: doc.signer?.subject ?? '' }) : t('verify.unsigned'),
            },
            {
              key: 'sha256',
              label: 'SHA-256',
              children: (
                <Typography.Text code copyable className="break-anywhere" data-testid="verify-sha256">
                  {doc.sha256}
                </Typography.Text>
              ),
            },
          ]}
        />
      </Card>
      <Card title={<h3 className="card-heading">{t('verify.compareTitle')}</h3>}>
        <Typography.Paragraph>{t('verify.compareHelp')}</Typography.Paragraph>
        <Upload
          accept="application/pdf,.pdf"
          showUploadList={false}
          beforeUpload={(file) => {
            void check(file);
            return false;
          }}
        >
          <Button loading={checking}>{checking ? t('verify.checking') : t('verify.choose')}</Button>
        </Upload>
        {result && (
          <Alert
            role="status"
            style={{ marginTop: 16 }}
            type={result.matches ? 'success' : 'error'}
            showIcon
            title={result.matches ? t('verify.matches') : t('verify.differs')}
            description={<span className="break-anywhere">{t('verify.copyHash', { sha256: result.sha256 })}</span>}
          />
        )}
        {checkError !== undefined && <ErrorAlert error={checkError} title={t('verify.checkFailed')} />}
      </Card>
    </section>
  );
}
