import { describe, expect, it } from '@jest/globals';
import { communityProfileInput, type CommunityProfileInput } from '../domain/forms/community-profile';
import {
  aggregate,
  COMMUNITY_TARGET_RULES,
  evaluateCommunity,
  profilePrompts,
  TARGET_RULE_IDS,
  type CommunityFacts,
  type TargetRuleId,
} from '../domain/rules/community-targets';

const member = (name: string, position: 'DIRECTOR' | 'DEPUTY' | 'MEMBER', education = 'BACHELOR', trainings = ['2026-05-01']) =>
  ({ name, position, education, trainings }) as CommunityProfileInput['committeeMembers'][number];

/** A community that meets every target in 2026. */
const good: CommunityProfileInput = communityProfileInput.parse({
  households: 3000,
  residents: 9000,
  committeeMembers: [
    member('王主任', 'DIRECTOR'),
    member('李副主任', 'DEPUTY'),
    member('张委员', 'MEMBER', 'HIGH_SCHOOL', ['2025-03-01']),
    member('赵委员', 'MEMBER'),
    member('刘委员', 'MEMBER', 'JUNIOR_COLLEGE'),
  ],
  socialWorkers: 1,
  socialOrganizations: 5,
  registeredVolunteers: 900,
  volunteerServiceResidents: 2700,
  partyMembers: 100,
  partyMemberVolunteers: 80,
  officeSpaceM2: '300',
  serviceCentreM2: '500',
  estates: [{ name: '新苑', households: 200, occupiedHouseholds: 99, isNew: true, hasCommittee: false }],
});

const facts = (p: Partial<CommunityProfileInput> = {}, method: string | null = 'direct'): CommunityFacts => ({
  year: 2026,
  profile: { ...good, ...p },
  latestElectionMethod: method,
});
const rule = (f: CommunityFacts, id: TargetRuleId) => {
  const found = evaluateCommunity(f).find((r) => r.id === id);
  if (!found) throw new Error(`${id} not evaluated`);
  return found;
};

describe('community target rules (鲁办发〔2012〕22号), compared exactly', () => {
  it('every rule has an id, its clause, a threshold text and an area target', () => {
    for (const id of TARGET_RULE_IDS) {
      const r = COMMUNITY_TARGET_RULES[id];
      expect(r.id).toBe(id);
      expect(r.citation).toMatch(/鲁办发〔2012〕22号 [一二]\(/);
      expect(r.threshold['zh-CN']).not.toBe('');
      expect(r.threshold.en).not.toBe('');
    }
    expect(evaluateCommunity(facts()).every((r) => r.passed)).toBe(true);
  });

  it('CT-DIRECT-ELECTION: an area meets the target at exactly 80 % of communities, not at one community fewer', () => {
    const results = (direct: number, total: number) =>
      new Map(
        Array.from({ length: total }, (_, i) => [
          `c${i}`,
          evaluateCommunity({
            year: 2026,
            profile: null,
            latestElectionMethod: i < direct ? 'direct' : 'household-representatives',
          }),
        ]),
      );
    const at = (direct: number, total: number) => aggregate(results(direct, total)).find((a) => a.id === 'CT-DIRECT-ELECTION')!;
    expect(at(4, 5)).toMatchObject({ met: 4, evaluated: 5, meetsTarget: true, missing: ['c4'] });
    expect(at(3, 5).meetsTarget).toBe(false);
    expect(at(8, 10).meetsTarget).toBe(true);
    expect(at(7, 10).meetsTarget).toBe(false);
    // 80 of 100 holds; 799 of 1000 (79.9 %, which a float rounding to one decimal would show as 79.9 and
    // a percentage rounded to the unit would show as 80) does not.
    expect(at(80, 100).meetsTarget).toBe(true);
    expect(at(799, 1000).meetsTarget).toBe(false);
    expect(at(799, 1000).percent).toBe(79.9);
    // A community without an election with a method is not counted either way.
    expect(evaluateCommunity({ year: 2026, profile: null, latestElectionMethod: null })).toEqual([]);
  });

  it('CT-OFFICE-SPACE: exactly 300 m² meets it, 299.99 m² does not; and 1 m² per 20 households at least', () => {
    expect(rule(facts({ officeSpaceM2: '300' }), 'CT-OFFICE-SPACE').passed).toBe(true);
    expect(rule(facts({ officeSpaceM2: '300.00' }), 'CT-OFFICE-SPACE').passed).toBe(true);
    expect(rule(facts({ officeSpaceM2: '299.99' }), 'CT-OFFICE-SPACE').passed).toBe(false);
    expect(rule(facts({ officeSpaceM2: '300.01' }), 'CT-OFFICE-SPACE').passed).toBe(true);
    // 7,000 households need 350 m²: exactly 350 holds, 349.99 does not.
    expect(rule(facts({ households: 7000, officeSpaceM2: '350' }), 'CT-OFFICE-SPACE').passed).toBe(true);
    expect(rule(facts({ households: 7000, officeSpaceM2: '349.99' }), 'CT-OFFICE-SPACE').passed).toBe(false);
    expect(rule(facts({ households: 7001, officeSpaceM2: '350' }), 'CT-OFFICE-SPACE').passed).toBe(false);
  });

  it('CT-VOLUNTEERS: exactly 10 % of residents meets it, one volunteer fewer does not', () => {
    expect(rule(facts({ residents: 9000, registeredVolunteers: 900 }), 'CT-VOLUNTEERS').passed).toBe(true);
    expect(rule(facts({ residents: 9000, registeredVolunteers: 899 }), 'CT-VOLUNTEERS').passed).toBe(false);
    expect(rule(facts({ residents: 9000, registeredVolunteers: 901 }), 'CT-VOLUNTEERS').passed).toBe(true);
    // 1 of 10 is exactly 10 % (0.1 has no exact binary float); 1 of 11 is not.
    expect(rule(facts({ residents: 10, registeredVolunteers: 1, volunteerServiceResidents: 3 }), 'CT-VOLUNTEERS').passed).toBe(
      true,
    );
    expect(rule(facts({ residents: 11, registeredVolunteers: 1, volunteerServiceResidents: 4 }), 'CT-VOLUNTEERS').passed).toBe(
      false,
    );
    expect(rule(facts({ residents: 0, registeredVolunteers: 0, volunteerServiceResidents: 0 }), 'CT-VOLUNTEERS').passed).toBe(
      false,
    );
  });

  it('CT-PARTY-VOLUNTEERS at exactly 80 % and CT-RESIDENT-VOLUNTEERS at exactly 30 %, one below fails', () => {
    expect(rule(facts({ partyMembers: 100, partyMemberVolunteers: 80 }), 'CT-PARTY-VOLUNTEERS').passed).toBe(true);
    expect(rule(facts({ partyMembers: 100, partyMemberVolunteers: 79 }), 'CT-PARTY-VOLUNTEERS').passed).toBe(false);
    expect(evaluateCommunity(facts({ partyMembers: 0, partyMemberVolunteers: 0 })).map((r) => r.id)).not.toContain(
      'CT-PARTY-VOLUNTEERS',
    );
    expect(rule(facts({ residents: 9000, volunteerServiceResidents: 2700 }), 'CT-RESIDENT-VOLUNTEERS').passed).toBe(true);
    expect(rule(facts({ residents: 9000, volunteerServiceResidents: 2699 }), 'CT-RESIDENT-VOLUNTEERS').passed).toBe(false);
  });

  it('CT-COMMITTEE-SIZE: 5 to 9 inclusive; CT-EDUCATION: exactly half with college or above', () => {
    const five = good.committeeMembers;
    const nine = [...five, member('a', 'MEMBER'), member('b', 'MEMBER'), member('c', 'MEMBER'), member('d', 'MEMBER')];
    expect(rule(facts({ committeeMembers: five.slice(0, 4) }), 'CT-COMMITTEE-SIZE').passed).toBe(false);
    expect(rule(facts({ committeeMembers: five }), 'CT-COMMITTEE-SIZE').passed).toBe(true);
    expect(rule(facts({ committeeMembers: nine }), 'CT-COMMITTEE-SIZE').passed).toBe(true);
    expect(rule(facts({ committeeMembers: [...nine, member('e', 'MEMBER')] }), 'CT-COMMITTEE-SIZE').passed).toBe(false);
    const six = (college: number) =>
      Array.from({ length: 6 }, (_, i) =>
        member(`m${i}`, i === 0 ? 'DIRECTOR' : 'MEMBER', i < college ? 'JUNIOR_COLLEGE' : 'HIGH_SCHOOL'),
      );
    expect(rule(facts({ committeeMembers: six(3) }), 'CT-EDUCATION').passed).toBe(true);
    expect(rule(facts({ committeeMembers: six(2) }), 'CT-EDUCATION').passed).toBe(false);
    expect(rule(facts({ committeeMembers: [] }), 'CT-EDUCATION').passed).toBe(false);
  });

  it('CT-SOCIAL-WORKER at 1 and CT-SOCIAL-ORGANIZATIONS at 5 hold; one fewer fails', () => {
    expect(rule(facts({ socialWorkers: 1 }), 'CT-SOCIAL-WORKER').passed).toBe(true);
    expect(rule(facts({ socialWorkers: 0 }), 'CT-SOCIAL-WORKER').passed).toBe(false);
    expect(rule(facts({ socialOrganizations: 5 }), 'CT-SOCIAL-ORGANIZATIONS').passed).toBe(true);
    expect(rule(facts({ socialOrganizations: 4 }), 'CT-SOCIAL-ORGANIZATIONS').passed).toBe(false);
  });

  it('CT-SCALE: 4,500 households (1.5 × 3,000) still holds, 4,501 is far above', () => {
    expect(rule(facts({ households: 4500, officeSpaceM2: '1000' }), 'CT-SCALE').passed).toBe(true);
    expect(rule(facts({ households: 4501, officeSpaceM2: '1000' }), 'CT-SCALE').passed).toBe(false);
  });

  it('CT-NEW-ESTATE: a new estate at exactly 50 % occupancy without a committee misses it; 49.5 % does not', () => {
    const estate = (occupied: number, extra: object = {}) => [
      { name: '新苑', households: 200, occupiedHouseholds: occupied, isNew: true, hasCommittee: false, ...extra },
    ];
    expect(rule(facts({ estates: estate(99) }), 'CT-NEW-ESTATE').passed).toBe(true);
    expect(rule(facts({ estates: estate(100) }), 'CT-NEW-ESTATE')).toMatchObject({
      passed: false,
      values: { estatesWithoutCommittee: '新苑' },
    });
    expect(rule(facts({ estates: estate(100, { hasCommittee: true }) }), 'CT-NEW-ESTATE').passed).toBe(true);
    expect(rule(facts({ estates: estate(200, { isNew: false }) }), 'CT-NEW-ESTATE').passed).toBe(true);
  });

  it('CT-DIRECTOR-TRAINING needs a training in the year itself; CT-MEMBER-TRAINING one in this or the year before', () => {
    const withDirector = (trainings: string[]) => [
      member('王主任', 'DIRECTOR', 'BACHELOR', trainings),
      ...good.committeeMembers.slice(1),
    ];
    expect(rule(facts({ committeeMembers: withDirector(['2026-01-01']) }), 'CT-DIRECTOR-TRAINING').passed).toBe(true);
    expect(rule(facts({ committeeMembers: withDirector(['2025-12-31']) }), 'CT-DIRECTOR-TRAINING').passed).toBe(false);
    expect(rule(facts({ committeeMembers: withDirector(['2027-01-01']) }), 'CT-DIRECTOR-TRAINING').passed).toBe(false);
    expect(rule(facts({ committeeMembers: good.committeeMembers.slice(1) }), 'CT-DIRECTOR-TRAINING').passed).toBe(false);
    const withMember = (trainings: string[]) => [
      ...good.committeeMembers.slice(0, 4),
      member('刘委员', 'MEMBER', 'BACHELOR', trainings),
    ];
    expect(rule(facts({ committeeMembers: withMember(['2025-01-01']) }), 'CT-MEMBER-TRAINING').passed).toBe(true);
    expect(rule(facts({ committeeMembers: withMember(['2024-12-31']) }), 'CT-MEMBER-TRAINING')).toMatchObject({
      passed: false,
      values: { untrained: '刘委员' },
    });
  });

  it('prompts: a new estate at exactly 50 % without a committee, more than 4,500 households, a director untrained this year', () => {
    expect(profilePrompts(good, 2026).map((p) => p.kind)).toEqual([]);
    const estate = { name: '半满苑', households: 200, occupiedHouseholds: 100, isNew: true, hasCommittee: false };
    expect(profilePrompts({ ...good, estates: [estate] }, 2026).map((p) => p.kind)).toEqual(['new-estate-without-committee']);
    expect(profilePrompts({ ...good, estates: [{ ...estate, occupiedHouseholds: 99 }] }, 2026)).toEqual([]);
    expect(profilePrompts({ ...good, households: 4500 }, 2026)).toEqual([]);
    expect(profilePrompts({ ...good, households: 4501 }, 2026).map((p) => p.kind)).toEqual(['far-above-households']);
    expect(profilePrompts(good, 2027).map((p) => p.kind)).toEqual(['director-untrained']);
  });
});
