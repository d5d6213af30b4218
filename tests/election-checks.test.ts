import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startHarness, type Harness } from './support/harness';

interface PublicRule {
  id: string;
  passed: boolean;
  outcome: 'passed' | 'failed' | 'undetermined';
  citation: string;
  detail: string;
  values: Record<string, unknown>;
}
type FieldErrors = { error: { code: string; fields: { path: string; message: { 'zh-CN': string; en: string } }[] } };

const eligible = {
  electionDate: '2027-03-20',
  birthDate: '1990-05-01',
  residenceSince: '2026-03-20',
  hasLegalFixedResidence: true,
  politicalRightsDeprived: false,
  appliedInPerson: true,
  registeredElsewhere: false,
};
const result = {
  registeredVoters: 1000,
  votesCast: 700,
  seats: 2,
  round: 'first',
  candidates: [
    { name: '张三', votes: 500 },
    { name: '李四', votes: 400 },
    { name: '王五', votes: 400 },
  ],
};

describe('public election checks (no login, rate-limited)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h?.close());
  const post = (path: string, payload: unknown, remoteAddress = '10.1.0.1') =>
    h.api.inject({ method: 'POST', url: `/api/v1/elections/${path}`, payload: payload as object, remoteAddress });

  it('eligibility-check lists EL-AGE, EL-RIGHTS, EL-HOME, EL-RESIDENCE, EL-SELF, EL-SINGLE with citations', async () => {
    const res = await post('eligibility-check', eligible);
    expect(res.statusCode).toBe(200);
    const body = res.json<{ eligible: boolean; rules: PublicRule[] }>();
    expect(body.eligible).toBe(true);
    expect(body.rules.map((r) => r.id)).toEqual(['EL-AGE', 'EL-RIGHTS', 'EL-HOME', 'EL-RESIDENCE', 'EL-SELF', 'EL-SINGLE']);
    expect(body.rules.every((r) => r.citation.length > 0 && r.detail.length > 0)).toBe(true);
    const short = (await post('eligibility-check', { ...eligible, residenceSince: '2026-03-21' })).json<{
      eligible: boolean;
      rules: PublicRule[];
    }>();
    expect(short.eligible).toBe(false);
    expect(short.rules.filter((r) => !r.passed).map((r) => r.id)).toEqual(['EL-RESIDENCE']);
    const english = (await post('eligibility-check?lang=en', { ...eligible, registeredElsewhere: true })).json<{
      rules: PublicRule[];
    }>();
    expect(english.rules.find((r) => r.id === 'EL-SINGLE')).toMatchObject({
      passed: false,
      detail: expect.stringContaining('Declared registered elsewhere'),
    });
  });

  it('result-check leaves candidates tied for the last seat out of the elected list and reports the tie', async () => {
    const res = await post('result-check', result);
    expect(res.statusCode).toBe(200);
    const body = res.json<{
      valid: boolean;
      elected: string[];
      tiedForLastSeat: string[];
      unfilledSeats: number;
      rules: PublicRule[];
    }>();
    expect(body).toMatchObject({ valid: true, elected: ['张三'], tiedForLastSeat: ['李四', '王五'], unfilledSeats: 1 });
    expect(body.rules.map((r) => r.id)).toEqual(['EL-TURNOUT', 'EL-CANDIDATES', 'EL-WIN']);
    const runoff = (
      await post('result-check', {
        ...result,
        seats: 1,
        round: 'runoff',
        candidates: [
          { name: '李四', votes: 234 },
          { name: '王五', votes: 233 },
        ],
      })
    ).json<{ elected: string[]; rules: PublicRule[] }>();
    expect(runoff.elected).toEqual(['李四']);
    expect(runoff.rules.map((r) => r.id)).toEqual(['EL-TURNOUT', 'EL-CANDIDATES', 'EL-RUNOFF']);
  });

  it('timeline-check computes the last allowed dates on the holiday calendar', async () => {
    const res = await post('timeline-check', {
      electionDate: '2026-11-30',
      listPublishedDate: '2026-11-04',
      objectionDate: '2026-11-05',
      answerDate: '2026-11-10',
    });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ rules: PublicRule[]; lastAllowedDates: Record<string, string>; calendarUnknownYears: number[] }>();
    expect(body.lastAllowedDates).toEqual({ listPublication: '2026-11-10', objection: '2026-11-09', answer: '2026-11-09' });
    expect(body.rules.map((r) => [r.id, r.passed])).toEqual([
      ['EL-LIST', true],
      ['EL-OBJECT', true],
      ['EL-ANSWER', false],
    ]);
  });

  it('timeline-check calls an objection "undetermined", not late, when only the unknown 2031 调休/补假 decide it', async () => {
    // The 2031 notice is unknown. Published Tue 21 Jan: the 5-day window ends on Sun 26 Jan, the day after 初三.
    const res = await post('timeline-check', {
      electionDate: '2031-03-01',
      listPublishedDate: '2031-01-21',
      objectionDate: '2031-01-28',
    });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ rules: PublicRule[]; calendarUnknownYears: number[] }>();
    expect(body.calendarUnknownYears).toEqual([2031]);
    const objection = body.rules.find((r) => r.id === 'EL-OBJECT')!;
    expect(objection).toMatchObject({ passed: false, outcome: 'undetermined', values: { earliestLastDay: '2031-01-26' } });
    expect(objection.detail).toContain('待定');
    // In time on the earliest possible last day; late after the latest one; the 2031 Spring Festival is never a working day.
    const inTime = (
      await post('timeline-check?lang=en', {
        electionDate: '2031-03-01',
        listPublishedDate: '2031-01-21',
        objectionDate: '2031-01-26',
      })
    ).json<{ rules: PublicRule[] }>();
    expect(inTime.rules.find((r) => r.id === 'EL-OBJECT')).toMatchObject({ passed: true, outcome: 'passed' });
    const late = (
      await post('timeline-check', { electionDate: '2031-03-01', listPublishedDate: '2031-01-21', objectionDate: '2031-02-20' })
    ).json<{ rules: PublicRule[] }>();
    expect(late.rules.find((r) => r.id === 'EL-OBJECT')).toMatchObject({ passed: false, outcome: 'failed' });
  });

  it.each([
    ['eligibility-check', 'an impossible date', { ...eligible, birthDate: '1990-02-30' }, 'birthDate'],
    [
      'eligibility-check',
      'a birth after election day',
      { ...eligible, birthDate: '2027-03-21', residenceSince: '2027-03-21' },
      'birthDate',
    ],
    ['eligibility-check', 'residence before birth', { ...eligible, residenceSince: '1989-01-01' }, 'residenceSince'],
    ['eligibility-check', 'a missing declaration', { ...eligible, appliedInPerson: undefined }, 'appliedInPerson'],
    ['result-check', 'more votes cast than voters', { ...result, votesCast: 1001 }, 'votesCast'],
    [
      'result-check',
      'a candidate with more votes than votes cast',
      {
        ...result,
        candidates: [
          { name: '张三', votes: 701 },
          { name: '李四', votes: 1 },
          { name: '王五', votes: 1 },
        ],
      },
      'candidates.0.votes',
    ],
    [
      'result-check',
      'more votes in total than the ballots allow',
      {
        ...result,
        candidates: [
          { name: '张三', votes: 700 },
          { name: '李四', votes: 700 },
          { name: '王五', votes: 1 },
        ],
      },
      'candidates',
    ],
    [
      'result-check',
      'the same candidate twice',
      {
        ...result,
        candidates: [
          { name: '张三', votes: 1 },
          { name: '张三', votes: 1 },
          { name: '王五', votes: 1 },
        ],
      },
      'candidates.1.name',
    ],
    ['result-check', 'a negative count', { ...result, registeredVoters: -1 }, 'registeredVoters'],
    ['result-check', 'an unknown round', { ...result, round: 'second' }, 'round'],
    ['timeline-check', 'an impossible date', { electionDate: '2026-13-01', listPublishedDate: '2026-11-04' }, 'electionDate'],
    [
      'timeline-check',
      'a list published after election day',
      { electionDate: '2026-11-30', listPublishedDate: '2026-12-01' },
      'listPublishedDate',
    ],
    [
      'timeline-check',
      'an objection before publication',
      { electionDate: '2026-11-30', listPublishedDate: '2026-11-04', objectionDate: '2026-11-03' },
      'objectionDate',
    ],
    [
      'timeline-check',
      'an answer before the objection',
      { electionDate: '2026-11-30', listPublishedDate: '2026-11-04', objectionDate: '2026-11-06', answerDate: '2026-11-05' },
      'answerDate',
    ],
  ])('%s refuses %s with 400 and the field', async (path, _name, payload, field) => {
    const res = await post(path, payload);
    expect(res.statusCode).toBe(400);
    const fields = res.json<FieldErrors>().error.fields;
    expect(fields.map((f) => f.path)).toContain(field);
    expect(fields.every((f) => f.message['zh-CN'].length > 0 && f.message.en.length > 0)).toBe(true);
  });

  it('documents every election route in the OpenAPI document', async () => {
    const res = await h.api.inject({ url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json<{ paths: Record<string, unknown> }>().paths).filter((p) =>
      p.startsWith('/api/v1/elections'),
    );
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/elections/eligibility-check',
        '/api/v1/elections/result-check',
        '/api/v1/elections/timeline-check',
        '/api/v1/elections/{electionId}/voters',
        '/api/v1/elections/{electionId}/notice.pdf',
        '/api/v1/elections/applications/{number}',
        '/api/v1/elections/overview',
      ]),
    );
  });

  it('rate-limits each public check per client (429 RATE_LIMITED)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 65; i++) statuses.push((await post('eligibility-check', eligible, '10.9.9.9')).statusCode);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect((await post('eligibility-check', eligible, '10.9.9.9')).json<{ error: { code: string } }>().error.code).toBe(
      'RATE_LIMITED',
    );
    expect((await post('eligibility-check', eligible, '10.9.9.10')).statusCode).toBe(200);
  });
});
