import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { TaskFormProps } from './taskForm';

type TaskFormComponent = LazyExoticComponent<ComponentType<TaskFormProps>>;

/**
 * The web form of each task form id (domain/forms FORMS): one component per file under
 * procedures/<procedure>/forms/, loaded when a task of that form is opened.
 */
export const TASK_FORMS: Partial<Record<string, TaskFormComponent>> = {
  'smoke.confirm': lazy(() => import('./smoke/forms/SmokeConfirmForm').then((m) => ({ default: m.SmokeConfirmForm }))),
  'vc.prepare': lazy(() => import('./village-conversion/forms/PrepareForm').then((m) => ({ default: m.PrepareForm }))),
  'vc.township-review': lazy(() =>
    import('./village-conversion/forms/TownshipReviewForm').then((m) => ({ default: m.TownshipReviewForm })),
  ),
  'vc.civil-affairs-review': lazy(() =>
    import('./village-conversion/forms/CivilAffairsReviewForm').then((m) => ({ default: m.CivilAffairsReviewForm })),
  ),
  'vc.county-decision': lazy(() =>
    import('./village-conversion/forms/CountyDecisionForm').then((m) => ({ default: m.CountyDecisionForm })),
  ),
};

export function taskFormFor(formId: string): TaskFormComponent | undefined {
  return TASK_FORMS[formId];
}
