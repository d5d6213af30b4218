import { vcTownshipReviewForm } from '../../../../../domain/forms/village-conversion';
import type { TaskFormProps } from '../../taskForm';
import { ReviewDecisionForm } from './ReviewDecisionForm';

/** vc.township-review (VC-PROPOSE): the township government or sub-district office proposes, or returns the file. */
export function TownshipReviewForm(props: TaskFormProps) {
  return <ReviewDecisionForm {...props} schema={vcTownshipReviewForm} advance="propose" />;
}
