import { Col, Input, InputNumber, Radio, Row } from 'antd';
import { useWatch, type Control, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { FormField } from '../../forms/FormField';
import { CheckField, GroupField } from '../../forms/GroupField';
import { currentLanguage } from '../../i18n';
import { SA_CLASSIFICATIONS } from '../../../../domain/rules/service-admission';
import type { serviceItemTerms } from '../../../../domain/forms/service-admission';
import { classificationName } from './labels';

export type TermsValues = z.input<typeof serviceItemTerms>;
/** Every form with the terms keeps them under `terms` (the application adds the communities, a revision its action). */
export interface WithTerms {
  terms: TermsValues;
}

/** An empty text is "not given" (null), as the rules and the list expect. */
const orNull = (value: string) => (value.trim() === '' ? null : value);

/** Empty terms for a new application (no classification chosen yet): the period starts today. */
export function emptyTerms(today: string): Omit<TermsValues, 'classification'> & Partial<Pick<TermsValues, 'classification'>> {
  return {
    itemName: '',
    legalBasis: '',
    workloadEstimate: '',
    fundingAmount: null,
    fundingPayer: null,
    authorityTransferred: false,
    authorityDescription: null,
    workingConditions: null,
    period: { from: today, until: '' },
  };
}

/**
 * The terms of a work item (serviceItemTerms): what, on which legal basis, how it is classified, the workload, the
 * funding and who pays, the authority transferred, the working conditions and the period.
 */
export function TermsFields<T extends FieldValues & WithTerms, TOut extends FieldValues>({
  control: anyControl,
}: {
  control: Control<T, unknown, TOut>;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  // The paths below are those of WithTerms, which T extends; react-hook-form cannot resolve them on a generic T.
  const control = anyControl as unknown as Control<WithTerms>;
  const classification = useWatch({ control, name: 'terms.classification' });
  const authorityTransferred = useWatch({ control, name: 'terms.authorityTransferred' });
  const labels = {
    itemName: t('serviceAdmission.fields.itemName'),
    description: t('serviceAdmission.fields.description'),
    legalBasis: t('serviceAdmission.fields.legalBasis'),
    classification: t('serviceAdmission.fields.classification'),
    workloadEstimate: t('serviceAdmission.fields.workloadEstimate'),
    fundingAmount: t('serviceAdmission.fields.fundingAmount'),
    fundingPayer: t('serviceAdmission.fields.fundingPayer'),
    authorityTransferred: t('serviceAdmission.fields.authorityTransferred'),
    authorityDescription: t('serviceAdmission.fields.authorityDescription'),
    workingConditions: t('serviceAdmission.fields.workingConditions'),
    periodFrom: t('serviceAdmission.fields.periodFrom'),
    periodUntil: t('serviceAdmission.fields.periodUntil'),
  };

  return (
    <>
      <FormField control={control} name="terms.itemName" label={labels.itemName} required>
        {(field, input) => <Input {...field} {...input} maxLength={200} />}
      </FormField>
      <FormField control={control} name="terms.description" label={labels.description}>
        {(field, input) => (
          <Input.TextArea
            {...field}
            {...input}
            value={field.value ?? ''}
            onChange={(event) => field.onChange(event.target.value === '' ? undefined : event.target.value)}
            rows={2}
            maxLength={2000}
          />
        )}
      </FormField>
      <FormField
        control={control}
        name="terms.legalBasis"
        label={labels.legalBasis}
        extra={t('serviceAdmission.fields.legalBasisHelp')}
        required
      >
        {(field, input) => <Input.TextArea {...field} {...input} rows={2} maxLength={1000} />}
      </FormField>
      <GroupField
        control={control}
        name="terms.classification"
        label={labels.classification}
        extra={t('serviceAdmission.fields.classificationHelp')}
        required
      >
        {(field, group) => (
          <Radio.Group
            {...group}
            value={field.value}
            onChange={(event) => field.onChange(event.target.value)}
            options={SA_CLASSIFICATIONS.map((c) => ({ value: c, label: classificationName(c, language) }))}
          />
        )}
      </GroupField>
      <FormField
        control={control}
        name="terms.workloadEstimate"
        label={labels.workloadEstimate}
        extra={t('serviceAdmission.fields.workloadEstimateHelp')}
        required
      >
        {(field, input) => <Input.TextArea {...field} {...input} rows={2} maxLength={500} />}
      </FormField>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <FormField control={control} name="terms.fundingAmount" label={labels.fundingAmount}>
            {(field, input) => (
              <InputNumber
                {...input}
                ref={field.ref}
                name={field.name}
                value={field.value ?? null}
                onChange={(value) => field.onChange(typeof value === 'number' ? value : null)}
                onBlur={field.onBlur}
                min={0}
                precision={2}
                inputMode="decimal"
                style={{ width: '100%' }}
              />
            )}
          </FormField>
        </Col>
        <Col xs={24} md={12}>
          <FormField control={control} name="terms.fundingPayer" label={labels.fundingPayer}>
            {(field, input) => (
              <Input
                {...field}
                {...input}
                value={field.value ?? ''}
                onChange={(event) => field.onChange(orNull(event.target.value))}
                maxLength={200}
              />
            )}
          </FormField>
        </Col>
      </Row>
      <FormField control={control} name="terms.workingConditions" label={labels.workingConditions}>
        {(field, input) => (
          <Input.TextArea
            {...field}
            {...input}
            value={field.value ?? ''}
            onChange={(event) => field.onChange(orNull(event.target.value))}
            rows={2}
            maxLength={2000}
          />
        )}
      </FormField>
      <CheckField
        control={control}
        name="terms.authorityTransferred"
        label={labels.authorityTransferred}
        extra={t('serviceAdmission.fields.authorityTransferredHelp')}
      />
      {(classification === 'entrusted' || authorityTransferred) && (
        <FormField control={control} name="terms.authorityDescription" label={labels.authorityDescription}>
          {(field, input) => (
            <Input.TextArea
              {...field}
              {...input}
              value={field.value ?? ''}
              onChange={(event) => field.onChange(orNull(event.target.value))}
              rows={2}
              maxLength={1000}
            />
          )}
        </FormField>
      )}
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <FormField control={control} name="terms.period.from" label={labels.periodFrom} required>
            {(field, input) => <Input {...field} {...input} type="date" />}
          </FormField>
        </Col>
        <Col xs={24} md={12}>
          <FormField control={control} name="terms.period.until" label={labels.periodUntil} required>
            {(field, input) => <Input {...field} {...input} type="date" />}
          </FormField>
        </Col>
      </Row>
    </>
  );
}
