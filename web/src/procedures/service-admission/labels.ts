import type { TFunction } from 'i18next';
import type { z } from 'zod';
import type { serviceItemStage } from '../../api/schemas/procedures';
import type { Language } from '../../i18n';
import {
  SA_CLASSIFICATION_NAMES,
  SA_RULES,
  type SaClassification,
  type SaRuleId,
} from '../../../../domain/rules/service-admission';
import type { Tone } from '../../components/ToneTag';

export type ServiceItemStage = z.infer<typeof serviceItemStage>;

/** A classification's name from the domain (both languages, one place). */
export function classificationName(classification: SaClassification, language: Language): string {
  return SA_CLASSIFICATION_NAMES[classification][language];
}

/** "SA-ASSIST 凡依法应由社区居民委员会协助的事项…" in the reader's language. */
export function ruleHeading(id: SaRuleId, language: Language): string {
  return `${id} ${SA_RULES[id].text[language]}`;
}

export function stageName(stage: ServiceItemStage, t: TFunction): string {
  return t(`serviceAdmission.stage.${stage}`);
}

/** The tag colour of a stage: waiting on the department (warning), refused (error), listed (success). */
export function stageTone(stage: ServiceItemStage): Tone {
  switch (stage) {
    case 'listed':
      return 'success';
    case 'refused':
      return 'error';
    case 'held':
    case 'returned':
    case 're-review':
      return 'warning';
    case 'closed':
      return 'neutral';
    default:
      return 'info';
  }
}

const OUTCOMES = ['rejected-own-duty', 'rejected', 'withdrawn', 'renewal-refused', 'ended', 'expired'] as const;

export function outcomeName(outcome: string, t: TFunction): string {
  return (OUTCOMES as readonly string[]).includes(outcome)
    ? t(`serviceAdmission.outcome.${outcome as (typeof OUTCOMES)[number]}`)
    : outcome;
}
