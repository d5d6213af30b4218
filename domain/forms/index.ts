import type { z } from 'zod';
import { smokeConfirmForm } from './smoke';
import {
  electionCandidatesForm,
  electionHandoverForm,
  electionObjectionAnswerForm,
  electionPublishListForm,
  electionResultsForm,
  electionSetupForm,
  migrantDecisionForm,
} from './election';
import {
  assemblyVotesForm,
  committeeVotesForm,
  ownersMeetingOpinionForm,
  ownersMeetingPostForm,
  ownersMeetingReportForm,
} from './owners-meeting';
import { vcCivilAffairsReviewForm, vcCountyDecisionForm, vcPrepareForm, vcTownshipReviewForm } from './village-conversion';
import {
  saAppealForm,
  saAppealRulingForm,
  saDecideForm,
  saReportAnswerForm,
  saReviewForm,
  saReviseForm,
} from './service-admission';

/**
 * Every task form by id. The workflow's Update validator, the API and the web form all validate with these
 * same schemas, so a payload the UI accepts is exactly what the workflow accepts.
 */
export const FORMS = {
  'smoke.confirm': smokeConfirmForm,
  'election.setup': electionSetupForm,
  'election.publish-list': electionPublishListForm,
  'election.objection-answer': electionObjectionAnswerForm,
  'election.candidates': electionCandidatesForm,
  'election.results': electionResultsForm,
  'election.handover': electionHandoverForm,
  'election.migrant-decision': migrantDecisionForm,
  'owners-meeting.opinion': ownersMeetingOpinionForm,
  'owners-meeting.assembly-votes': assemblyVotesForm,
  'owners-meeting.committee-votes': committeeVotesForm,
  'owners-meeting.report': ownersMeetingReportForm,
  'owners-meeting.post': ownersMeetingPostForm,
  'vc.prepare': vcPrepareForm,
  'vc.township-review': vcTownshipReviewForm,
  'vc.civil-affairs-review': vcCivilAffairsReviewForm,
  'vc.county-decision': vcCountyDecisionForm,
  'sa.revise': saReviseForm,
  'sa.appeal': saAppealForm,
  'sa.appeal-ruling': saAppealRulingForm,
  'sa.review': saReviewForm,
  'sa.decide': saDecideForm,
  'sa.report-answer': saReportAnswerForm,
} as const satisfies Record<string, z.ZodType>;

export type FormId = keyof typeof FORMS;
export type FormPayload<F extends FormId> = z.infer<(typeof FORMS)[F]>;

export function isFormId(value: string): value is FormId {
  return Object.prototype.hasOwnProperty.call(FORMS, value);
}
