import { App, Button, Card, Col, Input, Row } from 'antd';
import { useState, type ReactNode } from 'react';
import { useWatch, type DefaultValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { CaseRecord } from '../../../api/cases';
import { saveConversionDraft } from '../api';
import { describeError } from '../../../api/errorText';
import { FormField } from '../../../forms/FormField';
import { CheckField } from '../../../forms/GroupField';
import { currentLanguage } from '../../../i18n';
import { vcPrepareForm } from '../../../../../domain/forms/village-conversion';
import { FormActions } from '../../FormActions';
import { NumberField } from '../../NumberField';
import type { TaskFormProps } from '../../taskForm';
import { useServerForm } from '../../../forms/useServerForm';
import { ServerForm } from '../../../forms/ServerForm';
import { VC_RULES } from '../application';
import { AssemblyFields } from '../AssemblyFields';
import { EvidencePicker } from '../EvidencePicker';
import { LiveRulesPanel } from '../LiveRulesPanel';

type Values = z.input<typeof vcPrepareForm>;

const EMPTY: DefaultValues<Values> = {
  application: {
    insideUrbanBoundary: false,
    farmlandInsufficient: false,
    assetRestructuringComplete: false,
    assembly: { fullAssembly: false, noticeDate: '', meetingDate: '' },
  },
  noticePosting: '',
  restructuringRecord: '',
  evidence: { 'VC-C1': [], 'VC-C2': [], 'VC-C3': [], 'VC-C4': [], assembly: [] },
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function merge(base: unknown, over: unknown): unknown {
  if (!isRecord(base) || !isRecord(over)) return over === undefined ? base : over;
  const result: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) result[key] = merge(base[key], value);
  return result;
}

/** Starts from the saved draft, else from the application sent back by a review, else empty. */
function initialValues(record: CaseRecord): DefaultValues<Values> {
  const source = record.case.data.draft ?? record.case.data.application;
  return isRecord(source) ? (merge(EMPTY, source) as DefaultValues<Values>) : EMPTY;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card size="small" title={<h3 className="card-heading">{title}</h3>} style={{ marginBottom: 16 }}>
      {children}
    </Card>
  );
}

/**
 * vc.prepare: the village's application — the four conditions with their evidence, the villagers' assembly record
 * and its evidence — with the VC rules evaluated live. The workflow refuses the step (422) when a rule fails.
 */
export function PrepareForm({ task, record, documents, disabled, submit }: TaskFormProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { message } = App.useApp();
  const [savingDraft, setSavingDraft] = useState(false);
  const { control, submitWith, setServerFieldError, getValues, formState } = useServerForm({
    schema: vcPrepareForm,
    defaultValues: initialValues(record),
  });
  const application = useWatch({ control, name: 'application' });
  const onSubmit = submitWith((payload) => submit(payload, setServerFieldError));
  const rule = (id: keyof typeof VC_RULES) => `${id} ${VC_RULES[id].text[language]}`;
  const picker = (key: 'VC-C1' | 'VC-C2' | 'VC-C3' | 'VC-C4' | 'assembly') => (
    <EvidencePicker
      control={control}
      evidenceKey={key}
      label={key === 'assembly' ? t('vc.evidence.assembly') : t('vc.evidence.condition', { id: key })}
      documents={documents}
      taskId={task.id}
    />
  );

  const saveDraft = async () => {
    setSavingDraft(true);
    try {
      await saveConversionDraft(task.caseId, getValues());
      void message.success(t('vc.prepare.draftSaved'));
    } catch (caught) {
      void message.error(describeError(caught, t, language));
    } finally {
      setSavingDraft(false);
    }
  };

  return (
    <ServerForm onSubmit={onSubmit} submitting={formState.isSubmitting} disabled={disabled}>
      <Section title={rule('VC-C1')}>
        <CheckField control={control} name="application.insideUrbanBoundary" label={t('vc.fields.insideUrbanBoundary')} />
        {picker('VC-C1')}
      </Section>
      <Section title={rule('VC-C2')}>
        <CheckField control={control} name="application.farmlandInsufficient" label={t('vc.fields.farmlandInsufficient')} />
        {picker('VC-C2')}
      </Section>
      <Section title={rule('VC-C3')}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <NumberField control={control} name="application.labourForce" label={t('vc.fields.labourForce')} required />
          </Col>
          <Col xs={24} md={12}>
            <NumberField control={control} name="application.nonFarmLabour" label={t('vc.fields.nonFarmLabour')} required />
          </Col>
        </Row>
        {picker('VC-C3')}
      </Section>
      <Section title={rule('VC-C4')}>
        <CheckField
          control={control}
          name="application.assetRestructuringComplete"
          label={t('vc.fields.assetRestructuringComplete')}
        />
        <FormField
          control={control}
          name="restructuringRecord"
          label={t('vc.fields.restructuringRecord')}
          extra={t('vc.fields.restructuringRecordHelp')}
          required
        >
          {(field, input) => <Input {...field} {...input} maxLength={200} />}
        </FormField>
        {picker('VC-C4')}
      </Section>
      <Section title={t('vc.prepare.assembly')}>
        <AssemblyFields
          control={control}
          at="application.assembly"
          afterDates={
            <FormField
              control={control}
              name="noticePosting"
              label={t('vc.fields.noticePosting')}
              extra={t('vc.fields.noticePostingHelp')}
              required
            >
              {(field, input) => <Input.TextArea {...field} {...input} rows={2} maxLength={500} />}
            </FormField>
          }
          otherVotes={[
            <NumberField control={control} name="votesAgainst" label={t('vc.fields.votesAgainst')} required />,
            <NumberField control={control} name="abstentions" label={t('vc.fields.abstentions')} required />,
          ]}
        />
        {picker('assembly')}
      </Section>
      <Section title={t('vc.rules.title')}>
        <LiveRulesPanel application={application} />
      </Section>
      <FormActions submitting={formState.isSubmitting} disabled={disabled}>
        <Button onClick={() => void saveDraft()} loading={savingDraft} disabled={disabled}>
          {t('vc.prepare.saveDraft')}
        </Button>
      </FormActions>
    </ServerForm>
  );
}
