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
    return [{ path: base, code: issue.code, message: { 'zh-CN': localize(zhCN, issue), en: localize(en, issue) } }];
  });
}
