import type {
  CalendarMonth,
  CalendarPublishInput,
  CalendarPublishResult,
  CalendarVersion,
  CalendarYear,
  CalendarYearDetail,
} from '../../../shared/calendar';
import type { Actor } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import {
  calendarOf,
  dayNumber,
  invalidateCalendar,
  isoOf,
  loadCalendar,
  runDeadlineRecomputers,
  weekdayOf,
} from '../../platform/calendar';
import type { Db, Executor, Tx } from '../../platform/db';
import { AppError } from '../../platform/errors';
import type { MessageKey } from '../../platform/i18n';
import { getVersionSummary, insertVersion, latestVersion, listDays, listVersionSummaries } from './calendar.repository';
import { lockCalendar } from './calendar.seed';

/** Every year with its current (highest) version. */
export async function listYears(ex: Executor): Promise<CalendarYear[]> {
  const all = await listVersionSummaries(ex);
  const byYear = new Map<number, CalendarYear>();
  for (const v of all) {
    const seen = byYear.get(v.year);
    if (!seen) byYear.set(v.year, { ...v, versionCount: 1 });
    else seen.versionCount++;
  }
  return [...byYear.values()];
}

export async function getVersion(ex: Executor, year: number, version: number): Promise<CalendarVersion | undefined> {
  const summary = await getVersionSummary(ex, year, version);
  if (!summary) return undefined;
  return { ...summary, days: await listDays(ex, year, version) };
}

export async function getYear(ex: Executor, year: number): Promise<CalendarYearDetail | undefined> {
  const versions = await listVersionSummaries(ex, year);
  const current = versions[0];
  if (!current) return undefined;
  return { ...current, days: await listDays(ex, year, current.version), versions };
}

/**
 * Publishes a new version of `year`, replacing its arrangement. In one transaction: the version and its days,
 * every registered deadline recomputer (with the new calendar), and an audit event on the platform chain that
 * says what changed and how many open deadlines each recomputer moved. The in-memory calendar is reloaded
 * after the commit.
 */
export async function publishVersion(
  db: Db,
  actor: Actor,
  year: number,
  input: CalendarPublishInput,
): Promise<CalendarPublishResult> {
  const outside: Record<string, MessageKey> = {};
  input.days.forEach((d, i) => {
    if (Number(d.date.slice(0, 4)) !== year) outside[`days.${i}.date`] = 'DATE_OUTSIDE_YEAR';
  });
  if (Object.keys(outside).length > 0) throw new AppError(400, 'VALIDATION', { year }, outside);

  const result = await db.transaction((tx) => publishInTransaction(tx, actor, year, input));
  invalidateCalendar();
  return result;
}

/**
 * The publishing itself, inside the caller's transaction (the admin page's POST, or a committed calendar import):
 * the new version and its days, every deadline recomputer, and the audit event on the platform chain. The caller
 * has checked that every day lies in `year`; the in-memory snapshot reloads by itself once the commit is visible.
 */
export async function publishInTransaction(
  tx: Tx,
  actor: Actor,
  year: number,
  input: CalendarPublishInput,
): Promise<CalendarPublishResult> {
  await lockCalendar(tx);
  const previous = await latestVersion(tx, year);
  const version = previous + 1;
  const days = [...input.days].sort((a, b) => a.date.localeCompare(b.date));
  await insertVersion(tx, { year, version, source: input.source, note: input.note, createdBy: actor.userId }, days);
  const calendar = await loadCalendar(tx);
  const recomputed = await runDeadlineRecomputers(tx, [year], calendar);
  const before = previous > 0 ? await getVersion(tx, year, previous) : undefined;
  const after = (await getVersion(tx, year, version))!;
  await recordAudit(tx, {
    actor,
    zoneId: null,
    action: 'publish',
    entity: 'calendar_year',
    entityId: `${year}/v${version}`,
    before: before && { version: before.version, source: before.source, days: before.days },
    after: { version, source: after.source, note: after.note, days: after.days, recomputed },
  });
  return { ...after, recomputed };
}

/** Every day of a month ('YYYY-MM') with whether it is worked, for a calendar view. */
export async function monthView(ex: Executor, month: string): Promise<CalendarMonth> {
  const calendar = await calendarOf(ex);
  const year = Number(month.slice(0, 4));
  const days: CalendarMonth['days'] = [];
  for (let day = dayNumber(`${month}-01`); isoOf(day).startsWith(month); day++) {
    const s = calendar.isWorkday(isoOf(day));
    days.push({ date: s.date, weekday: weekdayOf(day) || 7, isWorkday: s.workday, kind: s.kind, name: s.name });
  }
  const version = calendar.hasArrangement(year) ? await latestVersion(ex, year) : null;
  return {
    month,
    version,
    provisional: !calendar.hasArrangement(year),
    workdays: days.filter((d) => d.isWorkday).length,
    days,
  };
}
