import { App, Button, Col, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ErrorAlert } from '../../components/ErrorAlert';
import { procedureFormResolver } from '../../forms/bilingual';
import { FormField } from '../../forms/FormField';
import { addVoter } from './api';
import { IdNumberHint } from './IdNumberHint';
import { voterEntryBody } from '../../../../domain/forms/election';
import { submitSpinner } from '../../forms/submit-spinner';
import { useServerForm } from '../../forms/useServerForm';
import { ServerForm } from '../../forms/ServerForm';

type Values = z.input<typeof voterEntryBody>;

const blankToUndefined = (value: string | undefined) => (value?.trim() ? value : undefined);

/** One voter added by hand during registration: the ID number is checked here (GB 11643) and again by the server. */
export function AddVoterForm({ electionId, onAdded }: { electionId: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { control, error, submitWith, formState, reset } = useServerForm<Values, z.output<typeof voterEntryBody>>({
    resolver: procedureFormResolver(voterEntryBody, (v) => ({
      ...v,
      address: blankToUndefined(v.address),
      residentsGroup: blankToUndefined(v.residentsGroup),
    })),
    defaultValues: { name: '', idNumber: '', address: '', residentsGroup: '' },
  });
  const onSubmit = submitWith(async (body) => {
    const voter = await addVoter(electionId, body);
    void message.success(t('election.voters.added', { name: voter.name }));
    reset();
    onAdded();
  });

  return (
    <ServerForm onSubmit={onSubmit} submitting={formState.isSubmitting}>
      <ErrorAlert error={error} />
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <FormField control={control} name="name" label={t('election.fields.name')} required>
            {(field, input) => <Input {...field} {...input} maxLength={50} />}
          </FormField>
        </Col>
        <Col xs={24} md={12}>
          <FormField
            control={control}
            name="idNumber"
            label={t('election.fields.idNumber')}
            extra={<IdNumberHint control={control} name="idNumber" />}
            required
          >
            {(field, input) => <Input {...field} {...input} maxLength={18} autoComplete="off" />}
          </FormField>
        </Col>
        <Col xs={24} md={12}>
          <FormField control={control} name="address" label={t('election.fields.address')}>
            {(field, input) => <Input {...field} {...input} value={field.value ?? ''} maxLength={200} />}
          </FormField>
        </Col>
        <Col xs={24} md={12}>
          <FormField control={control} name="residentsGroup" label={t('election.fields.residentsGroup')}>
            {(field, input) => <Input {...field} {...input} value={field.value ?? ''} maxLength={50} />}
          </FormField>
        </Col>
      </Row>
      <Button type="primary" htmlType="submit" loading={submitSpinner(formState.isSubmitting)}>
        {t('election.voters.add')}
      </Button>
    </ServerForm>
  );
}
