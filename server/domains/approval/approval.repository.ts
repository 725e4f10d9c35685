import { and, arrayContains, asc, count, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import {
  type ApprovalRules,
  type AuthorityLink,
  approvalRulesSchema,
  type Case,
  type CaseListQuery,
  DEFAULT_RULES,
  type ItemListQuery,
} from '../../../shared/approval';
import type { ZoneScope } from '../../platform/access';
import type { WorkCalendar } from '../../platform/calendar';
import type { Executor } from '../../platform/db';
import { likePattern, offsetOf, orderBy } from '../../platform/db/paging';
import { type Binder, binder, bindWith, cachedStatement } from '../../platform/db/statements';
import { users } from '../auth/auth.tables';
import { enterprises } from '../enterprises/enterprises.tables';
import { departments } from '../org/org.tables';
import { publishedAuthorityItems } from '../reform/reform.authority.repository';
import { computeClock } from './approval.clock';
import { approvalCaseEvents, approvalCases, approvalItems, approvalRules } from './approval.tables';

export { todayInChina } from '../../../shared/china-time';

// ---- rules -----------------------------------------------------------------------------------------------------

export async function rulesOf(ex: Executor, zoneId: string, year: number): Promise<ApprovalRules> {
  return (await rulesInForce(ex, zoneId, year)).params;
}

/** The parameters in force in a year: those saved for it or the latest earlier year, else the defaults. */
export async function rulesInForce(ex: Executor, zoneId: string, year: number) {
  // Read on every case list and detail: built once, executed with this zone and year.
  const statement = cachedStatement(ex, 'approval.rulesInForce', () =>
    ex
      .select({ year: approvalRules.year, params: approvalRules.params })
      .from(approvalRules)
      .where(
        and(
          eq(approvalRules.zoneId, sql.placeholder('zoneId')),
          sql`${approvalRules.year} <= ${sql.placeholder('year')}`,
        ),
      )
      .orderBy(desc(approvalRules.year))
      .limit(1)
      .prepare(''),
  );
  const [row] = await statement.execute({ zoneId, year });
  return row
    ? { fromYear: row.year, params: approvalRulesSchema.parse(row.params) }
    : { fromYear: null, params: DEFAULT_RULES };
}

export async function savedRuleYears(ex: Executor, zoneId: string) {
  const rows = await ex
    .select({ year: approvalRules.year, updatedAt: approvalRules.updatedAt })
    .from(approvalRules)
    .where(eq(approvalRules.zoneId, zoneId))
    .orderBy(desc(approvalRules.year));
  return rows.map((r) => ({ year: r.year, updatedAt: r.updatedAt.toISOString() }));
}

// ---- catalogue ---------------------------------------------------------------------------------------------------

const itemColumns = { i: approvalItems, leadDepartmentName: departments.name };
const flattenItem = (r: { i: typeof approvalItems.$inferSelect; leadDepartmentName: string | null }) => ({
  ...r.i,
  leadDepartmentName: r.leadDepartmentName,
});
export type ItemRow = ReturnType<typeof flattenItem>;

function itemQuery(scope: ZoneScope, q: Omit<ItemListQuery, 'current' | 'pageSize'>) {
  const where: SQL[] = [eq(approvalItems.zoneId, scope.zoneId)];
  if (q.type) where.push(eq(approvalItems.type, q.type));
  if (q.stage) where.push(eq(approvalItems.stage, q.stage));
  if (q.leadDepartmentId) where.push(eq(approvalItems.leadDepartmentId, q.leadDepartmentId));
  if (q.online) where.push(eq(approvalItems.online, q.online === 'true'));
  if (q.q) {
    where.push(or(ilike(approvalItems.name, likePattern(q.q)), ilike(approvalItems.code, likePattern(q.q))) as SQL);
  }
  const order = orderBy(
    q,
    {
      code: approvalItems.code,
      name: approvalItems.name,
      stage: approvalItems.stage,
      statutoryDays: approvalItems.statutoryDays,
      committedDays: approvalItems.committedDays,
    },
    asc(approvalItems.code),
    approvalItems.id,
  );
  return { cond: and(...where), order };
}

export async function itemPage(
  ex: Executor,
  scope: ZoneScope,
  q: Omit<ItemListQuery, 'current' | 'pageSize'>,
  offset: number,
  limit: number,
): Promise<ItemRow[]> {
  const { cond, order } = itemQuery(scope, q);
  const rows = await ex
    .select(itemColumns)
    .from(approvalItems)
    .leftJoin(departments, eq(departments.id, approvalItems.leadDepartmentId))
    .where(cond)
    .orderBy(...order)
    .limit(limit)
    .offset(offset);
  return rows.map(flattenItem);
}

/** The powers of the zone's currently published authority list (retained / newly empowered), by stable code. */
export async function publishedPowers(ex: Executor, zoneId: string): Promise<Map<string, AuthorityLink>> {
  const rows = await publishedAuthorityItems(ex, zoneId);
  return new Map(
    rows.map((r) => [
      r.code,
      {
        code: r.code,
        name: r.name,
        source: r.source as AuthorityLink['source'],
        handling: r.handling,
        grantingDept: r.grantingDept,
      },
    ]),
  );
}

const withAuthority = (powers: Map<string, AuthorityLink>) => (r: ItemRow) => ({
  ...r,
  authority: r.authorityItemCode ? (powers.get(r.authorityItemCode) ?? null) : null,
});

export async function listItems(ex: Executor, scope: ZoneScope, q: ItemListQuery) {
  const { cond } = itemQuery(scope, q);
  const [data, [total], powers] = await Promise.all([
    itemPage(ex, scope, q, offsetOf(q), q.pageSize),
    ex.select({ n: count() }).from(approvalItems).where(cond),
    publishedPowers(ex, scope.zoneId),
  ]);
  return { data: data.map(withAuthority(powers)), total: total?.n ?? 0 };
}

async function itemRow(ex: Executor, scope: ZoneScope, id: string): Promise<ItemRow | undefined> {
  const [row] = await ex
    .select(itemColumns)
    .from(approvalItems)
    .leftJoin(departments, eq(departments.id, approvalItems.leadDepartmentId))
    .where(and(eq(approvalItems.zoneId, scope.zoneId), eq(approvalItems.id, id)));
  return row ? flattenItem(row) : undefined;
}

export async function getItem(ex: Executor, scope: ZoneScope, id: string) {
  const row = await itemRow(ex, scope, id);
  return row ? withAuthority(await publishedPowers(ex, scope.zoneId))(row) : undefined;
}

export async function itemsByIds(ex: Executor, zoneId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return ex
    .select()
    .from(approvalItems)
    .where(and(eq(approvalItems.zoneId, zoneId), inArray(approvalItems.id, ids)));
}

// ---- cases -------------------------------------------------------------------------------------------------------

/**
 * Who sees which case: the zone; an enterprise user only its own enterprise's cases; department staff and heads
 * their department's (lead department); a service officer its department's plus the cases it files as agent.
 */
export function caseScope(scope: ZoneScope, b?: Binder): SQL {
  const v = bindWith(b);
  const role = scope.actor.role;
  // Each role's branch binds its own names, so a cached statement's shape tells the branches apart.
  if (role === 'enterprise') {
    if (!scope.enterpriseId) return sql`false`;
    return and(
      eq(approvalCases.zoneId, v('zoneId', scope.zoneId)),
      eq(approvalCases.enterpriseId, v('scopeEnterpriseId', scope.enterpriseId)),
    ) as SQL;
  }
  if (role === 'dept_head' || role === 'dept_staff') {
    if (!scope.departmentId) return sql`false`;
    return and(
      eq(approvalCases.zoneId, v('zoneId', scope.zoneId)),
      eq(approvalCases.leadDepartmentId, v('scopeDepartmentId', scope.departmentId)),
    ) as SQL;
  }
  const base = eq(approvalCases.zoneId, v('zoneId', scope.zoneId));
  if (role === 'service_officer') {
    const mine = eq(approvalCases.agentUserId, v('scopeAgentId', scope.actor.userId));
    return and(
      base,
      scope.departmentId
        ? or(mine, eq(approvalCases.leadDepartmentId, v('scopeAgentDepartmentId', scope.departmentId)))
        : mine,
    ) as SQL;
  }
  return base;
}

const caseColumns = {
  c: approvalCases,
  enterpriseName: enterprises.name,
  leadDepartmentName: departments.name,
  agentName: users.displayName,
};
type CaseJoin = {
  c: typeof approvalCases.$inferSelect;
  enterpriseName: string | null;
  leadDepartmentName: string | null;
  agentName: string | null;
};
export type CaseRecord = typeof approvalCases.$inferSelect;

function caseQuery(scope: ZoneScope, q: Omit<CaseListQuery, 'current' | 'pageSize'>, b?: Binder) {
  const v = bindWith(b);
  const where: SQL[] = [caseScope(scope, b)];
  if (q.status) where.push(eq(approvalCases.status, v('status', q.status)));
  if (q.itemId) where.push(arrayContains(approvalCases.itemIds, v('itemId', [q.itemId])));
  if (q.leadDepartmentId) where.push(eq(approvalCases.leadDepartmentId, v('leadDepartmentId', q.leadDepartmentId)));
  if (q.enterpriseId) where.push(eq(approvalCases.enterpriseId, v('enterpriseId', q.enterpriseId)));
  if (q.projectCode) where.push(eq(approvalCases.projectCode, v('projectCode', q.projectCode)));
  if (q.light === 'overdue') where.push(eq(approvalCases.overdue, v('overdue', true)));
  if (q.light === 'open') {
    b?.mark('open');
    where.push(sql`${approvalCases.decidedOn} is null and ${approvalCases.closedOn} is null`);
  }
  if (q.q) {
    const p = likePattern(q.q);
    where.push(
      or(
        ilike(approvalCases.caseNo, v('qCaseNo', p)),
        ilike(approvalCases.projectName, v('qProject', p)),
        ilike(enterprises.name, v('qEnterprise', p)),
      ) as SQL,
    );
  }
  const order = orderBy(
    q,
    {
      caseNo: approvalCases.caseNo,
      submittedOn: sql`coalesce(${approvalCases.submittedOn}, '0001-01-01'::date)`,
      committedDue: sql`coalesce(${approvalCases.committedDue}, '9999-12-31'::date)`,
      status: approvalCases.status,
      createdAt: approvalCases.createdAt,
    },
    desc(approvalCases.createdAt),
    approvalCases.id,
  );
  return { cond: and(...where), order };
}

function joined(ex: Executor) {
  return ex
    .select(caseColumns)
    .from(approvalCases)
    .innerJoin(enterprises, eq(enterprises.id, approvalCases.enterpriseId))
    .leftJoin(departments, eq(departments.id, approvalCases.leadDepartmentId))
    .leftJoin(users, eq(users.id, approvalCases.agentUserId));
}

/** Rows → API shape with item names and the live clock. */
export async function presentCases(
  ex: Executor,
  rows: CaseJoin[],
  cal: WorkCalendar,
  rules: ApprovalRules,
  today: string,
): Promise<Case[]> {
  const ids = [...new Set(rows.flatMap((r) => r.c.itemIds))];
  const names = new Map<string, string>();
  if (ids.length > 0) {
    // One statement for any number of ids (an IN list would be a new SQL text, and prepared statement, per count).
    const statement = cachedStatement(ex, 'approval.itemNames', () =>
      ex
        .select({ id: approvalItems.id, name: approvalItems.name })
        .from(approvalItems)
        .where(sql`${approvalItems.id} = any(${sql.placeholder('ids')})`)
        .prepare(''),
    );
    const items = await statement.execute({ ids });
    for (const i of items) names.set(i.id, i.name);
  }
  return rows.map(({ c, enterpriseName, leadDepartmentName, agentName }) => ({
    id: c.id,
    zoneId: c.zoneId,
    caseNo: c.caseNo,
    itemIds: c.itemIds,
    itemNames: c.itemIds.map((i) => names.get(i) ?? ''),
    bundle: c.itemIds.length > 1,
    enterpriseId: c.enterpriseId,
    enterpriseName: enterpriseName ?? '',
    leadDepartmentId: c.leadDepartmentId,
    leadDepartmentName,
    projectName: c.projectName,
    projectCode: c.projectCode,
    stage: c.stage,
    mode: c.mode,
    online: c.online,
    status: c.status,
    outcome: c.outcome,
    committedDays: c.committedDays,
    statutoryDays: c.statutoryDays,
    extensionDays: c.extensionDays,
    extensionApprover: c.extensionApprover,
    materials: c.materials,
    suppliedMaterials: c.suppliedMaterials,
    attachments: c.attachments,
    correctionList: c.correctionList,
    rongqueMaterials: c.rongqueMaterials,
    rongqueDue: c.rongqueDue,
    verificationDue: c.verificationDue,
    suspensions: c.suspensions,
    agentUserId: c.agentUserId,
    agentName,
    submittedOn: c.submittedOn,
    acceptedOn: c.acceptedOn,
    decidedOn: c.decidedOn,
    closedOn: c.closedOn,
    form: c.form,
    clock: computeClock(cal, c, today, rules),
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  }));
}

export async function casePage(
  ex: Executor,
  scope: ZoneScope,
  q: Omit<CaseListQuery, 'current' | 'pageSize'>,
  offset: number,
  limit: number,
) {
  // Built once per shape (role branch, filters present, sort) and executed with this request's values.
  const b = binder();
  const { cond, order } = caseQuery(scope, q, b);
  const page = cachedStatement(ex, `approval.page|${b.shape()}|${q.sortField ?? ''}|${q.sortOrder ?? ''}`, () =>
    joined(ex)
      .where(cond)
      .orderBy(...order)
      .limit(sql.placeholder('limit'))
      .offset(sql.placeholder('offset'))
      .prepare(''),
  );
  return page.execute({ ...b.values, limit, offset });
}

export async function countCases(ex: Executor, scope: ZoneScope, q: Omit<CaseListQuery, 'current' | 'pageSize'>) {
  const b = binder();
  const { cond } = caseQuery(scope, q, b);
  const total = cachedStatement(ex, `approval.count|${b.shape()}`, () =>
    ex
      .select({ n: count() })
      .from(approvalCases)
      .innerJoin(enterprises, eq(enterprises.id, approvalCases.enterpriseId))
      .where(cond)
      .prepare(''),
  );
  const [row] = await total.execute(b.values);
  return row?.n ?? 0;
}

export async function getCaseRow(ex: Executor, scope: ZoneScope, id: string): Promise<CaseJoin | undefined> {
  const [row] = await joined(ex).where(and(caseScope(scope), eq(approvalCases.id, id)));
  return row;
}

export async function caseEvents(ex: Executor, zoneId: string, caseId: string) {
  return ex
    .select()
    .from(approvalCaseEvents)
    .where(and(eq(approvalCaseEvents.zoneId, zoneId), eq(approvalCaseEvents.caseId, caseId)))
    .orderBy(asc(approvalCaseEvents.at), asc(approvalCaseEvents.on));
}

/** Public lookup by case number: no zone, no login; the caller shapes what is shown (no personal data). */
export async function caseByNumber(ex: Executor, caseNo: string) {
  const [row] = await ex.select().from(approvalCases).where(eq(approvalCases.caseNo, caseNo));
  return row;
}
