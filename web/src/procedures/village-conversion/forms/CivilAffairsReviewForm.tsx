import { vcCivilAffairsReviewForm } from '../../../../../domain/forms/village-conversion';
import type { TaskFormProps } from '../../taskForm';
import { ReviewDecisionForm } from './ReviewDecisionForm';

/** vc.civil-affairs-review: the county civil-affairs bureau forwards the proposal to the county government, or returns it. */
export function CivilAffairsReviewForm(props: TaskFormProps) {
  return <ReviewDecisionForm {...props} schema={vcCivilAffairsReviewForm} advance="forward" />;
}
