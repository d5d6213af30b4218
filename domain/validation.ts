import { z } from 'zod';
import type { FieldError } from './errors';

const zhCN = z.locales.zhCN().localeError;
const en = z.locales.en().localeError;

function localize(format: typeof en, issue: z.core.$ZodIssue): string {
  const result = format(issue as unknown as Parameters<typeof en>[0]);
  return typeof result === 'string' ? result : (result?.message ?? issue.message);
}

/** Turns zod issues into field errors with messages in both languages. Parse with `reportInput: true` for detail. */
export function fieldErrorsFromZod(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.flatMap((issue) => {
    const base = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: base ? `${base}.${key}` : key,
        code: 'unrecognized_key',
        message: { 'zh-CN': `不允许的字段：${key}`, en: `Unknown field: ${key}` },
      }));
    }
    if (issue.code === 'custom') {
      // Our own refinements carry their Chinese text in params.zh and their English text as the message.
      const zh = (issue.params as { zh?: string } | undefined)?.zh;
      return [
        {
          path: base,
          code: String((issue.params as { code?: string } | undefined)?.code ?? 'custom'),
          message: { 'zh-CN': zh ?? issue.message, en: issue.message },
        },
      ];
    }
    return [{ path: base, code: issue.code, message: { 'zh-CN': localize(zhCN, issue), en: localize(en, issue) } }];
  });
}

/** A refinement issue with messages in both languages (for `ctx.addIssue` in superRefine). */
export function bilingualIssue(path: (string | number)[], code: string, zh: string, en: string) {
  return { code: 'custom' as const, path, message: en, params: { zh, code } };
}

const NUL = '\u0000';

/**
 * Text PostgreSQL cannot store: the NUL character (U+0000) in a string or a key, anywhere in a request's
 * params, query or body. Checked before every route's schema, so no handler ever hands one to the database.
 */
export function nulCharacterErrors(value: unknown, path: string[] = []): FieldError[] {
  const here = (): FieldError => ({
    path: path.join('.'),
    code: 'nul_character',
    message: { 'zh-CN': '不能包含空字符（U+0000）。', en: 'Must not contain the NUL character (U+0000).' },
  });
  if (typeof value === 'string') return value.includes(NUL) ? [here()] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => nulCharacterErrors(item, [...path, String(i)]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) =>
      key.includes(NUL)
        ? [{ ...here(), path: [...path, key.replaceAll(NUL, '\\u0000')].join('.') }]
        : nulCharacterErrors(item, [...path, key]),
    );
  }
  return [];
}
