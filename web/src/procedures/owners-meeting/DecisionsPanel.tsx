import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ruleLines } from '../../components/RuleResults';
import { currentLanguage } from '../../i18n';
import { ItemOutcomeTag, MatterTag } from './labels';
import type { DecisionContext } from './meetingData';
import { MeetingRules } from './MeetingRules';

/** The meeting's decisions: each agenda item passed or not, with the rules (clause and values) that decided it. */
export function DecisionsPanel({ decisions }: { decisions: DecisionContext }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <div>
      {decisions.quorum !== undefined && (
        <Typography.Paragraph strong>
          {decisions.quorum ? t('ownersMeeting.decisions.quorumMet') : t('ownersMeeting.votes.noQuorum')}
        </Typography.Paragraph>
      )}
      <ul className="plain-list" aria-label={t('ownersMeeting.decisions.title')} style={{ marginBottom: 12 }}>
        {decisions.decisions.map((item) => (
          <li key={item.title} className="break-anywhere">
            <ItemOutcomeTag passed={item.passed} />
            {item.title} <MatterTag matter={item.matter} />
          </li>
        ))}
      </ul>
      {decisions.rules && decisions.rules.length > 0 && (
        <MeetingRules label={t('ownersMeeting.decisions.rules')} rules={ruleLines(decisions.rules, language)} />
      )}
    </div>
  );
}

/** The meeting's decisions in a card above a task form, when the task carries them. */
export function DecisionsCard({ decisions }: { decisions: DecisionContext | undefined }) {
  const { t } = useTranslation();
  if (!decisions) return null;
  return (
    <Card
      size="small"
      title={<h3 className="card-heading">{t('ownersMeeting.decisions.title')}</h3>}
      style={{ marginBottom: 16 }}
    >
      <DecisionsPanel decisions={decisions} />
    </Card>
  );
}
