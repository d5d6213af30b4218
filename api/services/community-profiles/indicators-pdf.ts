import { formatChinaTime } from '../../../domain/china-time';
import { COMMUNITY_TARGET_RULES } from '../../../domain/rules/community-targets';
import { renderChinesePdf } from '../pdf/chinese-pdf';
import type { CommunityIndicators } from './indicators';

/**
 * The dashboard as a printable report (年度目标考核): each indicator with its clause, the communities that meet it of
 * those evaluated, the rate against the target, the communities that miss it; the election figures; the prompts.
 */
export async function indicatorsReport(data: CommunityIndicators) {
  const names = new Map(data.communities.map((c) => [c.communityOrgId, c.name]));
  const title = `${data.organization.name} ${data.year} 年度社区建设目标情况`;
  const bytes = await renderChinesePdf(
    (doc) => {
      doc.fontSize(18).text(title, { align: 'center' });
      doc.moveDown(0.5);
      doc
        .fontSize(10)
        .text(
          `依据：鲁办发〔2012〕22号。共 ${data.communities.length} 个社区，${data.communities.filter((c) => c.hasProfile).length} 个已填报本年度概况。生成时间：${formatChinaTime(new Date(), 'zh-CN')}`,
        );
      doc.moveDown();
      for (const i of data.indicators) {
        const rule = COMMUNITY_TARGET_RULES[i.id];
        const [num, den] = i.target.split('/').map(Number);
        doc.fontSize(12).text(`${rule.text['zh-CN']}（${i.id}，${rule.citation}）`);
        doc
          .fontSize(10)
          .text(
            `达标 ${i.met} / 参评 ${i.evaluated}，达标率 ${i.percent === null ? '—' : `${i.percent}%`}，目标 ${((num ?? 0) * 100) / (den ?? 1)}%：` +
              `${i.evaluated === 0 ? '无数据' : i.meetsTarget ? '达到目标' : '未达到目标'}`,
          );
        if (i.missing.length > 0) doc.text(`未达标社区：${i.missing.map((id) => names.get(id) ?? id).join('、')}`);
        doc.moveDown(0.5);
      }
      doc.moveDown(0.5).fontSize(12).text('社区服务中心');
      for (const c of data.centres) {
        doc.fontSize(12).text(`${c.text['zh-CN']}（${c.id}，${c.citation}）`);
        doc
          .fontSize(10)
          .text(
            `达标 ${c.met} / 共 ${c.evaluated} 个地区，达标率 ${c.percent === null ? '—' : `${c.percent}%`}：` +
              `${c.evaluated === 0 ? '无数据' : c.meetsTarget ? '达到目标' : '未达到目标'}`,
          );
        const missing = c.areas.filter((a) => !a.passed);
        if (missing.length > 0) doc.text(`未达标：${missing.map((a) => `${a.name}（${a.detail['zh-CN']}）`).join('；')}`);
        doc.moveDown(0.5);
      }
      const e = data.elections;
      doc.moveDown(0.5).fontSize(12).text('选举情况');
      doc
        .fontSize(10)
        .text(
          `直接选举 ${e.directElection.direct} / ${e.directElection.total}（${e.directElection.percent ?? '—'}%）；流动人口申请批准 ${e.migrantApplications.approved}、不予批准 ${e.migrantApplications.refused}；` +
            `选民名单异议 ${e.objections.total}；逾期公布的选民名单 ${e.lateLists}。`,
        );
      if (data.prompts.length > 0) {
        doc.moveDown(0.5).fontSize(12).text('提示事项');
        doc.fontSize(10);
        for (const p of data.prompts) doc.text(`· ${p.message['zh-CN']}`);
      }
    },
    { title },
  );
  return { filename: `社区建设目标-${data.organization.name}-${data.year}.pdf`, contentType: 'application/pdf', bytes };
}
