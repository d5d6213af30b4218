import { Col, Row } from 'antd';
import type { ReactNode } from 'react';
import type { Control, FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { CheckField } from '../../forms/GroupField';
import type { conversionConditions } from '../../../../domain/rules/village-conversion';
import { DateField } from '../DateField';
import { NumberField } from '../NumberField';

type AssemblyValues = z.input<typeof conversionConditions>['assembly'];
/** Where a form keeps the assembly record: the public check at its top level, the application under `application`. */
export type AssemblyPath = 'assembly' | 'application.assembly';
type WithAssemblyAt<P extends AssemblyPath> = P extends 'assembly'
  ? { assembly: AssemblyValues }
  : { application: { assembly: AssemblyValues } };
type AssemblyForms = WithAssemblyAt<'assembly'> & WithAssemblyAt<'application.assembly'>;

interface AssemblyFieldsProps<T extends FieldValues & WithAssemblyAt<P>, TOut extends FieldValues, P extends AssemblyPath> {
  control: Control<T, unknown, TOut>;
  at: P;
  /** Asked between the dates and the figures (the application: how the notice was posted). */
  afterDates?: ReactNode;
  /** Further counts on the line of the votes in favour, one column each (the application: against, abstentions). */
  otherVotes?: ReactNode[];
}

/**
 * The villagers' assembly (VC-NOTICE, VC-QUORUM, VC-MAJORITY): a full assembly or not, when it was announced and
 * held, the adults and households and how many of them came, and the votes in favour.
 */
export function AssemblyFields<T extends FieldValues & WithAssemblyAt<P>, TOut extends FieldValues, P extends AssemblyPath>({
  control: anyControl,
  at,
  afterDates,
  otherVotes = [],
}: AssemblyFieldsProps<T, TOut, P>) {
  const { t } = useTranslation();
  // The paths below are those of WithAssemblyAt<P>, which T extends; react-hook-form cannot resolve them on a generic T.
  const control = anyControl as unknown as Control<AssemblyForms>;
  const path: AssemblyPath = at;
  // Alone, the votes in favour take half a line like the other figures; with further counts, they share one line.
  const votesSpan = otherVotes.length > 0 ? 24 / (otherVotes.length + 1) : 12;
  const dates = (
    <>
      <Col xs={24} md={12}>
        <DateField control={control} name={`${path}.noticeDate`} label={t('vc.fields.noticeDate')} required />
      </Col>
      <Col xs={24} md={12}>
        <DateField control={control} name={`${path}.meetingDate`} label={t('vc.fields.meetingDate')} required />
      </Col>
    </>
  );
  const figures = (
    <>
      <Col xs={24} md={12}>
        <NumberField control={control} name={`${path}.adultVillagers`} label={t('vc.fields.adultVillagers')} min={1} required />
      </Col>
      <Col xs={24} md={12}>
        <NumberField control={control} name={`${path}.adultAttendees`} label={t('vc.fields.adultAttendees')} required />
      </Col>
      <Col xs={24} md={12}>
        <NumberField control={control} name={`${path}.households`} label={t('vc.fields.households')} min={1} required />
      </Col>
      <Col xs={24} md={12}>
        <NumberField
          control={control}
          name={`${path}.householdRepresentatives`}
          label={t('vc.fields.householdRepresentatives')}
          required
        />
      </Col>
      <Col xs={24} md={votesSpan}>
        <NumberField control={control} name={`${path}.votesFor`} label={t('vc.fields.votesFor')} required />
      </Col>
      {otherVotes.map((votes, i) => (
        <Col key={i} xs={24} md={votesSpan}>
          {votes}
        </Col>
      ))}
    </>
  );

  return (
    <>
      <CheckField
        control={control}
        name={`${path}.fullAssembly`}
        label={t('vc.fields.fullAssembly')}
        extra={t('vc.fields.fullAssemblyHelp')}
      />
      {afterDates === undefined ? (
        <Row gutter={16}>
          {dates}
          {figures}
        </Row>
      ) : (
        <>
          <Row gutter={16}>{dates}</Row>
          {afterDates}
          <Row gutter={16}>{figures}</Row>
        </>
      )}
    </>
  );
}
