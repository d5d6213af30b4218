import { AppError } from '../../domain/errors';
import { CENTRE_KINDS, type CentreKind } from '../../domain/forms/service-centre';
import type { Db } from '../../runtime/db';
import type { Caller } from '../plugins/app/auth';
import { currentMembership, supervisionPath } from './organization-scope';

/**
 * Who may do what with a township's or county's service-centre record (issue 22, 二(三)1):
 * - read: any official whose supervision subtree holds the area (a township its own; a county, a city, the province
 *   theirs);
 * - keep (write): the area's own officials — a township or sub-district: a TOWNSHIP_OFFICIAL of that township; a
 *   county: its civil-affairs bureau's COUNTY_CIVIL_AFFAIRS_REVIEWER (the bureau builds and runs the county's centre).
 * Route permissions (api/authz/permissions.ts) decide the role; these decide the organization.
 */
export interface CentreArea {
  id: string;
  code: string;
  name: string;
  kind: CentreKind;
  path: string;
}

/** A township, sub-district or county the caller may read (their supervision subtree), or NOT_FOUND. */
export async function centreAreaInScope(db: Db, caller: Caller, organizationId: string): Promise<CentreArea> {
  const area = await db.organization.findFirst({
    where: { id: organizationId, kind: { in: CENTRE_KINDS }, path: { startsWith: supervisionPath(caller) } },
    select: { id: true, code: true, name: true, kind: true, path: true },
  });
  if (!area) throw new AppError('NOT_FOUND');
  return { ...area, kind: area.kind as CentreKind };
}

/** The areas with a service centre under a path (the caller's scope or a chosen area inside it). */
export function centreAreasUnder(path: string) {
  return { kind: { in: CENTRE_KINDS }, path: { startsWith: path } };
}

/** The area's own officials keep its record: the township's official, the county's civil-affairs reviewer. */
export function mayKeepCentre(caller: Caller, area: Pick<CentreArea, 'id' | 'kind' | 'path'>): boolean {
  const m = currentMembership(caller);
  if (area.kind === 'COUNTY') {
    return (
      m.role === 'COUNTY_CIVIL_AFFAIRS_REVIEWER' &&
      m.organizationKind === 'CIVIL_AFFAIRS_BUREAU' &&
      supervisionPath(caller) === area.path
    );
  }
  return m.role === 'TOWNSHIP_OFFICIAL' && m.organizationId === area.id;
}
