import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { describeError } from '../api/errorText';
import { currentLanguage } from '../i18n';

interface ErrorAlertProps {
  error: unknown;
  title?: string;
}

/** An API or network error in the current language: its message, the fields it names, and the request id. */
export function ErrorAlert({ error, title }: ErrorAlertProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  if (error === undefined || error === null) return null;
  const apiError = error instanceof ApiError ? error : undefined;
  // The request id helps support trace a failure; mistakes the user can fix themselves do not need it.
  const userFixable = apiError !== undefined && [400, 401, 429].includes(apiError.status);
  const requestId = userFixable ? undefined : apiError?.requestId;
  const fieldMessages = (apiError?.fields ?? []).flatMap((field) => {
    const text = field.message?.[language] ?? field.message?.en ?? field.message?.['zh-CN'];
    return text ? [text] : [];
  });
  const text = describeError(error, t, language);
  const hasDescription = title !== undefined || fieldMessages.length > 0 || requestId !== undefined;
  return (
    <Alert
      type="error"
      showIcon
      title={title ?? text}
      description={
        hasDescription ? (
          <>
            {title !== undefined && <div>{text}</div>}
            {fieldMessages.length > 0 && (
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {fieldMessages.map((message) => (
                  <li key={message}>{message}</li>
                ))}
              </ul>
            )}
            {requestId && <div>{t('errors.requestId', { id: requestId })}</div>}
          </>
        ) : undefined
      }
      style={{ marginBottom: 16 }}
    />
  );
}
