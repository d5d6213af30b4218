import { z } from 'zod';

/**
 * A readable text in both languages the product speaks: Chinese (the default) and English. Every message, rule detail
 * and name shown to a person has this shape, in every layer: declared here once.
 */
export interface LocalizedText {
  'zh-CN': string;
  en: string;
}

/** The language a reader asked for (`?lang=`, the web's language switch). */
export type Language = keyof LocalizedText;

/** LocalizedText on the wire (API schemas, the web client, stored JSON). */
export const localizedText = z.object({ 'zh-CN': z.string(), en: z.string() }) satisfies z.ZodType<LocalizedText>;
