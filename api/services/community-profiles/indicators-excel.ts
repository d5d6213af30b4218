import ExcelJS from 'exceljs';
import { COMMUNITY_TARGET_RULES, type TargetRuleId } from '../../../domain/rules/community-targets';
import type { CommunityIndicators } from './indicators';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The dashboard as a workbook: the indicators with their rates, each community's results, the areas, the trend. */
export async function indicatorsWorkbook(data: CommunityIndicators) {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'community-governance';
  const name = (id: string) => COMMUNITY_TARGET_RULES[id as TargetRuleId]?.text['zh-CN'] ?? id;
  const names = new Map(data.communities.map((c) => [c.communityOrgId, c.name]));

  const summary = workbook.addWorksheet('指标 Indicators');
  summary.columns = [
    { header: '规则 Rule', width: 24 },
    { header: '指标 Indicator', width: 40 },
    { header: '依据 Source', width: 26 },
    { header: '达标社区 Met', width: 12 },
    { header: '参评社区 Evaluated', width: 14 },
    { header: '比例% Rate', width: 10 },
    { header: '目标 Target', width: 10 },
    { header: '达到目标 Meets target', width: 14 },
    { header: '未达标社区 Communities missing it', width: 50 },
  ];
  for (const i of data.indicators) {
    summary.addRow([
      i.id,
      name(i.id),
      COMMUNITY_TARGET_RULES[i.id].citation,
      i.met,
      i.evaluated,
      i.percent,
      i.target,
      i.meetsTarget ? '是 yes' : '否 no',
      i.missing.map((id) => names.get(id) ?? id).join('、'),
    ]);
  }
  summary.getRow(1).font = { bold: true };

  const centres = workbook.addWorksheet('服务中心 Service centres');
  centres.columns = [
    { header: '规则 Rule', width: 22 },
    { header: '地区 Area', width: 20 },
    { header: '面积 m² Area', width: 14 },
    { header: '一站式大厅 One-stop hall', width: 16 },
    { header: '达标 Meets', width: 10 },
    { header: '说明 Detail', width: 60 },
  ];
  for (const c of data.centres) {
    centres.addRow([c.id, `${c.text['zh-CN']}（${c.citation}）`, null, null, `${c.met}/${c.evaluated}`, c.threshold['zh-CN']]);
    centres.lastRow!.font = { bold: true };
    for (const a of c.areas) {
      centres.addRow([
        c.id,
        a.name,
        a.areaM2 ?? '—',
        a.hasOneStopHall === null ? '—' : a.hasOneStopHall ? '是 yes' : '否 no',
        a.passed ? '✓' : '✗',
        a.detail['zh-CN'],
      ]);
    }
  }
  centres.getRow(1).font = { bold: true };

  const byCommunity = workbook.addWorksheet('社区 Communities');
  const ids = data.indicators.map((i) => i.id);
  byCommunity.columns = [
    { header: '社区代码 Code', width: 16 },
    { header: '社区 Community', width: 20 },
    { header: '乡镇 Township', width: 16 },
    { header: '概况 Profile', width: 10 },
    ...ids.map((id) => ({ header: id, width: 14 })),
  ];
  for (const c of data.communities) {
    const result = (id: string) => {
      const r = c.results.find((x) => x.id === id);
      return r ? (r.passed ? '✓' : '✗') : '—';
    };
    byCommunity.addRow([c.code, c.name, c.township, c.status ?? '—', ...ids.map(result)]);
  }
  byCommunity.getRow(1).font = { bold: true };

  const areas = workbook.addWorksheet('下级 Areas');
  areas.columns = [{ header: '地区 Area', width: 20 }, ...ids.map((id) => ({ header: id, width: 14 }))];
  for (const a of data.areas) {
    areas.addRow([
      a.name,
      ...ids.map((id) => {
        const i = a.indicators.find((x) => x.id === id)!;
        return `${i.met}/${i.evaluated}`;
      }),
    ]);
  }

  const trend = workbook.addWorksheet('趋势 Trend');
  trend.columns = [{ header: '年度 Year', width: 10 }, ...ids.map((id) => ({ header: id, width: 14 }))];
  for (const t of data.trend) {
    trend.addRow([t.year, ...ids.map((id) => t.indicators.find((x) => x.id === id)?.percent ?? null)]);
  }

  const elections = workbook.addWorksheet('选举 Elections');
  const e = data.elections;
  elections.columns = [
    { header: '项目 Item', width: 40 },
    { header: '数值 Value', width: 14 },
  ];
  elections.addRows([
    ['直接选举社区 Communities with direct election', e.directElection.direct],
    ['有选举方式的社区 Communities with a method', e.directElection.total],
    ['直选率% Direct-election rate', e.directElection.percent],
    ['流动人口申请批准 Migrant applications approved', e.migrantApplications.approved],
    ['流动人口申请不予批准 Migrant applications refused', e.migrantApplications.refused],
    ['异议 Objections', e.objections.total],
    ['选民名单逾期公布 Late voter lists', e.lateLists],
  ]);

  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  return { filename: `社区建设目标-${data.organization.name}-${data.year}.xlsx`, contentType: XLSX, bytes };
}
