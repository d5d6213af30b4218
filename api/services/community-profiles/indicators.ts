import { AppError } from '../../../domain/errors';
import { directElectionRate } from '../../../domain/rules/election';
import {
  aggregate,
  COMMUNITY_TARGET_RULES,
  evaluateCommunity,
  profilePrompts,
  promptSentence,
  TARGET_RULE_IDS,
  type IndicatorAggregate,
} from '../../../domain/rules/community-targets';
import type { RuleResult } from '../../../domain/rules/rule';
import type { Db } from '../../../runtime/db';
import type { Caller } from '../../plugins/app/auth';
import { currentMembership, supervisionPath } from '../../authz/organization-scope';
import { profileFigures } from './profiles';
import { centreIndicators } from './centre-indicators';

/** Organizations an area breakdown is given for, below the chosen one. */
const AREA_KINDS = ['PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP', 'SUBDISTRICT'] as const;
const TREND_YEARS = 5;

/**
 * The county dashboard (issue 22): every target rule evaluated per community from its profile of the year (and its
 * latest election by the end of that year), aggregated over the chosen organization's communities and over each
 * area directly below it (townships of a county, counties of a city, cities of a province); the same aggregate for
 * the years before (the trend); and the election figures the procedures produce. The scope is the caller's
 * supervision subtree; `organizationId` narrows it to an area inside it.
 */
export async function communityIndicators({
  db,
  caller,
  organizationId,
  year,
}: {
  db: Db;
  caller: Caller;
  organizationId?: string;
  year: number;
}) {
  currentMembership(caller);
  const scopePath = supervisionPath(caller);
  const area = await db.organization.findFirst({
    where: organizationId ? { id: organizationId, path: { startsWith: scopePath } } : { path: scopePath },
    select: { id: true, name: true, kind: true, path: true },
  });
  if (!area) throw new AppError('NOT_FOUND');

  const communities = await db.organization.findMany({
    where: { kind: 'COMMUNITY', path: { startsWith: area.path } },
    select: { id: true, code: true, name: true, path: true, parent: { select: { name: true } } },
    orderBy: { code: 'asc' },
  });
  const ids = communities.map((c) => c.id);
  const firstYear = year - TREND_YEARS + 1;
  const [profiles, elections, children, centres] = await Promise.all([
    db.communityProfile.findMany({ where: { communityOrgId: { in: ids }, year: { gte: firstYear, lte: year } } }),
    db.election.findMany({
      where: { communityOrgId: { in: ids }, status: { not: 'CANCELLED' }, method: { not: null } },
      select: { communityOrgId: true, method: true, electionDate: true, createdAt: true },
      orderBy: { createdAt: 'asc' },
    }),
    db.organization.findMany({
      where: { parentId: area.id, kind: { in: [...AREA_KINDS] } },
      select: { id: true, name: true, kind: true, path: true },
      orderBy: { code: 'asc' },
    }),
    centreIndicators(db, area.path, year),
  ]);

  const profileOf = new Map(profiles.map((p) => [`${p.communityOrgId}|${p.year}`, p]));
  /** The method of the community's latest election held (or, undated, started) by the end of `y`. */
  const methodBy = (communityOrgId: string, y: number) => {
    let method: string | null = null;
    for (const e of elections) {
      if (e.communityOrgId !== communityOrgId) continue;
      const held = e.electionDate ? Number(e.electionDate.slice(0, 4)) : e.createdAt.getUTCFullYear();
      if (held <= y) method = e.method;
    }
    return method;
  };
  const resultsFor = (y: number) =>
    new Map<string, RuleResult[]>(
      communities.map((c) => {
        const row = profileOf.get(`${c.id}|${y}`);
        return [
          c.id,
          evaluateCommunity({ year: y, profile: row ? profileFigures(row) : null, latestElectionMethod: methodBy(c.id, y) }),
        ];
      }),
    );

  const current = resultsFor(year);
  const indicators = aggregate(current);
  const within = (path: string) =>
    new Map([...current].filter(([id]) => communities.find((c) => c.id === id)!.path.startsWith(path)));

  const trend = [];
  for (let y = firstYear; y <= year; y += 1) {
    const results = y === year ? current : resultsFor(y);
    const withProfile = communities.filter((c) => profileOf.has(`${c.id}|${y}`)).length;
    trend.push({ year: y, communitiesWithProfile: withProfile, indicators: aggregate(results).map(slim) });
  }

  // The election figures the procedures produce, over the same communities.
  const [applications, objections, lateLists, latest] = await Promise.all([
    db.migrantApplication.groupBy({
      by: ['status'],
      where: { election: { communityOrgId: { in: ids } } },
      _count: { _all: true },
    }),
    db.voterObjection.groupBy({
      by: ['status'],
      where: { election: { communityOrgId: { in: ids } } },
      _count: { _all: true },
    }),
    db.election.count({ where: { communityOrgId: { in: ids }, listLateReason: { not: null } } }),
    Promise.resolve(communities.map((c) => methodBy(c.id, Number.MAX_SAFE_INTEGER)).filter((m): m is string => m !== null)),
  ]);
  const countOf = (rows: { status: string; _count: { _all: number } }[], ...statuses: string[]) =>
    rows.filter((r) => statuses.includes(r.status)).reduce((n, r) => n + r._count._all, 0);

  return {
    organization: { id: area.id, name: area.name, kind: area.kind },
    year,
    communities: communities.map((c) => ({
      communityOrgId: c.id,
      code: c.code,
      name: c.name,
      township: c.parent?.name ?? null,
      hasProfile: profileOf.has(`${c.id}|${year}`),
      status: profileOf.get(`${c.id}|${year}`)?.status ?? null,
      results: current.get(c.id)!.map((r) => ({ id: r.id, passed: r.passed, detail: r.detail, values: r.values })),
    })),
    rules: TARGET_RULE_IDS.map((id) => {
      const r = COMMUNITY_TARGET_RULES[id];
      return {
        id,
        citation: r.citation,
        text: r.text,
        threshold: r.threshold,
        areaTarget: `${r.areaTarget.num}/${r.areaTarget.den}`,
      };
    }),
    indicators,
    centres,
    areas: children.map((child) => ({
      organizationId: child.id,
      name: child.name,
      kind: child.kind,
      indicators: aggregate(within(child.path)).map(slim),
    })),
    trend,
    prompts: communities.flatMap((c) => {
      const row = profileOf.get(`${c.id}|${year}`);
      if (!row) return [];
      return profilePrompts(profileFigures(row), year).map((p) => ({
        communityOrgId: c.id,
        community: c.name,
        kind: p.kind,
        ruleId: p.ruleId,
        message: promptSentence(p.kind, { ...p.params, community: c.name }),
      }));
    }),
    elections: {
      directElection: directElectionRate(latest.filter((m) => m === 'direct').length, latest.length),
      migrantApplications: {
        approved: countOf(applications, 'APPROVED'),
        refused: countOf(applications, 'REFUSED'),
        open: countOf(applications, 'UNDER_REVIEW', 'EVIDENCE_REQUESTED'),
      },
      objections: {
        total: countOf(objections, 'OPEN', 'UPHELD', 'DISMISSED', 'LATE'),
        open: countOf(objections, 'OPEN'),
        upheld: countOf(objections, 'UPHELD'),
        dismissed: countOf(objections, 'DISMISSED'),
        late: countOf(objections, 'LATE'),
      },
      lateLists,
    },
  };
}

const slim = ({ id, met, evaluated, percent, meetsTarget }: IndicatorAggregate) => ({ id, met, evaluated, percent, meetsTarget });

export type CommunityIndicators = Awaited<ReturnType<typeof communityIndicators>>;
