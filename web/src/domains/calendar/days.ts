import { type CalendarDay, type CalendarDayKind, weekdayOfIso } from '@shared/calendar';

/** Days of a year's arrangement by ISO date. */
export function dayMap(days: readonly CalendarDay[]): Map<string, CalendarDay> {
  return new Map(days.map((d) => [d.date, d]));
}

const pad = (n: number) => String(n).padStart(2, '0');

export function isoOfParts(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** A month grid, Monday first: how many blank cells come before the 1st, and every date of the month. */
export function monthCells(year: number, month: number): { lead: number; dates: string[] } {
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const lead = (weekdayOfIso(isoOfParts(year, month, 1)) + 6) % 7;
  return { lead, dates: Array.from({ length: days }, (_, i) => isoOfParts(year, month, i + 1)) };
}

export function isWeekend(date: string): boolean {
  const wd = weekdayOfIso(date);
  return wd === 0 || wd === 6;
}

/** A run of consecutive dates of the same kind and name, e.g. 春节 休 02-15..02-23. */
export interface DayRun {
  kind: CalendarDayKind;
  name: string;
  from: string;
  to: string;
  count: number;
}

const nextIso = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** Groups sorted days into runs of consecutive dates with the same kind and name. */
export function dayRuns(days: readonly CalendarDay[]): DayRun[] {
  const runs: DayRun[] = [];
  for (const d of [...days].sort((a, b) => a.date.localeCompare(b.date))) {
    const last = runs.at(-1);
    if (last && last.kind === d.kind && last.name === d.name && nextIso(last.to) === d.date) {
      last.to = d.date;
      last.count++;
    } else runs.push({ kind: d.kind, name: d.name, from: d.date, to: d.date, count: 1 });
  }
  return runs;
}

export type DiffChange = 'added' | 'removed' | 'changed';
export interface DayDiff {
  date: string;
  change: DiffChange;
  before?: CalendarDay;
  after?: CalendarDay;
}

/** What changed from `before` (an older version) to `after` (the current one), by date. */
export function diffDays(before: readonly CalendarDay[], after: readonly CalendarDay[]): DayDiff[] {
  const old = dayMap(before);
  const now = dayMap(after);
  const out: DayDiff[] = [];
  for (const [date, a] of now) {
    const b = old.get(date);
    if (!b) out.push({ date, change: 'added', after: a });
    else if (b.kind !== a.kind || b.name !== a.name) out.push({ date, change: 'changed', before: b, after: a });
  }
  for (const [date, b] of old) if (!now.has(date)) out.push({ date, change: 'removed', before: b });
  return out.sort((x, y) => x.date.localeCompare(y.date));
}

const KIND_WORDS: Record<string, CalendarDayKind> = {
  holiday: 'holiday',
  off: 'holiday',
  放假: 'holiday',
  休: 'holiday',
  休息: 'holiday',
  workday: 'workday',
  work: 'workday',
  makeup: 'workday',
  上班: 'workday',
  班: 'workday',
  调休上班: 'workday',
};

/** '2027-2-6' or '2027/02/06' or '2027.2.6' → '2027-02-06'; null when it is not a real date. */
export function normalizeDate(text: string): string | null {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text.trim());
  if (!m) return null;
  const iso = isoOfParts(Number(m[1]), Number(m[2]), Number(m[3]));
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(iso) ? iso : null;
}

export interface PasteResult {
  rows: CalendarDay[];
  /** 1-based numbers of the lines that could not be read. */
  badLines: number[];
}

const MAX_SPAN_DAYS = 31;

/**
 * Reads pasted lines such as `2027-02-06,holiday,春节`, `2027-02-06 放假 春节` or `2027-02-14 上班 春节`
 * (comma, tab or spaces; a span `2027-02-06..2027-02-12` or `~` / `至` gives one row per date). Blank lines
 * and lines starting with # are skipped. The name may be left out (the row then needs one before publishing).
 */
export function parsePaste(text: string): PasteResult {
  const rows: CalendarDay[] = [];
  const badLines: number[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const [dateText = '', kindText = '', ...rest] = line.split(/\s*[,，\t;；]\s*|\s+/).filter(Boolean);
    const kind = KIND_WORDS[kindText.toLowerCase()];
    const [fromText = '', toText] = dateText.split(/\.\.|~|～|至/);
    const from = normalizeDate(fromText);
    const to = toText === undefined ? from : normalizeDate(toText);
    if (!kind || !from || !to || to < from) {
      badLines.push(i + 1);
      return;
    }
    const name = rest.join(' ').trim();
    let date = from;
    for (let n = 0; date <= to && n < MAX_SPAN_DAYS; n++, date = nextIso(date)) rows.push({ date, kind, name });
  });
  return { rows, badLines };
}

/** `base` with `added` merged in: a pasted date replaces a row of the same date; sorted by date. */
export function mergeDays<T extends { date: string }>(base: readonly T[], added: readonly T[]): T[] {
  const byDate = new Map(base.map((d) => [d.date, d]));
  for (const d of added) byDate.set(d.date, d);
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}
