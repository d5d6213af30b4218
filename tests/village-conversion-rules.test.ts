import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { evaluateConversion, type ConversionConditions } from '../domain/rules/village-conversion';
import { CONVERSION_APPLICATION } from './support/fixtures';
import { startHarness, type Harness } from './support/harness';

const base: ConversionConditions = {
  ...CONVERSION_APPLICATION,
  assembly: { ...CONVERSION_APPLICATION.assembly, householdRepresentatives: 0 },
};
const withAssembly = (
  a: Partial<ConversionConditions['assembly']>,
  c: Partial<ConversionConditions> = {},
): ConversionConditions => ({ ...base, ...c, assembly: { ...base.assembly, ...a } });
const rule = (c: ConversionConditions, id: string) => evaluateConversion(c).find((r) => r.id === id)!;

describe('村改居 rules (VC-…), boundaries compared exactly', () => {
  it('VC-C3 holds at exactly two thirds of the labour force and fails one person below', () => {
    expect(rule(base, 'VC-C3').passed).toBe(true);
    expect(rule({ ...base, nonFarmLabour: 599 }, 'VC-C3').passed).toBe(false);
    expect(rule({ ...base, labourForce: 0, nonFarmLabour: 0 }, 'VC-C3').passed).toBe(false);
  });

  it('VC-C1, VC-C2 and VC-C4 each fail on their own condition', () => {
    expect(rule({ ...base, insideUrbanBoundary: false }, 'VC-C1').passed).toBe(false);
    expect(rule({ ...base, farmlandInsufficient: false }, 'VC-C2').passed).toBe(false);
    expect(rule({ ...base, assetRestructuringComplete: false }, 'VC-C4').passed).toBe(false);
  });

  it('VC-NOTICE needs 10 days: the 1st for the 11th passes, the 2nd does not', () => {
    expect(rule(base, 'VC-NOTICE').passed).toBe(true);
    expect(rule(withAssembly({ noticeDate: '2026-03-02' }), 'VC-NOTICE').passed).toBe(false);
  });

  it('VC-QUORUM: more than half of adults is strict (500 of 1000 fails, 501 passes)', () => {
    expect(rule(base, 'VC-QUORUM').passed).toBe(true);
    expect(rule(withAssembly({ adultAttendees: 500, votesFor: 251 }), 'VC-QUORUM').passed).toBe(false);
  });

  it('VC-QUORUM: representatives of exactly two thirds of households suffice (200 of 300), 199 does not', () => {
    expect(rule(withAssembly({ adultAttendees: 100, householdRepresentatives: 200, votesFor: 101 }), 'VC-QUORUM').passed).toBe(
      true,
    );
    expect(rule(withAssembly({ adultAttendees: 100, householdRepresentatives: 199, votesFor: 100 }), 'VC-QUORUM').passed).toBe(
      false,
    );
  });

  it('VC-QUORUM fails for a representatives’ meeting even with full attendance', () => {
    expect(rule(withAssembly({ fullAssembly: false, adultAttendees: 1000, votesFor: 1000 }), 'VC-QUORUM').passed).toBe(false);
  });

  it('VC-MAJORITY is strictly more than half of those present (251 of 501 passes, 250 fails; 100 of 200 fails)', () => {
    expect(rule(base, 'VC-MAJORITY').passed).toBe(true);
    expect(rule(withAssembly({ votesFor: 250 }), 'VC-MAJORITY').passed).toBe(false);
    expect(rule(withAssembly({ adultAttendees: 100, householdRepresentatives: 200, votesFor: 100 }), 'VC-MAJORITY').passed).toBe(
      false,
    );
    expect(rule(withAssembly({ adultAttendees: 100, householdRepresentatives: 200, votesFor: 101 }), 'VC-MAJORITY').passed).toBe(
      true,
    );
  });
});

describe('POST /api/v1/village-conversions/conditions-check (public)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h?.close());
  const check = (payload: unknown) =>
    h.api.inject({ method: 'POST', url: '/api/v1/village-conversions/conditions-check', payload: payload as object });

  it('answers without login, listing every VC rule with its citation', async () => {
    const res = await check(base);
    expect(res.statusCode).toBe(200);
    const body = res.json<{ satisfied: boolean; rules: { id: string; passed: boolean; citation: string; detail: string }[] }>();
    expect(body.satisfied).toBe(true);
    expect(body.rules.map((r) => r.id)).toEqual(['VC-C1', 'VC-C2', 'VC-C3', 'VC-C4', 'VC-NOTICE', 'VC-QUORUM', 'VC-MAJORITY']);
    expect(body.rules.every((r) => r.citation.length > 0 && r.detail.length > 0)).toBe(true);
    const failing = (await check(withAssembly({ adultAttendees: 500, votesFor: 251 }))).json<{ satisfied: boolean }>();
    expect(failing.satisfied).toBe(false);
  });

  it.each([
    ['a negative count', withAssembly({ adultAttendees: -1 }), 'assembly.adultAttendees'],
    ['a non-integer count', { ...base, labourForce: 10.5 }, 'labourForce'],
    ['more attendees than villagers', withAssembly({ adultAttendees: 1001 }), 'assembly.adultAttendees'],
    [
      'more representatives than households',
      withAssembly({ householdRepresentatives: 301 }),
      'assembly.householdRepresentatives',
    ],
    ['more votes than people present', withAssembly({ votesFor: 502 }), 'assembly.votesFor'],
    ['non-farm labour above the labour force', { ...base, nonFarmLabour: 901 }, 'nonFarmLabour'],
    ['the meeting before the notice', withAssembly({ meetingDate: '2026-02-28' }), 'assembly.meetingDate'],
    ['an impossible date', withAssembly({ noticeDate: '2026-02-30' }), 'assembly.noticeDate'],
    ['a missing field', { ...base, assembly: { ...base.assembly, votesFor: undefined } }, 'assembly.votesFor'],
  ])('refuses %s with 400 and the field', async (_name, payload, path) => {
    const res = await check(payload);
    expect(res.statusCode).toBe(400);
    const fields = res.json<{ error: { code: string; fields: { path: string; message: { 'zh-CN': string } }[] } }>().error.fields;
    expect(fields.map((f) => f.path)).toContain(path);
    expect(fields.every((f) => f.message['zh-CN'].length > 0)).toBe(true);
  });

  it('VC-MAJORITY refuses more votes in favour than people present (126 for, 100 present) with 400 and the counts', async () => {
    // 100 of 150 adults attend (the quorum rests on them); 130 household representatives were also counted.
    const res = await check(
      withAssembly({ adultVillagers: 150, adultAttendees: 100, households: 300, householdRepresentatives: 130, votesFor: 126 }),
    );
    expect(res.statusCode).toBe(400);
    const error = res.json<{
      error: { code: string; fields: { path: string; code: string; message: { 'zh-CN': string; en: string } }[] };
    }>().error;
    expect(error.code).toBe('VALIDATION_FAILED');
    const field = error.fields.find((f) => f.path === 'assembly.votesFor')!;
    expect(field.message['zh-CN']).toContain('126');
    expect(field.message['zh-CN']).toContain('100');
    expect(field.message.en).toContain('people present (100)');
    // At the limit it is accepted: 100 for, 100 present.
    expect(
      (
        await check(
          withAssembly({
            adultVillagers: 150,
            adultAttendees: 100,
            households: 300,
            householdRepresentatives: 130,
            votesFor: 100,
          }),
        )
      ).statusCode,
    ).toBe(200);
  });

  it('rate-limits the public check per client (429 RATE_LIMITED)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 70; i++)
      statuses.push(
        (
          await h.api.inject({
            method: 'POST',
            url: '/api/v1/village-conversions/conditions-check',
            payload: base,
            remoteAddress: '10.7.7.7',
          })
        ).statusCode,
      );
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    const limited = await h.api.inject({
      method: 'POST',
      url: '/api/v1/village-conversions/conditions-check',
      payload: base,
      remoteAddress: '10.7.7.7',
    });
    expect(limited.json<{ error: { code: string } }>().error.code).toBe('RATE_LIMITED');
  });
});
