import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { calendarPublishInputSchema, weekdayOfIso } from '../../../shared/calendar';
import { dayNumber, isoOf, WorkCalendar } from '../../platform/calendar';
import { daysOf, HOLIDAY_SEED, type SeedVersion } from './holidays.data';

/**
 * Cross-check of holidays.data.ts with the `chinese-days` package (dist/chinese-days.json: holidays and make-up
 * workdays 2004–2026, current arrangements). Our table follows the notices; where it deliberately differs,
 * the difference is listed here with the reason. Only one changes whether a date is worked: 31 Dec 2005.
 */
const require = createRequire(import.meta.url);
const chineseDays = z
  .object({ holidays: z.record(z.string(), z.string()), workdays: z.record(z.string(), z.string()) })
  .parse(require('chinese-days/dist/chinese-days.json'));

const FIRST = '2004-01-01';
const LAST = '2026-12-31';
const inRange = (d: string) => d >= FIRST && d <= LAST;

/** The current (highest) version of every seeded year. */
const current = [...new Map(HOLIDAY_SEED.map((v) => [v.year, v] as const)).values()].map(
  (v) => HOLIDAY_SEED.filter((x) => x.year === v.year).sort((a, b) => b.version - a.version)[0]!,
);
const ours = new Map(current.flatMap((v) => daysOf(v).map((d) => [d.date, d.kind] as const)));
const theirs = new Map<string, string>([
  ...Object.keys(chineseDays.holidays)
    .filter(inRange)
    .map((d) => [d, 'holiday'] as const),
  ...Object.keys(chineseDays.workdays)
    .filter(inRange)
    .map((d) => [d, 'workday'] as const),
]);

/** date → [ours, chinese-days, why]. */
const DELIBERATE: Record<string, [string | undefined, string | undefined, string]> = {
  '2005-12-31': [
    'workday',
    undefined,
    '2006 notice: "12月31日(星期六)上班" (the 2006 New Year break moved that Saturday); chinese-days lacks it',
  ],
  '2011-06-05': ['holiday', undefined, '2011 notice: 端午节 "6月4日至6日放假公休"; chinese-days skips the Sunday'],
  '2012-06-23': ['holiday', undefined, '2012 notice: 端午节 "6月22日至24日放假公休"; chinese-days skips the Saturday'],
  '2015-09-05': ['holiday', undefined, '国发明电〔2015〕1号: "9月3日至5日调休放假"; chinese-days skips the Saturday'],
  '2014-04-06': [undefined, 'holiday', '2014 notice: "4月5日放假，4月7日补休" names no Sunday 6 April'],
  '2019-04-06': [undefined, 'holiday', '2019 notice: 清明节 "4月5日放假，与周末连休" (the weekend is a weekend)'],
  '2019-04-07': [undefined, 'holiday', 'as 2019-04-06'],
  '2019-06-08': [undefined, 'holiday', '2019 notice: 端午节 "6月7日放假，与周末连休"'],
  '2019-06-09': [undefined, 'holiday', 'as 2019-06-08'],
  '2019-09-14': [undefined, 'holiday', '2019 notice: 中秋节 "9月13日放假，与周末连休"'],
  '2019-09-15': [undefined, 'holiday', 'as 2019-09-14'],
};

describe('holidays.data.ts', () => {
  it('is well formed: versions 1…n per year, days inside the year, publishable as they stand', () => {
    const byYear = new Map<number, SeedVersion[]>();
    for (const v of HOLIDAY_SEED) byYear.set(v.year, [...(byYear.get(v.year) ?? []), v]);
    expect([...byYear.keys()]).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
    for (const [year, versions] of byYear) {
      expect(versions.map((v) => v.version)).toEqual(versions.map((_, i) => i + 1));
      for (const v of versions) {
        const days = daysOf(v);
        expect(days.every((d) => d.date.startsWith(`${year}-`))).toBe(true);
        const parsed = calendarPublishInputSchema.safeParse({ source: v.source, note: v.note, days });
        expect(parsed.success, `${year} v${v.version}: ${parsed.error?.message}`).toBe(true);
      }
    }
  });

  it('holds the facts the deadlines depend on', () => {
    const y2025 = new Map(daysOf(current.find((v) => v.year === 2025)!).map((d) => [d.date, d.kind]));
    for (let d = 1; d <= 8; d++) expect(y2025.get(`2025-10-0${d}`)).toBe('holiday');
    expect(y2025.get('2025-09-28')).toBe('workday');
    expect(y2025.get('2025-10-11')).toBe('workday');
    const y2026 = new Map(daysOf(current.find((v) => v.year === 2026)!).map((d) => [d.date, d.kind]));
    for (let d = 15; d <= 23; d++) expect(y2026.get(`2026-02-${d}`)).toBe('holiday');
    expect([y2026.get('2026-02-14'), y2026.get('2026-02-28')]).toEqual(['workday', 'workday']);
    expect([weekdayOfIso('2026-02-14'), weekdayOfIso('2026-02-28'), weekdayOfIso('2025-09-28')]).toEqual([6, 6, 0]);
  });
});

describe('cross-check with chinese-days 2004–2026', () => {
  it('chinese-days agrees on the key facts', () => {
    for (const d of ['2025-09-28', '2025-10-11', '2026-02-14', '2026-02-28']) expect(theirs.get(d)).toBe('workday');
    for (let d = 1; d <= 8; d++) expect(theirs.get(`2025-10-0${d}`)).toBe('holiday');
    for (let d = 15; d <= 23; d++) expect(theirs.get(`2026-02-${d}`)).toBe('holiday');
  });

  it('every holiday and make-up day matches, except the documented deliberate differences', () => {
    const differences: Record<string, [string | undefined, string | undefined]> = {};
    for (const date of new Set([...ours.keys(), ...theirs.keys()])) {
      if (ours.get(date) !== theirs.get(date)) differences[date] = [ours.get(date), theirs.get(date)];
    }
    expect(differences).toEqual(Object.fromEntries(Object.entries(DELIBERATE).map(([d, [o, t]]) => [d, [o, t]])));
  });

  it('whether each day is worked differs on 31 December 2005 only', () => {
    const cal = new WorkCalendar(
      current.flatMap((v) => daysOf(v)),
      current.map((v) => v.year),
    );
    const worked = (date: string) => {
      const kind = theirs.get(date);
      const wd = weekdayOfIso(date);
      return kind === 'workday' || (kind !== 'holiday' && wd !== 0 && wd !== 6);
    };
    const differ: string[] = [];
    for (let day = dayNumber(FIRST); day <= dayNumber(LAST); day++) {
      const date = isoOf(day);
      const mine = cal.isWorkday(date);
      expect(mine.provisional).toBe(false);
      if (mine.workday !== worked(date)) differ.push(date);
    }
    expect(differ).toEqual(['2005-12-31']);
  });
});
