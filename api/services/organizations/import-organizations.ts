import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { appendAudit } from '../../../runtime/audit';
import { AppError, type LocalizedText } from '../../../domain/errors';
import { canHaveParent, ORG_KINDS, type OrgKindName } from '../../../domain/organizations';
import { isInScope } from '../../authz/organization-scope';
import { createOrganization } from '../../../runtime/organizations';
import { callerAudit, type CallerRequest } from '../caller-request';

/** Columns of an organization import sheet (first row = headers, in this order or by these names). */
export const IMPORT_COLUMNS = ['code', 'name', 'nameEn', 'kind', 'parentCode'] as const;

interface ImportRow {
  row: number;
  code: string;
  name: string;
  nameEn?: string;
  kind: string;
  parentCode: string;
}

interface RowError {
  row: number;
  field: string;
  message: LocalizedText;
}

async function readSheet(filename: string, content: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  let sheet: ExcelJS.Worksheet | undefined;
  try {
    if (/\.csv$/i.test(filename)) sheet = await workbook.csv.read(Readable.from(content));
    else {
      await workbook.xlsx.load(content as unknown as ArrayBuffer);
      sheet = workbook.worksheets[0];
    }
  } catch {
    throw new AppError('VALIDATION_FAILED', {
      fields: [
        { path: 'contentBase64', code: 'unreadable', message: { 'zh-CN': '无法读取文件内容。', en: 'The file cannot be read.' } },
      ],
    });
  }
  const rows: string[][] = [];
  sheet?.eachRow({ includeEmpty: false }, (row) => {
    const values = (row.values as unknown[])
      .slice(1)
      .map((v) => (v === null || v === undefined ? '' : String(v as string).trim()));
    rows.push(values);
  });
  return rows;
}

function parseRows(table: string[][]): ImportRow[] {
  const [header, ...body] = table;
  const index = IMPORT_COLUMNS.map((column, position) => {
    const found = header?.findIndex((h) => h.toLowerCase() === column.toLowerCase()) ?? -1;
    return found >= 0 ? found : position;
  });
  return body.map((cells, i) => {
    const cell = (c: number) => cells[index[c] ?? c] ?? '';
    return {
      row: i + 2,
      code: cell(0),
      name: cell(1),
      nameEn: cell(2) || undefined,
      kind: cell(3).toUpperCase(),
      parentCode: cell(4),
    };
  });
}

const msg = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });

/**
 * Imports organizations from an .xlsx or .csv sheet. Every row is checked first (code format and uniqueness, kind,
 * parent in the sheet or in the caller's scope, parent kind); any error → 422 with the list of row errors and
 * nothing written. Otherwise all rows are written in one transaction.
 */
export async function importOrganizations({
  db,
  caller,
  input,
  requestId,
}: CallerRequest<{ filename: string; contentBase64: string }>) {
  const rows = parseRows(await readSheet(input.filename, Buffer.from(input.contentBase64, 'base64')));
  const errors: RowError[] = [];
  if (rows.length === 0) errors.push({ row: 1, field: 'file', message: msg('文件中没有数据行。', 'The file has no data rows.') });
  if (rows.length > 10_000)
    errors.push({ row: 1, field: 'file', message: msg('一次最多导入 10000 行。', 'At most 10,000 rows per import.') });

  const codes = new Map<string, ImportRow>();
  for (const r of rows) {
    if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/.test(r.code))
      errors.push({ row: r.row, field: 'code', message: msg('组织代码格式不正确。', 'Invalid organization code.') });
    else if (codes.has(r.code))
      errors.push({
        row: r.row,
        field: 'code',
        message: msg(`代码 ${r.code} 在文件中重复。`, `Code ${r.code} appears twice in the file.`),
      });
    else codes.set(r.code, r);
    if (!r.name || r.name.length > 200)
      errors.push({
        row: r.row,
        field: 'name',
        message: msg('名称不能为空且不超过 200 字。', 'Name is required (at most 200 characters).'),
      });
    if (!(ORG_KINDS as readonly string[]).includes(r.kind))
      errors.push({
        row: r.row,
        field: 'kind',
        message: msg(`未知的组织类型 ${r.kind}。`, `Unknown organization kind ${r.kind}.`),
      });
  }
  const existing = await db.organization.findMany({
    where: { code: { in: [...new Set([...codes.keys(), ...rows.map((r) => r.parentCode)])] } },
    select: { id: true, code: true, kind: true, path: true },
  });
  const existingByCode = new Map(existing.map((o) => [o.code, o]));
  for (const r of rows) {
    if (existingByCode.has(r.code))
      errors.push({ row: r.row, field: 'code', message: msg(`代码 ${r.code} 已存在。`, `Code ${r.code} already exists.`) });
    const inSheet = codes.get(r.parentCode);
    const inDb = existingByCode.get(r.parentCode);
    const parentKind = (inSheet?.kind ?? inDb?.kind) as OrgKindName | undefined;
    if (!inSheet && !(inDb && isInScope(caller, inDb.path))) {
      errors.push({
        row: r.row,
        field: 'parentCode',
        message: msg(`找不到上级组织 ${r.parentCode}。`, `Parent ${r.parentCode} not found.`),
      });
    } else if (
      parentKind &&
      (ORG_KINDS as readonly string[]).includes(r.kind) &&
      !canHaveParent(r.kind as OrgKindName, parentKind)
    ) {
      errors.push({
        row: r.row,
        field: 'kind',
        message: msg(`${r.kind} 不能设在 ${parentKind} 之下。`, `A ${r.kind} cannot be placed under ${parentKind}.`),
      });
    }
  }
  if (errors.length > 0) {
    throw new AppError('VALIDATION_FAILED', {
      message: msg(
        `导入未执行：${errors.length} 处错误，请修改后重新上传。`,
        `Nothing imported: ${errors.length} errors; fix them and upload again.`,
      ),
      details: { rowErrors: errors },
    });
  }

  // Parents before children: rows whose parent exists are written first, repeatedly.
  await db.$transaction(
    async (tx) => {
      const ids = new Map(existing.map((o) => [o.code, o.id]));
      const pending = [...rows];
      while (pending.length > 0) {
        const ready = pending.filter((r) => ids.has(r.parentCode));
        if (ready.length === 0)
          throw new AppError('VALIDATION_FAILED', { message: msg('上级关系存在循环。', 'The parent relations form a cycle.') });
        for (const r of ready) {
          const org = await createOrganization(tx, {
            code: r.code,
            name: r.name,
            nameEn: r.nameEn,
            kind: r.kind as OrgKindName,
            parentId: ids.get(r.parentCode),
          });
          ids.set(r.code, org.id);
          pending.splice(pending.indexOf(r), 1);
        }
      }
      await appendAudit(
        tx,
        callerAudit(caller, requestId, {
          action: 'organization.imported',
          targetType: 'organization',
          data: { filename: input.filename, rows: rows.length },
        }),
      );
    },
    { timeout: 120_000 },
  );
  return { created: rows.length, rows: rows.length };
}
