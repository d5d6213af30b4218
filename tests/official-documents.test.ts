import { execFileSync, spawnSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startHarness, type Harness } from './support/harness';
import { makeOrganization, makeUser, signIn, type Session } from './support/factories';
import { CONVERSION_APPLICATION as application } from './support/fixtures';
import { conversionCounty, conversionVillage, uploadEvidence } from './support/village-conversion';
import { provideDemoSigners } from '../runtime/official-documents/demo-signers';
import { createDemoCa, demoSignerFor } from '../runtime/official-documents/signing';
import { issueOfficialDocument, type DocumentDraft } from '../runtime/official-documents/issue';
import { chineseNumeralDate, GONGWEN_PAGE, MM } from '../domain/official-documents';
import { chinaDayOf } from '../domain/china-time';

/** Where the rendered 公文 goes for people to look at (git-ignored). */
const ARTIFACTS = path.join(__dirname, 'artifacts');

/** pdfsig's report of a file (exit status ignored: it is non-zero for an invalid signature). */
function pdfsig(file: string): string {
  const run = spawnSync('pdfsig', [file], { encoding: 'utf8' });
  return `${run.stdout}${run.stderr}`;
}

/** A binary PPM (P6) as width, height and RGB bytes. */
function readPpm(file: string): { width: number; height: number; rgb: Buffer } {
  const data = fs.readFileSync(file);
  const header: string[] = [];
  let offset = 0;
  while (header.length < 4) {
    while (/\s/.test(String.fromCharCode(data[offset]!))) offset++;
    let token = '';
    while (!/\s/.test(String.fromCharCode(data[offset]!))) token += String.fromCharCode(data[offset++]!);
    header.push(token);
  }
  offset++;
  return { width: Number(header[1]), height: Number(header[2]), rgb: data.subarray(offset) };
}

/** Red pixels (the 版头's and the seal's red) in a box given in points (the page rendered at 72 dpi: 1 px = 1 pt). */
function redPixels(image: ReturnType<typeof readPpm>, box: { x0: number; y0: number; x1: number; y1: number }): number {
  let count = 0;
  for (let y = Math.max(0, Math.floor(box.y0)); y < Math.min(image.height, box.y1); y++) {
    for (let x = Math.max(0, Math.floor(box.x0)); x < Math.min(image.width, box.x1); x++) {
      const i = (y * image.width + x) * 3;
      if (image.rgb[i]! > 180 && image.rgb[i + 1]! < 90 && image.rgb[i + 2]! < 90) count++;
    }
  }
  return count;
}

/** Words with their boxes on page 1 (pdftotext -bbox), in points. */
function wordsOfFirstPage(file: string): { text: string; xMin: number; yMin: number; xMax: number; yMax: number }[] {
  const html = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' });
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map(
    (m) => ({ xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), text: m[5]! }),
  );
}

describe('公文 issued by the procedures: GB/T 9704 layout, PAdES signature, public verification', () => {
  let h: Harness;
  let county: Awaited<ReturnType<typeof conversionCounty>>;
  let pdfPath: string;
  let issued: { number: string; verifyCode: string; sha256: string; caseId: string };

  beforeAll(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    h = await startHarness();
    county = await conversionCounty(h, { county: '东河县', town: '青石镇' });
    await provideDemoSigners(h.db, [county.county]);
  });
  afterAll(async () => h?.close());

  async function openTask(caseId: string, kind: string) {
    return h.db.task.findFirstOrThrow({ where: { caseId, kind, status: 'OPEN' } });
  }
  async function complete(session: Session, caseId: string, kind: string, payload: unknown) {
    const task = await openTask(caseId, kind);
    const res = await session.request({ method: 'POST', url: `/api/v1/tasks/${task.id}/complete`, payload: { payload } });
    expect(res.statusCode).toBe(200);
  }

  /** A 村改居 walked through the real procedure to the county's approval; returns the case id. */
  async function approvedConversion(villageName: string): Promise<string> {
    const village = (await conversionVillage(h, county.town.id, villageName)).session;
    const started = await village.request({
      method: 'POST',
      url: '/api/v1/village-conversions',
      payload: { title: `${villageName}村改居` },
    });
    expect(started.statusCode).toBe(201);
    const caseId = started.json<{ id: string }>().id;
    const prepare = await openTask(caseId, 'vc.prepare');
    await complete(village, caseId, 'vc.prepare', {
      application,
      noticePosting: '村务公开栏及各村民小组张贴',
      restructuringRecord: '青石镇改制〔2025〕3号',
      evidence: await uploadEvidence(village, prepare.id),
      votesAgainst: 200,
      abstentions: 50,
    });
    await complete(county.township, caseId, 'vc.township-review', { decision: 'propose', opinion: '符合条件，提出改设' });
    await complete(county.reviewer, caseId, 'vc.civil-affairs-review', { decision: 'forward', opinion: '材料齐全' });
    await complete(county.approver, caseId, 'vc.county-decision', {
      decision: 'approve',
      documentNumber: '（由系统编号）',
      decisionText: '请你镇指导做好选举工作。',
      newCommittee: { name: `${villageName.replace(/村$/, '')}社区居民委员会`, area: `原${villageName}村域`, households: 300 },
    });
    return caseId;
  }

  it('issues the county 批复 through the procedure as a signed 公文: pdfsig says valid and unmodified, a changed byte makes it invalid, and the verification endpoint agrees', async () => {
    const caseId = await approvedConversion('柳树村');
    const res = await county.approver.request({ method: 'GET', url: `/api/v1/village-conversions/${caseId}/decision.pdf` });
    expect(res.statusCode).toBe(200);
    const bytes = res.rawPayload;
    const row = await h.db.issuedDocument.findUniqueOrThrow({ where: { caseId_kind: { caseId, kind: 'vc-decision' } } });
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    expect(row.sha256).toBe(sha256);
    expect(row.number).toBe(`东政批〔${row.year}〕1号`);
    issued = { number: row.number, verifyCode: row.verifyCode, sha256, caseId };
    // The case record carries the issued number instead of the one typed in the form.
    const decided = await h.db.case.findUniqueOrThrow({ where: { id: caseId } });
    expect(decided.data).toMatchObject({ decision: { documentNumber: row.number, enteredDocumentNumber: '（由系统编号）' } });

    pdfPath = path.join(ARTIFACTS, 'vc-decision.pdf');
    fs.writeFileSync(pdfPath, bytes);
    const report = pdfsig(pdfPath);
    expect(report).toContain('Signature Validation: Signature is Valid.');
    expect(report).toContain('Total document signed');
    expect(report).toContain('Signer Certificate Common Name: 东河县人民政府');
    // The appendix prints every step's 办理意见 after the rule decisions (issue 20, item 7).
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' }).replace(/[ \t]+/g, ' ');
    expect(text).toContain('办理意见');
    expect(text).toContain('符合条件，提出改设');
    expect(text).toContain('材料齐全');
    expect(text.indexOf('符合条件，提出改设')).toBeLessThan(text.indexOf('材料齐全'));

    // One byte changed inside the signed range (the binary comment of the header): the digest no longer matches.
    const tampered = Buffer.from(bytes);
    tampered[12] = tampered[12]! ^ 0x01;
    const tamperedPath = path.join(ARTIFACTS, 'vc-decision-tampered.pdf');
    fs.writeFileSync(tamperedPath, tampered);
    const tamperedReport = pdfsig(tamperedPath);
    expect(tamperedReport).not.toContain('Signature is Valid.');
    expect(tamperedReport).toMatch(/Signature Validation: (Digest Mismatch|Signature is Invalid)/);

    // The public verification, anonymously: issuer, number, date, sha256; the copy matches, the tampered one does not.
    const shown = await h.api.inject({ method: 'GET', url: `/api/v1/public/verify/${row.verifyCode}` });
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toMatchObject({
      issuer: { name: '东河县' },
      number: row.number,
      dated: row.dated,
      sha256,
      signed: true,
    });
    // No personal data: neither the officials who decided nor anyone's account appears.
    expect(JSON.stringify(shown.json())).not.toMatch(/测试用户|displayName|username|decidedBy/);
    const same = await h.api.inject({
      method: 'POST',
      url: `/api/v1/public/verify/${row.verifyCode.slice(0, 5)}-${row.verifyCode.slice(5)}`,
      payload: { contentBase64: bytes.toString('base64') },
    });
    expect(same.json()).toMatchObject({ matches: true, sha256 });
    const other = await h.api.inject({
      method: 'POST',
      url: `/api/v1/public/verify/${row.verifyCode}`,
      payload: { contentBase64: tampered.toString('base64') },
    });
    expect(other.json()).toMatchObject({ matches: false, expectedSha256: sha256 });
    const unknown = await h.api.inject({ method: 'GET', url: '/api/v1/public/verify/0000000000' });
    expect(unknown.statusCode).toBe(404);

    // The audit trail records the document's sha256 and the signer (certificate subject and serial).
    const signer = await h.db.organizationSigner.findUniqueOrThrow({ where: { organizationId: county.county.id } });
    const audit = await h.db.auditEvent.findFirstOrThrow({ where: { action: 'document.issued', caseId } });
    expect(audit.data).toMatchObject({
      number: row.number,
      sha256,
      signer: { subject: signer.certSubject, serial: signer.certSerial },
    });
  });

  it('lays the 批复 out per GB/T 9704: red 版头 band at the top, 发文字号 centred under it, the seal red over the Chinese-numeral 成文日期', () => {
    expect(pdfPath).toBeDefined();
    execFileSync('pdftoppm', ['-png', '-r', '72', pdfPath, path.join(ARTIFACTS, 'vc-decision')]);
    expect(fs.existsSync(path.join(ARTIFACTS, 'vc-decision-1.png'))).toBe(true);
    execFileSync('pdftoppm', [
      '-r',
      '72',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      pdfPath,
      path.join(ARTIFACTS, 'vc-decision-page1'),
    ]);
    const image = readPpm(path.join(ARTIFACTS, 'vc-decision-page1.ppm'));
    expect(image.width).toBeCloseTo(GONGWEN_PAGE.widthMm * MM, -1);

    const top = GONGWEN_PAGE.topMm * MM;
    const left = GONGWEN_PAGE.leftMm * MM;
    const right = left + GONGWEN_PAGE.bodyWidthMm * MM;
    // The 版头: red organ mark in the band from the 版心's top edge to 70 mm below the page top.
    expect(redPixels(image, { x0: left, y0: top, x1: right, y1: 70 * MM })).toBeGreaterThan(600);
    // Nothing red above the 版心 (the 天头 is 37 mm).
    expect(redPixels(image, { x0: 0, y0: 0, x1: image.width, y1: top - 2 })).toBe(0);

    const words = wordsOfFirstPage(pdfPath);
    const number = words.find((w) => w.text.includes(issued.number.slice(3, 9)));
    expect(number).toBeDefined();
    const numberCentre = (number!.xMin + number!.xMax) / 2;
    expect(Math.abs(numberCentre - (left + right) / 2)).toBeLessThan(40);
    expect(number!.yMin).toBeGreaterThan(top + 25 * MM);
    expect(number!.yMin).toBeLessThan(100 * MM);

    const row = chineseNumeralDate(chinaDayOf(new Date()));
    const date = words.find((w) => row.startsWith(w.text.slice(0, 4)) && w.text.includes('年'));
    expect(date).toBeDefined();
    // The date is right-aligned (four characters in from the right edge) and below the body.
    expect(date!.xMax).toBeGreaterThan(right - 6 * 16 - 10);
    expect(date!.xMax).toBeLessThan(right);
    expect(date!.yMin).toBeGreaterThan(number!.yMax + 100);
    // The seal: red around the date.
    const seal = redPixels(image, { x0: date!.xMin - 30, y0: date!.yMin - 110, x1: date!.xMax + 30, y1: date!.yMax + 40 });
    expect(seal).toBeGreaterThan(1500);
  });

  it('numbers concurrent issues of one organization consecutively, and a failed issue leaves no gap and no reused number', async () => {
    const issuer = await makeOrganization(h.db, 'COUNTY', undefined, '南岭县');
    await provideDemoSigners(h.db, [issuer]);
    const draft = (dated: string): DocumentDraft => ({
      title: '南岭县人民政府关于测试事项的批复',
      addressee: '测试镇人民政府',
      paragraphs: ['经研究，同意。'],
      dated,
      copiesTo: ['南岭县民政局'],
      printedBy: '南岭县人民政府办公室',
      printedOn: dated,
      decisions: [],
    });
    const issue = (dated = '2026-12-08') =>
      issueOfficialDocument({
        db: h.db,
        kind: 'vc-decision',
        caseId: randomUUID(),
        organizationId: issuer.id,
        organName: '南岭县人民政府',
        draft: draft(dated),
      });
    const concurrent = await Promise.all(Array.from({ length: 5 }, () => issue()));
    expect(concurrent.map((d) => d.sequence).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5]);
    expect(new Set(concurrent.map((d) => d.number)).size).toBe(5);
    // A failure after the number was drawn (the rendering refuses a malformed date) rolls the number back.
    await expect(issue('2026-12-XX')).rejects.toThrow();
    const next = await issue();
    expect(next.sequence).toBe(6);
    expect(next.number).toBe('南政批〔2026〕6号');
    const audited = await h.db.auditEvent.findMany({ where: { action: 'document.issued', actingOrgId: issuer.id } });
    expect(audited.map((a) => (a.data as { sequence: number }).sequence).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
    // A new year starts again at 1.
    expect((await issue('2027-01-04')).number).toBe('南政批〔2027〕1号');
  });

  it('lets an administrator set an organization’s PKCS#12 and seal within their subtree only, refusing bad input with 4xx', async () => {
    const admin = await makeUser(h.db, [{ organizationId: county.county.id, role: 'SYSTEM_ADMIN' }]);
    const session = await signIn(h.api, admin.username);
    const material = demoSignerFor(createDemoCa(), '东河县人民政府');
    const seal = fs.readFileSync(path.join(ARTIFACTS, 'vc-decision-1.png'));
    const url = `/api/v1/admin/organizations/${county.town.id}/signer`;
    const put = (payload: Record<string, unknown>, who = session, to = url) => who.request({ method: 'PUT', url: to, payload });
    const body = { p12Base64: Buffer.from(material.p12).toString('base64'), passphrase: material.passphrase };

    const wrong = await put({ ...body, passphrase: 'not-it' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', fields: [{ path: 'p12Base64' }] } });
    const notPng = await put({ ...body, sealPngBase64: Buffer.from('GIF89a-not-a-png').toString('base64') });
    expect(notPng.statusCode).toBe(415);
    expect(await h.db.organizationSigner.findUnique({ where: { organizationId: county.town.id } })).toBeNull();

    const outside = await makeOrganization(h.db, 'COUNTY', undefined, '北湖县');
    expect((await put(body, session, `/api/v1/admin/organizations/${outside.id}/signer`)).statusCode).toBe(404);
    expect((await put(body, county.approver)).statusCode).toBe(403);

    const ok = await put({ ...body, sealPngBase64: seal.toString('base64') });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ certSerial: material.certSerial, hasSealImage: true });
    const read = await session.request({ method: 'GET', url });
    expect(read.json()).toMatchObject({ certSubject: material.certSubject });
  });
});
