import { zodResolver } from '@hookform/resolvers/zod';
import type { TFunction } from 'i18next';
import type { FieldError, FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';
import type { LocalizedText } from '../api/client';
import type { Language, TranslationResources } from '../i18n';

/**
 * Validation messages are stored in react-hook-form as small JSON strings (a translation key with values, or an
 * API message in both languages) and translated when rendered, so they follow the language toggle.
 */
export type ValidationKey = keyof TranslationResources['validation'];
type Values = Record<string, string | number>;
interface EncodedMessage {
  key?: ValidationKey;
  values?: Values;
  text?: LocalizedText;
}

export function validationMessage(key: ValidationKey, values?: Values): string {
  return JSON.stringify({ key, values } satisfies EncodedMessage);
}

type RawIssue = z.core.$ZodRawIssue;

const isEmpty = (input: unknown) => input === undefined || input === null || input === '';

/** Maps a zod issue to a translatable message (the zod message itself is English only). */
function localizeIssue(issue: RawIssue): string {
  if (isEmpty(issue.input) && issue.code !== 'custom') return validationMessage('required');
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'array' || issue.origin === 'set')
        return validationMessage('tooFewItems', { min: Number(issue.minimum) });
      return validationMessage(Number(issue.minimum) <= 1 ? 'required' : 'tooShort', { min: Number(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'array' || issue.origin === 'set')
        return validationMessage('tooManyItems', { max: Number(issue.maximum) });
      return validationMessage('tooLong', { max: Number(issue.maximum) });
    case 'invalid_format':
      return validationMessage('invalidFormat');
    default:
      return validationMessage('invalid');
  }
}

/** zodResolver with translated messages. */
export function formResolver<T extends z.ZodType<FieldValues, FieldValues>>(
  schema: T,
): Resolver<z.input<T>, unknown, z.output<T>> {
  return zodResolver(schema, { error: (issue) => localizeIssue(issue) });
}

function decode(message: string | undefined): EncodedMessage | undefined {
  if (!message?.startsWith('{')) return undefined;
  try {
    return JSON.parse(message) as EncodedMessage;
  } catch {
    return undefined;
  }
}

/** The text of a field error in the current language. */
export function errorText(
  error: { type?: FieldError['type']; message?: string } | undefined,
  t: TFunction,
  language: Language,
): string | undefined {
  if (!error?.message && !error?.type) return undefined;
  const decoded = decode(error.message);
  if (decoded?.text) return decoded.text[language] ?? decoded.text.en ?? decoded.text['zh-CN'];
  if (decoded?.key) return t(`validation.${decoded.key}`, decoded.values ?? {});
  // A message hard-coded in a shared schema (English): say what kind of problem it is instead.
  return error.type === 'invalid_format' ? t('validation.invalidFormat') : t('validation.invalid');
}
