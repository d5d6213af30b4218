import { Col, Form, Input, Row, Typography } from 'antd';
import { useId } from 'react';
import { useController, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { RuleResults } from '../../components/RuleResults';
import { FormField } from '../../forms/FormField';
import { RadioField } from '../../forms/GroupField';
import { errorText } from '../../forms/messages';
import { currentLanguage } from '../../i18n';
import { isValidIsoDate } from '../../../../domain/clock';
import type { migrantEvidenceBody } from '../../../../domain/forms/election';
import { evaluateEligibility } from '../../../../domain/rules/election';
import { DateField } from '../DateField';
import { EvidenceFiles } from './EvidenceFiles';
import { ruleLine, ruleLines } from './ruleLines';

/** The facts of an application, shared by the application and the later evidence (same names in both bodies). */
export type FactsValues = z.input<typeof migrantEvidenceBody>;
// Both forms hold these fields under the same names; a form with more fields passes its control cast to this shape.
export type FactsControl = Control<FactsValues, unknown, z.output<typeof migrantEvidenceBody>>;

function YesNo({
  control,
  name,
  label,
  extra,
}: {
  control: FactsControl;
  name: 'hasLegalFixedResidence' | 'politicalRightsDeprived' | 'registeredElsewhere';
  label: string;
  extra?: string;
}) {
  const { t } = useTranslation();
  return (
    <RadioField
      control={control}
      name={name}
      label={label}
      extra={extra}
      required
      options={[
        { value: true, label: t('rules.yes') },
        { value: false, label: t('rules.no') },
      ]}
    />
  );
}

/** The evidence files: a labelled group (the file input itself is antd's hidden one inside the drop zone). */
function DocumentsField({ control, disabled }: { control: FactsControl; disabled?: boolean }) {
  const { t } = useTranslation();
  const labelId = useId();
  const { field, fieldState } = useController({ control, name: 'documents' });
  const message = errorText(fieldState.error, t, currentLanguage());
  return (
    <Form.Item
      label={<span id={labelId}>{t('election.evidence.label')}</span>}
      validateStatus={message ? 'error' : undefined}
      help={message}
      extra={t('election.evidence.help')}
    >
      <div role="group" aria-labelledby={labelId}>
        <EvidenceFiles value={field.value ?? []} onChange={field.onChange} disabled={disabled} />
      </div>
    </Form.Item>
  );
}

/**
 * Address in the community, when residence began (EL-RESIDENCE), the legal fixed residence and what proves it
 * (EL-HOME), the declarations on political rights (EL-RIGHTS) and on registration elsewhere (EL-SINGLE), and the
 * evidence files.
 */
export function ApplicationFactsFields({ control, disabled }: { control: FactsControl; disabled?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <FormField
        control={control}
        name="address"
        label={t('election.fields.address')}
        extra={t('election.fields.addressHelp')}
        required
      >
        {(field, input) => <Input {...field} {...input} maxLength={200} />}
      </FormField>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <DateField
            control={control}
            name="residenceSince"
            label={t('election.fields.residenceSince')}
            extra={t('election.fields.residenceSinceHelp')}
            required
          />
        </Col>
        <Col xs={24} md={12}>
          <YesNo
            control={control}
            name="hasLegalFixedResidence"
            label={t('election.fields.hasLegalFixedResidence')}
            extra={t('election.fields.hasLegalFixedResidenceHelp')}
          />
        </Col>
      </Row>
      <FormField
        control={control}
        name="residenceEvidence"
        label={t('election.fields.residenceEvidence')}
        extra={t('election.fields.residenceEvidenceHelp')}
        required
      >
        {(field, input) => <Input.TextArea {...field} {...input} rows={2} maxLength={2000} />}
      </FormField>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <YesNo control={control} name="politicalRightsDeprived" label={t('election.fields.politicalRightsDeprived')} />
        </Col>
        <Col xs={24} md={12}>
          <YesNo
            control={control}
            name="registeredElsewhere"
            label={t('election.fields.registeredElsewhere')}
            extra={t('election.fields.registeredElsewhereHelp')}
          />
        </Col>
      </Row>
      <DocumentsField control={control} disabled={disabled} />
    </>
  );
}

/**
 * The pre-check the system runs on submission (EL-AGE, EL-RIGHTS, EL-HOME, EL-RESIDENCE, EL-SELF, EL-SINGLE), shown
 * while the applicant fills the form, with the same functions; the committee still decides.
 */
export function EligibilityPreview({
  electionDate,
  birthDate,
  facts,
}: {
  electionDate: string | null | undefined;
  birthDate: string | undefined;
  facts: Partial<
    Pick<FactsValues, 'residenceSince' | 'hasLegalFixedResidence' | 'politicalRightsDeprived' | 'registeredElsewhere'>
  >;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const complete =
    !!electionDate &&
    !!birthDate &&
    isValidIsoDate(birthDate) &&
    !!facts.residenceSince &&
    isValidIsoDate(facts.residenceSince) &&
    typeof facts.hasLegalFixedResidence === 'boolean' &&
    typeof facts.politicalRightsDeprived === 'boolean' &&
    typeof facts.registeredElsewhere === 'boolean';
  const results = complete
    ? evaluateEligibility({
        electionDate,
        birthDate,
        residenceSince: facts.residenceSince!,
        hasLegalFixedResidence: facts.hasLegalFixedResidence!,
        politicalRightsDeprived: facts.politicalRightsDeprived!,
        registeredElsewhere: facts.registeredElsewhere!,
        appliedInPerson: true,
      })
    : undefined;
  const failed = results?.filter((r) => !r.passed).length ?? 0;
  return (
    <div>
      <Typography.Paragraph type="secondary">{t('election.apply.previewIntro')}</Typography.Paragraph>
      <Typography.Paragraph strong role="status">
        {!results
          ? t('election.apply.previewIncomplete')
          : failed === 0
            ? t('election.apply.previewPassed')
            : t('election.apply.previewFailed', { count: failed })}
      </Typography.Paragraph>
      <RuleResults
        label={t('election.apply.preview')}
        rules={
          results
            ? ruleLines(results, language)
            : (['EL-AGE', 'EL-RIGHTS', 'EL-HOME', 'EL-RESIDENCE', 'EL-SELF', 'EL-SINGLE'] as const).map((id) =>
                ruleLine(id, undefined, language),
              )
        }
      />
    </div>
  );
}
