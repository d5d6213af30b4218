import { AppError } from '../../../domain/errors';
import { serviceCentreInput, type ServiceCentreInput } from '../../../domain/forms/service-centre';
import { canonicalArea } from '../../../domain/rules/community-targets';
import { centreRuleFor, evaluateCentre } from '../../../domain/rules/service-centre-targets';
import { appendAudit } from '../../../runtime/audit';
import { isUniqueViolation, type Db } from '../../../runtime/db';
import { Prisma, type ServiceCentre } from '../../../prisma/generated/client';
import type { Caller } from '../../plugins/app/auth';
import { supervisionPath } from '../../authz/organization-scope';
import { centreAreaInScope, centreAreasUnder, mayKeepCentre, type CentreArea } from '../../authz/service-centre-scope';
import { callerAudit, type CallerRequest } from '../caller-request';

const FIELDS = ['areaM2', 'hasOneStopHall'] as const satisfies readonly (keyof ServiceCentreInput)[];

/** The record's figures as the rule and the form read them (the area as text with two decimals). */
export function centreFigures(row: Pick<ServiceCentre, 'areaM2' | 'hasOneStopHall'>): ServiceCentreInput {
  return serviceCentreInput.parse({ areaM2: row.areaM2.toFixed(2), hasOneStopHall: row.hasOneStopHall });
}

function centreView(area: CentreArea, year: number, row: ServiceCentre | null, caller: Caller) {
  const rule = centreRuleFor(area.kind);
  const result = evaluateCentre(area.kind, row ? centreFigures(row) : null);
  return {
    organization: { id: area.id, code: area.code, name: area.name, kind: area.kind },
    year,
    ruleId: rule.id,
    record: row
      ? {
          id: row.id,
          ...centreFigures(row),
          version: row.version,
          updatedById: row.updatedById,
          updatedAt: row.updatedAt.toISOString(),
        }
      : null,
    result: { passed: result.passed, detail: result.detail },
    mayKeep: mayKeepCentre(caller, area),
  };
}

interface CentreRequest {
  db: Db;
  caller: Caller;
  organizationId: string;
  year: number;
}

/** One area's service centre of a year (record null: none yet), how it fares, and whether the caller keeps it. */
export async function getServiceCentre({ db, caller, organizationId, year }: CentreRequest) {
  const area = await centreAreaInScope(db, caller, organizationId);
  const row = await db.serviceCentre.findUnique({ where: { organizationId_year: { organizationId, year } } });
  return centreView(area, year, row, caller);
}

/** The records of a year for the areas in the caller's scope (or under one area inside it). */
export async function listServiceCentres({
  db,
  caller,
  year,
  organizationId,
}: {
  db: Db;
  caller: Caller;
  year: number;
  organizationId?: string;
}) {
  const scope = supervisionPath(caller);
  const path = organizationId
    ? (await db.organization.findFirst({ where: { id: organizationId, path: { startsWith: scope } }, select: { path: true } }))
        ?.path
    : scope;
  if (!path) throw new AppError('NOT_FOUND');
  const areas = await db.organization.findMany({
    where: centreAreasUnder(path),
    select: { id: true, code: true, name: true, kind: true, path: true },
    orderBy: { code: 'asc' },
  });
  const rows = await db.serviceCentre.findMany({ where: { year, organizationId: { in: areas.map((a) => a.id) } } });
  const byOrg = new Map(rows.map((r) => [r.organizationId, r]));
  return areas.map((a) => centreView({ ...a, kind: a.kind as CentreArea['kind'] }, year, byOrg.get(a.id) ?? null, caller));
}

/**
 * The area's own officials save its service centre of a year: one transaction creates or replaces the figures, bumps
 * the version and appends the audit row with its author and the fields changed. `expectedVersion` (0 for a new
 * record) guards against overwriting a change the author has not seen: 409 CONFLICT, nothing changes.
 */
export async function saveServiceCentre({
  db,
  caller,
  input,
  requestId,
}: CallerRequest<{ organizationId: string; year: number; figures: ServiceCentreInput; expectedVersion?: number }>) {
  const area = await centreAreaInScope(db, caller, input.organizationId);
  if (!mayKeepCentre(caller, area)) throw new AppError('FORBIDDEN');
  const figures = { ...input.figures, areaM2: canonicalArea(input.figures.areaM2) };
  await db
    .$transaction(async (tx) => {
      const existing = await tx.serviceCentre.findUnique({
        where: { organizationId_year: { organizationId: area.id, year: input.year } },
      });
      if (input.expectedVersion !== undefined && (existing?.version ?? 0) !== input.expectedVersion) {
        throw new AppError('CONFLICT');
      }
      const before = existing ? centreFigures(existing) : null;
      const changed = FIELDS.filter((f) => before?.[f] !== figures[f]);
      if (existing && changed.length === 0) return;
      const row = existing
        ? await tx.serviceCentre.update({
            where: { id: existing.id, version: existing.version },
            data: { ...figures, updatedById: caller.userId, version: { increment: 1 } },
          })
        : await tx.serviceCentre.create({
            data: { ...figures, organizationId: area.id, year: input.year, updatedById: caller.userId },
          });
      await appendAudit(
        tx,
        callerAudit(caller, requestId, {
          action: existing ? 'service-centre.updated' : 'service-centre.created',
          targetType: 'service-centre',
          targetId: row.id,
          data: {
            organizationId: area.id,
            year: input.year,
            version: row.version,
            changed,
            before: before ? Object.fromEntries(changed.map((f) => [f, before[f]])) : null,
            after: Object.fromEntries(changed.map((f) => [f, figures[f]])),
          },
        }),
      );
    })
    .catch((error: unknown) => {
      // Two writers at once: the loser's create meets the unique key, or its update the bumped version.
      const lost = error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025';
      throw isUniqueViolation(error) || lost ? new AppError('CONFLICT') : error;
    });
  return getServiceCentre({ db, caller, organizationId: area.id, year: input.year });
}

/** Every change of an area's service centre of a year, with its author, from the audit trail (newest first). */
export async function serviceCentreHistory({ db, caller, organizationId, year }: CentreRequest) {
  await centreAreaInScope(db, caller, organizationId);
  const row = await db.serviceCentre.findUnique({ where: { organizationId_year: { organizationId, year } } });
  if (!row) return [];
  const events = await db.auditEvent.findMany({
    where: { targetType: 'service-centre', targetId: row.id, outcome: 'success' },
    orderBy: { at: 'desc' },
    take: 200,
    select: { at: true, action: true, actorId: true, data: true },
  });
  const actors = await db.user.findMany({
    where: { id: { in: [...new Set(events.map((e) => e.actorId).filter((x): x is string => !!x))] } },
    select: { id: true, displayName: true },
  });
  const names = new Map(actors.map((a) => [a.id, a.displayName]));
  return events.map((e) => {
    const data = (e.data ?? {}) as { version?: number; changed?: string[] };
    return {
      at: e.at.toISOString(),
      action: e.action,
      actorId: e.actorId,
      actor: e.actorId ? (names.get(e.actorId) ?? null) : null,
      version: data.version ?? null,
      changed: data.changed ?? [],
    };
  });
}
