import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { TaskFormProps } from './taskForm';

type TaskFormComponent = LazyExoticComponent<ComponentType<TaskFormProps>>;

/**
 * The web form of each task form id (domain/forms FORMS): one component per file under
 * procedures/<procedure>/forms/, loaded when a task of that form is opened.
 */
export const TASK_FORMS: Partial<Record<string, TaskFormComponent>> = {
  'smoke.confirm': lazy(() => import('./smoke/forms/SmokeConfirmForm').then((m) => ({ default: m.SmokeConfirmForm }))),
  'owners-meeting.opinion': lazy(() => import('./owners-meeting/forms/OpinionForm').then((m) => ({ default: m.OpinionForm }))),
  'owners-meeting.assembly-votes': lazy(() =>
    import('./owners-meeting/forms/AssemblyVotesForm').then((m) => ({ default: m.AssemblyVotesForm })),
  ),
  'owners-meeting.committee-votes': lazy(() =>
    import('./owners-meeting/forms/CommitteeVotesForm').then((m) => ({ default: m.CommitteeVotesForm })),
  ),
  'owners-meeting.report': lazy(() => import('./owners-meeting/forms/ReportForm').then((m) => ({ default: m.ReportForm }))),
  'owners-meeting.post': lazy(() => import('./owners-meeting/forms/PostForm').then((m) => ({ default: m.PostForm }))),
  'sa.revise': lazy(() => import('./service-admission/forms/ReviseForm').then((m) => ({ default: m.ReviseForm }))),
  'sa.appeal': lazy(() => import('./service-admission/forms/AppealForm').then((m) => ({ default: m.AppealForm }))),
  'sa.appeal-ruling': lazy(() =>
    import('./service-admission/forms/AppealRulingForm').then((m) => ({ default: m.AppealRulingForm })),
  ),
  'sa.review': lazy(() => import('./service-admission/forms/ReviewForm').then((m) => ({ default: m.ReviewForm }))),
  'sa.decide': lazy(() => import('./service-admission/forms/DecideForm').then((m) => ({ default: m.DecideForm }))),
  'sa.report-answer': lazy(() =>
    import('./service-admission/forms/ReportAnswerForm').then((m) => ({ default: m.ReportAnswerForm })),
  ),
  'election.setup': lazy(() => import('./election/forms/SetupForm').then((m) => ({ default: m.SetupForm }))),
  'election.publish-list': lazy(() => import('./election/forms/PublishListForm').then((m) => ({ default: m.PublishListForm }))),
  'election.objection-answer': lazy(() =>
    import('./election/forms/ObjectionAnswerForm').then((m) => ({ default: m.ObjectionAnswerForm })),
  ),
  'election.candidates': lazy(() => import('./election/forms/CandidatesForm').then((m) => ({ default: m.CandidatesForm }))),
  'election.results': lazy(() => import('./election/forms/ResultsForm').then((m) => ({ default: m.ResultsForm }))),
  'election.handover': lazy(() => import('./election/forms/HandoverForm').then((m) => ({ default: m.HandoverForm }))),
  'election.migrant-decision': lazy(() =>
    import('./election/forms/MigrantDecisionForm').then((m) => ({ default: m.MigrantDecisionForm })),
  ),
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
  'rectification.answer': lazy(() =>
    import('./rectification/forms/RectificationAnswerForm').then((m) => ({ default: m.RectificationAnswerForm })),
  ),
};

export function taskFormFor(formId: string): TaskFormComponent | undefined {
  return TASK_FORMS[formId];
}
