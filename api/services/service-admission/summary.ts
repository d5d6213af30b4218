import type { z } from 'zod';
import type { Db } from '../../../runtime/db';
import { chinaDateOf } from '../../../domain/clock';
import type { ServiceItemCaseData, ServiceItemReportCaseData } from '../../../workflows/service-admission/messages';
import type { Caller } from '../../plugins/app/auth';
import type { countySummary } from '../../schemas/service-admission';
import { supervisionPath } from '../../authz/organization-scope';
import { SERVICE_ADMISSION, SERVICE_ADMISSION_REPORT, yearBounds } from './scope';

type CountySummary = z.infer<typeof countySummary>;

function emptySummary(countyId: string, countyName: string): CountySummary {
  return {
    countyId,
    countyName,
    applications: 0,
    admitted: 0,
    renewed: 0,
    refused: 0,
    refusedOwnDuty: 0,
    withdrawn: 0,
    expired: 0,
    pending: 0,
    listedNow: 0,
    reports: { received: 0, answered: 0, upheld: 0, notUpheld: 0, answeredLate: 0, escalated: 0, pending: 0 },
  };
}

/**
 * The yearly summary per county in the caller's scope (China calendar year): applications filed, admissions and
 * renewals decided (SA-DECIDE), refusals (SA-OWN-DUTY and the county's), withdrawals, expiries, what is pending and
 * listed now, and the community reports received with their outcomes (upheld, answered late, escalated).
 */
export async function yearlySummary(db: Db, caller: Caller, year = Number(chinaDateOf(new Date()).slice(0, 4))) {
  const scope = supervisionPath(caller);
  const counties = await db.organization.findMany({
    where: { kind: 'COUNTY', path: { startsWith: scope } },
    select: { id: true, name: true, path: true },
    orderBy: { code: 'asc' },
  });
  const { from, to } = yearBounds(year);
  const inYear = (d: Date | null | undefined) => !!d && d >= from && d < to;
  const summaries = new Map(counties.map((c) => [c.id, emptySummary(c.id, c.name)]));
  const countyOfPath = (path: string) => counties.find((c) => path.startsWith(c.path));

  const cases = await db.case.findMany({
    where: { procedure: { in: [SERVICE_ADMISSION, SERVICE_ADMISSION_REPORT] }, organization: { path: { startsWith: scope } } },
    select: {
      id: true,
      procedure: true,
      status: true,
      openedAt: true,
      closedAt: true,
      data: true,
      organization: { select: { path: true } },
    },
  });
  const caseIds = cases.map((c) => c.id);
  const [decisions, escalations] = await Promise.all([
    db.ruleDecision.findMany({
      where: { caseId: { in: caseIds }, ruleId: 'SA-DECIDE', passed: true, decidedAt: { gte: from, lt: to } },
      select: { caseId: true, values: true },
    }),
    db.task.findMany({
      where: { caseId: { in: caseIds }, kind: 'sa.report-answer', escalatedAt: { gte: from, lt: to } },
      select: { caseId: true },
    }),
  ]);
  const byCase = new Map(cases.map((c) => [c.id, c]));
  const summaryOf = (caseId: string) => {
    const c = byCase.get(caseId);
    const county = c && countyOfPath(c.organization.path);
    return county ? summaries.get(county.id) : undefined;
  };

  for (const c of cases) {
    const s = summaryOf(c.id);
    if (!s) continue;
    if (c.procedure === SERVICE_ADMISSION) {
      const data = c.data as unknown as ServiceItemCaseData;
      if (inYear(c.openedAt)) s.applications += 1;
      if (data.listing?.status === 'listed' && Date.parse(data.listing.validUntil) > Date.now()) s.listedNow += 1;
      if (c.status === 'OPEN' && data.stage !== 'listed' && data.stage !== 're-review') s.pending += 1;
      if (!inYear(c.closedAt)) continue;
      if (c.status === 'REJECTED') s.refused += 1;
      if (c.status === 'REJECTED' && data.outcome === 'rejected-own-duty') s.refusedOwnDuty += 1;
      if (c.status === 'WITHDRAWN') s.withdrawn += 1;
      if (data.outcome === 'expired') s.expired += 1;
    } else {
      const data = c.data as unknown as ServiceItemReportCaseData;
      if (inYear(c.openedAt)) s.reports.received += 1;
      if (c.status === 'OPEN') s.reports.pending += 1;
      const publication = data.publication;
      if (!publication || !inYear(c.closedAt)) continue;
      s.reports.answered += 1;
      if (publication.finding === 'upheld') s.reports.upheld += 1;
      else s.reports.notUpheld += 1;
      if (publication.answeredLate) s.reports.answeredLate += 1;
    }
  }
  for (const d of decisions) {
    const s = summaryOf(d.caseId);
    if (!s) continue;
    if ((d.values as { round?: string }).round === 'renewal') s.renewed += 1;
    else s.admitted += 1;
  }
  for (const e of escalations) {
    const s = summaryOf(e.caseId);
    if (s) s.reports.escalated += 1;
  }
  return { year, counties: [...summaries.values()] };
}
