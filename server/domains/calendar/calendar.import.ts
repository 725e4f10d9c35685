import { z } from 'zod';
import { type CalendarDayInput, calendarDayKinds, isoDate, weekdayOfIso } from '../../../shared/calendar';
import type { ColumnSpec } from '../../platform/excel/columns';
import type { ImportKind } from '../../platform/excel/kind';
import { publishInTransaction } from './calendar.service';

/** Columns of the calendar template: one row per holiday or make-up working day of ONE year. */
export const calendarSheetColumns: readonly ColumnSpec[] = [
  {
    key: 'date',
    header: { 'zh-CN': '日期', 'en-US': 'Date' },
    type: 'date',
    required: true,
    hint: {
      'zh-CN': 'YYYY-MM-DD；全部日期属于同一年（以第一行为准），每个日期只出现一次',
      'en-US': 'YYYY-MM-DD; every date in one year (that of the first row), each date once',
    },
    example: '2027-01-01',
    width: 14,
  },
  {
    key: 'kind',
    header: { 'zh-CN': '类型', 'en-US': 'Kind' },
    type: 'enum',
    required: true,
    options: [
      { value: 'holiday', label: { 'zh-CN': '放假', 'en-US': 'Holiday' } },
      { value: 'workday', label: { 'zh-CN': '调休上班', 'en-US': 'Make-up workday' } },
    ],
    hint: {
      'zh-CN': '放假 / 调休上班（调休上班日必须是星期六或星期日）',
      'en-US': 'Holiday / Make-up workday (a make-up working day is a Saturday or Sunday)',
    },
    example: '放假',
    width: 14,
  },
  {
    key: 'name',
    header: { 'zh-CN': '节日名称', 'en-US': 'Holiday name' },
    type: 'string',
    required: true,
    hint: { 'zh-CN': '1–40 个字，如 元旦、春节', 'en-US': '1 to 40 characters, e.g. New Year' },
    example: '元旦',
    width: 18,
  },
];

/** One file row: the admin form's rules for a day (the make-up-day-on-a-weekday rule is checked per row). */
export const calendarRowSchema = z
  .object({
    date: isoDate,
    kind: z.enum(calendarDayKinds),
    name: z.string().trim().min(1).max(40),
  })
  .superRefine((day, ctx) => {
    const wd = weekdayOfIso(day.date);
    if (day.kind === 'workday' && wd !== 0 && wd !== 6) {
      ctx.addIssue({ code: 'custom', message: 'WORKDAY_NOT_WEEKEND', path: ['kind'] });
    }
  });

interface State {
  /** The year of the file: that of its first valid row. */
  year: number | null;
  /** date → row number of its first occurrence. */
  seen: Map<string, number>;
}

/**
 * 节假日安排 import: a whole year's arrangement (a new year, or a mid-year amendment, e.g. 2020's extended Spring
 * Festival) as one file. All rows or none; committing publishes a new version of that year exactly as the admin
 * page does — same transaction as the import's own audit event: open deadlines are recomputed by every registered
 * recomputer and the publish is audited on the platform chain with what each recomputer moved.
 */
export const calendarImport: ImportKind<CalendarDayInput, CalendarDayInput, State> = {
  kind: 'calendar-days',
  permission: 'calendar.write',
  title: { 'zh-CN': '节假日安排', 'en-US': 'Holiday arrangement' },
  entity: 'calendar_day',
  columns: calendarSheetColumns,
  schema: calendarRowSchema,
  setup: async () => ({ year: null, seen: new Map() }),
  async check(batch, ctx) {
    return batch.map(({ row, value: v }) => {
      let ok = true;
      const year = Number(v.date.slice(0, 4));
      ctx.data.year ??= year;
      if (year !== ctx.data.year) {
        ctx.error(row, 'date', 'CALENDAR_IMPORT_OTHER_YEAR', { year: ctx.data.year });
        ok = false;
      }
      const first = ctx.data.seen.get(v.date);
      if (first !== undefined) {
        ctx.error(row, 'date', 'IMPORT_DUPLICATE_IN_FILE', { row: first });
        ok = false;
      } else ctx.data.seen.set(v.date, row);
      return ok ? v : undefined;
    });
  },
  // A valid file holds at most 366 distinct dates of one year, so it arrives here as one batch.
  async commit(tx, rows, { scope, data }) {
    const year = data.year ?? Number(rows[0]!.date.slice(0, 4));
    const zh = scope.actor.locale !== 'en-US';
    await publishInTransaction(tx, scope.actor, year, {
      source: zh ? `表格导入（${rows.length} 天）` : `Spreadsheet import (${rows.length} days)`,
      note: '',
      days: rows,
    });
    return rows.length;
  },
};
