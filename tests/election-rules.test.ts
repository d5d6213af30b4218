import { describe, expect, it } from '@jest/globals';
import { lawForCommunity } from '../domain/rules/election-law';
import {
  approvalRule,
  checkCandidates,
  checkCommitteeSize,
  checkHandover,
  checkListPublication,
  checkMethod,
  directElectionRate,
  evaluateEligibility,
  evaluateResults,
  evaluateTimeline,
  type EligibilityFacts,
  type ResultFacts,
} from '../domain/rules/election';
import { buildHolidayCalendar } from '../runtime/holiday-calendar';

const calendar = buildHolidayCalendar({ days: new Map(), years: new Set() });

const facts: EligibilityFacts = {
  electionDate: '2027-03-15',
  birthDate: '1990-05-01',
  residenceSince: '2026-03-15',
  hasLegalFixedResidence: true,
  politicalRightsDeprived: false,
  appliedInPerson: true,
  registeredElsewhere: false,
};
const eligibility = (f: Partial<EligibilityFacts>, id: string, options = {}) =>
  evaluateEligibility({ ...facts, ...f }, options).find((r) => r.id === id)!;

describe('EL rules of the set-up (EL-LAW, EL-SIZE, EL-METHOD)', () => {
  it('EL-LAW: a community not yet restructured elects under the Villagers’ Committee law, a restructured one under the Residents’ Committee law', () => {
    expect(lawForCommunity({ restructuringComplete: false }).values.law).toBe('villagers-committee-law');
    expect(lawForCommunity({ restructuringComplete: true }).values.law).toBe('residents-committee-law');
  });

  it('EL-SIZE: 5 to 9 members inclusive under the Residents’ Committee law (4 and 10 fail)', () => {
    expect([4, 5, 9, 10].map((n) => checkCommitteeSize(n, 'residents-committee-law').passed)).toEqual([false, true, true, false]);
  });

  it('EL-SIZE: 3 to 7 members under the Villagers’ Committee law (2 and 8 fail)', () => {
    expect([2, 3, 7, 8].map((n) => checkCommitteeSize(n, 'villagers-committee-law').passed)).toEqual([false, true, true, false]);
  });

  it('EL-METHOD: the three lawful methods, only the direct one counts toward the 80% target', () => {
    expect(checkMethod('direct').values.direct).toBe(true);
    expect(checkMethod('household-representatives')).toMatchObject({ passed: true, values: { direct: false } });
    expect(checkMethod('group-representatives')).toMatchObject({ passed: true, values: { direct: false } });
  });

  it('the direct-election rate meets the target at exactly 80% (4 of 5) and misses it at 79.9% (799 of 1000)', () => {
    expect(directElectionRate(4, 5)).toMatchObject({ meetsTarget: true, percent: 80 });
    expect(directElectionRate(799, 1000).meetsTarget).toBe(false);
    expect(directElectionRate(0, 0)).toMatchObject({ meetsTarget: false, percent: null });
  });
});

describe('migrant eligibility (EL-AGE, EL-RIGHTS, EL-HOME, EL-RESIDENCE, EL-SELF, EL-SINGLE, EL-APPROVAL)', () => {
  it('EL-AGE: 18 on the 18th birthday (election day), 17 the day before', () => {
    expect(eligibility({ birthDate: '2009-03-15' }, 'EL-AGE')).toMatchObject({ passed: true, values: { age: 18 } });
    expect(eligibility({ birthDate: '2009-03-16' }, 'EL-AGE')).toMatchObject({ passed: false, values: { age: 17 } });
  });

  it('EL-AGE: someone born on 29 February is 18 on 28 February of a common year', () => {
    expect(
      eligibility({ birthDate: '2008-02-29', electionDate: '2026-02-28', residenceSince: '2024-01-01' }, 'EL-AGE').passed,
    ).toBe(true);
    expect(
      eligibility({ birthDate: '2008-02-29', electionDate: '2026-02-27', residenceSince: '2024-01-01' }, 'EL-AGE').passed,
    ).toBe(false);
  });

  it('EL-RESIDENCE: exactly one full year by election day passes; one day short (11 months) fails', () => {
    expect(eligibility({ residenceSince: '2026-03-15' }, 'EL-RESIDENCE')).toMatchObject({
      passed: true,
      values: { fullMonths: 12 },
    });
    expect(eligibility({ residenceSince: '2026-03-16' }, 'EL-RESIDENCE')).toMatchObject({
      passed: false,
      values: { fullMonths: 11 },
    });
  });

  it('EL-RESIDENCE: rejects a migrant applicant with 11 months of residence, accepts them when the minimum is six months', () => {
    expect(eligibility({ residenceSince: '2026-04-15' }, 'EL-RESIDENCE').passed).toBe(false);
    expect(eligibility({ residenceSince: '2026-04-15' }, 'EL-RESIDENCE', { residenceMonths: 6 }).passed).toBe(true);
  });

  it('EL-RESIDENCE: residence since 29 February ends its year on 28 February (民法典 Art. 202)', () => {
    expect(eligibility({ residenceSince: '2024-02-29', electionDate: '2025-02-28' }, 'EL-RESIDENCE').passed).toBe(true);
    expect(eligibility({ residenceSince: '2024-02-29', electionDate: '2025-02-27' }, 'EL-RESIDENCE').passed).toBe(false);
  });

  it('EL-RIGHTS, EL-HOME and EL-SELF each fail on their own declaration', () => {
    expect(eligibility({ politicalRightsDeprived: true }, 'EL-RIGHTS').passed).toBe(false);
    expect(eligibility({ hasLegalFixedResidence: false }, 'EL-HOME').passed).toBe(false);
    expect(eligibility({ appliedInPerson: false }, 'EL-SELF').passed).toBe(false);
    expect(evaluateEligibility(facts).every((r) => r.passed)).toBe(true);
  });

  it('EL-SINGLE fails on the declaration and on a registration found by ID number despite a clean declaration', () => {
    expect(eligibility({ registeredElsewhere: true }, 'EL-SINGLE').passed).toBe(false);
    expect(eligibility({ registrationsFound: 1 }, 'EL-SINGLE')).toMatchObject({
      passed: false,
      values: { registrationsFound: 1 },
    });
    expect(eligibility({ registrationsFound: 0 }, 'EL-SINGLE').passed).toBe(true);
  });

  it('EL-APPROVAL names the deciding body by the governing law', () => {
    expect(approvalRule('approve', 'residents-committee-law', '材料齐全')).toMatchObject({ passed: true });
    expect(approvalRule('refuse', 'villagers-committee-law', '居住不满一年').detail['zh-CN']).toContain('村民会议');
  });
});

describe('the calendar (EL-LIST, EL-OBJECT, EL-ANSWER, EL-HANDOVER)', () => {
  it('EL-LIST: published exactly 20 days before election day passes, 19 days fails and names the late reason', () => {
    expect(checkListPublication('2027-02-28', '2027-03-20').passed).toBe(true);
    const late = checkListPublication('2027-03-01', '2027-03-20', '名单核对延误');
    expect(late).toMatchObject({ passed: false, values: { lastAllowedDate: '2027-02-28', lateReason: '名单核对延误' } });
  });

  it('EL-OBJECT: five days counted from the day after publication (Wed 4 Nov → Mon 9 Nov); the 10th is late', () => {
    const onTime = evaluateTimeline(
      { electionDate: '2026-11-30', listPublishedDate: '2026-11-04', objectionDate: '2026-11-09' },
      calendar,
    );
    expect(onTime.lastAllowedDates.objection).toBe('2026-11-09');
    expect(onTime.rules.find((r) => r.id === 'EL-OBJECT')!.passed).toBe(true);
    const late = evaluateTimeline(
      { electionDate: '2026-11-30', listPublishedDate: '2026-11-04', objectionDate: '2026-11-10' },
      calendar,
    );
    expect(late.rules.find((r) => r.id === 'EL-OBJECT')!.passed).toBe(false);
  });

  it('EL-OBJECT: a window ending in Golden Week runs to the first working day after it', () => {
    const t = evaluateTimeline(
      { electionDate: '2026-10-31', listPublishedDate: '2026-09-26', objectionDate: '2026-10-08' },
      calendar,
    );
    expect(t.lastAllowedDates.objection).toBe('2026-10-08');
    expect(t.rules.find((r) => r.id === 'EL-OBJECT')!.passed).toBe(true);
  });

  it('EL-ANSWER: three days from the objection (Mon 9 Nov → Thu 12 Nov); the 13th is late; a Saturday end moves to Monday', () => {
    const base = { electionDate: '2026-11-30', listPublishedDate: '2026-11-04', objectionDate: '2026-11-09' };
    expect(
      evaluateTimeline({ ...base, answerDate: '2026-11-12' }, calendar).rules.find((r) => r.id === 'EL-ANSWER')!.passed,
    ).toBe(true);
    expect(
      evaluateTimeline({ ...base, answerDate: '2026-11-13' }, calendar).rules.find((r) => r.id === 'EL-ANSWER')!.passed,
    ).toBe(false);
    const weekend = evaluateTimeline({ ...base, objectionDate: '2026-11-05', answerDate: '2026-11-09' }, calendar);
    expect(weekend.lastAllowedDates.answer).toBe('2026-11-09');
    expect(weekend.rules.find((r) => r.id === 'EL-ANSWER')!.passed).toBe(true);
  });

  it('flags deadlines in a year the holiday calendar does not know', () => {
    expect(
      evaluateTimeline({ electionDate: '2031-03-20', listPublishedDate: '2031-02-28' }, calendar).calendarUnknownYears,
    ).toEqual([2031]);
  });

  it('EL-HANDOVER: the 10th day after the election is in time, the 11th is not', () => {
    expect(checkHandover('2026-11-01', '2026-11-11', '2026-11-11').passed).toBe(true);
    expect(checkHandover('2026-11-01', '2026-11-12', '2026-11-11').passed).toBe(false);
  });
});

describe('candidates and results (EL-CANDIDATES, EL-TURNOUT, EL-WIN, EL-RUNOFF)', () => {
  const round = (r: Partial<ResultFacts>): ResultFacts => ({
    registeredVoters: 1000,
    votesCast: 700,
    seats: 2,
    round: 'first',
    candidates: [
      { name: '甲', votes: 400 },
      { name: '乙', votes: 380 },
      { name: '丙', votes: 300 },
    ],
    ...r,
  });

  it('EL-CANDIDATES: one candidate more than the seats passes; as many as the seats fails', () => {
    expect(checkCandidates(6, 5).passed).toBe(true);
    expect(checkCandidates(5, 5).passed).toBe(false);
    const equal = evaluateResults(
      round({
        candidates: [
          { name: '甲', votes: 600 },
          { name: '乙', votes: 600 },
        ],
      }),
    );
    expect(equal).toMatchObject({ valid: false, elected: [] });
  });

  it('EL-TURNOUT: 501 of 1000 registered voters is valid, 500 is not', () => {
    expect(
      evaluateResults(
        round({
          votesCast: 501,
          candidates: [
            { name: '甲', votes: 300 },
            { name: '乙', votes: 260 },
            { name: '丙', votes: 100 },
          ],
        }),
      ).valid,
    ).toBe(true);
    const invalid = evaluateResults(
      round({
        votesCast: 500,
        candidates: [
          { name: '甲', votes: 300 },
          { name: '乙', votes: 260 },
          { name: '丙', votes: 100 },
        ],
      }),
    );
    expect(invalid).toMatchObject({ valid: false, elected: [], unfilledSeats: 2 });
  });

  it('EL-WIN: more than half of the votes cast is strict (351 of 700 wins, 350 does not)', () => {
    const r = evaluateResults(
      round({
        candidates: [
          { name: '甲', votes: 351 },
          { name: '乙', votes: 350 },
          { name: '丙', votes: 300 },
        ],
      }),
    );
    expect(r.elected).toEqual(['甲']);
    expect(r.unfilledSeats).toBe(1);
    expect(r.rules.find((x) => x.id === 'EL-WIN')!.passed).toBe(false);
  });

  it('EL-WIN: with more majority winners than seats, the most votes take the seats', () => {
    const r = evaluateResults(
      round({
        seats: 1,
        candidates: [
          { name: '甲', votes: 400 },
          { name: '乙', votes: 380 },
        ],
      }),
    );
    expect(r).toMatchObject({ elected: ['甲'], unfilledSeats: 0, tiedForLastSeat: [] });
  });

  it('a tie for the last seat is not decided: the tied candidates stay out of the elected list and the tie is reported', () => {
    const r = evaluateResults(
      round({
        candidates: [
          { name: '甲', votes: 500 },
          { name: '乙', votes: 400 },
          { name: '丙', votes: 400 },
        ],
      }),
    );
    expect(r).toMatchObject({ valid: true, elected: ['甲'], tiedForLastSeat: ['乙', '丙'], unfilledSeats: 1 });
    expect(r.rules.find((x) => x.id === 'EL-WIN')!.detail['zh-CN']).toContain('系统不作决定');
  });

  it('EL-RUNOFF: the most votes win with at least one third of the votes cast (exactly 300 of 900 passes, 299 does not)', () => {
    const runoff = (votes: number) =>
      evaluateResults({
        registeredVoters: 1000,
        votesCast: 900,
        seats: 1,
        round: 'runoff',
        candidates: [
          { name: '乙', votes },
          { name: '丙', votes: 200 },
        ],
      });
    expect(runoff(300)).toMatchObject({ elected: ['乙'], unfilledSeats: 0 });
    expect(runoff(300).rules.map((x) => x.id)).toEqual(['EL-TURNOUT', 'EL-CANDIDATES', 'EL-RUNOFF']);
    expect(runoff(299)).toMatchObject({ elected: [], unfilledSeats: 1 });
  });
});
