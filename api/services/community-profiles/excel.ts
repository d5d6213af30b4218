import ExcelJS from 'exceljs';
import { AppError, type LocalizedText } from '../../../domain/errors';
import {
  COMMITTEE_POSITIONS,
  communityProfileInput,
  EDUCATION_LEVELS,
  EDUCATION_NAMES,
  FIRST_PROFILE_YEAR,
  LAST_PROFILE_YEAR,
  POSITION_NAMES,
  type CommunityProfileInput,
} from '../../../domain/forms/community-profile';
import { fieldErrorsFromZod } from '../../../domain/validation';
import type { Db } from '../../../runtime/db';
import { appendAudit } from '../../../runtime/audit';
import type { Caller } from '../../plugins/app/auth';
import { mayKeep } from '../../authz/community-profile-scope';
import { supervisionPath } from '../../authz/organization-scope';
import { callerAudit, type CallerRequest } from '../caller-request';
import { listProfiles, writeProfile } from './profiles';

/**
 * The community profile workbook (issue 22): three sheets — profiles, committee members (with their trainings) and
 * estates — one row per community and year, per member, per estate, joined by community code and year. The same
 * layout is the blank template, the export and the import. An import checks every cell first; any error → 400 with
 * every row error (sheet, row, column, field, message in Chinese and English) and nothing written; otherwise all
 * profiles are written in one transaction, each with its audit row.
 */

interface Column {
  key: string;
  zh: string;
  en: string;
  width?: number;
}

const col = (key: string, zh: string, en: string, width = 14): Column => ({ key, zh, en, width });

/** The first two columns of every sheet: which community's profile of which year a row belongs to. */
const KEY_COLUMNS = [col('communityCode', '社区代码', 'Community code', 18), col('year', '年度', 'Year', 8)] as const;

export const PROFILE_SHEET = {
  name: '社区概况 Profiles',
  columns: [
    ...KEY_COLUMNS,
    col('households', '户数', 'Households'),
    col('residents', '居民人数', 'Residents'),
    col('socialWorkers', '社会工作专业人员', 'Social workers'),
    col('socialOrganizations', '社会组织数', 'Social organizations'),
    col('registeredVolunteers', '注册志愿者', 'Registered volunteers'),
    col('volunteerServiceResidents', '5年内参与志愿服务居民', 'Residents in volunteer service (5 years)'),
    col('partyMembers', '社区党员', 'Party members'),
    col('partyMemberVolunteers', '注册为志愿者的党员', 'Party members registered as volunteers'),
    col('officeSpaceM2', '居委会用房(m²)', 'Office space (m²)'),
    col('serviceCentreM2', '服务中心面积(m²)', 'Service centre (m²)'),
  ],
} as const;

export const MEMBER_SHEET = {
  name: '居委会成员 Members',
  columns: [
    ...KEY_COLUMNS,
    col('name', '姓名', 'Name'),
    col('position', '职务', 'Position'),
    col('education', '文化程度', 'Education'),
    col('trainings', '培训日期（多个以;分隔）', 'Training dates (separated by ;)', 30),
  ],
} as const;

export const ESTATE_SHEET = {
  name: '小区 Estates',
  columns: [
    ...KEY_COLUMNS,
    col('name', '小区名称', 'Estate', 20),
    col('households', '总户数', 'Households'),
    col('occupiedHouseholds', '入住户数', 'Occupied households'),
    col('isNew', '新建住宅区（是/否）', 'New estate (yes/no)'),
    col('hasCommittee', '已成立居委会（是/否）', 'Has a committee (yes/no)'),
  ],
} as const;

type Sheet = typeof PROFILE_SHEET | typeof MEMBER_SHEET | typeof ESTATE_SHEET;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface ImportRowError {
  sheet: string;
  row: number;
  /** Spreadsheet column letter ("C"), or "" for an error of the whole row. */
  column: string;
  field: string;
  message: LocalizedText;
}

const msg = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });
const letter = (index: number) => {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
};

// ── Writing ─────────────────────────────────────────────────────────────────────────────────────────────────────

function addSheet(workbook: ExcelJS.Workbook, sheet: Sheet, rows: unknown[][]) {
  const ws = workbook.addWorksheet(sheet.name);
  ws.columns = sheet.columns.map((c) => ({ header: `${c.zh} ${c.key}`, key: c.key, width: c.width }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(r);
}

async function workbookBytes(profiles: Awaited<ReturnType<typeof listProfiles>>) {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'community-governance';
  addSheet(
    workbook,
    PROFILE_SHEET,
    profiles.map((p) => [
      p.communityCode,
      p.year,
      p.households,
      p.residents,
      p.socialWorkers,
      p.socialOrganizations,
      p.registeredVolunteers,
      p.volunteerServiceResidents,
      p.partyMembers,
      p.partyMemberVolunteers,
      p.officeSpaceM2,
      p.serviceCentreM2,
    ]),
  );
  addSheet(
    workbook,
    MEMBER_SHEET,
    profiles.flatMap((p) =>
      p.committeeMembers.map((m) => [p.communityCode, p.year, m.name, m.position, m.education, m.trainings.join(';')]),
    ),
  );
  addSheet(
    workbook,
    ESTATE_SHEET,
    profiles.flatMap((p) =>
      p.estates.map((e) => [
        p.communityCode,
        p.year,
        e.name,
        e.households,
        e.occupiedHouseholds,
        e.isNew ? '是' : '否',
        e.hasCommittee ? '是' : '否',
      ]),
    ),
  );
  const notes = workbook.addWorksheet('说明 Notes');
  notes.columns = [{ width: 30 }, { width: 60 }];
  notes.addRows([
    ['职务 Position', COMMITTEE_POSITIONS.map((p) => `${p} = ${POSITION_NAMES[p]['zh-CN']}`).join('; ')],
    ['文化程度 Education', EDUCATION_LEVELS.map((e) => `${e} = ${EDUCATION_NAMES[e]['zh-CN']}`).join('; ')],
    ['日期 Dates', 'YYYY-MM-DD'],
    ['面积 Areas', 'm², 最多两位小数 / at most two decimals'],
    ['导入 Import', '全部正确才导入，任何错误都不写入 / all rows or none'],
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The blank template: the three sheets' headers and the notes. */
export async function profileTemplate() {
  return { filename: '社区概况导入模板.xlsx', contentType: XLSX, bytes: await workbookBytes([]) };
}

/** The profiles in the caller's scope (of a year, or all years) in the import layout. */
export async function exportProfiles({ db, caller, year }: { db: Db; caller: Caller; year?: number }) {
  const profiles = await listProfiles({ db, caller, filter: { year } });
  return {
    filename: `社区概况${year ? `-${year}` : ''}.xlsx`,
    contentType: XLSX,
    bytes: await workbookBytes([...profiles].reverse()),
  };
}

// ── Reading ─────────────────────────────────────────────────────────────────────────────────────────────────────

type Cell = ExcelJS.CellValue;

/** A cell as text: formulas give their result, rich text its plain text, dates their China date. */
function text(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('result' in value) return text(value.result);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    return '';
  }
  return String(value).trim();
}

interface SheetRows {
  sheet: string;
  /** Row number in the sheet, and the cells by column key. */
  rows: { row: number; cells: Record<string, { value: Cell; column: string }> }[];
}

function readSheet(ws: ExcelJS.Worksheet | undefined, sheet: Sheet): SheetRows {
  const out: SheetRows = { sheet: sheet.name, rows: [] };
  if (!ws) return out;
  const header = (ws.getRow(1).values as Cell[]).slice(1).map((v) => text(v).toLowerCase());
  const positions = sheet.columns.map((c, i) => {
    const found = header.findIndex((h) => h.split(/\s+/).includes(c.key.toLowerCase()) || h === c.zh.toLowerCase());
    return found >= 0 ? found : i;
  });
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const values = (row.values as Cell[]).slice(1);
    if (values.every((v) => text(v) === '')) return;
    const cells: SheetRows['rows'][number]['cells'] = {};
    sheet.columns.forEach((c, i) => {
      const p = positions[i]!;
      cells[c.key] = { value: values[p] ?? null, column: letter(p) };
    });
    out.rows.push({ row: rowNumber, cells });
  });
  return out;
}

class RowErrors {
  readonly list: ImportRowError[] = [];
  add(sheet: string, row: number, column: string, field: string, message: LocalizedText) {
    if (this.list.length < 500) this.list.push({ sheet, row, column, field, message });
  }
}

/** Reads a whole number of a cell, or records an error and gives undefined. */
function integer(errors: RowErrors, sheet: string, row: number, cells: SheetRows['rows'][number]['cells'], key: string) {
  const cell = cells[key]!;
  const t = text(cell.value);
  if (!/^\d{1,9}$/.test(t)) {
    errors.add(
      sheet,
      row,
      cell.column,
      key,
      msg(
        `第 ${row} 行 ${cell.column} 列：应为非负整数，实际为“${t}”。`,
        `Row ${row}, column ${cell.column}: a whole number is required, got "${t}".`,
      ),
    );
    return undefined;
  }
  return Number(t);
}

const YES = ['是', 'y', 'yes', 'true', '1'];
const NO = ['否', 'n', 'no', 'false', '0'];

function yesNo(errors: RowErrors, sheet: string, row: number, cells: SheetRows['rows'][number]['cells'], key: string) {
  const cell = cells[key]!;
  const t = text(cell.value).toLowerCase();
  if (YES.includes(t)) return true;
  if (NO.includes(t)) return false;
  errors.add(
    sheet,
    row,
    cell.column,
    key,
    msg(`第 ${row} 行 ${cell.column} 列：请填“是”或“否”。`, `Row ${row}, column ${cell.column}: enter yes or no.`),
  );
  return undefined;
}

function enumValue<T extends string>(
  errors: RowErrors,
  sheet: string,
  row: number,
  cells: SheetRows['rows'][number]['cells'],
  key: string,
  values: readonly T[],
  names: Record<T, LocalizedText>,
): T | undefined {
  const cell = cells[key]!;
  const t = text(cell.value);
  const found = values.find(
    (v) => v === t.toUpperCase() || names[v]['zh-CN'] === t || names[v].en.toLowerCase() === t.toLowerCase(),
  );
  if (!found)
    errors.add(
      sheet,
      row,
      cell.column,
      key,
      msg(
        `第 ${row} 行 ${cell.column} 列：“${t}”不是可选值（${values.map((v) => names[v]['zh-CN']).join('、')}）。`,
        `Row ${row}, column ${cell.column}: "${t}" is not one of ${values.join(', ')}.`,
      ),
    );
  return found;
}

interface Draft {
  communityCode: string;
  year: number;
  /** Where each part came from, to report a validation error at its cell. */
  profileRow: { row: number; cells: SheetRows['rows'][number]['cells'] };
  memberRows: { row: number; cells: SheetRows['rows'][number]['cells'] }[];
  estateRows: { row: number; cells: SheetRows['rows'][number]['cells'] }[];
  figures: Record<string, unknown>;
}

function keyOf(errors: RowErrors, sheet: string, r: SheetRows['rows'][number]) {
  const code = text(r.cells.communityCode!.value);
  const year = integer(errors, sheet, r.row, r.cells, 'year');
  if (!code)
    errors.add(
      sheet,
      r.row,
      r.cells.communityCode!.column,
      'communityCode',
      msg(`第 ${r.row} 行：缺少社区代码。`, `Row ${r.row}: the community code is missing.`),
    );
  if (year !== undefined && (year < FIRST_PROFILE_YEAR || year > LAST_PROFILE_YEAR))
    errors.add(
      sheet,
      r.row,
      r.cells.year!.column,
      'year',
      msg(
        `第 ${r.row} 行：年度应在 ${FIRST_PROFILE_YEAR}–${LAST_PROFILE_YEAR} 之间。`,
        `Row ${r.row}: the year must be ${FIRST_PROFILE_YEAR}–${LAST_PROFILE_YEAR}.`,
      ),
    );
  return code && year !== undefined ? `${code}|${year}` : undefined;
}

async function loadWorkbook(content: Buffer) {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw new AppError('VALIDATION_FAILED', {
      fields: [
        { path: 'contentBase64', code: 'unreadable', message: msg('无法读取 Excel 文件。', 'The Excel file cannot be read.') },
      ],
    });
  }
  const byName = (sheet: Sheet, index: number) =>
    workbook.worksheets.find((w) => w.name === sheet.name) ?? workbook.worksheets[index];
  return {
    profiles: readSheet(byName(PROFILE_SHEET, 0), PROFILE_SHEET),
    members: readSheet(byName(MEMBER_SHEET, 1), MEMBER_SHEET),
    estates: readSheet(byName(ESTATE_SHEET, 2), ESTATE_SHEET),
  };
}

/** Parses and checks the workbook into profiles; every error names its sheet, row and column. */
function parseWorkbook(sheets: Awaited<ReturnType<typeof loadWorkbook>>, errors: RowErrors): Map<string, Draft> {
  const drafts = new Map<string, Draft>();
  const P = PROFILE_SHEET.name;
  for (const r of sheets.profiles.rows) {
    const key = keyOf(errors, P, r);
    const figures: Record<string, unknown> = { committeeMembers: [], estates: [] };
    for (const c of PROFILE_SHEET.columns.slice(2)) {
      if (c.key === 'officeSpaceM2' || c.key === 'serviceCentreM2') figures[c.key] = text(r.cells[c.key]!.value);
      else figures[c.key] = integer(errors, P, r.row, r.cells, c.key);
    }
    if (!key) continue;
    if (drafts.has(key)) {
      errors.add(
        P,
        r.row,
        '',
        'communityCode',
        msg(`第 ${r.row} 行：同一社区同一年度重复。`, `Row ${r.row}: the same community and year appear twice.`),
      );
      continue;
    }
    const [communityCode, year] = key.split('|') as [string, string];
    drafts.set(key, { communityCode, year: Number(year), profileRow: r, memberRows: [], estateRows: [], figures });
  }
  const M = MEMBER_SHEET.name;
  for (const r of sheets.members.rows) {
    const key = keyOf(errors, M, r);
    const trainings = text(r.cells.trainings!.value)
      .split(/[;；,，、\s]+/)
      .filter(Boolean);
    const member = {
      name: text(r.cells.name!.value),
      position: enumValue(errors, M, r.row, r.cells, 'position', COMMITTEE_POSITIONS, POSITION_NAMES),
      education: enumValue(errors, M, r.row, r.cells, 'education', EDUCATION_LEVELS, EDUCATION_NAMES),
      trainings,
    };
    attach(drafts, errors, M, r, key, (draft) => {
      draft.memberRows.push(r);
      (draft.figures.committeeMembers as unknown[]).push(member);
    });
  }
  const E = ESTATE_SHEET.name;
  for (const r of sheets.estates.rows) {
    const key = keyOf(errors, E, r);
    const estate = {
      name: text(r.cells.name!.value),
      households: integer(errors, E, r.row, r.cells, 'households'),
      occupiedHouseholds: integer(errors, E, r.row, r.cells, 'occupiedHouseholds'),
      isNew: yesNo(errors, E, r.row, r.cells, 'isNew'),
      hasCommittee: yesNo(errors, E, r.row, r.cells, 'hasCommittee'),
    };
    attach(drafts, errors, E, r, key, (draft) => {
      draft.estateRows.push(r);
      (draft.figures.estates as unknown[]).push(estate);
    });
  }
  return drafts;
}

/** Adds a member or estate row to its profile's draft, or reports that the profile sheet has no such community-year. */
function attach(
  drafts: Map<string, Draft>,
  errors: RowErrors,
  sheet: string,
  r: SheetRows['rows'][number],
  key: string | undefined,
  add: (draft: Draft) => void,
): void {
  if (!key) return;
  const draft = drafts.get(key);
  if (draft) return add(draft);
  errors.add(
    sheet,
    r.row,
    '',
    'communityCode',
    msg(`第 ${r.row} 行：概况表中没有该社区该年度。`, `Row ${r.row}: no profile row for this community and year.`),
  );
}

/** Maps a form-validation issue of a profile back to its sheet, row and column. */
function locate(draft: Draft, path: string): { sheet: string; row: number; column: string; field: string } {
  const [first, index, field] = path.split('.');
  if (first === 'committeeMembers' && index !== undefined && draft.memberRows[Number(index)]) {
    const r = draft.memberRows[Number(index)]!;
    const key = field === 'trainings' || !field ? 'trainings' : field;
    return { sheet: MEMBER_SHEET.name, row: r.row, column: r.cells[key]?.column ?? '', field: key };
  }
  if (first === 'estates' && index !== undefined && draft.estateRows[Number(index)]) {
    const r = draft.estateRows[Number(index)]!;
    return { sheet: ESTATE_SHEET.name, row: r.row, column: field ? (r.cells[field]?.column ?? '') : '', field: field ?? '' };
  }
  const r = draft.profileRow;
  return { sheet: PROFILE_SHEET.name, row: r.row, column: first ? (r.cells[first]?.column ?? '') : '', field: first ?? '' };
}

export async function importProfiles({
  db,
  caller,
  input,
  requestId,
}: CallerRequest<{ filename: string; contentBase64: string }>) {
  const sheets = await loadWorkbook(Buffer.from(input.contentBase64, 'base64'));
  const errors = new RowErrors();
  const drafts = parseWorkbook(sheets, errors);
  if (drafts.size === 0 && errors.list.length === 0)
    errors.add(PROFILE_SHEET.name, 1, '', 'file', msg('概况表中没有数据行。', 'The profiles sheet has no data rows.'));
  if (drafts.size > 2000)
    errors.add(PROFILE_SHEET.name, 1, '', 'file', msg('一次最多导入 2000 个概况。', 'At most 2,000 profiles per import.'));

  // Each community must be in the caller's subtree and kept by the caller (its own residents' committee).
  const communities = await db.organization.findMany({
    where: {
      code: { in: [...new Set([...drafts.values()].map((d) => d.communityCode))] },
      kind: 'COMMUNITY',
      path: { startsWith: supervisionPath(caller) },
    },
    select: { id: true, code: true, path: true },
  });
  const byCode = new Map(communities.map((c) => [c.code, c]));
  const valid: { communityOrgId: string; year: number; figures: CommunityProfileInput }[] = [];
  for (const d of drafts.values()) {
    const community = byCode.get(d.communityCode);
    if (!community || !mayKeep(caller, community)) {
      errors.add(
        PROFILE_SHEET.name,
        d.profileRow.row,
        d.profileRow.cells.communityCode!.column,
        'communityCode',
        msg(
          `第 ${d.profileRow.row} 行：社区 ${d.communityCode} 不存在或不由您维护。`,
          `Row ${d.profileRow.row}: community ${d.communityCode} does not exist or is not kept by you.`,
        ),
      );
      continue;
    }
    const parsed = communityProfileInput.safeParse(d.figures, { reportInput: true });
    if (!parsed.success) {
      for (const f of fieldErrorsFromZod(parsed.error.issues)) {
        // A cell already reported as unreadable is not reported again as missing.
        const at = locate(d, f.path);
        if (errors.list.some((e) => e.sheet === at.sheet && e.row === at.row && e.field === at.field)) continue;
        errors.add(at.sheet, at.row, at.column, at.field, {
          'zh-CN': `第 ${at.row} 行 ${at.column} 列（${at.field}）：${f.message['zh-CN']}`,
          en: `Row ${at.row}, column ${at.column} (${at.field}): ${f.message.en}`,
        });
      }
      continue;
    }
    valid.push({ communityOrgId: community.id, year: d.year, figures: parsed.data });
  }
  if (errors.list.length > 0) {
    throw new AppError('VALIDATION_FAILED', {
      message: msg(
        `导入未执行：${errors.list.length} 处错误，请修改后重新上传。`,
        `Nothing imported: ${errors.list.length} errors; fix them and upload again.`,
      ),
      details: { rowErrors: errors.list },
    });
  }
  let changed = 0;
  await db.$transaction(
    async (tx) => {
      for (const v of valid) {
        const before = await tx.communityProfile.findUnique({
          where: { communityOrgId_year: { communityOrgId: v.communityOrgId, year: v.year } },
          select: { version: true },
        });
        const row = await writeProfile(tx, caller, requestId, { ...v, source: `import:${input.filename}` });
        if (!before || row.version !== before.version) changed += 1;
      }
      await appendAudit(
        tx,
        callerAudit(caller, requestId, {
          action: 'community-profile.imported',
          targetType: 'community-profile-import',
          data: { filename: input.filename, profiles: valid.length, changed },
        }),
      );
    },
    { timeout: 120_000 },
  );
  return { profiles: valid.length, changed };
}
