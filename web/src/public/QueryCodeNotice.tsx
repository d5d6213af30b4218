import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

/** The query code of a case just opened (我要查), shown this once: the server keeps only its hash. */
export function QueryCodeNotice({ number, code }: { number: string; code: string }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      title={<span data-testid="query-code">{t('publicService.queryCode.title', { code })}</span>}
      description={
        <>
          <div>{t('publicService.queryCode.help', { number })}</div>
          <Link to={`/track?number=${encodeURIComponent(number)}`}>{t('publicService.queryCode.link')}</Link>
        </>
      }
    />
  );
}
