import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { documentUrl, type CaseDocument } from '../api/cases';
import { currentLanguage } from '../i18n';
import { formatSize } from './format';

/** A download link to a case document, with its size. */
export function DocumentLink({ document }: { document: Pick<CaseDocument, 'id' | 'name' | 'size'> }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <span className="break-anywhere">
      <a
        href={documentUrl(document.id)}
        download={document.name}
        className="text-link"
        aria-label={t('documents.downloadNamed', { name: document.name })}
      >
        {document.name}
      </a>{' '}
      <Typography.Text type="secondary">({formatSize(document.size, language)})</Typography.Text>
    </span>
  );
}
