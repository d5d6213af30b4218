import type { TFunction } from 'i18next';
import type { Language } from '../i18n';
import { ApiError, CLIENT_ERROR_CODES } from './client';

/** A user-facing, translated description of an error thrown by the API client. */
export function describeError(error: unknown, t: TFunction, language: Language): string {
  if (!(error instanceof ApiError)) return t('errors.unexpected');
  const fromApi = error.messageIn(language);
  if (fromApi) return fromApi;
  switch (error.code) {
    case CLIENT_ERROR_CODES.network:
      return t('errors.network');
    case CLIENT_ERROR_CODES.invalidResponse:
      return t('errors.invalidResponse');
    default:
      return t('errors.http', { status: error.status });
  }
}
