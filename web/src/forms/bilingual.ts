import type { TFunction } from 'i18next';
import { get, set, type FieldValues, type Resolver } from 'react-hook-form';
import type { z } from 'zod';
import type { LocalizedText } from '../api/client';
import { formResolver } from './messages';

/**
 * A message in both languages, stored in react-hook-form the way forms/messages.ts stores API messages
 * ({"text": {…}}), so errorText() shows it in the current language.
 */
export function encodeText(text: LocalizedText): string {
  return JSON.stringify({ text });
}

/**
 * formResolver, plus the two-language messages of the domain's own refinements: domain/ schemas add custom issues
 * with the English text as message and the Chinese one in params.zh (domain/validation.ts bilingualIssue), which
 * zodResolver would otherwise show as a generic "invalid".
 */
export function procedureFormResolver<T extends z.ZodType<FieldValues, FieldValues>>(
  schema: T,
  prepare: (values: z.input<T>) => unknown = (values) => values,
): Resolver<z.input<T>, unknown, z.output<T>> {
  const base = formResolver(schema);
  return async (values, context, options) => {
    const input = prepare(values) as z.input<T>;
    const result = await base(input, context, options);
    if (Object.keys(result.errors).length === 0) return result;
    const parsed = await schema.safeParseAsync(input);
    if (parsed.success) return result;
    for (const issue of parsed.error.issues) {
      const zh = issue.code === 'custom' ? (issue.params as { zh?: unknown } | undefined)?.zh : undefined;
      if (typeof zh !== 'string' || issue.path.length === 0) continue;
      const path = issue.path.map(String).join('.');
      const existing: { type?: string } | undefined = get(result.errors, path);
      if (existing && existing.type !== 'custom') continue;
      set(result.errors, path, { type: 'custom', message: encodeText({ 'zh-CN': zh, en: issue.message }) });
    }
    return result;
  };
}

/** "是/否" in the reader's language. */
export function yesNo(value: boolean, t: TFunction): string {
  return value ? t('rules.yes') : t('rules.no');
}
