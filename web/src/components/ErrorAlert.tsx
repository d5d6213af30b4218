import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { describeError } from '../api/errorText';
import { currentLanguage } from '../i18n';

interface ErrorAlertProps {
  error: unknown;
  title?: string;
}

/** An API or network error in the current language, with the request id for support. */
export function ErrorAlert({ error, title }: ErrorAlertProps) {
  const { t } = useTranslation();
  if (error === undefined || error === null) return null;
  const requestId = error instanceof ApiError ? error.requestId : undefined;
  const text = describeError(error, t, currentLanguage());
  return (
    <Alert
      type="error"
      showIcon
      title={title ?? text}
      description={
        title || requestId ? (
          <>
            {title && <div>{text}</div>}
            {requestId && <div>{t('errors.requestId', { id: requestId })}</div>}
          </>
        ) : undefined
      }
      style={{ marginBottom: 16 }}
    />
  );
}
