import ExcelJS from 'exceljs';
import type { z } from 'zod';
import type { Db } from '../../../runtime/db';
import { AppError } from '../../../domain/errors';
import { SA_CLASSIFICATION_NAMES } from '../../../domain/rules/service-admission';
import type { ServiceItemCaseData, ServiceItemReportCaseData } from '../../../workflows/service-admission/messages';
import type { admittedItem, publishedReport } from '../../schemas/service-admission';
import { SERVICE_ADMISSION, SERVICE_ADMISSION_REPORT } from './scope';

type AdmittedItem = z.infer<typeof admittedItem>;

async function findCity(db: Db, cityId: string) {
  const city = await db.organization.findFirst({
    where: { id: cityId, kind: 'CITY' },
    select: { id: true, name: true, path: true },
  });
  if (!city) throw new AppError('NOT_FOUND');
  return city;
}

function matches(q: string | undefined, ...texts: (string | null | undefined)[]): boolean {
  if (!q) return true;
  const needle = q.toLowerCase();
  return texts.some((t) => t?.toLowerCase().includes(needle));
}

/**
 * SA-LIST: the public list of admitted items of a city (民发〔2015〕136号), with funding, period and legal basis.
 * Only items whose admission is in force now; `q` searches item, basis, department, county and communities.
 */
export async function admittedItems(db: Db, options: { cityId: string; q?: string; now?: Date }) {
  const city = await findCity(db, options.cityId);
  const rows = await db.case.findMany({
    where: {
      procedure: SERVICE_ADMISSION,
      organization: { path: { startsWith: city.path } },
      data: { path: ['listing', 'status'], equals: 'listed' },
    },
    select: { id: true, number: true, data: true, organization: { select: { name: true } } },
    orderBy: { openedAt: 'asc' },
  });
  const now = options.now ?? new Date();
  const items: AdmittedItem[] = [];
  for (const row of rows) {
    const data = row.data as unknown as ServiceItemCaseData;
    const listing = data.listing;
    if (!listing || Date.parse(listing.validUntil) <= now.getTime()) continue;
    const communities = data.communities.map((c) => c.name);
    if (
      !matches(
        options.q,
        listing.itemName,
        listing.legalBasis,
        row.organization.name,
        data.countyName,
        row.number,
        ...communities,
      )
    )
      continue;
    items.push({
      id: row.id,
      number: row.number,
      itemName: listing.itemName,
      classification: listing.classification,
      legalBasis: listing.legalBasis,
      workloadEstimate: listing.workloadEstimate,
      department: row.organization.name,
      county: data.countyName,
      communities,
      fundingAmount: listing.fundingAmount,
      fundingPayer: listing.fundingPayer,
      authorityTransferred: listing.authorityTransferred,
      authorityDescription: listing.authorityDescription,
      workingConditions: listing.workingConditions,
      periodFrom: listing.periodFrom,
      periodUntil: listing.periodUntil,
      validUntil: listing.validUntil,
      admittedAt: listing.admittedAt,
    });
  }
  return { city: { id: city.id, name: city.name }, items };
}

/** The public list as an Excel workbook (one sheet, Chinese headers with English below). */
export async function admittedItemsWorkbook(
  db: Db,
  options: { cityId: string; q?: string },
): Promise<{ filename: string; bytes: Buffer }> {
  const { city, items } = await admittedItems(db, options);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '社区治理法定程序';
  const sheet = workbook.addWorksheet('准入事项清单');
  const columns: [string, string, number, (i: AdmittedItem, n: number) => string | number | null][] = [
    ['序号', 'No.', 6, (_, n) => n],
    ['事项名称', 'Item', 28, (i) => i.itemName],
    ['类别', 'Classification', 12, (i) => SA_CLASSIFICATION_NAMES[i.classification]['zh-CN']],
    ['法律依据', 'Legal basis', 36, (i) => i.legalBasis],
    ['申请部门', 'Department', 22, (i) => i.department],
    ['县（市、区）', 'County', 14, (i) => i.county],
    ['涉及社区', 'Communities', 30, (i) => i.communities.join('、')],
    ['工作量', 'Workload', 24, (i) => i.workloadEstimate],
    ['经费（元）', 'Funding (yuan)', 14, (i) => i.fundingAmount],
    ['经费承担方', 'Paid by', 20, (i) => i.fundingPayer],
    ['权限随转', 'Authority transferred', 10, (i) => (i.authorityTransferred ? '是' : '否')],
    ['工作条件', 'Working conditions', 30, (i) => i.workingConditions],
    ['期限起', 'From', 12, (i) => i.periodFrom],
    ['期限止', 'Until', 12, (i) => i.periodUntil],
    ['案件编号', 'Case number', 18, (i) => i.number],
  ];
  sheet.columns = columns.map(([, , width], index) => ({ key: `c${index}`, width }));
  sheet.addRow(columns.map(([zh]) => zh)).font = { bold: true };
  sheet.addRow(columns.map(([, en]) => en)).font = { italic: true, color: { argb: 'FF666666' } };
  items.forEach((item, index) => sheet.addRow(columns.map(([, , , value]) => value(item, index + 1))));
  sheet.getColumn(9).numFmt = '#,##0.00';
  sheet.views = [{ state: 'frozen', ySplit: 2 }];
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  return { filename: `${city.name}-社区工作事项准入清单.xlsx`, bytes };
}

/** The published outcomes of community reports in a city; the committee is named only when it did not ask otherwise. */
export async function publishedReports(db: Db, options: { cityId: string }) {
  const city = await findCity(db, options.cityId);
  const rows = await db.case.findMany({
    where: {
      procedure: SERVICE_ADMISSION_REPORT,
      organization: { path: { startsWith: city.path } },
      data: { path: ['stage'], equals: 'published' },
    },
    select: { number: true, data: true },
    orderBy: { closedAt: 'desc' },
    take: 500,
  });
  const items: z.infer<typeof publishedReport>[] = rows.flatMap((row) => {
    const publication = (row.data as unknown as ServiceItemReportCaseData).publication;
    return publication ? [{ number: row.number, ...publication }] : [];
  });
  return { city: { id: city.id, name: city.name }, items };
}
