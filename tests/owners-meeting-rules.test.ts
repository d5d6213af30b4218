import { describe, expect, it } from '@jest/globals';
import { periodEnd } from '../domain/clock';
import {
  assemblyVotesForm,
  committeeVotesForm,
  postingProblems,
  registerOwnersMeetingBody,
  voteCheckInput,
} from '../domain/forms/owners-meeting';
import {
  ART278_ITEMS,
  OM_PARAMETERS,
  checkAssemblyItem,
  matterOfArt278Item,
  votesOpenAt,
  checkCommitteeDecision,
  checkCommitteePosting,
  checkCommitteeQuorum,
  checkInform,
  checkMeeting,
  checkNotice,
  checkOpinion,
  checkTurnout,
  decideAssembly,
  decideCommittee,
  earliestValidMeetingDate,
  opinionLastDay,
  type AssemblyVotes,
} from '../domain/rules/owners-meeting';
import { fieldErrorsFromZod } from '../domain/validation';
import { buildHolidayCalendar } from '../runtime/holiday-calendar';

/** Boundary tests of every OM rule (domain §4, "How the law counts"): exact fractions, inclusive "以上", strict "过半数". */

const turnout = (participatingArea: number, totalArea: number, participatingOwners: number, totalOwners: number) =>
  checkTurnout({ totalArea, totalOwners, participatingArea, participatingOwners });
const item = (
  matter: 'special' | 'ordinary',
  areaFor: number,
  ownersFor: number,
  participatingArea: number,
  participatingOwners: number,
) => checkAssemblyItem({ title: '议题', matter, areaFor, ownersFor }, { participatingArea, participatingOwners }, true);

describe('OM-NOTICE: owners notified 15 days or more before an assembly meeting (物业管理条例 Art. 14)', () => {
  it('accepts a notice exactly 15 days before the meeting', () => {
    const r = checkNotice({ meetingType: 'assembly', noticeDate: '2026-06-01', meetingDate: '2026-06-16' });
    expect(r).toMatchObject({
      id: 'OM-NOTICE',
      passed: true,
      citation: '《物业管理条例》第十四条',
      values: { daysBefore: 15, requiredDays: 15 },
    });
  });

  it('refuses a notice 14 days before the meeting and names the earliest valid date', () => {
    const r = checkNotice({ meetingType: 'assembly', noticeDate: '2026-06-01', meetingDate: '2026-06-15' });
    expect(r.passed).toBe(false);
    expect(r.values).toMatchObject({ daysBefore: 14, earliestMeetingDate: '2026-06-16' });
    expect(r.detail['zh-CN']).toContain('2026-06-16');
  });

  it('counts across a month and a year end by calendar days', () => {
    expect(checkNotice({ meetingType: 'assembly', noticeDate: '2026-12-20', meetingDate: '2027-01-04' }).passed).toBe(true);
    expect(checkNotice({ meetingType: 'assembly', noticeDate: '2026-12-20', meetingDate: '2027-01-03' }).passed).toBe(false);
    expect(checkNotice({ meetingType: 'assembly', noticeDate: '2028-02-14', meetingDate: '2028-02-29' }).passed).toBe(true);
  });
});

describe('OM-INFORM: the residents committee is informed with the owners and in time to give its opinion', () => {
  const assembly = { meetingType: 'assembly' as const, noticeDate: '2026-06-01', meetingDate: '2026-06-20' };

  it('accepts informing the residents committee on the day the owners are notified (同时告知), or earlier', () => {
    expect(checkInform({ ...assembly, residentsCommitteeInformedDate: '2026-06-01' }).passed).toBe(true);
    expect(checkInform({ ...assembly, residentsCommitteeInformedDate: '2026-05-30' }).passed).toBe(true);
  });

  it('refuses informing the residents committee a day after the owners were notified', () => {
    const r = checkInform({ ...assembly, residentsCommitteeInformedDate: '2026-06-02' });
    expect(r.passed).toBe(false);
    expect(r.values).toMatchObject({ informedWithOwners: false, informedInTime: true });
  });

  it('for a committee meeting, accepts informing on the last day for the opinion and refuses one day later (policy, 鲁办发 二(五)2)', () => {
    const committee = { meetingType: 'committee' as const, noticeDate: '2026-06-10', meetingDate: '2026-06-12' };
    expect(opinionLastDay('2026-06-12')).toBe('2026-06-10');
    const ok = checkInform({ ...committee, residentsCommitteeInformedDate: '2026-06-10' });
    expect(ok).toMatchObject({ passed: true, citation: '鲁办发〔2012〕22号 二（五）2（政策）' });
    expect(checkInform({ ...committee, residentsCommitteeInformedDate: '2026-06-11' }).passed).toBe(false);
  });

  it('takes the opinion period from the rule parameter', () => {
    const params = { ...OM_PARAMETERS, opinionDaysBeforeMeeting: 5 };
    const facts = {
      meetingType: 'committee' as const,
      noticeDate: '2026-06-01',
      meetingDate: '2026-06-12',
      residentsCommitteeInformedDate: '2026-06-07',
    };
    expect(checkInform(facts, params).passed).toBe(true);
    expect(checkInform({ ...facts, residentsCommitteeInformedDate: '2026-06-08' }, params).passed).toBe(false);
    expect(checkInform({ ...facts, residentsCommitteeInformedDate: '2026-06-08' }).passed).toBe(true);
  });

  it('suggests the earliest meeting date that satisfies both rules', () => {
    expect(
      earliestValidMeetingDate({
        meetingType: 'assembly',
        noticeDate: '2026-06-01',
        residentsCommitteeInformedDate: '2026-06-01',
      }),
    ).toBe('2026-06-16');
    // Owners notified before the residents' committee: both must be (re)notified together, on the later day.
    expect(
      earliestValidMeetingDate({
        meetingType: 'assembly',
        noticeDate: '2026-06-01',
        residentsCommitteeInformedDate: '2026-06-05',
      }),
    ).toBe('2026-06-20');
    expect(
      earliestValidMeetingDate({
        meetingType: 'committee',
        noticeDate: '2026-06-01',
        residentsCommitteeInformedDate: '2026-06-03',
      }),
    ).toBe('2026-06-05');
  });
});

describe('the opinion period runs from when the system informs the residents committee (OM-INFORM, domain §4)', () => {
  const committee = { meetingType: 'committee' as const, noticeDate: '2026-06-01', meetingDate: '2026-06-05' };

  it('does not let an informing date declared in the past stand for the system’s notification', () => {
    // Declared informed on 06-01 (last day for the opinion 06-03), but the system tells it only on 06-04: too late.
    const late = checkInform({ ...committee, residentsCommitteeInformedDate: '2026-06-01', systemInformedDate: '2026-06-04' });
    expect(late).toMatchObject({
      passed: false,
      values: { informedDate: '2026-06-01', systemInformedDate: '2026-06-04', informedInTime: false },
    });
    expect(late.detail['zh-CN']).toContain('系统于 2026-06-04 告知居委会');
    expect(
      checkInform({ ...committee, residentsCommitteeInformedDate: '2026-06-01', systemInformedDate: '2026-06-03' }).passed,
    ).toBe(true);
    expect(
      earliestValidMeetingDate({
        meetingType: 'committee',
        noticeDate: '2026-06-01',
        residentsCommitteeInformedDate: '2026-06-01',
        systemInformedDate: '2026-06-04',
      }),
    ).toBe('2026-06-06');
  });

  it('still checks "at the same time as the owners" against the declared date for an assembly', () => {
    const facts = {
      meetingType: 'assembly' as const,
      noticeDate: '2026-06-01',
      meetingDate: '2026-06-20',
      residentsCommitteeInformedDate: '2026-06-01',
      systemInformedDate: '2026-06-03',
    };
    expect(checkInform(facts)).toMatchObject({ passed: true, values: { informedWithOwners: true, informedInTime: true } });
  });
});

describe('results and posting follow the meeting (domain §4)', () => {
  it('opens the votes at the start of the meeting day in China (UTC+8)', () => {
    expect(votesOpenAt('2026-06-16')).toBe('2026-06-15T16:00:00.000Z');
  });

  it('refuses a posting date after today (China date) with code after_today, and one before the meeting with before_meeting', () => {
    expect(postingProblems('2026-06-17', '2026-06-16', '2026-06-16')).toEqual([
      expect.objectContaining({ path: 'postedOn', code: 'after_today' }),
    ]);
    expect(postingProblems('2026-06-15', '2026-06-16', '2026-06-20')).toEqual([
      expect.objectContaining({ path: 'postedOn', code: 'before_meeting' }),
    ]);
    expect(postingProblems('2026-06-16', '2026-06-16', '2026-06-16')).toEqual([]);
  });
});

describe('民法典 Art. 278: each item’s majority', () => {
  it('makes (六) raising maintenance funds, (七) rebuilding and (八) changing the use of common parts special, and (五) using the funds ordinary', () => {
    expect(Object.entries(ART278_ITEMS).map(([n, i]) => `${n}:${i.matter}`)).toEqual([
      '1:ordinary',
      '2:ordinary',
      '3:ordinary',
      '4:ordinary',
      '5:ordinary',
      '6:special',
      '7:special',
      '8:special',
      '9:ordinary',
    ]);
    expect(matterOfArt278Item(5)).toBe('ordinary');
  });

  it('passes (五) with more than half, and fails (六)–(八) on the same votes until three quarters', () => {
    const votes = { areaFor: 6749.99, ownersFor: 60 };
    const participation = { participatingArea: 9000, participatingOwners: 80 };
    const decide = (n: 5 | 6 | 7 | 8, v = votes) =>
      checkAssemblyItem({ title: ART278_ITEMS[n].text['zh-CN'], matter: matterOfArt278Item(n), ...v }, participation, true);
    expect(decide(5)).toMatchObject({ id: 'OM-ORDINARY', passed: true });
    for (const n of [6, 7, 8] as const) {
      expect(decide(n)).toMatchObject({
        id: 'OM-SPECIAL',
        passed: false,
        values: { required: '>=3/4', areaMet: false, ownersMet: true },
      });
      expect(decide(n, { areaFor: 6750, ownersFor: 60 }).passed).toBe(true);
    }
  });

  it('derives the matter from the item and refuses a contradicting one (matter_mismatch)', () => {
    const base = {
      meetingType: 'assembly',
      kind: 'regular',
      meetingDate: '2026-06-16',
      place: '活动中心',
      noticeDate: '2026-06-01',
    };
    const ok = registerOwnersMeetingBody.parse({
      ...base,
      items: [
        { title: '使用维修资金', art278Item: 5 },
        { title: '筹集维修资金', art278Item: 6 },
      ],
    });
    expect(ok.items.map((i) => i.matter)).toEqual(['ordinary', 'special']);
    const bad = registerOwnersMeetingBody.safeParse(
      { ...base, items: [{ title: '使用维修资金', art278Item: 5, matter: 'special' }] },
      { reportInput: true },
    );
    expect(bad.success).toBe(false);
    expect(fieldErrorsFromZod(bad.error!.issues)).toEqual([
      expect.objectContaining({ path: 'items.0.matter', code: 'matter_mismatch' }),
    ]);
  });
});

describe('OM-OPINION: a missing opinion is "none given by the deadline", never consent', () => {
  it('fails the rule when no opinion came, and says so', () => {
    const r = checkOpinion({ status: 'none-by-deadline', deadline: '2026-06-17T16:00:00.000Z' });
    expect(r.passed).toBe(false);
    expect(r.detail['zh-CN']).toContain('不视为同意');
    expect(r.detail['zh-CN']).toContain('2026-06-18 00:00');
    expect(r.values.status).toBe('none-by-deadline');
  });

  it('passes when the residents committee gave its opinion', () => {
    expect(
      checkOpinion({ status: 'given', deadline: '2026-06-17T16:00:00.000Z', givenAt: '2026-06-10T02:00:00.000Z' }).passed,
    ).toBe(true);
  });
});

describe('OM-TURNOUT: two thirds or more of the area AND of the headcount take part (民法典 Art. 278)', () => {
  it('accepts exactly two thirds of an area with two decimals and rejects one hundredth less', () => {
    // 2/3 of 1000.01 m² is 666.6733… m²: 666.68 is enough, 666.67 is not.
    expect(turnout(666.68, 1000.01, 80, 120).passed).toBe(true);
    expect(turnout(666.67, 1000.01, 80, 120)).toMatchObject({
      passed: false,
      values: { areaMet: false, ownersMet: true, participatingArea: '666.67', totalArea: '1000.01' },
    });
  });

  it('compares exactly where floating point would not (2.82 of 4.23 m² is exactly two thirds)', () => {
    expect(2.82 / 4.23 >= 2 / 3).toBe(false); // the trap
    expect(turnout(2.82, 4.23, 2, 3).passed).toBe(true);
  });

  it('accepts exactly two thirds of the owners and rejects one fewer', () => {
    expect(turnout(900, 1200, 80, 120).passed).toBe(true);
    expect(turnout(900, 1200, 79, 120)).toMatchObject({ passed: false, values: { areaMet: true, ownersMet: false } });
    expect(turnout(900, 1200, 67, 100).passed).toBe(true);
    expect(turnout(900, 1200, 66, 100).passed).toBe(false);
  });
});

describe('OM-SPECIAL: three quarters or more of the participating area AND owners', () => {
  it('accepts exactly three quarters and rejects one hundredth of a square metre less', () => {
    expect(item('special', 300, 60, 400, 80).passed).toBe(true);
    expect(item('special', 299.99, 60, 400, 80)).toMatchObject({
      id: 'OM-SPECIAL',
      passed: false,
      values: { areaMet: false, ownersMet: true },
    });
  });

  it('compares exactly where floating point would not (0.15 of 0.20 m² is exactly three quarters)', () => {
    expect(0.15 / 0.2 >= 0.75).toBe(false); // the trap
    expect(item('special', 0.15, 3, 0.2, 4).passed).toBe(true);
  });

  it('accepts exactly three quarters of the participating owners and rejects one fewer', () => {
    expect(item('special', 400, 60, 400, 80).passed).toBe(true);
    expect(item('special', 400, 59, 400, 80)).toMatchObject({ passed: false, values: { areaMet: true, ownersMet: false } });
  });
});

describe('OM-ORDINARY: more than half (过半数, strictly) of the participating area AND owners', () => {
  it('rejects exactly half of the area and accepts one hundredth more', () => {
    expect(item('ordinary', 200, 41, 400, 80)).toMatchObject({ id: 'OM-ORDINARY', passed: false, values: { areaMet: false } });
    expect(item('ordinary', 200.01, 41, 400, 80).passed).toBe(true);
  });

  it('rejects exactly half of the owners and accepts one more; with an odd count the larger half passes', () => {
    expect(item('ordinary', 300, 40, 400, 80)).toMatchObject({ passed: false, values: { ownersMet: false } });
    expect(item('ordinary', 300, 41, 400, 80).passed).toBe(true);
    expect(item('ordinary', 300, 41, 400, 81).passed).toBe(true);
    expect(item('ordinary', 300, 40, 400, 81).passed).toBe(false);
  });

  it('never passes anything with nobody taking part', () => {
    expect(item('ordinary', 0, 0, 0, 0).passed).toBe(false);
    expect(item('special', 0, 0, 0, 0).passed).toBe(false);
  });
});

describe('an item cannot pass at a meeting without its quorum', () => {
  const votes: AssemblyVotes = {
    totalArea: 1200,
    totalOwners: 120,
    participatingArea: 799.99,
    participatingOwners: 80,
    items: [
      { title: '续聘物业', matter: 'ordinary', areaFor: 799.99, ownersFor: 80 },
      { title: '筹集维修资金', matter: 'special', areaFor: 799.99, ownersFor: 80 },
    ],
  };

  it('fails every item, even unanimous ones, when the turnout is short by 0.01 m²', () => {
    const d = decideAssembly(votes);
    expect(d.quorum).toBe(false);
    expect(d.items.map((i) => i.passed)).toEqual([false, false]);
    expect(d.rules.map((r) => [r.id, r.passed])).toEqual([
      ['OM-TURNOUT', false],
      ['OM-ORDINARY', true],
      ['OM-SPECIAL', true],
    ]);
    expect(d.rules[1]!.values.quorum).toBe(false);
  });

  it('passes the same items once the turnout reaches two thirds', () => {
    expect(decideAssembly({ ...votes, participatingArea: 800 }).items.map((i) => i.passed)).toEqual([true, true]);
  });
});

describe('OM-COMMITTEE: two thirds of members present; more than half of ALL members decide; posted within 3 days', () => {
  it('accepts exactly two thirds of the members present and rejects one fewer', () => {
    expect(checkCommitteeQuorum({ committeeMembers: 9, committeeMembersPresent: 6 }).passed).toBe(true);
    expect(checkCommitteeQuorum({ committeeMembers: 9, committeeMembersPresent: 5 }).passed).toBe(false);
    expect(checkCommitteeQuorum({ committeeMembers: 7, committeeMembersPresent: 5 }).passed).toBe(true);
    expect(checkCommitteeQuorum({ committeeMembers: 7, committeeMembersPresent: 4 }).passed).toBe(false);
  });

  it('counts the decision against all members, not those present', () => {
    // 4 of the 6 present is a majority of those present, but not more than half of the 9 members.
    expect(checkCommitteeDecision({ title: '议题', membersFor: 4 }, 9, true).passed).toBe(false);
    expect(checkCommitteeDecision({ title: '议题', membersFor: 5 }, 9, true).passed).toBe(true);
    expect(checkCommitteeDecision({ title: '议题', membersFor: 4 }, 8, true).passed).toBe(false);
    expect(checkCommitteeDecision({ title: '议题', membersFor: 5 }, 8, true).passed).toBe(true);
  });

  it('decides nothing without the quorum', () => {
    const d = decideCommittee({ committeeMembers: 9, committeeMembersPresent: 5, items: [{ title: '议题', membersFor: 5 }] });
    expect(d).toMatchObject({ quorum: false, items: [{ title: '议题', passed: false }] });
  });

  it('accepts posting on the last day of the 3-day period and refuses the day after', () => {
    expect(checkCommitteePosting({ meetingDate: '2026-06-01', lastDay: '2026-06-04', postedOn: '2026-06-04' }).passed).toBe(true);
    expect(checkCommitteePosting({ meetingDate: '2026-06-01', lastDay: '2026-06-04', postedOn: '2026-06-05' }).passed).toBe(
      false,
    );
  });

  it('moves the last posting day past the National Day holidays by the statutory clock (民法典 Art. 203)', () => {
    const calendar = buildHolidayCalendar({ days: new Map(), years: new Set() });
    expect(periodEnd('2026-09-30', { amount: OM_PARAMETERS.committeePostingDays, unit: 'days' }, calendar).lastDay).toBe(
      '2026-10-08',
    );
  });
});

describe('the public vote check', () => {
  const base = {
    meetingType: 'assembly',
    noticeDate: '2026-06-01',
    meetingDate: '2026-06-16',
    totalArea: 1200,
    totalOwners: 120,
    participatingArea: 800,
    participatingOwners: 80,
    items: [{ title: '续聘物业', matter: 'ordinary', areaFor: 400.01, ownersFor: 41 }],
  };
  const fields = (input: unknown) => {
    const parsed = voteCheckInput.safeParse(input, { reportInput: true });
    return parsed.success ? [] : fieldErrorsFromZod(parsed.error.issues).map((f) => `${f.path}:${f.code}`);
  };

  it('checks notice, informing and votes, and lists which items passed', () => {
    const result = checkMeeting(voteCheckInput.parse({ ...base, residentsCommitteeInformedDate: '2026-06-01' }));
    expect(result.rules.map((r) => `${r.id}:${String(r.passed)}`)).toEqual([
      'OM-NOTICE:true',
      'OM-INFORM:true',
      'OM-TURNOUT:true',
      'OM-ORDINARY:true',
    ]);
    expect(result.items).toEqual([{ title: '续聘物业', passed: true }]);
  });

  it('checks a committee meeting with OM-COMMITTEE and no OM-NOTICE', () => {
    const input = voteCheckInput.parse({
      meetingType: 'committee',
      noticeDate: '2026-06-01',
      meetingDate: '2026-06-05',
      committeeMembers: 9,
      committeeMembersPresent: 6,
      items: [{ title: '议题', matter: 'ordinary', ownersFor: 5 }],
    });
    const result = checkMeeting(input);
    expect(result.rules.map((r) => r.id)).toEqual(['OM-COMMITTEE', 'OM-COMMITTEE']);
    expect(result.items).toEqual([{ title: '议题', passed: true }]);
  });

  it('rejects more participating than the total, votes above participation and three decimals, naming each field', () => {
    expect(fields({ ...base, participatingOwners: 121 })).toEqual(['participatingOwners:exceeds_total']);
    expect(fields({ ...base, participatingArea: 1200.01 })).toEqual(['participatingArea:exceeds_total']);
    expect(fields({ ...base, items: [{ title: '续聘物业', matter: 'ordinary', areaFor: 800.01, ownersFor: 81 }] })).toEqual([
      'items.0.areaFor:exceeds_participation',
      'items.0.ownersFor:exceeds_participation',
    ]);
    expect(fields({ ...base, totalArea: 1200.001 })).toEqual(['totalArea:too_many_decimals']);
  });

  it('rejects impossible dates, a meeting before its notice, and missing facts for the meeting type', () => {
    expect(fields({ ...base, noticeDate: '2026-02-30' })).toEqual(['noticeDate:invalid_date']);
    expect(fields({ ...base, meetingDate: '2026-05-31' })).toEqual(['meetingDate:before_notice']);
    const { totalArea: _omitted, ...noTotal } = base;
    expect(fields(noTotal)).toEqual(['totalArea:required']);
    expect(
      fields({
        meetingType: 'committee',
        noticeDate: '2026-06-01',
        meetingDate: '2026-06-05',
        committeeMembers: 5,
        committeeMembersPresent: 6,
        items: [{ title: '议题', matter: 'ordinary', ownersFor: 6 }],
      }),
    ).toEqual(['committeeMembersPresent:exceeds_total']);
  });

  it('explains each field problem in Chinese and English', () => {
    const parsed = voteCheckInput.safeParse({ ...base, participatingOwners: 121 });
    expect(parsed.success).toBe(false);
    const [error] = fieldErrorsFromZod(parsed.error!.issues);
    expect(error!.message).toEqual({
      'zh-CN': '参与表决人数不能大于业主总人数',
      en: 'Participating owners cannot exceed the total owners',
    });
  });
});

describe('task and registration forms', () => {
  it('refuses assembly votes above participation and participation above the totals', () => {
    const parsed = assemblyVotesForm.safeParse({
      totalArea: 100,
      totalOwners: 10,
      participatingArea: 100.01,
      participatingOwners: 10,
      votes: [{ areaFor: 50, ownersFor: 11 }],
    });
    expect(parsed.success ? [] : fieldErrorsFromZod(parsed.error.issues).map((f) => f.path)).toEqual([
      'participatingArea',
      'votes.0.ownersFor',
    ]);
  });

  it('refuses committee members in favour above those present', () => {
    const parsed = committeeVotesForm.safeParse({ committeeMembers: 9, membersPresent: 6, votes: [{ membersFor: 7 }] });
    expect(parsed.success ? [] : fieldErrorsFromZod(parsed.error.issues).map((f) => f.path)).toEqual(['votes.0.membersFor']);
  });

  it('defaults an agenda item to an ordinary matter and refuses duplicate titles', () => {
    const body = {
      meetingType: 'assembly',
      kind: 'regular',
      meetingDate: '2026-06-20',
      place: '会议室',
      noticeDate: '2026-06-01',
      items: [{ title: 'A' }],
    };
    expect(registerOwnersMeetingBody.parse(body).items).toEqual([{ title: 'A', matter: 'ordinary' }]);
    expect(registerOwnersMeetingBody.safeParse({ ...body, items: [{ title: 'A' }, { title: 'A' }] }).success).toBe(false);
  });
});
