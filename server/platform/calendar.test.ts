import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertVersion } from '../domains/calendar/calendar.repository';
import { createTestContext, type TestContext } from '../test/harness';
import {
  calendarOf,
  dayNumber,
  isoOf,
  registerDeadlineRecomputer,
  runDeadlineRecomputers,
  WorkCalendar,
  weekdayOf,
} from './calendar';

// The seeded State Council arrangements 2004–2026, loaded from real migrations. Years from 2027 on have no
// arrangement here, except what calendar.test.ts publishes for 2027 (on PostgreSQL the files share one
// database), so the provisional cases below use years far from it.
let ctx: TestContext;
let cal: WorkCalendar;
beforeAll(async () => {
  ctx = await createTestContext();
  cal = await calendarOf(ctx.database.db);
});
afterAll(() => ctx.close());

describe('isWorkday', () => {
  it('knows holidays, make-up days (调休上班) and plain weekends', () => {
    expect(cal.isWorkday('2025-09-28')).toEqual({
      date: '2025-09-28',
      workday: true,
      kind: 'workday',
      name: '国庆节、中秋节',
      provisional: false,
    });
    expect(cal.isWorkday('2025-10-08')).toMatchObject({ workday: false, kind: 'holiday' });
    expect(cal.isWorkday('2025-09-27')).toMatchObject({ workday: false, kind: null, provisional: false });
    expect(cal.isWorkday('2025-09-26')).toMatchObject({ workday: true, kind: null });
    expect(cal.isWorkday('2026-02-14')).toMatchObject({ workday: true, kind: 'workday', name: '春节' });
    expect(cal.isWorkday('2026-02-23')).toMatchObject({ workday: false, kind: 'holiday', name: '春节' });
  });

  it('uses the current version: the 2020 Spring Festival extension cancelled the 1 February make-up day', () => {
    expect(cal.isWorkday('2020-02-01')).toMatchObject({ workday: false, kind: 'holiday' });
    expect(cal.isWorkday('2020-02-03')).toMatchObject({ workday: true, kind: null });
    expect(cal.isWorkday('2019-05-03')).toMatchObject({ workday: false, kind: 'holiday' }); // 2019 Labour Day change
    expect(cal.isWorkday('2018-12-29')).toMatchObject({ workday: true, kind: 'workday' }); // from the 2019 notice
  });

  it('flags a date of a year without an arrangement as provisional (Monday–Friday assumed, never silently)', () => {
    expect(cal.isWorkday('2040-01-02')).toMatchObject({ workday: true, provisional: true });
    expect(cal.isWorkday('2003-12-31')).toMatchObject({ provisional: true });
    expect(cal.hasArrangement(2026)).toBe(true);
    expect(cal.hasArrangement(2040)).toBe(false);
  });

  it('by day number (workdayOn, yearSpanOf) agrees with isWorkday, across National Day 2025 and into an unarranged year', () => {
    for (let d = dayNumber('2025-09-20'); d <= dayNumber('2025-10-15'); d++)
      expect(cal.workdayOn(d)).toBe(cal.isWorkday(isoOf(d)).workday);
    expect(cal.workdayOn(dayNumber('2025-09-28'))).toBe(true); // Sunday make-up workday
    expect(cal.workdayOn(dayNumber('2025-10-08'))).toBe(false); // holiday on a Wednesday
    expect(cal.yearSpanOf(dayNumber('2026-06-30'))).toEqual({
      from: dayNumber('2026-01-01'),
      to: dayNumber('2026-12-31'),
      arranged: true,
    });
    expect(cal.yearSpanOf(dayNumber('2040-01-02'))).toMatchObject({ from: dayNumber('2040-01-01'), arranged: false });
  });

  it('refuses what is not a calendar date', () => {
    expect(() => cal.isWorkday('2025-02-29')).toThrow(RangeError);
    expect(() => cal.isWorkday('2025-9-1')).toThrow(RangeError);
  });
});

describe('addWorkdays: n working days counted from the day after start', () => {
  it.each([
    ['2025-09-26', 1, '2025-09-28'], // Sunday make-up day
    ['2025-09-30', 1, '2025-10-09'],
    ['2025-09-30', 2, '2025-10-10'],
    ['2025-09-30', 3, '2025-10-11'], // Saturday make-up day
    ['2026-02-13', 1, '2026-02-14'], // Saturday make-up day before the 9-day Spring Festival
    ['2026-02-14', 1, '2026-02-24'], // across all nine days: no 7-day look-ahead
    ['2026-02-13', 6, '2026-02-28'],
    ['2020-01-23', 1, '2020-02-03'], // 2020 extension: 1 February is no longer worked
    ['2025-10-01', 0, '2025-10-01'], // n = 0 returns start, even on a holiday
  ])('addWorkdays(%s, %i) = %s', (start, n, expected) => {
    expect(cal.addWorkdays(start, n)).toEqual({ date: expected, provisional: false });
  });

  it('is provisional when the count runs into a year without an arrangement', () => {
    expect(cal.addWorkdays('2039-12-28', 5)).toEqual({ date: '2040-01-04', provisional: true });
    expect(cal.addWorkdays('2039-12-01', 5).provisional).toBe(true);
    expect(() => cal.addWorkdays('2025-01-01', -1)).toThrow(RangeError);
    expect(() => cal.addWorkdays('2025-01-01', 1.5)).toThrow(RangeError);
  });

  it('nextWorkday skips the whole 2026 Spring Festival; inclusive rolls a date off a holiday', () => {
    expect(cal.nextWorkday('2026-02-14')).toEqual({ date: '2026-02-24', provisional: false });
    expect(cal.nextWorkday('2026-02-13')).toEqual({ date: '2026-02-14', provisional: false });
    expect(cal.nextWorkday('2026-02-15', { inclusive: true }).date).toBe('2026-02-24');
    expect(cal.nextWorkday('2026-02-24', { inclusive: true }).date).toBe('2026-02-24');
    expect(cal.nextWorkday('2025-09-27', { inclusive: true }).date).toBe('2025-09-28');
  });
});

describe('workdaysBetween: working days in (from, to]', () => {
  it.each([
    ['2025-09-30', '2025-10-11', 3], // 10-09, 10-10 and the Saturday make-up 10-11
    ['2025-09-26', '2025-10-08', 3], // 09-28 (Sunday make-up), 09-29, 09-30; then the holiday
    ['2026-02-13', '2026-02-28', 6], // 02-14, 02-24 … 02-27, 02-28
    ['2026-02-14', '2026-02-23', 0],
    ['2025-10-01', '2025-10-01', 0],
    ['2026-02-28', '2026-02-13', -6],
  ])('workdaysBetween(%s, %s) = %i', (from, to, expected) => {
    expect(cal.workdaysBetween(from, to)).toEqual({ workdays: expected, provisional: false });
  });

  it('is the inverse of addWorkdays', () => {
    for (const start of ['2025-09-26', '2026-02-13', '2020-01-17', '2015-08-31', '2007-12-28']) {
      for (let n = 1; n <= 300; n += 7) {
        const due = cal.addWorkdays(start, n);
        expect(cal.isWorkday(due.date).workday).toBe(true);
        expect(cal.workdaysBetween(start, due.date)).toEqual({ workdays: n, provisional: due.provisional });
      }
    }
  });

  it('is provisional when the range touches a year without an arrangement', () => {
    expect(cal.workdaysBetween('2039-12-30', '2040-01-03')).toEqual({ workdays: 2, provisional: true });
  });
});

describe('date arithmetic', () => {
  it('is UTC day numbers: consecutive, round-tripping, right weekday, 1900–2200', () => {
    let prev = dayNumber('1900-01-01');
    expect(weekdayOf(prev)).toBe(1); // a Monday
    for (let day = prev + 1; day <= dayNumber('2200-12-31'); day++) {
      const iso = isoOf(day);
      if (dayNumber(iso) !== day || day !== prev + 1) throw new Error(`day numbers break at ${iso}`);
      prev = day;
    }
    expect(weekdayOf(dayNumber('2026-02-14'))).toBe(6);
    expect(weekdayOf(dayNumber('1969-12-28'))).toBe(0);
  });

  it('is fast: addWorkdays(…, 250) takes microseconds', () => {
    const rounds = 2000;
    const t0 = performance.now();
    for (let i = 0; i < rounds; i++) cal.addWorkdays('2025-01-02', 250);
    const perCall = ((performance.now() - t0) / rounds) * 1000;
    // 2025 has 248 working days (247 after 2 January); then Sunday 4 January 2026 (make-up), 5 and 6 January.
    expect(cal.addWorkdays('2025-01-02', 250).date).toBe('2026-01-06');
    expect(perCall).toBeLessThan(250); // µs; typically a few dozen
  });

  it('works on any arrangement, e.g. a 20-day holiday', () => {
    const days = Array.from({ length: 20 }, (_, i) => ({
      date: isoOf(dayNumber('2031-03-01') + i),
      kind: 'holiday' as const,
      name: '测试长假',
    }));
    const c = new WorkCalendar(days, [2031]);
    expect(c.nextWorkday('2031-02-28')).toEqual({ date: '2031-03-21', provisional: false });
    expect(c.workdaysBetween('2031-02-28', '2031-03-21')).toEqual({ workdays: 1, provisional: false });
  });
});

describe('loading and recomputers', () => {
  it('keeps one snapshot until a version is published, also by another server', async () => {
    const db = ctx.database.db;
    expect(await calendarOf(db)).toBe(cal);
    expect(cal.isWorkday('2150-01-05').provisional).toBe(true);
    // Written straight to the database, as another app server would: the next call notices and reloads.
    await db.transaction((tx) =>
      insertVersion(tx, { year: 2150, version: 1, source: '测试', note: '', createdBy: null }, [
        { date: '2150-01-05', kind: 'holiday', name: '测试' },
      ]),
    );
    const fresh = await calendarOf(db);
    expect(fresh).not.toBe(cal);
    expect(fresh.isWorkday('2150-01-05')).toMatchObject({ workday: false, provisional: false });
    expect(await calendarOf(db)).toBe(fresh);
  });

  it('registers recomputers by unique name and runs them with the changed years', async () => {
    const seen: number[][] = [];
    const off = registerDeadlineRecomputer('platform-test', async (_tx, years) => {
      seen.push(years);
      return 7;
    });
    expect(() => registerDeadlineRecomputer('platform-test', async () => 0)).toThrow(/already registered/);
    const counts = await ctx.database.db.transaction((tx) => runDeadlineRecomputers(tx, [2031], cal));
    expect(counts).toMatchObject({ 'platform-test': 7 });
    expect(seen).toEqual([[2031]]);
    off();
    const after = await ctx.database.db.transaction((tx) => runDeadlineRecomputers(tx, [2031], cal));
    expect(after['platform-test']).toBeUndefined();
  });
});
