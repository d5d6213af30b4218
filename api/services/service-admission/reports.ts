import type { Db } from '../../../runtime/db';
import { AppError } from '../../../domain/errors';
import type { DocumentMimeType } from '../../../domain/documents';
import type { Caller } from '../../plugins/app/auth';
import { ownCases } from '../../authz/case-scope';
import { storeDocument } from '../documents/store-document';
import { SERVICE_ADMISSION_REPORT } from './scope';

/** Evidence for a report, attached by the reporting committee while the county has not answered yet. */
export async function attachReportEvidence(options: {
  db: Db;
  caller: Caller;
  caseId: string;
  filename: string;
  mimeType: DocumentMimeType;
  contentBase64: string;
  requestId: string;
}) {
  const { db, caller } = options;
  const report = await db.case.findFirst({
    where: { AND: [{ id: options.caseId, procedure: SERVICE_ADMISSION_REPORT }, ownCases(caller)] },
    select: { id: true, status: true },
  });
  if (!report) throw new AppError('NOT_FOUND');
  if (report.status !== 'OPEN') {
    throw new AppError('CONFLICT', {
      message: { 'zh-CN': '县级已答复，不能再补充材料。', en: 'The county has answered; no more evidence can be attached.' },
    });
  }
  return storeDocument({ ...options, caseId: report.id });
}
