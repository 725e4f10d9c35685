import { and, asc, count, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import {
  type ContractStaffInput,
  type ContractStaffListQuery,
  contractStaffInputSchema,
  type DispositionSummary,
  dispositionChannels,
  dispositionLabels,
  percent,
  RETAINED_CHANNEL,
} from '../../../shared/reform';
import type { ZoneScope } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import type { Db, Executor } from '../../platform/db';
import { insertMany } from '../../platform/db/bulk';
import { likePattern, offsetOf, orderBy } from '../../platform/db/paging';
import { notFound } from '../../platform/errors';
import type { ColumnSpec } from '../../platform/excel/columns';
import type { ExportColumn } from '../../platform/excel/export';
import type { ImportKind } from '../../platform/excel/kind';
import { registerConstraintField } from '../../platform/http/error-handler';
import { reformContractStaff as people, reformOrgSnapshots as snapshots } from './reform.tables';

registerConstraintField('reform_contract_staff_zone_person_uq', 'personNo');

export type ContractStaffRow = typeof people.$inferSelect;

function query(scope: ZoneScope, q: Omit<ContractStaffListQuery, 'current' | 'pageSize'>) {
  const where: SQL[] = [eq(people.zoneId, scope.zoneId)];
  if (q.channel) where.push(eq(people.channel, q.channel));
  if (q.q) {
    const p = likePattern(q.q.trim());
    where.push(or(ilike(people.name, p), ilike(people.personNo, p), ilike(people.formerUnit, p)) as SQL);
  }
  const order = orderBy(
    q,
    { personNo: people.personNo, name: people.name, channel: people.channel },
    asc(people.personNo),
    people.id,
  );
  return { cond: and(...where), order };
}

export async function listContractStaff(ex: Executor, scope: ZoneScope, q: ContractStaffListQuery) {
  const { cond, order } = query(scope, q);
  const [data, [total]] = await Promise.all([
    ex
      .select()
      .from(people)
      .where(cond)
      .orderBy(...order)
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    ex.select({ n: count() }).from(people).where(cond),
  ]);
  return { data, total: total?.n ?? 0 };
}

export function contractStaffPage(
  ex: Executor,
  scope: ZoneScope,
  q: Omit<ContractStaffListQuery, 'current' | 'pageSize'>,
  offset: number,
  limit: number,
) {
  const { cond, order } = query(scope, q);
  return ex
    .select()
    .from(people)
    .where(cond)
    .orderBy(...order)
    .limit(limit)
    .offset(offset);
}

export async function getContractStaff(ex: Executor, scope: ZoneScope, id: string) {
  const [row] = await ex
    .select()
    .from(people)
    .where(and(eq(people.zoneId, scope.zoneId), eq(people.id, id)));
  return row;
}

export async function createContractStaff(db: Db, scope: ZoneScope, input: ContractStaffInput) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(people)
      .values({ ...input, zoneId: scope.zoneId })
      .returning();
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'create',
      entity: 'reform_contract_staff',
      entityId: row!.id,
      after: row,
    });
    return row!;
  });
}

/** A person's channel can be corrected; the person stays one row (never counted twice). */
export async function updateContractStaff(db: Db, scope: ZoneScope, id: string, input: ContractStaffInput) {
  return db.transaction(async (tx) => {
    const before = await getContractStaff(tx, scope, id);
    if (!before) throw notFound();
    const [row] = await tx
      .update(people)
      .set(input)
      .where(and(eq(people.zoneId, scope.zoneId), eq(people.id, id)))
      .returning();
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'update',
      entity: 'reform_contract_staff',
      entityId: id,
      before,
      after: row,
    });
    return row!;
  });
}

export async function deleteContractStaff(db: Db, scope: ZoneScope, id: string) {
  await db.transaction(async (tx) => {
    const before = await getContractStaff(tx, scope, id);
    if (!before) throw notFound();
    await tx.delete(people).where(and(eq(people.zoneId, scope.zoneId), eq(people.id, id)));
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'delete',
      entity: 'reform_contract_staff',
      entityId: id,
      before,
    });
  });
}

/** Counts per channel of a zone's roster (every channel listed, zeros included). */
export async function channelCounts(ex: Executor, zoneId: string) {
  const rows = await ex
    .select({ channel: people.channel, n: count() })
    .from(people)
    .where(eq(people.zoneId, zoneId))
    .groupBy(people.channel);
  const by = new Map(rows.map((r) => [r.channel, r.n]));
  return dispositionChannels.map((channel) => ({ channel, count: by.get(channel) ?? 0 }));
}

/**
 * DOMAIN.md §1 七个一批: the roster's people per channel. Balanced when the roster holds exactly the contract
 * staff counted before the reform and the retained channel holds exactly those counted after it.
 */
export async function dispositionSummary(ex: Executor, scope: ZoneScope): Promise<DispositionSummary> {
  const counts = await channelCounts(ex, scope.zoneId);
  const roster = counts.reduce((s, c) => s + c.count, 0);
  const snaps = await ex
    .select({ phase: snapshots.phase, contractStaff: snapshots.contractStaff })
    .from(snapshots)
    .where(eq(snapshots.zoneId, scope.zoneId));
  const before = snaps.find((s) => s.phase === 'before')?.contractStaff ?? null;
  const after = snaps.find((s) => s.phase === 'after')?.contractStaff ?? null;
  const retained = counts.find((c) => c.channel === RETAINED_CHANNEL)!.count;
  return {
    channels: counts.map((c) => ({ ...c, share: percent(c.count, roster) })),
    roster,
    before,
    after,
    retained,
    balanced: before !== null && after !== null && roster === before && retained === after,
  };
}

// ---- Excel ----------------------------------------------------------------------------------------------------

export const contractStaffColumns = [
  {
    key: 'personNo',
    header: { 'zh-CN': '人员编号', 'en-US': 'Person no.' },
    type: 'string',
    required: true,
    example: 'BW-0001',
    width: 12,
  },
  { key: 'name', header: { 'zh-CN': '姓名', 'en-US': 'Name' }, type: 'string', required: true, example: '王芳' },
  {
    key: 'formerUnit',
    header: { 'zh-CN': '原所在单位', 'en-US': 'Former unit' },
    type: 'string',
    example: '社会事务局',
    width: 18,
  },
  {
    key: 'channel',
    header: { 'zh-CN': '分流渠道', 'en-US': 'Channel' },
    type: 'enum',
    required: true,
    options: dispositionChannels.map((value) => ({
      value,
      label: { 'zh-CN': dispositionLabels[value], 'en-US': value },
    })),
    example: '考试留用一批',
    width: 16,
  },
  { key: 'decidedOn', header: { 'zh-CN': '确定日期', 'en-US': 'Decided on' }, type: 'date', example: '2024-06-30' },
  { key: 'note', header: { 'zh-CN': '备注', 'en-US': 'Note' }, type: 'string' },
] as const satisfies readonly ColumnSpec[];

export const contractStaffExportColumns: ExportColumn<ContractStaffRow>[] = contractStaffColumns.map((column) => ({
  column,
  value: (r: ContractStaffRow): unknown => r[column.key],
}));

type FileRow = z.infer<typeof contractStaffInputSchema>;
interface Ctx {
  taken: Set<string>;
  seen: Map<string, number>;
}

/** The roster import: all or nothing; a person number may appear once in the file and not yet in the zone. */
export const contractStaffImport: ImportKind<FileRow, typeof people.$inferInsert, Ctx> = {
  kind: 'reform-contract-staff',
  permission: 'reform.write',
  title: { 'zh-CN': '编外人员分流', 'en-US': 'Contract-staff disposition' },
  entity: 'reform_contract_staff',
  columns: contractStaffColumns,
  schema: contractStaffInputSchema as unknown as z.ZodType<FileRow>,
  async setup(ex, scope) {
    const rows = await ex.select({ no: people.personNo }).from(people).where(eq(people.zoneId, scope.zoneId));
    return { taken: new Set(rows.map((r) => r.no)), seen: new Map() };
  },
  async check(batch, ctx) {
    return batch.map(({ row, value: v }) => {
      const first = ctx.data.seen.get(v.personNo);
      if (first !== undefined) {
        ctx.error(row, 'personNo', 'IMPORT_DUPLICATE_IN_FILE', { row: first });
        return undefined;
      }
      ctx.data.seen.set(v.personNo, row);
      if (ctx.data.taken.has(v.personNo)) {
        ctx.error(row, 'personNo', 'IMPORT_ALREADY_EXISTS', { value: v.personNo });
        return undefined;
      }
      return { ...v, zoneId: ctx.scope.zoneId };
    });
  },
  commit: (tx, rows) => insertMany(tx, people, rows),
};
