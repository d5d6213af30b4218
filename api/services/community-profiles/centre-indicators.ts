import type { CentreKind } from '../../../domain/forms/service-centre';
import { aggregateCentres, CENTRE_TARGET_RULES, evaluateCentre } from '../../../domain/rules/service-centre-targets';
import type { RuleResult } from '../../../domain/rules/rule';
import type { Db } from '../../../runtime/db';
import { centreAreasUnder } from '../../authz/service-centre-scope';
import { centreFigures } from './service-centres';

/**
 * CT-TOWNSHIP-CENTRE and CT-COUNTY-CENTRE over an area (issue 22, 二(三)1): every township or sub-district and every
 * county under the area's path (the area itself included) checked from its service-centre record of the year, counted
 * as areas that meet the rule of all the areas it holds. An area without a record misses it. The caller's scope is
 * the area's: the dashboard's service passes a path it has already scoped.
 */
export async function centreIndicators(db: Db, areaPath: string, year: number) {
  const areas = await db.organization.findMany({
    where: centreAreasUnder(areaPath),
    select: { id: true, name: true, kind: true, serviceCentres: { where: { year } } },
    orderBy: { code: 'asc' },
  });
  const results = new Map<string, RuleResult>();
  for (const a of areas) {
    const row = a.serviceCentres[0];
    results.set(a.id, evaluateCentre(a.kind as CentreKind, row ? centreFigures(row) : null));
  }
  return aggregateCentres(results).map((agg) => {
    const rule = CENTRE_TARGET_RULES[agg.id];
    const held = areas.filter((a) => results.get(a.id)!.id === agg.id);
    return {
      id: agg.id,
      citation: rule.citation,
      text: rule.text,
      threshold: rule.threshold,
      met: agg.met,
      evaluated: agg.evaluated,
      percent: agg.percent,
      target: agg.target,
      meetsTarget: agg.meetsTarget,
      areas: held
        .map((a) => {
          const r = results.get(a.id)!;
          const row = a.serviceCentres[0];
          return {
            organizationId: a.id,
            name: a.name,
            kind: a.kind,
            recorded: row !== undefined,
            areaM2: row ? centreFigures(row).areaM2 : null,
            hasOneStopHall: row ? row.hasOneStopHall : null,
            passed: r.passed,
            detail: r.detail,
          };
        })
        .sort((x, y) => Number(x.passed) - Number(y.passed)),
    };
  });
}
