import fs from 'node:fs';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { chineseNumeralDate, GONGWEN_PAGE as P, MM } from '../../domain/official-documents';
import { cjkFont } from '../pdf-fonts';

/** One step's 办理意见 behind the document: which step, which organization, who, on which China date, what. */
export interface AppendixOpinion {
  step: string;
  organization: string;
  person: string;
  /** China date (YYYY-MM-DD). */
  dated: string;
  opinion: string;
}

/** One rule decision behind the document, as listed in its appendix (附件：规则判定). */
export interface AppendixDecision {
  ruleId: string;
  citation: string;
  passed: boolean;
  undetermined: boolean;
  detail: string;
  values: Record<string, unknown>;
}

/** Everything a 公文 prints (GB/T 9704-2012 7.2–7.4). Dates are China calendar dates (YYYY-MM-DD). */
export interface GongwenContent {
  /** 发文机关 (e.g. 东河县人民政府): the red 版头 reads "<organ>文件", the 署名 the organ. */
  organName: string;
  number: string;
  title: string;
  /** 主送机关. */
  addressee: string;
  paragraphs: string[];
  /** 成文日期. */
  dated: string;
  /** 抄送机关. */
  copiesTo: string[];
  /** 印发机关 and 印发日期. */
  printedBy: string;
  printedOn: string;
  decisions: AppendixDecision[];
  /** 办理意见: each step's opinion on the file, oldest first (printed in the appendix after the rule decisions). */
  opinions?: AppendixOpinion[];
  verify: { code: string; url: string };
  /** The seal: an uploaded PNG, drawn (demo, no PNG) or none (the organ has no signing material). */
  seal: { png: Buffer | null } | null;
}

/** 红色 of the 版头, the separator and the seal. */
export const GONGWEN_RED = '#E60012';

/**
 * The fonts GB/T 9704 names, by role, each with the Debian packages' files that stand in for it; the system CJK font
 * (api/services/pdf/chinese-pdf.ts: fonts-wqy-zenhei) when none is installed.
 */
const FONT_ROLES = {
  /** 方正小标宋简体 (titles, 版头): Noto Serif CJK SC Bold (fonts-noto-cjk). */
  xiaobiaosong: [
    { path: '/usr/share/fonts/truetype/founder/FZXBSJW.TTF' },
    { path: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc', family: 'NotoSerifCJKsc-Bold' },
  ],
  /** 仿宋_GB2312 (body): Noto Serif CJK SC (fonts-noto-cjk), AR PL UMing (fonts-arphic-uming). */
  fangsong: [
    { path: '/usr/share/fonts/truetype/founder/FZFSJW.TTF' },
    { path: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', family: 'NotoSerifCJKsc-Regular' },
    { path: '/usr/share/fonts/truetype/arphic/uming.ttc', family: 'ARPLUMingCN-Light' },
  ],
  /** 黑体 (附件 label, headings): Noto Sans CJK SC Bold (fonts-noto-cjk), WenQuanYi Zen Hei (fonts-wqy-zenhei). */
  heiti: [
    { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc', family: 'NotoSansCJKsc-Bold' },
    { path: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', family: 'WenQuanYiZenHei' },
  ],
  /** 楷体_GB2312: AR PL UKai (fonts-arphic-ukai). */
  kaiti: [{ path: '/usr/share/fonts/truetype/arphic/ukai.ttc', family: 'ARPLUKaiCN' }],
} as const satisfies Record<string, readonly { path: string; family?: string }[]>;

type FontRole = keyof typeof FONT_ROLES;

/** Registers each role's font: the first candidate pdfkit can open, else the system CJK font. */
function registerFonts(doc: PDFKit.PDFDocument): void {
  const fallback = cjkFont();
  doc.registerFont('cjk', fallback.path, fallback.family);
  for (const role of Object.keys(FONT_ROLES) as FontRole[]) {
    let registered = false;
    for (const candidate of FONT_ROLES[role] as readonly { path: string; family?: string }[]) {
      if (!fs.existsSync(candidate.path)) continue;
      try {
        doc.registerFont(role, candidate.path, candidate.family);
        doc.font(role);
        registered = true;
        break;
      } catch {
        // Not a font pdfkit can open under that name: try the next stand-in.
      }
    }
    if (!registered) doc.registerFont(role, fallback.path, fallback.family);
  }
}

const left = P.leftMm * MM;
const top = P.topMm * MM;
const width = P.bodyWidthMm * MM;
const bottom = top + P.bodyHeightMm * MM;
const right = left + width;

/** Text at an absolute place outside the flow (no page break, whatever the margins say). */
function place(doc: PDFKit.PDFDocument, text: string, x: number, y: number, options: PDFKit.Mixins.TextOptions = {}) {
  const margin = doc.page.margins.bottom;
  doc.page.margins.bottom = 0;
  doc.text(text, x, y, { lineBreak: false, ...options });
  doc.page.margins.bottom = margin;
}

/** The drawn seal (demo): a red ring, a five-pointed star and the organ's name along the upper arc. */
function drawSeal(doc: PDFKit.PDFDocument, cx: number, cy: number, organName: string): void {
  const r = (P.sealDiameterMm / 2) * MM;
  doc.save();
  doc
    .lineWidth(1.2 * MM)
    .strokeColor(GONGWEN_RED)
    .circle(cx, cy, r - 0.6 * MM)
    .stroke();
  const star: [number, number][] = [];
  const outer = 7.5 * MM;
  for (let i = 0; i < 10; i++) {
    const radius = i % 2 === 0 ? outer : outer * 0.382;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    star.push([cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)]);
  }
  doc.polygon(...star).fill(GONGWEN_RED);
  const chars = [...organName];
  const size = 11;
  doc.font('heiti').fontSize(size).fillColor(GONGWEN_RED);
  const span = Math.min(240, chars.length * 24);
  chars.forEach((ch, i) => {
    const degrees = -span / 2 + (span * (i + 0.5)) / chars.length;
    doc.save();
    doc.rotate(degrees, { origin: [cx, cy] });
    place(doc, ch, cx - size / 2, cy - r + 2.4 * MM);
    doc.restore();
  });
  doc.restore();
}

function valuesText(values: Record<string, unknown>): string {
  return Object.entries(values)
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join('；');
}

/**
 * Renders a 公文 (GB/T 9704-2012): page 1 the 版头 (red organ mark, 发文字号, red separator), title, 主送, body,
 * 附件说明, 署名, 成文日期 under the seal and the verification QR code; then the appendix (附件：规则判定) and the 版记 at
 * the foot of the last page. Page numbers "— n —" below the 版心. Resolves to the unsigned PDF.
 */
export async function renderGongwen(content: GongwenContent): Promise<Buffer> {
  const qr = await QRCode.toBuffer(content.verify.url, { type: 'png', margin: 0, width: 240, errorCorrectionLevel: 'M' });
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margins: { top, left, right: P.widthMm * MM - right, bottom: P.heightMm * MM - bottom },
      info: { Title: `${content.number} ${content.title}`, Author: content.organName, Subject: content.verify.code },
      bufferPages: true,
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    registerFonts(doc);
    const body = P.sizes.body;
    // 22 lines to the 225 mm 版心 (GB/T 9704 5.2.2): a line pitch of about 29 pt.
    const line = (P.bodyHeightMm * MM) / 22;

    // 版头: 发文机关标志 (red, centred), 发文字号 two lines below, the red separator 4 mm under it.
    const markText = `${content.organName}文件`;
    const markSize = Math.min(P.sizes.organMark, (width / [...markText].length) * 0.92);
    doc.font('xiaobiaosong').fontSize(markSize).fillColor(GONGWEN_RED);
    place(doc, markText, left, top + P.organMarkTopMm * MM, { width, align: 'center' });
    const numberY = top + P.organMarkTopMm * MM + markSize + 2 * line - body;
    doc.font('fangsong').fontSize(body).fillColor('black');
    place(doc, content.number, left, numberY, { width, align: 'center' });
    const separatorY = numberY + body + 4 * MM;
    doc.save().lineWidth(1).strokeColor(GONGWEN_RED).moveTo(left, separatorY).lineTo(right, separatorY).stroke().restore();

    // 主体: title two lines under the separator, 主送, the body with a two-character indent, 附件说明.
    doc.font('xiaobiaosong').fontSize(P.sizes.title).fillColor('black');
    doc.text(content.title, left, separatorY + 2 * line - P.sizes.title, { width, align: 'center', lineGap: 6 });
    doc.moveDown(0.5);
    doc.font('fangsong').fontSize(body);
    const gap = Math.max(0, line - doc.currentLineHeight(true));
    doc.text(`${content.addressee}：`, left, doc.y, { width, lineGap: gap });
    for (const paragraph of content.paragraphs) {
      doc.text(paragraph, left, doc.y, { width, indent: 2 * body, lineGap: gap, align: 'justify' });
    }
    doc.moveDown(0.5);
    doc.text('附件：规则判定', left + 2 * body, doc.y, { width: width - 2 * body, lineGap: gap });

    // 署名 and 成文日期 (right, four characters in from the edge), the seal over both; a new page when no room is left.
    const sealR = (P.sealDiameterMm / 2) * MM;
    // The 署名 and the date stay inside the 版心 (the seal may reach into the lower margin, above the page number).
    if (doc.y + 2 * line + body > bottom) doc.addPage();
    const dateText = chineseNumeralDate(content.dated);
    const dateWidth = doc.widthOfString(dateText);
    const dateX = right - 4 * body - dateWidth;
    // 7.3.5.1: the 署名 one blank line under the body (or 附件说明), the date on the next line.
    const nameY = doc.y + line;
    const dateY = nameY + line;
    const centreX = dateX + dateWidth / 2;
    place(doc, content.organName, centreX - doc.widthOfString(content.organName) / 2, nameY);
    place(doc, dateText, dateX, dateY);
    if (content.seal) {
      const r = sealR;
      const centreY = (nameY + dateY + body) / 2 - 3 * MM;
      if (content.seal.png) doc.image(content.seal.png, centreX - r, centreY - r, { width: 2 * r, height: 2 * r });
      else drawSeal(doc, centreX, centreY, content.organName);
    } else {
      doc.font('kaiti').fontSize(12).fillColor('black');
      place(doc, '（本件未加盖电子印章）', dateX, dateY + line);
    }
    // 附件 on a page of its own: 黑体 "附件", the title, one entry per rule decision.
    doc.addPage();
    doc.font('heiti').fontSize(body).fillColor('black');
    doc.text('附件', left, top, { width });
    doc.moveDown(1);
    doc.font('xiaobiaosong').fontSize(P.sizes.title);
    doc.text('规则判定', left, doc.y, { width, align: 'center' });
    doc.moveDown(1);
    doc.font('fangsong').fontSize(P.sizes.note);
    content.decisions.forEach((d, i) => {
      const outcome = d.undetermined ? '待定' : d.passed ? '符合' : '不符合';
      doc.text(`${i + 1}．${d.ruleId}（${outcome}）`, left, doc.y, { width, lineGap: 4 });
      doc.text(`依据：${d.citation}`, left + 2 * P.sizes.note, doc.y, { width: width - 2 * P.sizes.note, lineGap: 4 });
      if (d.detail)
        doc.text(`判定：${d.detail}`, left + 2 * P.sizes.note, doc.y, { width: width - 2 * P.sizes.note, lineGap: 4 });
      const values = valuesText(d.values);
      if (values) doc.text(`数值：${values}`, left + 2 * P.sizes.note, doc.y, { width: width - 2 * P.sizes.note, lineGap: 4 });
      doc.moveDown(0.4);
    });
    if (content.decisions.length === 0) doc.text('（本件无规则判定）', left, doc.y, { width });
    // 办理意见: who said what at each step of the file (issue 20: the opinions printed on the decision documents).
    if (content.opinions && content.opinions.length > 0) {
      doc.moveDown(0.6);
      doc.font('heiti').fontSize(P.sizes.note);
      doc.text('办理意见', left, doc.y, { width, lineGap: 4 });
      doc.font('fangsong').fontSize(P.sizes.note);
      content.opinions.forEach((o, i) => {
        doc.text(`${i + 1}．${o.step}（${o.organization} ${o.person}，${chineseNumeralDate(o.dated)}）`, left, doc.y, {
          width,
          lineGap: 4,
        });
        doc.text(o.opinion, left + 2 * P.sizes.note, doc.y, { width: width - 2 * P.sizes.note, lineGap: 4 });
        doc.moveDown(0.3);
      });
    }

    // 版记 at the foot of the last page: thick line, 抄送, thin line, 印发机关 and 印发日期, thick line.
    const note = P.sizes.note;
    const recordHeight = 2 * (note * 1.9) + 2 * MM;
    if (doc.y + 4 * MM > bottom - recordHeight - 30 * MM) doc.addPage();
    const rule = (y: number, thickness: number) =>
      doc.save().lineWidth(thickness).strokeColor('black').moveTo(left, y).lineTo(right, y).stroke().restore();
    const recordTop = bottom - recordHeight;
    // 核验: the QR code and the short code on the last page, left, above the 版记.
    const qrSize = 22 * MM;
    doc.image(qr, left, recordTop - 6 * MM - qrSize, { width: qrSize, height: qrSize });
    doc.font('fangsong').fontSize(10.5).fillColor('black');
    const code = `${content.verify.code.slice(0, 5)}-${content.verify.code.slice(5)}`;
    place(doc, `核验码：${code}`, left + qrSize + 3 * MM, recordTop - 6 * MM - qrSize + 2 * MM);
    place(doc, '扫码或访问核验页面核对本件', left + qrSize + 3 * MM, recordTop - 6 * MM - qrSize + 8 * MM);
    place(doc, content.verify.url, left + qrSize + 3 * MM, recordTop - 6 * MM - qrSize + 14 * MM);

    rule(recordTop, 0.35 * MM);
    doc.font('fangsong').fontSize(note).fillColor('black');
    place(doc, `抄送：${content.copiesTo.join('，')}。`, left + note, recordTop + 0.5 * note, { width: width - 2 * note });
    rule(recordTop + note * 1.9, 0.25 * MM);
    place(doc, content.printedBy, left + note, recordTop + note * 1.9 + 0.5 * note);
    const printedOn = `${chineseNumeralDate(content.printedOn)}印发`;
    place(doc, printedOn, right - note - doc.widthOfString(printedOn), recordTop + note * 1.9 + 0.5 * note);
    rule(bottom, 0.35 * MM);

    // 页码: "— n —", 4号, 7 mm under the 版心; odd pages right, even pages left (one character in).
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      doc.font('fangsong').fontSize(note).fillColor('black');
      const label = `— ${i + 1} —`;
      const x = (i + 1) % 2 === 1 ? right - note - doc.widthOfString(label) : left + note;
      place(doc, label, x, bottom + 7 * MM);
    }
    doc.end();
  });
}
