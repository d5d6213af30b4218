import type { Db, DbClient } from '../../../runtime/db';
import { AppError } from '../../../domain/errors';

export const SERVICE_ADMISSION = 'service-admission' as const;
export const SERVICE_ADMISSION_REPORT = 'service-admission-report' as const;

export interface OrgNode {
  id: string;
  name: string;
  kind: string;
  path: string;
  parentId: string | null;
}

const orgSelect = { id: true, name: true, kind: true, path: true, parentId: true } as const;

/** An organization and its ancestors, root first. */
export async function lineageOf(db: DbClient, organizationId: string): Promise<OrgNode[]> {
  const org = await db.organization.findUnique({ where: { id: organizationId }, select: orgSelect });
  if (!org) throw new AppError('NOT_FOUND');
  const ids = org.path.split('/').filter(Boolean);
  const rows = await db.organization.findMany({ where: { id: { in: ids } }, select: orgSelect });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [row] : [];
  });
}

/** The county an organization belongs to, the city above it and the county's civil-affairs bureau. */
export async function countyOf(db: Db, organizationId: string) {
  const lineage = await lineageOf(db, organizationId);
  const county = [...lineage].reverse().find((o) => o.kind === 'COUNTY') ?? null;
  const city = county ? ([...lineage].reverse().find((o) => o.kind === 'CITY') ?? null) : null;
  const self = lineage[lineage.length - 1]!;
  const civilAffairs = county
    ? await db.organization.findFirst({
        where: { parentId: county.id, kind: 'CIVIL_AFFAIRS_BUREAU' },
        select: orgSelect,
        orderBy: { createdAt: 'asc' },
      })
    : null;
  return { self, county, city, civilAffairs };
}

/** First day and first instant of the next year of a year in China time. */
export function yearBounds(year: number): { from: Date; to: Date } {
  return { from: new Date(`${year}-01-01T00:00:00+08:00`), to: new Date(`${year + 1}-01-01T00:00:00+08:00`) };
}
