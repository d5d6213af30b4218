import PDFDocument from 'pdfkit';
import { cjkFont } from '../../../runtime/pdf-fonts';

/** Renders a PDF with a Chinese font; `draw` writes the content. Resolves to the file's bytes. */
export function renderChinesePdf(draw: (doc: PDFKit.PDFDocument) => void, info: { title: string }): Promise<Buffer> {
  const font = cjkFont();
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margins: { top: 72, bottom: 72, left: 80, right: 80 },
      info: { Title: info.title },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.registerFont('cjk', font.path, font.family);
    doc.font('cjk');
    draw(doc);
    doc.end();
  });
}
