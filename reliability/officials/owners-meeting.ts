import { addDays, chinaDateOf } from '../../domain/clock';
import { completeStep, must, type CaseExpectation, type ChaosContext } from './steps';

/**
 * 业主大会告知: the owners' committee registers an assembly 15 days ahead, the residents' committee gives its opinion,
 * the votes are recorded, and the report (residents' committee) and the posting (owners' committee) close the case.
 */
export async function ownersMeetingOfficials(ctx: ChaosContext) {
  const [owners, residents] = await Promise.all(['owners.member', 'rc.official'].map((u) => ctx.signIn(u)));
  const today = chinaDateOf(new Date());
  const meetingDate = addDays(today, 15);

  return async (i: number): Promise<CaseExpectation> => {
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
    await completeStep(ctx, owners!, caseId, 'owners-meeting.votes', {
      totalArea: 12000.5,
      totalOwners: 120,
      participatingArea: 8000.34,
      participatingOwners: 80,
      votes: [
        { areaFor: 4000.18, ownersFor: 41 },
        { areaFor: 6000.26, ownersFor: 61 },
      ],
    });
    // The report and the posting are open side by side.
    await Promise.all([
      completeStep(ctx, residents!, caseId, 'owners-meeting.report', { suggestions: `请做好公示 ${i}` }),
      completeStep(ctx, owners!, caseId, 'owners-meeting.post', { postedOn: meetingDate, place: '小区公告栏' }),
    ]);
    return {
      procedure: 'owners-meeting',
      caseId,
      status: 'COMPLETED',
      tasks: { 'owners-meeting.opinion': 1, 'owners-meeting.votes': 1, 'owners-meeting.report': 1, 'owners-meeting.post': 1 },
    };
  };
}
