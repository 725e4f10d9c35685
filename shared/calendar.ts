import { z } from 'zod';

/** holiday 放假; workday 调休上班 (a Saturday or Sunday that is worked). */
export const calendarDayKinds = ['holiday', 'workday'] as const;
export type CalendarDayKind = (typeof calendarDayKinds)[number];

/** The years a calendar may hold (the database checks the same bounds). */
export const CALENDAR_MIN_YEAR = 1900;
export const CALENDAR_MAX_YEAR = 2200;
/** Longest range /workdays/between accepts (about ten years). */
export const MAX_RANGE_DAYS = 3660;

export const isoDate = z.iso.date();

/** Day of week of an ISO date, 0 = Sunday … 6 = Saturday (UTC, date only). */
export function weekdayOfIso(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

export const calendarDayInputSchema = z.object({
  date: isoDate,
  kind: z.enum(calendarDayKinds),
  name: z.string().trim().min(1).max(40),
});
export type CalendarDayInput = z.infer<typeof calendarDayInputSchema>;

/**
 * A new version of one year's arrangement: the whole list of holidays and make-up working days. Rules that
 * need only the body are checked here (so a form can show them too): no date twice, and a make-up working
 * day falls on a Saturday or Sunday. That every date lies inside the year of the URL is checked by the server.
 */
export const calendarPublishInputSchema = z
  .object({
    source: z.string().trim().min(2).max(200),
    note: z.string().trim().max(1000).default(''),
    days: z.array(calendarDayInputSchema).min(1).max(366),
  })
  .superRefine((input, ctx) => {
    const seen = new Set<string>();
    input.days.forEach((day, i) => {
      if (seen.has(day.date)) ctx.addIssue({ code: 'custom', message: 'DUPLICATE_DATE', path: ['days', i, 'date'] });
      seen.add(day.date);
      const wd = weekdayOfIso(day.date);
      if (day.kind === 'workday' && wd !== 0 && wd !== 6) {
        ctx.addIssue({ code: 'custom', message: 'WORKDAY_NOT_WEEKEND', path: ['days', i, 'kind'] });
      }
    });
  });
export type CalendarPublishInput = z.infer<typeof calendarPublishInputSchema>;

export const calendarYearParams = z.object({
  year: z.coerce.number().int().min(CALENDAR_MIN_YEAR).max(CALENDAR_MAX_YEAR),
});
export const calendarVersionParams = calendarYearParams.extend({
  version: z.coerce.number().int().min(1).max(10_000),
});

export const calendarDaySchema = z.object({ date: z.string(), kind: z.enum(calendarDayKinds), name: z.string() });
export type CalendarDay = z.infer<typeof calendarDaySchema>;

/** One published version of a year's arrangement, without its days. */
export const calendarVersionSummarySchema = z.object({
  year: z.number().int(),
  version: z.number().int(),
  status: z.enum(['published']),
  source: z.string(),
  note: z.string(),
  publishedAt: z.string(),
  createdBy: z.uuid().nullable(),
  createdByName: z.string().nullable(),
  holidayCount: z.number().int(),
  makeupCount: z.number().int(),
});
export type CalendarVersionSummary = z.infer<typeof calendarVersionSummarySchema>;

/** A year in the list: its current (highest) version and how many versions it has. */
export const calendarYearSchema = calendarVersionSummarySchema.extend({ versionCount: z.number().int() });
export type CalendarYear = z.infer<typeof calendarYearSchema>;

export const calendarVersionSchema = calendarVersionSummarySchema.extend({ days: z.array(calendarDaySchema) });
export type CalendarVersion = z.infer<typeof calendarVersionSchema>;

/** A year: its current version with days, plus every version (newest first). */
export const calendarYearDetailSchema = calendarVersionSchema.extend({
  versions: z.array(calendarVersionSummarySchema),
});
export type CalendarYearDetail = z.infer<typeof calendarYearDetailSchema>;

export const calendarPublishResultSchema = calendarVersionSchema.extend({
  /** Open deadlines recomputed by each registered recomputer. */
  recomputed: z.record(z.string(), z.number().int()),
});
export type CalendarPublishResult = z.infer<typeof calendarPublishResultSchema>;

export const workdaysAddQuerySchema = z.object({
  start: isoDate,
  n: z.coerce.number().int().min(0).max(1000),
});
export const workdaysAddSchema = z.object({
  start: z.string(),
  n: z.number().int(),
  date: z.string(),
  provisional: z.boolean(),
});

export const workdaysBetweenQuerySchema = z
  .object({ from: isoDate, to: isoDate })
  .refine((q) => Math.abs(Date.parse(q.to) - Date.parse(q.from)) <= MAX_RANGE_DAYS * 86_400_000, {
    message: 'RANGE_TOO_LONG',
    path: ['to'],
  });
export const workdaysBetweenSchema = z.object({
  from: z.string(),
  to: z.string(),
  /** Working days after `from` up to and including `to`; negative when `to` is before `from`. */
  workdays: z.number().int(),
  provisional: z.boolean(),
});

export const calendarMonthQuerySchema = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'INVALID_MONTH'),
});
export const calendarMonthDaySchema = z.object({
  date: z.string(),
  /** 1 = Monday … 7 = Sunday (ISO 8601). */
  weekday: z.number().int(),
  isWorkday: z.boolean(),
  kind: z.enum(calendarDayKinds).nullable(),
  name: z.string().nullable(),
});
export const calendarMonthSchema = z.object({
  month: z.string(),
  /** The version of the year's arrangement used, null when the year has none published. */
  version: z.number().int().nullable(),
  /** True when the year has no published arrangement: days are shown as plain Monday–Friday weeks. */
  provisional: z.boolean(),
  workdays: z.number().int(),
  days: z.array(calendarMonthDaySchema),
});
export type CalendarMonth = z.infer<typeof calendarMonthSchema>;
