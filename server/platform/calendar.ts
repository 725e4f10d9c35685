import { and, count, eq, max, sql } from 'drizzle-orm';
import type { CalendarDayKind } from '../../shared/calendar';
import { calendarDays, calendarYears } from '../domains/calendar/calendar.tables';
import type { Executor, Tx } from './db';
import { cachedStatement } from './db/statements';

/**
 * The working-day calendar (工作日历) every deadline uses: approvals, demands, projects.
 *
 * A working day is (Monday–Friday and not a statutory holiday) or a make-up working day (调休上班).
 * Dates are ISO strings 'YYYY-MM-DD'; all arithmetic is on whole days in UTC (China has one time zone, and a
 * date-only value has no time of day to shift), never in the server's local time.
 *
 * Every answer says `provisional: true` when a date it had to look at lies in a year that has no published
 * arrangement: such a year is counted as plain Monday–Friday weeks, which is a guess, never a silent one.
 *
 * Use `calendarOf(executor)` to get the current snapshot (cached in memory, reloaded when a version is
 * published, here or by another app server); the snapshot's methods are synchronous and fast.
 */

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of an ISO date; throws RangeError on anything but a real calendar date. */
export function dayNumber(iso: string): number {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new RangeError(`not an ISO date: ${iso}`);
  const d = new Date(0);
  d.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const n = Math.round(d.getTime() / DAY_MS);
  if (isoOf(n) !== iso) throw new RangeError(`not a calendar date: ${iso}`);
  return n;
}

/** The ISO date of a day number. */
export function isoOf(day: number): string {
  const d = new Date(day * DAY_MS);
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

/** 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

function yearOf(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

function firstDayOfYear(year: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, 0, 1);
  return Math.round(d.getTime() / DAY_MS);
}

export interface CalendarEntry {
  date: string;
  kind: CalendarDayKind;
  name: string;
}

export interface DayStatus {
  date: string;
  workday: boolean;
  /** The entry of the arrangement for this date, if any. */
  kind: CalendarDayKind | null;
  name: string | null;
  provisional: boolean;
}

export interface DateResult {
  date: string;
  provisional: boolean;
}

export interface CountResult {
  workdays: number;
  provisional: boolean;
}

/** An immutable snapshot of the current arrangements: a Map of special days plus the years that have one. */
export class WorkCalendar {
  private readonly entries = new Map<number, { kind: CalendarDayKind; name: string }>();
  private readonly years: ReadonlySet<number>;

  constructor(entries: Iterable<CalendarEntry>, publishedYears: Iterable<number>) {
    for (const e of entries) this.entries.set(dayNumber(e.date), { kind: e.kind, name: e.name });
    this.years = new Set(publishedYears);
  }

  /** Years with a published arrangement, ascending. */
  get publishedYears(): number[] {
    return [...this.years].sort((a, b) => a - b);
  }

  hasArrangement(year: number): boolean {
    return this.years.has(year);
  }

  private workdayAt(day: number): boolean {
    const entry = this.entries.get(day);
    if (entry) return entry.kind === 'workday';
    const wd = weekdayOf(day);
    return wd !== 0 && wd !== 6;
  }

  /**
   * Walks forward from `first` (inclusive) one day at a time until `stop` says so; notes whether any day
   * looked at lies in a year without an arrangement. No look-ahead window: a nine-day holiday is just nine
   * more steps.
   */
  private walk(first: number, stop: (day: number, workday: boolean) => boolean): { day: number; provisional: boolean } {
    let provisional = false;
    let yearEnd = Number.NEGATIVE_INFINITY;
    for (let day = first; ; day++) {
      if (day > yearEnd) {
        const year = yearOf(day);
        yearEnd = firstDayOfYear(year + 1) - 1;
        if (!this.years.has(year)) provisional = true;
      }
      if (stop(day, this.workdayAt(day))) return { day, provisional };
    }
  }

  /** isWorkday for a day number (dayNumber), without formatting or parsing dates: for loops over many days. */
  workdayOn(day: number): boolean {
    return this.workdayAt(day);
  }

  /** The year holding a day number, as its first and last day numbers, and whether it has a published arrangement. */
  yearSpanOf(day: number): { from: number; to: number; arranged: boolean } {
    const year = yearOf(day);
    return { from: firstDayOfYear(year), to: firstDayOfYear(year + 1) - 1, arranged: this.years.has(year) };
  }

  isWorkday(date: string): DayStatus {
    const day = dayNumber(date);
    const entry = this.entries.get(day);
    return {
      date,
      workday: this.workdayAt(day),
      kind: entry?.kind ?? null,
      name: entry?.name ?? null,
      provisional: !this.years.has(yearOf(day)),
    };
  }

  /**
   * The deadline `n` working days after `start`: counting begins on the day after `start` (the start day itself
   * never counts, whatever it is), and the result is the n-th working day. n = 0 returns `start` unchanged
   * (no day is looked at, so it is not provisional).
   */
  addWorkdays(start: string, n: number): DateResult {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a whole number ≥ 0, got ${n}`);
    const from = dayNumber(start);
    if (n === 0) return { date: start, provisional: false };
    let left = n;
    const r = this.walk(from + 1, (_day, workday) => workday && --left === 0);
    return { date: isoOf(r.day), provisional: r.provisional };
  }

  /**
   * Working days in the half-open interval (from, to]: after `from`, up to and including `to`. So
   * workdaysBetween(a, addWorkdays(a, n).date) = n, and workdaysBetween(a, a) = 0. When `to` is before `from`
   * the answer is negative: −workdaysBetween(to, from).
   */
  workdaysBetween(from: string, to: string): CountResult {
    const a = dayNumber(from);
    const b = dayNumber(to);
    if (a === b) return { workdays: 0, provisional: false };
    const [lo, hi, sign] = a < b ? [a, b, 1] : [b, a, -1];
    let workdays = 0;
    const r = this.walk(lo + 1, (day, workday) => {
      if (workday) workdays++;
      return day === hi;
    });
    return { workdays: sign * workdays, provisional: r.provisional };
  }

  /** The first working day after `date` (or on it, with `inclusive`: rolls a deadline off a holiday). */
  nextWorkday(date: string, options: { inclusive?: boolean } = {}): DateResult {
    const from = dayNumber(date);
    const r = this.walk(options.inclusive ? from : from + 1, (_day, workday) => workday);
    return { date: isoOf(r.day), provisional: r.provisional };
  }
}

// ---- loading and caching ------------------------------------------------------------------------------------

/** The current (highest) version of every year. */
const currentVersions = (ex: Executor) =>
  ex
    .select({ year: calendarYears.year, currentVersion: max(calendarYears.version).as('current_version') })
    .from(calendarYears)
    .groupBy(calendarYears.year)
    .as('current');

/** Builds a snapshot from the current version of every year, as `ex` sees it (a transaction sees its own writes). */
export async function loadCalendar(ex: Executor): Promise<WorkCalendar> {
  const current = currentVersions(ex);
  const [years, days] = await Promise.all([
    ex.select({ year: current.year }).from(current),
    ex
      .select({ date: calendarDays.date, kind: calendarDays.kind, name: calendarDays.name })
      .from(calendarDays)
      .innerJoin(current, and(eq(current.year, calendarDays.year), eq(current.currentVersion, calendarDays.version))),
  ]);
  return new WorkCalendar(
    days,
    years.map((y) => y.year),
  );
}

/** Changes whenever a version is published (versions are only ever added). */
async function fingerprintOf(ex: Executor): Promise<string> {
  // Asked on every request that computes a deadline: built once per executor.
  const statement = cachedStatement(ex, 'calendar.fingerprint', () =>
    ex
      .select({ n: count(), last: sql<string | null>`max(${calendarYears.publishedAt})::text` })
      .from(calendarYears)
      .prepare(''),
  );
  const [row] = await statement.execute();
  return `${row?.n ?? 0}|${row?.last ?? ''}`;
}

let cache: { fingerprint: string; calendar: WorkCalendar } | null = null;

/**
 * The current calendar. One small query checks whether anything was published since the snapshot was loaded
 * (by this server or another one); only then are the arrangements read again.
 */
export async function calendarOf(ex: Executor): Promise<WorkCalendar> {
  const fingerprint = await fingerprintOf(ex);
  if (cache?.fingerprint === fingerprint) return cache.calendar;
  const calendar = await loadCalendar(ex);
  cache = { fingerprint, calendar };
  return calendar;
}

/** Forget the snapshot (after a publish commits); the next calendarOf() reloads. */
export function invalidateCalendar(): void {
  cache = null;
}

// ---- deadline recomputers -------------------------------------------------------------------------------------

/**
 * Recomputes the open deadlines of one domain after the arrangement of `changedYears` changed. Called inside
 * the transaction that publishes the new version, with the new calendar (use it, not calendarOf(): the new
 * version is not committed yet). Returns how many rows it updated; the publish's audit event records it.
 *
 * Contract for implementers:
 * - Recompute only OPEN items whose counting window touches a changed year (started in it, or due in or after
 *   it), and items whose deadline was provisional. Closed, decided or withdrawn items stay frozen: their
 *   deadlines are history and must not move when a later arrangement is published.
 * - Write the domain's own audit trail if it needs per-item detail; throw to abort the whole publish.
 */
export type DeadlineRecomputer = (tx: Tx, changedYears: number[], calendar: WorkCalendar) => Promise<number>;

const recomputers = new Map<string, DeadlineRecomputer>();

/** Registers a recomputer under a unique name (e.g. 'approvals'); returns a function that unregisters it. */
export function registerDeadlineRecomputer(name: string, fn: DeadlineRecomputer): () => void {
  if (recomputers.has(name)) throw new Error(`deadline recomputer "${name}" is already registered`);
  recomputers.set(name, fn);
  return () => {
    if (recomputers.get(name) === fn) recomputers.delete(name);
  };
}

/** Runs every registered recomputer in `tx`; returns rows updated per recomputer name. */
export async function runDeadlineRecomputers(
  tx: Tx,
  changedYears: number[],
  calendar: WorkCalendar,
): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const [name, fn] of recomputers) result[name] = await fn(tx, changedYears, calendar);
  return result;
}
