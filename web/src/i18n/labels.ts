import type { Language } from './index';
import labelsEn from './labels.en.json';
import labelsZh from './labels.zh-CN.json';
import { formatDateTime, formatDay } from '../procedures/format';
import { ROLE_NAMES, ROLES, type RoleName } from '../api/schemas/shared';

/**
 * Labels for what the program records under codes: audit events ("service-item.listed"), coded reasons
 * ("rules:VC-C3,VC-NOTICE"), rule ids, the names of the values a rule compared ("nonFarmLabour") and coded values
 * ("residents-committee-law"). A reader sees these words, never the codes.
 */
type Labels = typeof labelsZh;
const LABELS: Record<Language, Labels> = { 'zh-CN': labelsZh, en: labelsEn };

function lookup(table: Record<string, string>, key: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

/** An audit event of the case's record; an event this build does not name reads "other record". */
export function eventLabel(action: string, language: Language): string {
  const labels = LABELS[language];
  return lookup(labels.events, action) ?? labels.reasons.unknownEvent;
}

/** A rule's name ("条件三：三分之二以上劳动力从事非农产业"); the id itself for a rule this build does not name. */
export function ruleName(id: string, language: Language): string {
  return lookup(LABELS[language].rules, id) ?? id;
}

/** "条件三：…（VC-C3）": the name, with the id the statute tables use in brackets. */
export function ruleTitle(id: string, language: Language): string {
  const name = lookup(LABELS[language].rules, id);
  if (!name) return id;
  return language === 'en' ? `${name} (${id})` : `${name}（${id}）`;
}

/**
 * A recorded reason: a coded one in words ("rules:VC-C3,VC-NOTICE" → "未通过：条件三…、村民会议提前十日公告"); a
 * reason a person wrote is shown as written.
 */
export function reasonText(reason: string, language: Language): string {
  const labels = LABELS[language];
  if (reason.startsWith('rules:')) {
    const ids = reason.slice('rules:'.length).split(',').filter(Boolean);
    const names = ids.map((id) => ruleName(id, language)).join(language === 'en' ? '; ' : '、');
    return labels.reasons.rulesFailed.replace('{{rules}}', names);
  }
  return lookup(labels.reasons, reason) ?? reason;
}

/** The name of a value a rule compared ("nonFarmLabour" → "从事非农产业的劳动力"). */
export function valueName(key: string, language: Language): string {
  return lookup(LABELS[language].values, key) ?? key;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** A compared value in words: yes/no, a date in China time, a coded value by its label, numbers and text as they are. */
export function valueText(value: unknown, language: Language): string {
  if (value === true) return language === 'en' ? 'yes' : '是';
  if (value === false) return language === 'en' ? 'no' : '否';
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'string') {
    if (ISO_DATE.test(value)) return formatDay(value, language);
    if (ISO_INSTANT.test(value)) return formatDateTime(value, language);
    // A list of value names ("fundingAmount,workingConditions", e.g. what is missing).
    if (
      /^[a-z][A-Za-z]*(,[a-z][A-Za-z]*)*$/.test(value) &&
      value.split(',').every((key) => lookup(LABELS[language].values, key))
    ) {
      return value
        .split(',')
        .map((key) => valueName(key, language))
        .join(language === 'en' ? ', ' : '、');
    }
    if (isRoleName(value)) return ROLE_NAMES[value][language];
    return lookup(LABELS[language].valueTexts, value) ?? value;
  }
  if (Array.isArray(value)) return value.map((v) => valueText(v, language)).join(language === 'en' ? ', ' : '、');
  return JSON.stringify(value);
}

/** The outcome of a recorded attempt other than success and refusal ("failure"). */
export function outcomeLabel(outcome: string, language: Language): string {
  return lookup(LABELS[language].outcomes, outcome) ?? LABELS[language].outcomes.failure;
}

function isRoleName(value: string): value is RoleName {
  return (ROLES as readonly string[]).includes(value);
}
