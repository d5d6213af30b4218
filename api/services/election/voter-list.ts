import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { isUniqueViolation, type Db } from '../../../runtime/db';
import { appendAudit } from '../../../runtime/audit';
import { AppError, type LocalizedText } from '../../../domain/errors';
import { fullYearsBetween } from '../../../domain/clock';
import { maskResidentId, parseResidentId, residentIdProblemText } from '../../../domain/resident-id';
import { ELECTION_RULE_SET, EL_RULES } from '../../../domain/rules/election';
import type { Prisma } from '../../../prisma/generated/client';
import type { Caller } from '../../plugins/app/auth';
import { earlierWithKey, type Idempotency } from '../idempotency';
import { findCommitteeElection, findElection, wrongStep } from './scope';
import { callerAudit } from '../caller-request';

/** Columns of a voter-list sheet: first row headers, by these names (English or Chinese) or in this order. */
export const VOTER_COLUMNS = [
  { key: 'name', names: ['name', '姓名'] },
  { key: 'idNumber', names: ['idnumber', '身份证号码', '公民身份号码', '身份证号'] },
  { key: 'address', names: ['address', '住址', '居住地址'] },
  { key: 'residentsGroup', names: ['residentsgroup', '居民小组', '小组'] },
] as const;

const MAX_ROWS = 20_000;

export interface VoterRowError {
  row: number;
  field: string;
  message: LocalizedText;
}

const msg = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });

/** Cell text; an ID number Excel stored as a number has lost digits and is reported, not guessed. */
function cellText(value: ExcelJS.CellValue): { text: string; numeric: boolean } {
  if (value === null || value === undefined) return { text: '', numeric: false };
  if (typeof value === 'number') return { text: String(value), numeric: true };
  if (typeof value === 'object' && 'richText' in value)
    return {
      text: value.richText
        .map((r) => r.text)
        .join('')
        .trim(),
      numeric: false,
    };
  if (typeof value === 'object' && 'text' in value) return { text: String(value.text).trim(), numeric: false };
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10), numeric: false };
  if (typeof value === 'string' || typeof value === 'boolean') return { text: String(value).trim(), numeric: false };
  // Formulas, hyperlinks, errors: their displayed result when there is one.
  const result = (value as { result?: unknown }).result;
  return { text: typeof result === 'string' ? result.trim() : '', numeric: typeof result === 'number' };
}

async function readSheet(filename: string, content: Buffer): Promise<{ text: string; numeric: boolean }[][]> {
  const workbook = new ExcelJS.Workbook();
  let sheet: ExcelJS.Worksheet | undefined;
  try {
    if (/\.csv$/i.test(filename))
      sheet = await workbook.csv.read(Readable.from(content.toString('utf8').replace(/^\uFEFF/, '')), {
        parserOptions: {},
        map: (v: string) => v,
      });
    else {
      await workbook.xlsx.load(content as unknown as ArrayBuffer);
      sheet = workbook.worksheets[0];
    }
  } catch {
    throw new AppError('VALIDATION_FAILED', {
      fields: [{ path: 'contentBase64', code: 'unreadable', message: msg('无法读取文件内容。', 'The file cannot be read.') }],
    });
  }
  const rows: { text: string; numeric: boolean }[][] = [];
  sheet?.eachRow({ includeEmpty: false }, (row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1).map(cellText)));
  return rows;
}

interface ParsedRow {
  row: number;
  name: string;
  idNumber: string;
  birthDate: string;
  address?: string;
  residentsGroup?: string;
}

/**
 * Imports the residents' voter list from .xlsx or .csv during registration. Every row is checked first — name,
 * resident ID number (GB 11643), EL-AGE on election day, twice in the file, already on this list, registered on
 * another running list (EL-SINGLE) — and any problem refuses the whole file with a per-row report: nothing is
 * half-imported. Otherwise all rows are written in one transaction, with a record of the file.
 *
 * With an Idempotency-Key, a resend of the same upload (the answer was lost, the official pressed again) gets the
 * first import's answer and changes nothing; two sends at the same moment import once. The same key with another file
 * is refused (422 IDEMPOTENCY_KEY_REUSED).
 */
export async function importVoterList({
  db,
  caller,
  electionId,
  input,
  requestId,
  idempotency,
}: {
  db: Db;
  caller: Caller;
  electionId: string;
  input: { filename: string; contentBase64: string };
  requestId: string;
  idempotency?: Idempotency;
}) {
  const election = await findCommitteeElection({ db, caller, electionId });
  const earlier = idempotency && (await earlierImport(db, caller, election.id, idempotency));
  if (earlier) return earlier;
  if (election.status !== 'REGISTRATION' || !election.electionDate)
    throw wrongStep('只能在选民登记期间导入名单。', 'The list can be imported during registration only.', {
      status: election.status,
    });
  const electionDate = election.electionDate;
  const table = await readSheet(input.filename, Buffer.from(input.contentBase64, 'base64'));
  const [header, ...body] = table;
  const index = VOTER_COLUMNS.map((column, position) => {
    const found =
      header?.findIndex((h) => (column.names as readonly string[]).includes(h.text.toLowerCase().replace(/\s/g, ''))) ?? -1;
    return found >= 0 ? found : position;
  });
  const errors: VoterRowError[] = [];
  if (body.length === 0) errors.push({ row: 1, field: 'file', message: msg('文件中没有数据行。', 'The file has no data rows.') });
  if (body.length > MAX_ROWS)
    errors.push({ row: 1, field: 'file', message: msg(`一次最多导入 ${MAX_ROWS} 行。`, `At most ${MAX_ROWS} rows per import.`) });

  const rows: ParsedRow[] = [];
  const seen = new Map<string, number>();
  body.forEach((cells, i) => {
    const row = i + 2;
    const cell = (c: number) => cells[index[c] ?? c] ?? { text: '', numeric: false };
    const name = cell(0).text;
    const id = cell(1);
    if (!name || name.length > 50)
      errors.push({
        row,
        field: 'name',
        message: msg('姓名不能为空且不超过 50 字。', 'Name is required (at most 50 characters).'),
      });
    if (id.numeric) {
      errors.push({
        row,
        field: 'idNumber',
        message: msg(
          '身份证号码被存成了数字（会丢失位数），请将该列设为文本格式。',
          'The ID number was stored as a number (digits are lost); format the column as text.',
        ),
      });
      return;
    }
    const parsed = parseResidentId(id.text);
    if (!parsed.ok) {
      errors.push({ row, field: 'idNumber', message: residentIdProblemText(parsed.problem) });
      return;
    }
    const age = fullYearsBetween(parsed.birthDate, electionDate);
    if (age < ELECTION_RULE_SET.minimumAge) {
      errors.push({
        row,
        field: 'idNumber',
        message: msg(
          `选举日（${electionDate}）未满 18 周岁（EL-AGE，${EL_RULES['EL-AGE'].citation}）。`,
          `Under 18 on election day ${electionDate} (EL-AGE).`,
        ),
      });
    }
    const earlier = seen.get(parsed.idNumber);
    if (earlier)
      errors.push({
        row,
        field: 'idNumber',
        message: msg(`与第 ${earlier} 行的身份证号码重复。`, `Same ID number as row ${earlier}.`),
      });
    else seen.set(parsed.idNumber, row);
    rows.push({
      row,
      name,
      idNumber: parsed.idNumber,
      birthDate: parsed.birthDate,
      address: cell(2).text || undefined,
      residentsGroup: cell(3).text || undefined,
    });
  });

  const registered = await db.voterListEntry.findMany({
    where: { activeIdNumber: { in: rows.map((r) => r.idNumber) } },
    select: { activeIdNumber: true, electionId: true },
  });
  const registeredWhere = new Map(registered.map((r) => [r.activeIdNumber!, r.electionId]));
  for (const r of rows) {
    const where = registeredWhere.get(r.idNumber);
    if (where === election.id)
      errors.push({ row: r.row, field: 'idNumber', message: msg('此人已在本届选民名单上。', 'Already on this voter list.') });
    else if (where)
      errors.push({
        row: r.row,
        field: 'idNumber',
        message: msg(
          `此人已在其他地方的选民名单上登记（EL-SINGLE，${EL_RULES['EL-SINGLE'].citation}）。`,
          'Registered on another running voter list (EL-SINGLE).',
        ),
      });
  }
  if (errors.length > 0) {
    // A send with the same key may have committed while this one read the list: its rows are "already on the list".
    const winner = idempotency && (await earlierImport(db, caller, election.id, idempotency));
    if (winner) return winner;
    errors.sort((a, b) => a.row - b.row);
    throw new AppError('VALIDATION_FAILED', {
      message: msg(
        `导入未执行：${errors.length} 处错误，请修改后重新上传。`,
        `Nothing imported: ${errors.length} errors; fix them and upload again.`,
      ),
      details: { rowErrors: errors },
    });
  }
  try {
    await db.$transaction(
      async (tx) => {
        await tx.voterListImport.create({
          data: {
            electionId: election.id,
            filename: input.filename,
            rows: rows.length,
            importedById: caller.userId,
            idempotencyKey: idempotency?.key,
            idempotencyFingerprint: idempotency?.fingerprint,
          },
        });
        await tx.voterListEntry.createMany({
          data: rows.map((r) => ({
            electionId: election.id,
            name: r.name,
            idNumber: r.idNumber,
            birthDate: r.birthDate,
            address: r.address,
            residentsGroup: r.residentsGroup,
            source: 'RESIDENT' as const,
            activeIdNumber: r.idNumber,
            createdById: caller.userId,
          })),
        });
        await appendAudit(
          tx,
          callerAudit(caller, requestId, {
            action: 'election.voters-imported',
            targetType: 'election',
            targetId: election.id,
            caseId: election.id,
            data: { filename: input.filename, rows: rows.length },
          }),
        );
      },
      { timeout: 120_000 },
    );
  } catch (error) {
    if (isUniqueViolation(error)) {
      // A send with the same key committed first (a unique index waits for it): this one answers that import.
      const winner = idempotency && (await earlierImport(db, caller, election.id, idempotency));
      if (winner) return winner;
      throw new AppError('CONFLICT', {
        message: msg(
          '导入期间有人员已在其他名单登记，请重新上传。',
          'Someone was registered elsewhere during the import; upload again.',
        ),
      });
    }
    throw error;
  }
  return importAnswer(db, election.id, rows.length);
}

async function importAnswer(db: Db, electionId: string, imported: number) {
  return { imported, registeredVoters: await db.voterListEntry.count({ where: { electionId, removedAt: null } }) };
}

/** The answer of the import this caller sent earlier with this key, or undefined; a key used for another file is refused. */
async function earlierImport(db: Db, caller: Caller, electionId: string, idempotency: Idempotency) {
  const earlier = await earlierWithKey({
    idempotency,
    found: db.voterListImport.findUnique({
      where: { importedById_idempotencyKey: { importedById: caller.userId, idempotencyKey: idempotency.key } },
    }),
    sameTarget: (row) => row.electionId === electionId,
    details: (row) => ({ importId: row.id }),
  });
  return earlier && importAnswer(db, electionId, earlier.rows);
}

/** One voter added by hand during registration (same checks as a row of the import). */
export async function addVoter({
  db,
  caller,
  electionId,
  input,
  requestId,
}: {
  db: Db;
  caller: Caller;
  electionId: string;
  input: { name: string; idNumber: string; address?: string; residentsGroup?: string };
  requestId: string;
}) {
  const election = await findCommitteeElection({ db, caller, electionId });
  if (election.status !== 'REGISTRATION' || !election.electionDate)
    throw wrongStep('只能在选民登记期间增加选民。', 'Voters can be added during registration only.', { status: election.status });
  const parsed = parseResidentId(input.idNumber);
  if (!parsed.ok)
    throw new AppError('VALIDATION_FAILED', {
      fields: [{ path: 'idNumber', code: parsed.problem, message: residentIdProblemText(parsed.problem) }],
    });
  if (fullYearsBetween(parsed.birthDate, election.electionDate) < ELECTION_RULE_SET.minimumAge) {
    throw new AppError('VALIDATION_FAILED', {
      fields: [
        {
          path: 'idNumber',
          code: 'EL-AGE',
          message: msg('选举日未满 18 周岁（EL-AGE）。', 'Under 18 on election day (EL-AGE).'),
        },
      ],
    });
  }
  try {
    return await db.$transaction(async (tx) => {
      const entry = await tx.voterListEntry.create({
        data: {
          electionId: election.id,
          name: input.name,
          idNumber: parsed.idNumber,
          birthDate: parsed.birthDate,
          address: input.address,
          residentsGroup: input.residentsGroup,
          source: 'RESIDENT',
          activeIdNumber: parsed.idNumber,
          createdById: caller.userId,
        },
      });
      await appendAudit(
        tx,
        callerAudit(caller, requestId, {
          action: 'election.voter-added',
          targetType: 'voter-list-entry',
          targetId: entry.id,
          caseId: election.id,
        }),
      );
      return voterView(entry);
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('CONFLICT', {
        message: msg(
          '此人已在本届或其他地方的选民名单上登记（EL-SINGLE）。',
          'Already registered on this or another running list (EL-SINGLE).',
        ),
      });
    }
    throw error;
  }
}

/** Removes a voter during registration (after publication only an upheld objection changes the list). */
export async function removeVoter({
  db,
  caller,
  electionId,
  entryId,
  reason,
  requestId,
}: {
  db: Db;
  caller: Caller;
  electionId: string;
  entryId: string;
  reason: string;
  requestId: string;
}) {
  const election = await findCommitteeElection({ db, caller, electionId });
  if (election.status !== 'REGISTRATION')
    throw wrongStep('名单公布后只能通过异议处理更正。', 'After publication the list changes only through an upheld objection.', {
      status: election.status,
    });
  await db.$transaction(async (tx) => {
    const removed = await tx.voterListEntry.updateMany({
      where: { id: entryId, electionId: election.id, removedAt: null },
      data: { removedAt: new Date(), removedReason: reason, activeIdNumber: null },
    });
    if (removed.count === 0) throw new AppError('NOT_FOUND');
    await appendAudit(tx, {
      action: 'election.voter-removed',
      targetType: 'voter-list-entry',
      targetId: entryId,
      caseId: election.id,
      actorId: caller.userId,
      actingOrgId: caller.membership?.organizationId,
      outcome: 'success',
      reason,
      requestId,
    });
  });
}

function voterView(e: {
  id: string;
  name: string;
  idNumber: string;
  address: string | null;
  residentsGroup: string | null;
  source: 'RESIDENT' | 'MIGRANT' | 'OBJECTION';
  removedAt: Date | null;
  removedReason: string | null;
}) {
  return {
    id: e.id,
    name: e.name,
    idNumberMasked: maskResidentId(e.idNumber),
    address: e.address,
    residentsGroup: e.residentsGroup,
    source: e.source,
    removedAt: e.removedAt?.toISOString() ?? null,
    removedReason: e.removedReason,
  };
}

/** The list as the committee and the supervising offices see it (ID numbers masked), a page at a time. */
export async function listVoters({
  db,
  caller,
  electionId,
  query,
}: {
  db: Db;
  caller: Caller;
  electionId: string;
  query: { q?: string; includeRemoved: boolean; limit: number; offset: number };
}) {
  const election = await findElection({ db, caller, electionId });
  const where: Prisma.VoterListEntryWhereInput = {
    electionId: election.id,
    ...(query.includeRemoved ? {} : { removedAt: null }),
    ...(query.q ? { name: { contains: query.q } } : {}),
  };
  const [total, rows] = await Promise.all([
    db.voterListEntry.count({ where }),
    db.voterListEntry.findMany({
      where,
      orderBy: [{ residentsGroup: 'asc' }, { name: 'asc' }, { id: 'asc' }],
      skip: query.offset,
      take: query.limit,
    }),
  ]);
  return { total, items: rows.map(voterView) };
}
