import { Alert, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { TaskFacts } from '../../TaskFacts';
import { Link } from 'react-router-dom';
import type { z } from 'zod';
import { procedureFormResolver } from '../../../forms/bilingual';
import { FormField } from '../../../forms/FormField';
import { CheckField } from '../../../forms/GroupField';
import { useAsyncData } from '../../../hooks/useAsyncData';
import { electionPublishListForm } from '../../../../../domain/forms/election';
import { chinaDate } from '../../format';
import { FormActions } from '../../FormActions';
import type { TaskFormProps } from '../../taskForm';
import { useServerForm } from '../../../forms/useServerForm';
import { ServerForm } from '../../../forms/ServerForm';
import { listApplications, listVoters } from '../api';
import { publishContext, taskContext } from '../taskContext';

type Values = z.input<typeof electionPublishListForm>;

/** An unticked confirmation is a missing one ("required"), and an empty reason is none. */
function prepare(values: Values): Values {
  return {
    confirmed: (values.confirmed === true ? true : undefined) as true,
    lateReason: values.lateReason?.trim() ? values.lateReason : undefined,
  };
}

/**
 * election.publish-list (EL-LIST): the committee publishes the voter list, 20 days or more before election day; a
 * later publication needs a reason, which is audited and printed on the notice. Undecided migrant applications
 * block the publication (the workflow says how many).
 */
export function PublishListForm({ task, disabled, submit }: TaskFormProps) {
  const { t } = useTranslation();
  const { electionDate, lastAllowedDate } = taskContext(publishContext, task);
  const electionId = task.caseId;
  const { data } = useAsyncData(async (signal) => {
    const [voters, applications] = await Promise.all([
      listVoters(electionId, { limit: 1, offset: 0 }, signal),
      listApplications({ electionId }, signal),
    ]);
    const pending = applications.filter((a) => a.status === 'UNDER_REVIEW' || a.status === 'EVIDENCE_REQUESTED').length;
    return { voters: voters.total, pending };
  }, electionId);
  const late = lastAllowedDate !== undefined && chinaDate(new Date().toISOString()) > lastAllowedDate;
  const { control, submitWith, setServerFieldError, formState } = useServerForm<Values, z.output<typeof electionPublishListForm>>(
    {
      resolver: procedureFormResolver(electionPublishListForm, prepare),
      defaultValues: { lateReason: '' },
    },
  );
  const onSubmit = submitWith((payload) => submit(payload, setServerFieldError));

  return (
    <ServerForm onSubmit={onSubmit} submitting={formState.isSubmitting} disabled={disabled}>
      <TaskFacts
        items={[
          { key: 'date', label: t('election.fields.electionDate'), children: electionDate ?? '—' },
          { key: 'latest', label: t('election.fields.listLatest'), children: lastAllowedDate ?? '—' },
          { key: 'voters', label: t('election.fields.registeredVoters'), children: data ? String(data.voters) : '…' },
          { key: 'pending', label: t('election.forms.publish.pending'), children: data ? String(data.pending) : '…' },
        ]}
      />
      <Typography.Paragraph>
        <Link className="text-link" to={`/elections/${electionId}/voters`}>
          {t('election.forms.publish.reviewList')}
        </Link>
      </Typography.Paragraph>
      {data && data.pending > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('election.forms.publish.pendingWarning', { count: data.pending })}
        />
      )}
      {late && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('election.forms.publish.late', { date: lastAllowedDate })}
        />
      )}
      <CheckField control={control} name="confirmed" label={t('election.forms.publish.confirm')} />
      {late && (
        <FormField
          control={control}
          name="lateReason"
          label={t('election.forms.publish.lateReason')}
          extra={t('election.forms.publish.lateReasonHelp')}
          required
        >
          {(field, input) => <Input.TextArea {...field} {...input} value={field.value ?? ''} rows={3} maxLength={2000} />}
        </FormField>
      )}
      <FormActions submitting={formState.isSubmitting} disabled={disabled} />
    </ServerForm>
  );
}
