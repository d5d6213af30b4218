import { Button, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { z } from 'zod';
import { fetchCaseRecord } from '../../api/cases';
import { listOrganizations } from '../../api/organizations';
import { ErrorAlert } from '../../components/ErrorAlert';
import { RuleResults } from '../../components/RuleResults';
import { FormField } from '../../forms/FormField';
import { RadioField } from '../../forms/GroupField';
import { useAsyncData } from '../../hooks/useAsyncData';
import { currentLanguage } from '../../i18n';
import { startElection } from './api';
import { ruleLines } from './ruleLines';
import { canAccess, useMe } from '../../session/context';
import { lawForCommunity } from '../../../../domain/rules/election-law';
import { submitSpinner } from '../../forms/submit-spinner';
import { useServerForm } from '../../forms/useServerForm';
import { ServerForm } from '../../forms/ServerForm';

/** The body of POST /api/v1/elections (declared inline in api/routes/election/elections.ts). */
const startBody = z.object({ communityOrgId: z.string().uuid(), restructuringComplete: z.boolean() }).strict();

/**
 * 发起选举: the township or sub-district office starts a community's election. EL-LAW picks the law from whether the
 * community's collective assets are restructured (shown before starting); the first task, the set-up, opens next.
 */
export function StartElectionButton({ onStarted }: { onStarted?: () => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const me = useMe();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const allowed = canAccess(me, 'elections.start');
  const communities = useAsyncData(
    (signal) => (allowed && open ? listOrganizations({ kind: 'COMMUNITY' }, signal) : Promise.resolve([])),
    `${me.membership?.id ?? ''}-${open}`,
  );
  const { control, error, submitWith, formState, reset } = useServerForm({
    schema: startBody,
  });
  const restructured = useWatch({ control, name: 'restructuringComplete' });
  if (!allowed) return null;

  const onSubmit = submitWith(async (body) => {
    const created = await startElection(body);
    const record = await fetchCaseRecord(created.id);
    const setup = record.tasks.find((task) => task.kind === 'election.setup' && task.status === 'OPEN');
    setOpen(false);
    reset();
    onStarted?.();
    void navigate(setup ? `/tasks/${setup.id}` : `/elections/${created.id}`);
  });

  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)}>
        {t('election.start.button')}
      </Button>
      <Modal title={t('election.start.title')} open={open} onCancel={() => setOpen(false)} footer={null} destroyOnHidden>
        <Typography.Paragraph>{t('election.start.description')}</Typography.Paragraph>
        <ServerForm onSubmit={onSubmit} submitting={formState.isSubmitting}>
          <ErrorAlert error={error ?? communities.error} />
          <FormField control={control} name="communityOrgId" label={t('election.start.community')} required>
            {(field, input) => (
              <Select
                {...input}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                loading={communities.loading}
                showSearch={{ optionFilterProp: 'label' }}
                options={(communities.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
                notFoundContent={t('election.start.noCommunities')}
              />
            )}
          </FormField>
          <RadioField
            control={control}
            name="restructuringComplete"
            label={t('election.start.restructured')}
            extra={t('election.start.restructuredHelp')}
            required
            options={[
              { value: true, label: t('election.start.restructuredYes') },
              { value: false, label: t('election.start.restructuredNo') },
            ]}
          />
          {typeof restructured === 'boolean' && (
            <div style={{ marginBottom: 16 }}>
              <RuleResults
                label={t('election.start.law')}
                rules={ruleLines([lawForCommunity({ restructuringComplete: restructured })], language)}
              />
            </div>
          )}
          <Button type="primary" htmlType="submit" loading={submitSpinner(formState.isSubmitting)}>
            {t('election.start.submit')}
          </Button>
        </ServerForm>
      </Modal>
    </>
  );
}
