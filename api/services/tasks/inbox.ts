import type { z } from 'zod';
import type { Db } from '../../../runtime/db';
import { AppError } from '../../../domain/errors';
import type { Caller } from '../../plugins/app/auth';
import { currentMembership, isInScope } from '../../authz/organization-scope';
import type { inboxFilter, inboxItem, inboxQuery } from '../../schemas/inbox';
import { requireSupervision } from '../../authz/task-scope';

type InboxQuery = z.infer<typeof inboxQuery>;
type InboxFilter = z.infer<typeof inboxFilter>;

/**
 * The inbox is one hand-written SQL statement (the busiest read of the product; see README, Benchmark), built from
 * conditions with numbered parameters. Its indexes are in prisma/schema.prisma and migration `inbox_indexes`.
 */
class Statement {
  readonly values: unknown[] = [];
  readonly where: string[] = [];
  /** A parameter placeholder for `value`. */
  p(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * The caller's scope, per view: their own tasks, the tasks offered to their membership's organization and role and
 * not claimed, or (supervision, not for residents) every task offered anywhere in their organization's subtree. Each of the first two
 * implies the actionable scope (assigned to the caller, or offered to their membership).
 */
function scopeTo(sql: Statement, caller: Caller, view: InboxFilter['view']): void {
  const membership = currentMembership(caller);
  // "Mine" includes the tasks of colleagues who delegated theirs to the caller for a period (委托/代理).
  if (view === 'mine') {
    const holders = [caller.userId, ...(caller.actingFor ?? [])];
    sql.where.push(
      holders.length === 1 ? `t.assignee_id = ${sql.p(caller.userId)}::uuid` : `t.assignee_id = ANY(${sql.p(holders)}::uuid[])`,
    );
  } else if (view === 'unclaimed') {
    sql.where.push(
      `t.candidate_org_id = ${sql.p(membership.organizationId)}::uuid`,
      `t.candidate_role = ${sql.p(membership.role)}::"Role"`,
      `t.assignee_id IS NULL`,
      `t.status = 'OPEN'`,
    );
  } else {
    requireSupervision(caller);
    sql.where.push(subtree(sql, membership.organizationId));
  }
}

/** Tasks offered to an organization or anything below it (GIN index on the ancestors array). */
function subtree(sql: Statement, organizationId: string): string {
  return `t.candidate_org_ancestors @> ARRAY[${sql.p(organizationId)}::uuid]`;
}

/** `%text%` for ILIKE, with the pattern characters of the text taken literally. */
function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

async function filterBy(sql: Statement, db: Db, caller: Caller, filter: InboxFilter, now: Date): Promise<void> {
  if (filter.procedure) sql.where.push(`t.procedure = ${sql.p(filter.procedure)}`);
  if (filter.kind) sql.where.push(`t.kind = ${sql.p(filter.kind)}`);
  // Every view lists open tasks (待办) unless a status is asked for: done and cancelled tasks are not to-dos.
  if (filter.status) sql.where.push(`t.status = ${sql.p(filter.status)}::"TaskStatus"`);
  else sql.where.push(`t.status = 'OPEN'`);
  if (filter.dueBefore) sql.where.push(`t.due_at < ${sql.p(new Date(filter.dueBefore))}::timestamptz`);
  if (filter.overdue === 'true') sql.where.push(`t.status = 'OPEN'`, `t.due_at < ${sql.p(now)}::timestamptz`);
  if (filter.overdue === 'false') sql.where.push(`(t.due_at IS NULL OR t.due_at >= ${sql.p(now)}::timestamptz)`);
  if (filter.organizationId) {
    const org = await db.organization.findUnique({ where: { id: filter.organizationId }, select: { id: true, path: true } });
    if (!org || !isInScope(caller, org.path)) throw new AppError('NOT_FOUND');
    sql.where.push(subtree(sql, org.id));
  }
  if (filter.q) {
    // Trigram indexes on case number and title (pg_trgm) find the matching cases first (an init plan, planned on its
    // own), then their tasks come by case_id.
    const pattern = sql.p(containing(filter.q));
    sql.where.push(
      `t.case_id = ANY (ARRAY(SELECT c.id FROM "case" c WHERE c.number ILIKE ${pattern} OR c.title ILIKE ${pattern}))`,
    );
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SORT_COLUMNS = { dueAt: 'due_at', createdAt: 'created_at' } as const;

interface InboxRow {
  id: string;
  case_id: string;
  case_number: string;
  case_title: string;
  procedure: string;
  kind: string;
  form_id: string;
  status: 'OPEN' | 'COMPLETED' | 'CANCELLED';
  candidate_org_id: string;
  candidate_org_name: string;
  candidate_role: string;
  assignee_id: string | null;
  assignee_name: string | null;
  due_at: Date | null;
  reminded_at: Date | null;
  escalated_at: Date | null;
  calendar_warning: string | null;
  created_at: Date;
}

/**
 * The inbox statement for a caller and query: scope, filters, keyset page after the cursor's row, in (sort field
 * nulls last, id) order. Exported so the benchmark can show its plan.
 */
/** What an inbox read takes: the caller's query, answered as of `now` (overdue, due soon). */
interface InboxOptions {
  db: Db;
  caller: Caller;
  query: InboxQuery;
  now?: Date;
}

export async function inboxStatement({
  db,
  caller,
  query,
  now = new Date(),
}: InboxOptions): Promise<{ text: string; values: unknown[] }> {
  const sql = new Statement();
  scopeTo(sql, caller, query.view);
  await filterBy(sql, db, caller, query, now);
  const descending = query.sort.startsWith('-');
  const column = `t.${SORT_COLUMNS[(descending ? query.sort.slice(1) : query.sort) as keyof typeof SORT_COLUMNS]}`;
  const direction = descending ? 'DESC' : 'ASC';
  if (query.cursor) {
    const cursorId = Buffer.from(query.cursor, 'base64url').toString('utf8');
    // A cursor that names no task (malformed, or the task is gone) ends the list.
    const rows = UUID.test(cursorId)
      ? await db.$queryRawUnsafe<{ v: Date | null }[]>(`SELECT ${column.slice(2)} AS v FROM task WHERE id = $1::uuid`, cursorId)
      : [];
    if (rows.length === 0) sql.where.push('false');
    else {
      const after = descending ? '<' : '>';
      const id = sql.p(cursorId);
      const value = rows[0]!.v;
      sql.where.push(
        value === null
          ? `(${column} IS NULL AND t.id ${after} ${id}::uuid)`
          : `((${column}, t.id) ${after} (${sql.p(value)}::timestamptz, ${id}::uuid) OR ${column} IS NULL)`,
      );
    }
  }
  // The page is chosen first, reading as few columns as possible (so the subtree view can be an index-only scan of
  // task_open_due_subtree_idx), then its rows are read by primary key and named by key lookups.
  const order = `${column} ${direction} NULLS LAST, t.id ${direction}`;
  const text = `
    SELECT t.id, t.case_id, t.procedure, t.kind, t.form_id, t.status, t.candidate_org_id, t.candidate_role, t.assignee_id,
      t.due_at, t.reminded_at, t.escalated_at, t.calendar_warning, t.created_at,
      (SELECT c.number FROM "case" c WHERE c.id = t.case_id) AS case_number,
      (SELECT c.title FROM "case" c WHERE c.id = t.case_id) AS case_title,
      (SELECT o.name FROM organization o WHERE o.id = t.candidate_org_id) AS candidate_org_name,
      (SELECT u.display_name FROM app_user u WHERE u.id = t.assignee_id) AS assignee_name
    FROM (
      SELECT t.id FROM task t
      WHERE ${sql.where.join('\n        AND ')}
      ORDER BY ${order}
      LIMIT ${sql.p(query.limit + 1)}
    ) page
    JOIN task t ON t.id = page.id
    ORDER BY ${order}`;
  return { text, values: sql.values };
}

function warningOf(task: InboxRow, now: Date): z.infer<typeof inboxItem>['warning'] {
  if (task.status !== 'OPEN') return 'none';
  if (task.escalated_at) return 'red';
  if (task.due_at && task.due_at <= now) return 'yellow';
  return task.reminded_at ? 'reminded' : 'none';
}

/** Cursor = base64url of the last item's id; the order is (sort field, id), so pages never skip or repeat. */
export async function listInbox({ db, caller, query, now = new Date() }: InboxOptions) {
  const statement = await inboxStatement({ db, caller, query, now });
  const rows = await db.$queryRawUnsafe<InboxRow[]>(statement.text, ...statement.values);
  const page = rows.slice(0, query.limit);
  return {
    items: page.map((t) => ({
      id: t.id,
      caseId: t.case_id,
      caseNumber: t.case_number,
      caseTitle: t.case_title,
      procedure: t.procedure,
      kind: t.kind,
      formId: t.form_id,
      status: t.status,
      candidateOrgId: t.candidate_org_id,
      candidateOrgName: t.candidate_org_name,
      candidateRole: t.candidate_role,
      assigneeId: t.assignee_id,
      assigneeName: t.assignee_name,
      dueAt: t.due_at?.toISOString() ?? null,
      warning: warningOf(t, now),
      calendarWarning: t.calendar_warning,
      createdAt: t.created_at.toISOString(),
    })),
    nextCursor: rows.length > query.limit ? Buffer.from(page[page.length - 1]!.id, 'utf8').toString('base64url') : null,
  };
}
