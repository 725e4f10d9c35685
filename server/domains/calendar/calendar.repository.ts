import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { CalendarDay, CalendarVersionSummary } from '../../../shared/calendar';
import type { Executor } from '../../platform/db';
import { users } from '../auth/auth.tables';
import { calendarDays, calendarYears } from './calendar.tables';

// Written out with table names: the correlated subqueries must bind to the outer calendar_years row.
const countOf = (kind: 'holiday' | 'workday') =>
  sql<number>`(select count(*)::int from calendar_days d
    where d.year = calendar_years.year and d.version = calendar_years.version and d.kind = ${kind})`;

const summaryColumns = {
  year: calendarYears.year,
  version: calendarYears.version,
  status: calendarYears.status,
  source: calendarYears.source,
  note: calendarYears.note,
  publishedAt: calendarYears.publishedAt,
  createdBy: calendarYears.createdBy,
  createdByName: users.displayName,
  holidayCount: countOf('holiday'),
  makeupCount: countOf('workday'),
};

/** Version summaries (all years, or one year), newest version first within a year. */
export async function listVersionSummaries(ex: Executor, year?: number): Promise<CalendarVersionSummary[]> {
  const where: SQL | undefined = year === undefined ? undefined : eq(calendarYears.year, year);
  const rows = await ex
    .select(summaryColumns)
    .from(calendarYears)
    .leftJoin(users, eq(users.id, calendarYears.createdBy))
    .where(where)
    .orderBy(asc(calendarYears.year), desc(calendarYears.version));
  return rows.map((r) => ({
    ...r,
    publishedAt: r.publishedAt.toISOString(),
    holidayCount: Number(r.holidayCount),
    makeupCount: Number(r.makeupCount),
  }));
}

export async function getVersionSummary(
  ex: Executor,
  year: number,
  version: number,
): Promise<CalendarVersionSummary | undefined> {
  const all = await listVersionSummaries(ex, year);
  return all.find((v) => v.version === version);
}

export async function listDays(ex: Executor, year: number, version: number): Promise<CalendarDay[]> {
  return ex
    .select({ date: calendarDays.date, kind: calendarDays.kind, name: calendarDays.name })
    .from(calendarDays)
    .where(and(eq(calendarDays.year, year), eq(calendarDays.version, version)))
    .orderBy(asc(calendarDays.date));
}

export async function latestVersion(ex: Executor, year: number): Promise<number> {
  const [row] = await ex
    .select({ v: sql<number | null>`max(${calendarYears.version})` })
    .from(calendarYears)
    .where(eq(calendarYears.year, year));
  return Number(row?.v ?? 0);
}

export async function insertVersion(
  ex: Executor,
  v: { year: number; version: number; source: string; note: string; createdBy: string | null },
  days: readonly CalendarDay[],
): Promise<void> {
  await ex.insert(calendarYears).values({ ...v, status: 'published' });
  if (days.length > 0) {
    await ex.insert(calendarDays).values(days.map((d) => ({ year: v.year, version: v.version, ...d })));
  }
}
