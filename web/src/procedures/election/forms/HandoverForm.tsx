import { Checkbox, Input, Typography } from 'antd';
import { useWatch } from 'react-hook-form';
import { TaskFacts } from '../../TaskFacts';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { RuleResults } from '../../../components/RuleResults';
import { FormField } from '../../../forms/FormField';
import { GroupField } from '../../../forms/GroupField';
import { currentLanguage } from '../../../i18n';
import { electionHandoverForm, HANDOVER_ITEMS } from '../../../../../domain/forms/election';
import { checkHandover } from '../../../../../domain/rules/election';
import { isValidIsoDate } from '../../../../../domain/clock';
import { DateField } from '../../DateField';
import { FormActions } from '../../FormActions';
import type { TaskFormProps } from '../../taskForm';
import { useServerForm } from '../../../forms/useServerForm';
import { ServerForm } from '../../../forms/ServerForm';
import { ruleLine } from '../ruleLines';
import { handoverContext, taskContext } from '../taskContext';

type Values = z.input<typeof electionHandoverForm>;

function prepare(values: Values): Values {
  return { ...values, note: values.note?.trim() ? values.note : undefined };
}

/** election.handover (EL-HANDOVER): the old committee hands seals, files and the rest to the new one within 10 days. */
export function HandoverForm({ task, disabled, submit }: TaskFormProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { electedOn, lastAllowedDate, elected } = taskContext(handoverContext, task);
  const { control, submitWith, setServerFieldError, formState } = useServerForm({
    schema: electionHandoverForm,
    prepare: prepare,
    defaultValues: { handedOverOn: '', items: [], note: '' },
  });
  const handedOverOn = useWatch({ control, name: 'handedOverOn' });
  const onSubmit = submitWith((payload) => submit(payload, setServerFieldError));
  const rule =
    electedOn && lastAllowedDate && handedOverOn && isValidIsoDate(handedOverOn)
      ? checkHandover(electedOn, handedOverOn, lastAllowedDate)
      : undefined;

  return (
    <ServerForm onSubmit={onSubmit} submitting={formState.isSubmitting} disabled={disabled}>
      <TaskFacts
        items={[
          { key: 'elected', label: t('election.detail.elected'), children: elected.join('、') || '—' },
          { key: 'on', label: t('election.forms.handover.electedOn'), children: electedOn ?? '—' },
          { key: 'last', label: t('election.forms.handover.lastDay'), children: lastAllowedDate ?? '—' },
        ]}
      />
      <DateField control={control} name="handedOverOn" label={t('election.forms.handover.handedOverOn')} required />
      <GroupField control={control} name="items" label={t('election.forms.handover.items')} required>
        {(field, group) => (
          <Checkbox.Group
            {...group}
            value={field.value ?? []}
            onChange={(value) => field.onChange(value)}
            options={HANDOVER_ITEMS.map((item) => ({ value: item, label: t(`election.handoverItem.${item}`) }))}
          />
        )}
      </GroupField>
      <FormField control={control} name="note" label={t('election.forms.note')}>
        {(field, input) => <Input.TextArea {...field} {...input} value={field.value ?? ''} rows={3} maxLength={2000} />}
      </FormField>
      <Typography.Paragraph strong>{t('election.forms.liveRules')}</Typography.Paragraph>
      <RuleResults label={t('election.forms.liveRules')} rules={[ruleLine('EL-HANDOVER', rule, language)]} />
      <div style={{ marginTop: 16 }}>
        <FormActions submitting={formState.isSubmitting} disabled={disabled} />
      </div>
    </ServerForm>
  );
}
