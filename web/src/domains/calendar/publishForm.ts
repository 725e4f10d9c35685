import { type CalendarDayKind, type CalendarPublishInput, calendarPublishInputSchema } from '@shared/calendar';
import dayjs, { type Dayjs } from 'dayjs';

export const ISO = 'YYYY-MM-DD';

/** A row of the days table as the form holds it. */
export interface DayRow {
  date?: Dayjs | null;
  kind?: CalendarDayKind;
  name?: string;
}

export interface PublishFormValues {
  source: string;
  note?: string;
  days: DayRow[];
}

export const toRows = (days: readonly { date: string; kind: CalendarDayKind; name: string }[]): DayRow[] =>
  days.map((d) => ({ date: dayjs(d.date), kind: d.kind, name: d.name }));

export function toInput(values: PublishFormValues): CalendarPublishInput {
  return {
    source: values.source.trim(),
    note: (values.note ?? '').trim(),
    days: (values.days ?? []).map((d) => ({
      date: d.date ? d.date.format(ISO) : '',
      kind: d.kind ?? 'holiday',
      name: (d.name ?? '').trim(),
    })),
  };
}

/**
 * The cross-row rules of calendarPublishInputSchema (no date twice, a make-up day on a Saturday or Sunday),
 * run with the shared schema on the rows that have a date and a kind. Returns 'index.field' → message code,
 * indices of the form's rows.
 */
export function crossRowIssues(rows: readonly DayRow[] | undefined): Map<string, string> {
  const complete: { index: number; date: string; kind: CalendarDayKind }[] = [];
  (rows ?? []).forEach((r, index) => {
    if (r?.date?.isValid() && r.kind) complete.push({ index, date: r.date.format(ISO), kind: r.kind });
  });
  const issues = new Map<string, string>();
  if (complete.length === 0) return issues;
  const parsed = calendarPublishInputSchema.safeParse({
    source: 'check',
    days: complete.map((c) => ({ date: c.date, kind: c.kind, name: 'check' })),
  });
  if (parsed.success) return issues;
  for (const issue of parsed.error.issues) {
    const [root, j, field] = issue.path;
    if (root !== 'days' || typeof j !== 'number' || typeof field !== 'string') continue;
    const row = complete[j];
    if (row && !issues.has(`${row.index}.${field}`)) issues.set(`${row.index}.${field}`, issue.message);
  }
  return issues;
}
