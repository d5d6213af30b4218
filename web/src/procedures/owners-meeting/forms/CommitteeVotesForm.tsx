import { Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { committeeVotesForm } from '../../../../../domain/forms/owners-meeting';
import { NumberField } from '../../NumberField';
import type { TaskFormProps } from '../../taskForm';
import { VotesForm } from '../VotesForm';

/**
 * owners-meeting.committee-votes (山东省物业管理条例 Art. 32): members, members present, members in favour of each
 * agenda item; OM-COMMITTEE (two thirds present, more than half of all members in favour) is shown live.
 */
export function CommitteeVotesForm(props: TaskFormProps) {
  const { t } = useTranslation();
  const f = 'ownersMeeting.votes.fields' as const;
  return (
    <VotesForm
      {...props}
      schema={committeeVotesForm}
      totalsTitle={t('ownersMeeting.votes.attendance')}
      totals={(control) => (
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <NumberField control={control} name="committeeMembers" label={t(`${f}.committeeMembers`)} min={1} required />
          </Col>
          <Col xs={24} md={12}>
            <NumberField control={control} name="membersPresent" label={t(`${f}.membersPresent`)} required />
          </Col>
        </Row>
      )}
      itemVotes={(control, i) => (
        <NumberField control={control} name={`votes.${i}.membersFor`} label={t(`${f}.membersFor`, { index: i + 1 })} required />
      )}
    />
  );
}
