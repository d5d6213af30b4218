import { addDays, chinaDateOf } from '../../domain/clock';
import { completeStep, must, type CaseExpectation, type ChaosContext } from './steps';

/**
 * 业主大会告知: the owners' committee registers an assembly 15 days ahead and the residents' committee gives its
 * opinion. The votes task opens only on the meeting day (China time), so a run ends with the case open, the opinion
 * recorded and the workflow waiting for the meeting day; the votes, report and posting are covered by
 * tests/owners-meeting.test.ts on meetings already held.
 */
export async function ownersMeetingOfficials(ctx: ChaosContext) {
  const [owners, residents] = await Promise.all(['owners.member', 'rc.official'].map((u) => ctx.signIn(u)));
  return async (i: number): Promise<CaseExpectation> => {
    // The China date of this case's registration: a run may cross midnight in China (16:00 UTC).
    const today = chinaDateOf(new Date());
    const meetingDate = addDays(today, 15);
    const started = await must<{ caseId: string }>(
      owners!,
      'POST',
      '/api/v1/owners-meetings',
      {
        meetingType: 'assembly',
        kind: 'regular',
        meetingDate,
        place: `小区活动中心 ${i}`,
        noticeDate: today,
        items: [
          { title: `续聘物业服务企业 ${i}`, matter: 'ordinary' },
          { title: '筹集专项维修资金', matter: 'special' },
        ],
      },
      [201],
    );
    const caseId = started.caseId;
    await completeStep(ctx, residents!, caseId, 'owners-meeting.opinion', { opinion: `建议会前公示 ${i}` });
    return {
      procedure: 'owners-meeting',
      caseId,
      status: 'OPEN',
      data: { opinion: { status: 'given' } },
      tasks: { 'owners-meeting.opinion': 1 },
    };
  };
}
