import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { dayRuns, diffDays, mergeDays, monthCells, normalizeDate, parsePaste } from './days';
import { crossRowIssues } from './publishForm';

describe('parsePaste', () => {
  it('reads comma, space and Chinese forms, spans, and reports unreadable lines', () => {
    const { rows, badLines } = parsePaste(
      [
        '2027-02-06,holiday,春节',
        '2027-02-14 上班 春节',
        '',
        '# comment',
        '2027/2/7，放假，春节',
        '2027-10-01..2027-10-03 休 国庆节 中秋节',
        'nonsense',
        '2027-02-30 放假 x',
        '2027-05-01 maybe 劳动节',
      ].join('\n'),
    );
    expect(rows).toEqual([
      { date: '2027-02-06', kind: 'holiday', name: '春节' },
      { date: '2027-02-14', kind: 'workday', name: '春节' },
      { date: '2027-02-07', kind: 'holiday', name: '春节' },
      { date: '2027-10-01', kind: 'holiday', name: '国庆节 中秋节' },
      { date: '2027-10-02', kind: 'holiday', name: '国庆节 中秋节' },
      { date: '2027-10-03', kind: 'holiday', name: '国庆节 中秋节' },
    ]);
    expect(badLines).toEqual([7, 8, 9]);
  });

  it('normalizes dates and refuses impossible ones', () => {
    expect(normalizeDate('2027-2-6')).toBe('2027-02-06');
    expect(normalizeDate('2028.02.29')).toBe('2028-02-29');
    expect(normalizeDate('2027-02-29')).toBeNull();
  });
});

describe('calendar helpers', () => {
  it('lays out a month Monday first', () => {
    // 1 February 2026 is a Sunday.
    const feb = monthCells(2026, 2);
    expect(feb.lead).toBe(6);
    expect(feb.dates).toHaveLength(28);
  });

  it('groups consecutive days into runs', () => {
    const runs = dayRuns([
      { date: '2026-02-16', kind: 'holiday', name: '春节' },
      { date: '2026-02-15', kind: 'holiday', name: '春节' },
      { date: '2026-02-14', kind: 'workday', name: '春节' },
      { date: '2026-02-28', kind: 'workday', name: '春节' },
    ]);
    expect(runs.map((r) => [r.kind, r.from, r.to, r.count])).toEqual([
      ['workday', '2026-02-14', '2026-02-14', 1],
      ['holiday', '2026-02-15', '2026-02-16', 2],
      ['workday', '2026-02-28', '2026-02-28', 1],
    ]);
  });

  it('diffs an older version against the current one', () => {
    const before = [
      { date: '2020-01-31', kind: 'workday' as const, name: '春节' },
      { date: '2020-02-01', kind: 'workday' as const, name: '春节' },
    ];
    const after = [
      { date: '2020-01-31', kind: 'holiday' as const, name: '春节' },
      { date: '2020-02-02', kind: 'holiday' as const, name: '春节' },
    ];
    expect(diffDays(before, after).map((d) => [d.date, d.change])).toEqual([
      ['2020-01-31', 'changed'],
      ['2020-02-01', 'removed'],
      ['2020-02-02', 'added'],
    ]);
  });

  it('merges pasted days over existing ones by date', () => {
    const merged = mergeDays(
      [{ date: '2027-01-02', kind: 'holiday', name: 'a' }],
      [
        { date: '2027-01-01', kind: 'holiday', name: 'b' },
        { date: '2027-01-02', kind: 'workday', name: 'c' },
      ],
    );
    expect(merged.map((d) => `${d.date}:${d.name}`)).toEqual(['2027-01-01:b', '2027-01-02:c']);
  });

  it('finds duplicate dates and weekday make-up days with the shared schema, by form row', () => {
    const issues = crossRowIssues([
      { date: dayjs('2027-02-06'), kind: 'holiday', name: '春节' },
      { date: null, kind: 'holiday' },
      { date: dayjs('2027-02-06'), kind: 'holiday', name: '春节' },
      { date: dayjs('2027-02-08'), kind: 'workday', name: '春节' }, // a Monday
      { date: dayjs('2027-02-20'), kind: 'workday', name: '春节' }, // a Saturday
    ]);
    expect(Object.fromEntries(issues)).toEqual({ '2.date': 'DUPLICATE_DATE', '3.kind': 'WORKDAY_NOT_WEEKEND' });
  });
});
