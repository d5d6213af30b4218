import { Col, Input, Row } from 'antd';
import { useWatch, type Control, type FieldValues } from 'react-hook-form';
import { NumberField } from '../NumberField';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { FormField } from '../../forms/FormField';
import { CheckField, RadioField } from '../../forms/GroupField';
import { currentLanguage } from '../../i18n';
import { SA_CLASSIFICATIONS } from '../../../../domain/rules/service-admission';
import type { serviceItemTerms } from '../../../../domain/forms/service-admission';
import { DateField } from '../DateField';
import { classificationName } from './labels';

export type TermsValues = z.input<typeof serviceItemTerms>;
/** Every form with the terms keeps them under `terms` (the application adds the communities, a revision its action). */
export interface WithTerms {
  terms: TermsValues;
}

/** An empty text is "not given" (null), as the rules and the list expect. */
const orNull = (value: string) => (value.trim() === '' ? null : value);
/** An empty description is left out of the terms. */
const leftOut = (value: string) => (value === '' ? undefined : value);

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

type TextKey =
  'itemName' | 'description' | 'legalBasis' | 'workloadEstimate' | 'fundingPayer' | 'workingConditions' | 'authorityDescription';

interface TextSpec {
  /** Rows of a text area; without, a one-line input. */
  rows?: number;
  maxLength: number;
  required?: boolean;
  /** The help shown under the input (serviceAdmission.fields.*). */
  help?: 'legalBasisHelp' | 'workloadEstimateHelp' | 'workingConditionsHelp';
  /** An optional text: what clearing it stores ("not given"). */
  empty?: (value: string) => string | null | undefined;
}

/** The free texts of the terms: each one labelled serviceAdmission.fields.<key>. */
const TEXTS: Record<TextKey, TextSpec> = {
  itemName: { maxLength: 200, required: true },
  description: { rows: 2, maxLength: 2000, empty: leftOut },
  legalBasis: { rows: 2, maxLength: 1000, required: true, help: 'legalBasisHelp' },
  workloadEstimate: { rows: 2, maxLength: 500, required: true, help: 'workloadEstimateHelp' },
  fundingPayer: { maxLength: 200, empty: orNull },
  workingConditions: { rows: 2, maxLength: 2000, empty: orNull, help: 'workingConditionsHelp' },
  authorityDescription: { rows: 2, maxLength: 1000, empty: orNull },
};

/** One free text of the terms (TEXTS): an input or a text area; an optional one not given is shown empty. */
function TermsText({ control, name }: { control: Control<WithTerms>; name: TextKey }) {
  const { t } = useTranslation();
  const { rows, maxLength, required, help, empty } = TEXTS[name];
  return (
    <FormField
      control={control}
      name={`terms.${name}`}
      label={t(`serviceAdmission.fields.${name}`)}
      extra={help && t(`serviceAdmission.fields.${help}`)}
      required={required}
    >
      {(field, input) => {
        const props = {
          ...field,
          ...input,
          value: field.value ?? '',
          onChange: (event: { target: { value: string } }) =>
            field.onChange(empty ? empty(event.target.value) : event.target.value),
          maxLength,
        };
        return rows ? <Input.TextArea {...props} rows={rows} /> : <Input {...props} />;
      }}
    </FormField>
  );
}

/**
 * The terms of a work item (serviceItemTerms): what, on which legal basis, how it is classified, the workload, the
 * funding and who pays, the authority transferred, the working conditions (assisted items only) and the period.
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

  return (
    <>
      <TermsText control={control} name="itemName" />
      <TermsText control={control} name="description" />
      <TermsText control={control} name="legalBasis" />
      <RadioField
        control={control}
        name="terms.classification"
        label={t('serviceAdmission.fields.classification')}
        extra={t('serviceAdmission.fields.classificationHelp')}
        required
        options={SA_CLASSIFICATIONS.map((c) => ({ value: c, label: classificationName(c, language) }))}
      />
      <TermsText control={control} name="workloadEstimate" />
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <NumberField
            control={control}
            name="terms.fundingAmount"
            label={t('serviceAdmission.fields.fundingAmount')}
            kind="money"
          />
        </Col>
        <Col xs={24} md={12}>
          <TermsText control={control} name="fundingPayer" />
        </Col>
      </Row>
      {/* Working conditions belong to assisted items (SA-ASSIST); an entrusted item is not asked for them. */}
      {classification !== 'entrusted' && <TermsText control={control} name="workingConditions" />}
      <CheckField
        control={control}
        name="terms.authorityTransferred"
        label={t('serviceAdmission.fields.authorityTransferred')}
        extra={t('serviceAdmission.fields.authorityTransferredHelp')}
      />
      {(classification === 'entrusted' || authorityTransferred) && <TermsText control={control} name="authorityDescription" />}
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <DateField control={control} name="terms.period.from" label={t('serviceAdmission.fields.periodFrom')} required />
        </Col>
        <Col xs={24} md={12}>
          <DateField control={control} name="terms.period.until" label={t('serviceAdmission.fields.periodUntil')} required />
        </Col>
      </Row>
    </>
  );
}
