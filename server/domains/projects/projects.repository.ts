import { and, asc, count, desc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
/** Today in China (dates of this domain are Asia/Shanghai calendar days). */
import { todayInChina as todayInShanghai } from '../../../shared/china-time';
import type { IssueListQuery, KeyProject, KeyProjectListQuery } from '../../../shared/projects';
import type { ZoneScope } from '../../platform/access';
import type { Executor } from '../../platform/db';
import { likePattern, offsetOf, orderBy } from '../../platform/db/paging';
import { enterprises } from '../enterprises/enterprises.tables';
import { departments } from '../org/org.tables';
import { subParks } from '../tenancy/tenancy.tables';
import { dispatchIssues, dispatchMeetings, keyProjectMonths, keyProjects, keyProjectYears } from './projects.tables';

export { todayInShanghai };

const yearOf = () => Number(todayInShanghai().slice(0, 4));

function columnsFor(year: number) {
  return {
    k: keyProjects,
    enterpriseName: enterprises.name,
    subParkName: subParks.name,
    unitName: departments.name,
    yearPlannedFen: sql<number>`coalesce((select ${keyProjectYears.plannedFen} from ${keyProjectYears}
      where ${keyProjectYears.keyProjectId} = "key_projects"."id" and ${keyProjectYears.year} = ${year}), 0)::bigint`,
    yearCompletedFen: sql<number>`coalesce((select sum(${keyProjectMonths.completedFen}) from ${keyProjectMonths}
      where ${keyProjectMonths.keyProjectId} = "key_projects"."id" and ${keyProjectMonths.year} = ${year}), 0)::bigint`,
    openIssues: sql<number>`(select count(*) from ${dispatchIssues}
      where ${dispatchIssues.keyProjectId} = "key_projects"."id" and ${dispatchIssues.status} = 'open')::int`,
  };
}

type Joined = {
  k: typeof keyProjects.$inferSelect;
  enterpriseName: string | null;
  subParkName: string | null;
  unitName: string | null;
  yearPlannedFen: number;
  yearCompletedFen: number;
  openIssues: number;
};

function present(r: Joined): KeyProject {
  return {
    ...r.k,
    enterpriseName: r.enterpriseName,
    subParkName: r.subParkName,
    unitName: r.unitName,
    yearPlannedFen: Number(r.yearPlannedFen),
    yearCompletedFen: Number(r.yearCompletedFen),
    openIssues: Number(r.openIssues),
    createdAt: r.k.createdAt.toISOString(),
    updatedAt: r.k.updatedAt.toISOString(),
  };
}

function base(ex: Executor, year: number) {
  return ex
    .select(columnsFor(year))
    .from(keyProjects)
    .leftJoin(enterprises, eq(enterprises.id, keyProjects.enterpriseId))
    .leftJoin(subParks, eq(subParks.id, keyProjects.subParkId))
    .leftJoin(departments, eq(departments.id, keyProjects.unitId));
}

export function keyProjectQuery(scope: ZoneScope, q: Omit<KeyProjectListQuery, 'current' | 'pageSize'>) {
  const where: SQL[] = [eq(keyProjects.zoneId, scope.zoneId)];
  if (q.level) where.push(eq(keyProjects.level, q.level));
  if (q.light) where.push(eq(keyProjects.light, q.light));
  if (q.subParkId) where.push(eq(keyProjects.subParkId, q.subParkId));
  if (q.q) {
    const p = likePattern(q.q);
    where.push(or(ilike(keyProjects.name, p), ilike(keyProjects.code, p), ilike(keyProjects.ownerName, p)) as SQL);
  }
  const order = orderBy(
    q,
    {
      code: keyProjects.code,
      name: keyProjects.name,
      plannedStart: keyProjects.plannedStart,
      totalInvestmentFen: keyProjects.totalInvestmentFen,
      light: sql`case ${keyProjects.light} when 'red' then 0 when 'yellow' then 1 else 2 end`,
    },
    asc(keyProjects.code),
    keyProjects.id,
  );
  return { cond: and(...where), order };
}

export async function listKeyProjects(ex: Executor, scope: ZoneScope, q: KeyProjectListQuery) {
  const { cond, order } = keyProjectQuery(scope, q);
  const [data, [total]] = await Promise.all([
    base(ex, yearOf())
      .where(cond)
      .orderBy(...order)
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    ex.select({ n: count() }).from(keyProjects).where(cond),
  ]);
  return { data: data.map(present), total: total?.n ?? 0 };
}

export async function keyProjectPage(
  ex: Executor,
  scope: ZoneScope,
  q: Omit<KeyProjectListQuery, 'current' | 'pageSize'>,
  offset: number,
  limit: number,
) {
  const { cond, order } = keyProjectQuery(scope, q);
  const rows = await base(ex, yearOf())
    .where(cond)
    .orderBy(...order)
    .limit(limit)
    .offset(offset);
  return rows.map(present);
}

export async function getKeyProject(ex: Executor, scope: ZoneScope, id: string) {
  const [row] = await base(ex, yearOf()).where(and(eq(keyProjects.zoneId, scope.zoneId), eq(keyProjects.id, id)));
  if (!row) return undefined;
  const [years, months] = await Promise.all([
    ex
      .select({ year: keyProjectYears.year, plannedFen: keyProjectYears.plannedFen })
      .from(keyProjectYears)
      .where(and(eq(keyProjectYears.zoneId, scope.zoneId), eq(keyProjectYears.keyProjectId, id)))
      .orderBy(asc(keyProjectYears.year)),
    ex
      .select({
        year: keyProjectMonths.year,
        month: keyProjectMonths.month,
        completedFen: keyProjectMonths.completedFen,
      })
      .from(keyProjectMonths)
      .where(and(eq(keyProjectMonths.zoneId, scope.zoneId), eq(keyProjectMonths.keyProjectId, id)))
      .orderBy(asc(keyProjectMonths.year), asc(keyProjectMonths.month)),
  ]);
  return { ...present(row), annualPlans: years, months };
}

/** Planned investment of `year` and completed investment of that year before month `beforeMonth` (1–12). */
export async function yearFigures(
  ex: Executor,
  zoneId: string,
  keyProjectId: string,
  year: number,
  beforeMonth: number,
) {
  const [[plan], [done]] = await Promise.all([
    ex
      .select({ v: keyProjectYears.plannedFen })
      .from(keyProjectYears)
      .where(
        and(
          eq(keyProjectYears.zoneId, zoneId),
          eq(keyProjectYears.keyProjectId, keyProjectId),
          eq(keyProjectYears.year, year),
        ),
      ),
    ex
      .select({ v: sql<number>`coalesce(sum(${keyProjectMonths.completedFen}), 0)::bigint` })
      .from(keyProjectMonths)
      .where(
        and(
          eq(keyProjectMonths.zoneId, zoneId),
          eq(keyProjectMonths.keyProjectId, keyProjectId),
          eq(keyProjectMonths.year, year),
          sql`${keyProjectMonths.month} < ${beforeMonth}`,
        ),
      ),
  ]);
  return { plannedFen: Number(plan?.v ?? 0), completedFen: Number(done?.v ?? 0) };
}

const issueColumns = {
  i: dispatchIssues,
  meetingTitle: dispatchMeetings.title,
  keyProjectName: keyProjects.name,
  ownerDepartmentName: departments.name,
};

function presentIssue(r: {
  i: typeof dispatchIssues.$inferSelect;
  meetingTitle: string;
  keyProjectName: string | null;
  ownerDepartmentName: string | null;
}) {
  const today = todayInShanghai();
  return {
    ...r.i,
    meetingTitle: r.meetingTitle,
    keyProjectName: r.keyProjectName,
    ownerDepartmentName: r.ownerDepartmentName,
    onTime: r.i.status === 'closed' ? (r.i.closedOn ?? '') <= r.i.dueOn : today <= r.i.dueOn,
  };
}

function issueBase(ex: Executor) {
  return ex
    .select(issueColumns)
    .from(dispatchIssues)
    .innerJoin(dispatchMeetings, eq(dispatchMeetings.id, dispatchIssues.meetingId))
    .leftJoin(keyProjects, eq(keyProjects.id, dispatchIssues.keyProjectId))
    .leftJoin(departments, eq(departments.id, dispatchIssues.ownerDepartmentId));
}

export async function listIssues(ex: Executor, scope: ZoneScope, q: IssueListQuery) {
  const where: SQL[] = [eq(dispatchIssues.zoneId, scope.zoneId)];
  if (q.status) where.push(eq(dispatchIssues.status, q.status));
  if (q.meetingId) where.push(eq(dispatchIssues.meetingId, q.meetingId));
  if (q.keyProjectId) where.push(eq(dispatchIssues.keyProjectId, q.keyProjectId));
  if (q.q) where.push(ilike(dispatchIssues.description, likePattern(q.q)));
  const cond = and(...where);
  const order = orderBy(
    q,
    { dueOn: dispatchIssues.dueOn, raisedOn: dispatchIssues.raisedOn },
    asc(dispatchIssues.dueOn),
    dispatchIssues.id,
  );
  const [data, [total]] = await Promise.all([
    issueBase(ex)
      .where(cond)
      .orderBy(...order)
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    ex.select({ n: count() }).from(dispatchIssues).where(cond),
  ]);
  return { data: data.map(presentIssue), total: total?.n ?? 0 };
}

export async function getIssue(ex: Executor, scope: ZoneScope, id: string) {
  const [row] = await issueBase(ex).where(and(eq(dispatchIssues.zoneId, scope.zoneId), eq(dispatchIssues.id, id)));
  return row ? presentIssue(row) : undefined;
}

const meetingColumns = {
  m: dispatchMeetings,
  // The outer column is written qualified: Drizzle leaves columns unqualified in a single-table select.
  issueCount: sql<number>`(select count(*) from ${dispatchIssues}
    where ${dispatchIssues.meetingId} = "dispatch_meetings"."id")::int`,
  openIssueCount: sql<number>`(select count(*) from ${dispatchIssues}
    where ${dispatchIssues.meetingId} = "dispatch_meetings"."id" and ${dispatchIssues.status} = 'open')::int`,
};

function presentMeeting(r: { m: typeof dispatchMeetings.$inferSelect; issueCount: number; openIssueCount: number }) {
  return {
    ...r.m,
    issueCount: Number(r.issueCount),
    openIssueCount: Number(r.openIssueCount),
    createdAt: r.m.createdAt.toISOString(),
  };
}

export async function listMeetings(ex: Executor, scope: ZoneScope, q: { current: number; pageSize: number }) {
  const cond = eq(dispatchMeetings.zoneId, scope.zoneId);
  const [data, [total]] = await Promise.all([
    ex
      .select(meetingColumns)
      .from(dispatchMeetings)
      .where(cond)
      .orderBy(desc(dispatchMeetings.heldOn), desc(dispatchMeetings.createdAt))
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    ex.select({ n: count() }).from(dispatchMeetings).where(cond),
  ]);
  return { data: data.map(presentMeeting), total: total?.n ?? 0 };
}

export async function getMeeting(ex: Executor, scope: ZoneScope, id: string) {
  const [row] = await ex
    .select(meetingColumns)
    .from(dispatchMeetings)
    .where(and(eq(dispatchMeetings.zoneId, scope.zoneId), eq(dispatchMeetings.id, id)));
  return row ? presentMeeting(row) : undefined;
}
