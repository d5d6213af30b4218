import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { formatChinaDay, formatChinaTime } from '../domain/china-time';
import { notificationSentence } from '../domain/notifications';
import { createVillageConversionActivities } from '../activities/village-conversion';
import { startHarness, type Harness } from './support/harness';
import { makeUser, signIn, type Session } from './support/factories';
import { CONVERSION_APPLICATION as application } from './support/fixtures';
import { conversionCounty, conversionVillage, uploadEvidence } from './support/village-conversion';

interface ListedNotification {
  kind: string;
  caseId: string | null;
  params: Record<string, unknown>;
  text: { 'zh-CN': string; en: string };
}

/** Program text a reader must never see: camelCase names, event codes, ISO timestamps. */
const PROGRAM_TEXT = [/\b[a-z]+[A-Z][A-Za-z]*\b/, /\b[a-z]+(?:-[a-z]+)*\.[a-z]+(?:-[a-z]+)*\b/, /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/];

describe('what the screens say: China time, notification sentences', () => {
  describe('one China-time format', () => {
    it('shows a deadline at 24:00 China time as the end of that day, not the next day 00:00', () => {
      // 2027-01-06 24:00 Beijing = 2027-01-06T16:00:00Z.
      expect(formatChinaTime('2027-01-06T16:00:00.000Z', 'zh-CN')).toBe('2027年1月6日 当日结束');
      expect(formatChinaTime('2027-01-06T16:00:00.000Z', 'en')).toBe('end of 6 Jan 2027');
      expect(formatChinaTime('2026-12-04T17:00:00.000Z', 'zh-CN')).toBe('2026年12月5日 01:00');
      expect(formatChinaTime('2026-12-04T17:00:00.000Z', 'en')).toBe('5 Dec 2026, 01:00');
      expect(formatChinaDay('2027-01-06', 'zh-CN')).toBe('2027年1月6日');
    });
  });

  describe('notification sentences', () => {
    it('names the case (number and title) and the step in a sentence, never a bare task kind', () => {
      const sentence = notificationSentence('task.offered', {
        caseNumber: 'SMK-2026-000007',
        caseTitle: '冒烟测试',
        taskKind: 'smoke.confirm',
        dueAt: '2027-01-06T16:00:00.000Z',
      });
      expect(sentence['zh-CN']).toBe(
        '案件 SMK-2026-000007“冒烟测试”进入“确认”环节，等待本单位认领办理（期限 2027年1月6日 当日结束）。',
      );
      expect(sentence.en).toBe(
        'Case SMK-2026-000007 “冒烟测试” has reached the step “Confirm” and waits for someone in your organization to claim it (due end of 6 Jan 2027).',
      );
      const escalated = notificationSentence('task.escalated', {
        caseNumber: 'SMK-2026-000007',
        caseTitle: '冒烟测试',
        taskKind: 'smoke.confirm',
        supervising: true,
      });
      expect(escalated['zh-CN']).toContain('下级单位承办的案件 SMK-2026-000007“冒烟测试”“确认”任务已逾期');
      const decided = notificationSentence('case.decided', {
        caseNumber: 'SA-2026-000002',
        caseTitle: '老年人信息采集',
        event: 'service-item.listed',
      });
      expect(decided['zh-CN']).toBe('案件 SA-2026-000002“老年人信息采集”：事项已准入，列入社区工作事项清单。');
      for (const s of [sentence, escalated, decided])
        for (const pattern of PROGRAM_TEXT) expect(`${s['zh-CN']} ${s.en}`).not.toMatch(pattern);
    });
  });

  describe('村改居 against real Temporal and PostgreSQL', () => {
    let h: Harness;
    let village: Session;
    let villageClerk: Session;
    // One open or approved conversion per village: the second conversion comes from another village.
    let otherVillage: Session;
    let township: Session;
    let reviewer: Session;
    let approver: Session;
    let countyId: string;

    beforeAll(async () => {
      h = await startHarness();
      const county = await conversionCounty(h, { county: '南山县', town: '白沙镇' });
      ({ township, reviewer, approver } = county);
      countyId = county.county.id;
      const vil = await conversionVillage(h, county.town.id, '杏花村');
      village = vil.session;
      // Another user of the village (any role there) is told too.
      villageClerk = await signIn(
        h.api,
        (await makeUser(h.db, [{ organizationId: vil.org.id, role: 'VILLAGE_COMMITTEE_OFFICIAL' }])).username,
      );
      otherVillage = (await conversionVillage(h, county.town.id, '桃花村')).session;
    });
    afterAll(async () => h?.close());

    const openTask = (caseId: string, kind: string) => h.db.task.findFirstOrThrow({ where: { caseId, kind, status: 'OPEN' } });
    const complete = (session: Session, taskId: string, payload: unknown) =>
      session.request({ method: 'POST', url: `/api/v1/tasks/${taskId}/complete`, payload: { payload } });
    const notifications = async (session: Session) => {
      const res = await session.request({ url: '/api/v1/notifications?limit=50' });
      expect(res.statusCode).toBe(200);
      return res.json<{ items: ListedNotification[] }>().items;
    };

    async function approvedConversion(title: string, applicant: Session = village) {
      const started = await applicant.request({ method: 'POST', url: '/api/v1/village-conversions', payload: { title } });
      expect(started.statusCode).toBe(201);
      const caseId = started.json<{ id: string }>().id;
      const prepare = await openTask(caseId, 'vc.prepare');
      const evidence = await uploadEvidence(applicant, prepare.id);
      expect(
        (
          await complete(applicant, prepare.id, {
            application,
            noticePosting: '村务公开栏张贴',
            restructuringRecord: '白沙镇改制〔2026〕1号',
            evidence,
            votesAgainst: 200,
            abstentions: 50,
          })
        ).statusCode,
      ).toBe(200);
      expect(
        (
          await complete(township, (await openTask(caseId, 'vc.township-review')).id, {
            decision: 'propose',
            opinion: '符合条件',
          })
        ).statusCode,
      ).toBe(200);
      expect(
        (
          await complete(reviewer, (await openTask(caseId, 'vc.civil-affairs-review')).id, {
            decision: 'forward',
            opinion: '材料齐全',
          })
        ).statusCode,
      ).toBe(200);
      const approved = await complete(approver, (await openTask(caseId, 'vc.county-decision')).id, {
        decision: 'approve',
        documentNumber: '南政字〔2026〕8号',
        decisionText: '经研究，同意撤销杏花村民委员会，设立杏花社区居民委员会。',
        newCommittee: { name: `杏花社区居民委员会 ${title}`, area: '原杏花村村域', households: 300 },
      });
      expect(approved.statusCode).toBe(200);
      return caseId;
    }

    it("tells the applying village's users that the county approved its conversion, in a sentence naming the case", async () => {
      const caseId = await approvedConversion('杏花村村改居');
      const row = await h.db.case.findUniqueOrThrow({ where: { id: caseId } });
      for (const session of [village, villageClerk]) {
        const decided = (await notifications(session)).filter((n) => n.kind === 'case.decided' && n.caseId === caseId);
        expect(decided).toHaveLength(1);
        expect(decided[0]!.text['zh-CN']).toBe(
          `案件 ${row.number}“杏花村村改居”：县级人民政府已批准村民委员会改设社区居民委员会。`,
        );
        expect(decided[0]!.text.en).toBe(
          `Case ${row.number} “杏花村村改居”: the county government approved the conversion into a residents’ committee.`,
        );
      }
      // The township's own notifications are sentences naming the case and the step too.
      const offered = (await notifications(township)).filter((n) => n.caseId === caseId);
      expect(offered.length).toBeGreaterThan(0);
      for (const n of offered) {
        expect(n.text['zh-CN']).toContain(`案件 ${row.number}“杏花村村改居”`);
        expect(n.text['zh-CN']).toContain('乡镇（街道）审查提出');
        expect(n.text['zh-CN']).toMatch(/。$/);
        for (const pattern of PROGRAM_TEXT) expect(`${n.text['zh-CN']} ${n.text.en}`).not.toMatch(pattern);
      }
    });

    it('dates the issued 批复 by the China date: a decision at 2026-12-04T17:00Z reads 二〇二六年十二月五日', async () => {
      const caseId = await approvedConversion('桃花村村改居', otherVillage);
      const row = await h.db.case.findUniqueOrThrow({ where: { id: caseId } });
      const data = row.data as { decision: Record<string, unknown> };
      // The 批复 was issued at the decision, dated by the decision's instant: issue it again from a decision taken
      // at 01:00 Beijing time on 5 December (still 4 December in UTC).
      await h.db.case.update({
        where: { id: caseId },
        data: { data: { ...data, decision: { ...data.decision, decidedAt: '2026-12-04T17:00:00.000Z' } } },
      });
      await h.db.issuedDocument.delete({ where: { caseId_kind: { caseId, kind: 'vc-decision' } } });
      await createVillageConversionActivities({ db: h.db }).issueConversionDecision({ caseId, countyOrgId: countyId });
      const pdf = await approver.request({ url: `/api/v1/village-conversions/${caseId}/decision.pdf` });
      expect(pdf.statusCode).toBe(200);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pifu-'));
      try {
        const file = path.join(dir, 'decision.pdf');
        fs.writeFileSync(file, pdf.rawPayload);
        const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
        expect(text).toContain('南山县人民政府二〇二六年十二月五日');
        expect(text).not.toContain('十二月四日');
        expect(text).not.toContain('2026-12-04');
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
