import { and, asc, count, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { ReformTaskInput, ReformTaskListQuery } from '../../../shared/reform';
import type { ZoneScope } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import type { Db, Executor } from '../../platform/db';
import { likePattern, offsetOf, orderBy } from '../../platform/db/paging';
import { notFound } from '../../platform/errors';
import type { ExportColumn } from '../../platform/excel/export';
import { registerConstraintField } from '../../platform/http/error-handler';
import { reformTasks as tasks } from './reform.tables';
import { todayInChina } from './reform.whistle.repository';

registerConstraintField('reform_tasks_zone_code_uq', 'code');

export type TaskRow = typeof tasks.$inferSelect & { late: boolean };

/** Past its deadline and not done, or done after it (today in Asia/Shanghai). */
const lateSql = (today: string) =>
  sql<boolean>`(case when ${tasks.status} = 'done' then coalesce(${tasks.completedOn} > ${tasks.deadline}, false)
    else ${tasks.deadline} < ${today}::date end)`;

function query(scope: ZoneScope, q: Omit<ReformTaskListQuery, 'current' | 'pageSize'>, today: string) {
  const where: SQL[] = [eq(tasks.zoneId, scope.zoneId)];
  if (q.status) where.push(eq(tasks.status, q.status));
  if (q.workGroup) where.push(eq(tasks.workGroup, q.workGroup));
  if (q.late) where.push(q.late === 'true' ? lateSql(today) : sql`not ${lateSql(today)}`);
  if (q.q) {
    const p = likePattern(q.q.trim());
    where.push(or(ilike(tasks.title, p), ilike(tasks.code, p), ilike(tasks.owner, p)) as SQL);
  }
  const order = orderBy(
    q,
    { code: tasks.code, deadline: tasks.deadline, workGroup: tasks.workGroup, status: tasks.status },
    asc(tasks.code),
    tasks.id,
  );
  return { cond: and(...where), order };
}

const cols = (today: string) => ({ t: tasks, late: lateSql(today) });
const flat = (r: { t: typeof tasks.$inferSelect; late: boolean }): TaskRow => ({ ...r.t, late: r.late });

export async function listTasks(ex: Executor, scope: ZoneScope, q: ReformTaskListQuery) {
  const today = todayInChina();
  const { cond, order } = query(scope, q, today);
  const [data, [total]] = await Promise.all([
    ex
      .select(cols(today))
      .from(tasks)
      .where(cond)
      .orderBy(...order)
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    ex.select({ n: count() }).from(tasks).where(cond),
  ]);
  return { data: data.map(flat), total: total?.n ?? 0 };
}

export async function taskPage(
  ex: Executor,
  scope: ZoneScope,
  q: Omit<ReformTaskListQuery, 'current' | 'pageSize'>,
  offset: number,
  limit: number,
) {
  const today = todayInChina();
  const { cond, order } = query(scope, q, today);
  const rows = await ex
    .select(cols(today))
    .from(tasks)
    .where(cond)
    .orderBy(...order)
    .limit(limit)
    .offset(offset);
  return rows.map(flat);
}

export async function getTask(ex: Executor, scope: ZoneScope, id: string) {
  const [row] = await ex
    .select(cols(todayInChina()))
    .from(tasks)
    .where(and(eq(tasks.zoneId, scope.zoneId), eq(tasks.id, id)));
  return row ? flat(row) : undefined;
}

/** A task not done carries no completion date. */
const normalise = (input: ReformTaskInput) => ({
  ...input,
  completedOn: input.status === 'done' ? input.completedOn : null,
});

export async function createTask(db: Db, scope: ZoneScope, input: ReformTaskInput) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(tasks)
      .values({ ...normalise(input), zoneId: scope.zoneId })
      .returning();
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'create',
      entity: 'reform_task',
      entityId: row!.id,
      after: row,
    });
    return (await getTask(tx, scope, row!.id))!;
  });
}

export async function updateTask(db: Db, scope: ZoneScope, id: string, input: ReformTaskInput) {
  return db.transaction(async (tx) => {
    const before = await getTask(tx, scope, id);
    if (!before) throw notFound();
    const [row] = await tx
      .update(tasks)
      .set({ ...normalise(input), updatedAt: new Date() })
      .where(and(eq(tasks.zoneId, scope.zoneId), eq(tasks.id, id)))
      .returning();
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'update',
      entity: 'reform_task',
      entityId: id,
      before,
      after: row,
    });
    return (await getTask(tx, scope, id))!;
  });
}

export async function deleteTask(db: Db, scope: ZoneScope, id: string) {
  await db.transaction(async (tx) => {
    const before = await getTask(tx, scope, id);
    if (!before) throw notFound();
    await tx.delete(tasks).where(and(eq(tasks.zoneId, scope.zoneId), eq(tasks.id, id)));
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'delete',
      entity: 'reform_task',
      entityId: id,
      before,
    });
  });
}

const c = (key: keyof TaskRow, zh: string, en: string, width = 14, type: 'string' | 'date' | 'bool' = 'string') => ({
  column: { key, header: { 'zh-CN': zh, 'en-US': en }, type, width },
  value: (r: TaskRow) => r[key],
});
const statusZh = { not_started: '未开始', in_progress: '推进中', done: '已完成' } as const;
export const taskExportColumns: ExportColumn<TaskRow>[] = [
  c('code', '编号', 'Code', 10),
  c('title', '任务', 'Task', 40),
  c('workGroup', '专项工作组', 'Working group', 16),
  c('owner', '责任人', 'Owner'),
  c('deadline', '完成时限', 'Deadline', 12, 'date'),
  {
    column: { key: 'status', header: { 'zh-CN': '状态', 'en-US': 'Status' }, type: 'string' },
    value: (r) => statusZh[r.status],
  },
  c('completedOn', '完成日期', 'Completed on', 12, 'date'),
  c('late', '逾期', 'Late', 8, 'bool'),
  c('evidence', '佐证材料', 'Evidence', 40),
];
