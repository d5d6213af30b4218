import type { Db } from '../../../runtime/db';
import { formatChinaDay } from '../../../domain/china-time';
import { AppError } from '../../../domain/errors';
import { electionMethodName, type ElectionMethod } from '../../../domain/rules/election';
import { renderChinesePdf } from '../pdf/chinese-pdf';

/** Dates of the notice as Chinese dates in China time ("2026年12月5日"). */
const day = (date: string) => formatChinaDay(date, 'zh-CN');

const OBJECTION_KINDS: Record<string, string> = { omission: '遗漏登记', 'wrongful-inclusion': '不应登记', other: '其他' };
const DECISIONS: Record<string, string> = {
  UPHELD: '异议成立，已更正名单',
  DISMISSED: '异议不成立',
  OPEN: '处理中',
  LATE: '超过异议期，不予受理',
};

/**
 * The published voter list (选民榜) and the published answers to objections (EL-LIST, EL-ANSWER): what is posted on
 * the community's notice board, so it is public. Names and residents' groups only — no ID numbers, no addresses.
 */
export async function publicNotice(db: Db, electionId: string) {
  const election = await db.election.findUnique({
    where: { id: electionId },
    include: { community: { select: { name: true } } },
  });
  if (!election?.listPublishedOn) throw new AppError('NOT_FOUND');
  const [voters, objections] = await Promise.all([
    db.voterListEntry.findMany({
      where: { electionId, removedAt: null },
      orderBy: [{ residentsGroup: 'asc' }, { name: 'asc' }, { id: 'asc' }],
      select: { name: true, residentsGroup: true, source: true },
    }),
    db.voterObjection.findMany({ where: { electionId, status: { in: ['UPHELD', 'DISMISSED'] } }, orderBy: { number: 'asc' } }),
  ]);
  return {
    electionId,
    community: election.community.name,
    electionDate: election.electionDate,
    method: election.method,
    seats: election.seats,
    publishedOn: election.listPublishedOn,
    lateReason: election.listLateReason,
    objectionLastDay: election.objectionLastDay,
    registeredVoters: voters.length,
    voters: voters.map((v) => ({ name: v.name, residentsGroup: v.residentsGroup, migrant: v.source === 'MIGRANT' })),
    answers: objections.map((o) => ({
      number: o.number,
      kind: o.kind,
      decision: o.status,
      answer: o.answer,
      answeredOn: o.answeredOn,
    })),
    elected: election.status === 'HANDOVER' || election.status === 'COMPLETED' ? (election.elected as string[]) : [],
  };
}

/** The printable notice in Chinese: the list by residents' group, the objection period, the published answers. */
export async function publicNoticePdf(db: Db, electionId: string): Promise<Buffer> {
  const n = await publicNotice(db, electionId);
  return renderChinesePdf(
    (doc) => {
      doc.fontSize(20).text(`${n.community}选民名单公告`, { align: 'center' });
      doc.moveDown();
      doc.fontSize(11);
      doc.text(
        `根据《中华人民共和国村民委员会组织法》第十四条和有关规定，${n.community}居民委员会换届选举定于 ${n.electionDate ? day(n.electionDate) : '—'} 举行` +
          `${n.method ? `，采取${electionMethodName(n.method as ElectionMethod)['zh-CN']}方式` : ''}${n.seats ? `，应选委员 ${n.seats} 名` : ''}。现将登记参加选举的选民名单公布如下（共 ${n.registeredVoters} 人）。`,
      );
      doc.moveDown(0.5);
      doc.text(
        `对名单有异议的，请于 ${n.objectionLastDay ? day(n.objectionLastDay) : '—'} 前（自公布之日起五日内）向社区选举委员会提出；选举委员会自收到之日起三日内作出处理决定并公布。`,
      );
      if (n.lateReason) {
        doc.moveDown(0.5);
        doc.text(`说明：本名单未能在选举日二十日前公布，原因：${n.lateReason}`);
      }
      const groups = new Map<string, string[]>();
      for (const v of n.voters)
        groups.set(v.residentsGroup ?? '未分组', [...(groups.get(v.residentsGroup ?? '未分组') ?? []), v.name]);
      for (const [group, names] of groups) {
        doc.moveDown();
        doc.fontSize(13).text(`${group}（${names.length} 人）`);
        doc.fontSize(11).text(names.join('　'));
      }
      if (n.answers.length > 0) {
        doc.moveDown();
        doc.fontSize(13).text('异议处理结果');
        doc.fontSize(11);
        for (const a of n.answers)
          doc.text(
            `第 ${a.number} 号（${OBJECTION_KINDS[a.kind] ?? a.kind}）：${DECISIONS[a.decision] ?? a.decision}。${a.answer ?? ''}（${a.answeredOn ? day(a.answeredOn) : ''}）`,
          );
      }
      doc.moveDown(2);
      doc.text(`${n.community}选举委员会`, { align: 'right' });
      doc.text(day(n.publishedOn), { align: 'right' });
    },
    { title: `${n.community}选民名单公告` },
  );
}
