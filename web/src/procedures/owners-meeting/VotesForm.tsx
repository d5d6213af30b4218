import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useWatch, type Control, type DefaultValues, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { procedureFormResolver } from '../../forms/bilingual';
import { FormActions } from '../FormActions';
import type { TaskFormProps } from '../taskForm';
import { useServerForm } from '../../forms/useServerForm';
import { ServerForm } from '../../forms/ServerForm';
import { LiveVoteRules } from './LiveVoteRules';
import type { RegisteredMeeting } from './meetingData';
import { MeetingCard } from './MeetingCard';

type VotesSchema = z.ZodType<FieldValues, FieldValues>;
type VotesControl<S extends VotesSchema> = Control<z.input<S>, unknown, z.output<S>>;

interface VotesFormProps<S extends VotesSchema> extends TaskFormProps {
  /** The votes' schema (domain/forms/owners-meeting.ts: the assembly's or the committee's), with one `votes` per item. */
  schema: S;
  /** Heading of the card with the totals: who could take part and who did. */
  totalsTitle: string;
  /** The totals' fields. */
  totals: (control: VotesControl<S>) => ReactNode;
  /** Shown after an agenda item's title (the assembly: its kind of matter). */
  itemTag?: (item: RegisteredMeeting['items'][number]) => ReactNode;
  /** The fields of the votes in favour of agenda item `index`. */
  itemVotes: (control: VotesControl<S>, index: number) => ReactNode;
}

/**
 * The votes of a meeting, under the meeting it records: the totals, the votes on each agenda item in the agenda's
 * order, and the vote rules evaluated live (LiveVoteRules).
 */
export function VotesForm<S extends VotesSchema>(props: VotesFormProps<S>) {
  return <MeetingCard record={props.record}>{(data) => <Votes {...props} meeting={data.meeting} />}</MeetingCard>;
}

function Votes<S extends VotesSchema>({
  schema,
  totalsTitle,
  totals,
  itemTag,
  itemVotes,
  meeting,
  disabled,
  submit,
}: VotesFormProps<S> & { meeting: RegisteredMeeting }) {
  const { t } = useTranslation();
  const { control, submitWith, setServerFieldError, formState } = useServerForm<z.input<S>, z.output<S>>({
    resolver: procedureFormResolver(schema),
    // One (empty) entry per agenda item, in the agenda's order.
    defaultValues: { votes: meeting.items.map(() => ({})) } as DefaultValues<z.input<S>>,
  });
  const values = useWatch({ control });
  const onSubmit = submitWith((payload) => submit(payload, setServerFieldError));
  return (
    <ServerForm onSubmit={onSubmit} submitting={formState.isSubmitting} disabled={disabled}>
      <Card size="small" title={<h3 className="card-heading">{totalsTitle}</h3>} style={{ marginBottom: 16 }}>
        {totals(control)}
      </Card>
      {meeting.items.map((item, i) => (
        <fieldset key={item.title} className="form-fieldset">
          <legend>
            <Typography.Text strong className="break-anywhere">
              {t('ownersMeeting.votes.item', { index: i + 1, title: item.title })}
            </Typography.Text>
            {itemTag && <> {itemTag(item)}</>}
          </legend>
          {itemVotes(control, i)}
        </fieldset>
      ))}
      <Card size="small" title={<h3 className="card-heading">{t('ownersMeeting.votes.rules')}</h3>} style={{ marginBottom: 16 }}>
        <LiveVoteRules meeting={meeting} values={values} />
      </Card>
      <FormActions submitting={formState.isSubmitting} disabled={disabled} />
    </ServerForm>
  );
}
