import { Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { assemblyVotesForm } from '../../../../../domain/forms/owners-meeting';
import { NumberField } from '../../NumberField';
import type { TaskFormProps } from '../../taskForm';
import { MatterTag } from '../labels';
import { VotesForm } from '../VotesForm';

/**
 * owners-meeting.assembly-votes (民法典 Art. 278): the estate's totals, who took part, and the area and owners in
 * favour of each agenda item, in the agenda's order. OM-TURNOUT and OM-SPECIAL / OM-ORDINARY are shown live.
 */
export function AssemblyVotesForm(props: TaskFormProps) {
  const { t } = useTranslation();
  const f = 'ownersMeeting.votes.fields' as const;
  return (
    <VotesForm
      {...props}
      schema={assemblyVotesForm}
      totalsTitle={t('ownersMeeting.votes.participation')}
      totals={(control) => (
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <NumberField
              kind="area"
              control={control}
              name="totalArea"
              label={t(`${f}.totalArea`)}
              extra={t(`${f}.areaHelp`)}
              required
            />
          </Col>
          <Col xs={24} md={12}>
            <NumberField control={control} name="totalOwners" label={t(`${f}.totalOwners`)} min={1} required />
          </Col>
          <Col xs={24} md={12}>
            <NumberField kind="area" control={control} name="participatingArea" label={t(`${f}.participatingArea`)} required />
          </Col>
          <Col xs={24} md={12}>
            <NumberField control={control} name="participatingOwners" label={t(`${f}.participatingOwners`)} required />
          </Col>
        </Row>
      )}
      itemTag={(item) => <MatterTag matter={item.matter} />}
      itemVotes={(control, i) => (
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <NumberField
              kind="area"
              control={control}
              name={`votes.${i}.areaFor`}
              label={t(`${f}.areaFor`, { index: i + 1 })}
              required
            />
          </Col>
          <Col xs={24} md={12}>
            <NumberField control={control} name={`votes.${i}.ownersFor`} label={t(`${f}.ownersFor`, { index: i + 1 })} required />
          </Col>
        </Row>
      )}
    />
  );
}
