import fs from 'node:fs';
import { AppError } from '../domain/errors';
import { settings } from './config';

/**
 * Chinese fonts for printed documents: a CJK font from the system (Debian: fonts-wqy-zenhei, installed by .ci/run;
 * override with PDF_CJK_FONT=/path/to/font.ttf|ttc[#PostScriptName]).
 */
const CANDIDATES = [
  { path: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', family: 'WenQuanYiZenHei' },
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
];

export function cjkFont(): { path: string; family?: string } {
  const configured = settings.pdfCjkFont();
  if (configured) {
    const [path, family] = configured.split('#');
    return { path: path!, family };
  }
  const found = CANDIDATES.find((c) => fs.existsSync(c.path));
  if (!found) {
    throw new AppError('SERVICE_UNAVAILABLE', {
      message: {
        'zh-CN': '服务器未安装中文字体，无法生成 PDF（请安装 fonts-wqy-zenhei）。',
        en: 'No Chinese font on the server for PDF output (install fonts-wqy-zenhei).',
      },
    });
  }
  return found;
}
