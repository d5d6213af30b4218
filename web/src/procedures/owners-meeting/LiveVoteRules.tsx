import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ruleLines } from '../../components/RuleResults';
import { assemblyVotesForm, committeeVotesForm } from '../../../../domain/forms/owners-meeting';
import { OM_RULES, decideAssembly, decideCommittee, type MeetingDecision } from '../../../../domain/rules/owners-meeting';
import { currentLanguage } from '../../i18n';
import { ItemOutcomeTag } from './labels';
import type { RegisteredMeeting } from './meetingData';
import { MeetingRules, type MeetingRuleLine } from './MeetingRules';

/**
 * The vote rules evaluated while the owners' committee records a meeting: the same pure functions the workflow
 * decides with (domain/rules/owners-meeting.ts), so the outcome shown is the one the case will record.
 */
function decisionOf(meeting: RegisteredMeeting, values: unknown): MeetingDecision | undefined {
  if (meeting.meetingType === 'assembly') {
    const parsed = assemblyVotesForm.safeParse(values);
    if (!parsed.success || parsed.data.votes.length !== meeting.items.length) return undefined;
    const p = parsed.data;
    return decideAssembly({
      ...p,
      items: meeting.items.map((item, i) => ({ ...item, areaFor: p.votes[i]!.areaFor, ownersFor: p.votes[i]!.ownersFor })),
    });
  }
  const parsed = committeeVotesForm.safeParse(values);
  if (!parsed.success || parsed.data.votes.length !== meeting.items.length) return undefined;
  const p = parsed.data;
  return decideCommittee({
    committeeMembers: p.committeeMembers,
    committeeMembersPresent: p.membersPresent,
    items: meeting.items.map((item, i) => ({ ...item, membersFor: p.votes[i]!.membersFor })),
  });
}

/** The rules a meeting of this type will be decided by, before the numbers are complete. */
function pendingRules(meeting: RegisteredMeeting, language: 'zh-CN' | 'en'): MeetingRuleLine[] {
  const ids =
    meeting.meetingType === 'assembly'
      ? ['OM-TURNOUT', ...meeting.items.map((i) => (i.matter === 'special' ? 'OM-SPECIAL' : 'OM-ORDINARY'))]
      : ['OM-COMMITTEE', ...meeting.items.map(() => 'OM-COMMITTEE')];
  return ids.map((id) => ({
    id,
    passed: undefined,
    citation: OM_RULES[id]!.citation,
    requirement: OM_RULES[id]!.text[language],
  }));
}

export function LiveVoteRules({ meeting, values }: { meeting: RegisteredMeeting; values: unknown }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const decision = decisionOf(meeting, values);
  const lines: MeetingRuleLine[] = decision ? ruleLines(decision.rules, language) : pendingRules(meeting, language);
  return (
    <div>
      <Typography.Paragraph strong role="status">
        {!decision
          ? t('ownersMeeting.votes.incomplete')
          : decision.quorum
            ? t('ownersMeeting.votes.quorumMet', {
                passed: decision.items.filter((i) => i.passed).length,
                total: decision.items.length,
              })
            : t('ownersMeeting.votes.noQuorum')}
      </Typography.Paragraph>
      {decision && (
        <ul className="plain-list" aria-label={t('ownersMeeting.votes.itemOutcomes')} style={{ marginBottom: 12 }}>
          {decision.items.map((item) => (
            <li key={item.title} className="break-anywhere">
              <ItemOutcomeTag passed={item.passed} />
              {item.title}
            </li>
          ))}
        </ul>
      )}
      <MeetingRules rules={lines} label={t('ownersMeeting.votes.rules')} />
    </div>
  );
}
