/**
 * The State Council's holiday arrangements 2004–2026 (国务院办公厅《关于 N 年部分节假日安排的通知》 and
 * the amendments), as published, one entry per version of a year. Seeded into calendar_years/calendar_days by
 * calendar.seed.ts when the calendar is empty. Cross-checked against the `chinese-days` package in
 * chinese-days.test.ts (the differences there are deliberate and explained).
 *
 * Conventions:
 * - `off` lists what the notice gives as days off: 'MM-DD' or a span 'MM-DD..MM-DD' (every date of a
 *   "X至Y放假" span, weekends included). "X放假，与周末连休" records X only; "X放假，Y补休" records X and Y.
 * - `work` lists the make-up working days (调休上班), always a Saturday or Sunday.
 * - A version holds dates of its own calendar year only. Days of a notice that fall in December of the year
 *   before (e.g. the 2008 notice works 29 Dec 2007 and gives 30–31 Dec 2007 off) become a new version of that
 *   year, as they would when an administrator enters the notice on the day it is published.
 * - A later version replaces the whole arrangement of its year: it repeats the unchanged festivals.
 */

export interface HolidaySpan {
  /** Festival as the notice names the section, e.g. 春节, 国庆节、中秋节. */
  name: string;
  off: readonly string[];
  work?: readonly string[];
}

export interface SeedVersion {
  year: number;
  version: number;
  source: string;
  note: string;
  spans: readonly HolidaySpan[];
}

const notice = (year: number, no?: string) => `国务院办公厅关于${year}年部分节假日安排的通知${no ? `（${no}）` : ''}`;

/** The arrangement with the span(s) named `name` replaced. */
function replaceSpan(spans: readonly HolidaySpan[], name: string, by: HolidaySpan): HolidaySpan[] {
  return spans.map((s) => (s.name === name ? by : s));
}

const Y2004: HolidaySpan[] = [
  { name: '元旦', off: ['01-01'] },
  { name: '春节', off: ['01-22..01-28'], work: ['01-17', '01-18'] },
  { name: '劳动节', off: ['05-01..05-07'], work: ['05-08', '05-09'] },
  { name: '国庆节', off: ['10-01..10-07'], work: ['10-09', '10-10'] },
];
const Y2005: HolidaySpan[] = [
  { name: '元旦', off: ['01-01..01-03'] },
  { name: '春节', off: ['02-09..02-15'], work: ['02-05', '02-06'] },
  { name: '劳动节', off: ['05-01..05-07'], work: ['04-30', '05-08'] },
  { name: '国庆节', off: ['10-01..10-07'], work: ['10-08', '10-09'] },
];
const Y2006: HolidaySpan[] = [
  { name: '元旦', off: ['01-01..01-03'] },
  { name: '春节', off: ['01-29..02-04'], work: ['01-28', '02-05'] },
  { name: '劳动节', off: ['05-01..05-07'], work: ['04-29', '04-30'] },
  { name: '国庆节', off: ['10-01..10-07'], work: ['09-30', '10-08'] },
];
const Y2007: HolidaySpan[] = [
  { name: '元旦', off: ['01-01..01-03'] },
  { name: '春节', off: ['02-18..02-24'], work: ['02-17', '02-25'] },
  { name: '劳动节', off: ['05-01..05-07'], work: ['04-28', '04-29'] },
  { name: '国庆节', off: ['10-01..10-07'], work: ['09-29', '09-30'] },
];
const Y2008: HolidaySpan[] = [
  { name: '元旦', off: ['01-01'] },
  { name: '春节', off: ['02-06..02-12'], work: ['02-02', '02-03'] },
  { name: '清明节', off: ['04-04..04-06'] },
  { name: '劳动节', off: ['05-01..05-03'], work: ['05-04'] },
  { name: '端午节', off: ['06-07..06-09'] },
  { name: '中秋节', off: ['09-13..09-15'] },
  { name: '国庆节', off: ['09-29..10-05'], work: ['09-27', '09-28'] },
];
const Y2009: HolidaySpan[] = [
  { name: '元旦', off: ['01-01..01-03'], work: ['01-04'] },
  { name: '春节', off: ['01-25..01-31'], work: ['01-24', '02-01'] },
  { name: '清明节', off: ['04-04..04-06'] },
  { name: '劳动节', off: ['05-01..05-03'] },
  { name: '端午节', off: ['05-28..05-30'], work: ['05-31'] },
  { name: '国庆节、中秋节', off: ['10-01..10-08'], work: ['09-27', '10-10'] },
];
const Y2010: HolidaySpan[] = [
  { name: '元旦', off: ['01-01..01-03'] },
  { name: '春节', off: ['02-13..02-19'], work: ['02-20', '02-21'] },
  { name: '清明节', off: ['04-03..04-05'] },
  { name: '劳动节', off: ['05-01..05-03'] },
  { name: '端午节', off: ['06-14..06-16'], work: ['06-12', '06-13'] },
  { name: '中秋节', off: ['09-22..09-24'], work: ['09-19', '09-25'] },
  { name: '国庆节', off: ['10-01..10-07'], work: ['09-26', '10-09'] },
];
const Y2011: HolidaySpan[] = [
  { name: '元旦', off: ['01-01..01-03'] },
  { name: '春节', off: ['02-02..02-08'], work: ['01-30', '02-12'] },
  { name: '清明节', off: ['04-03..04-05'], work: ['04-02'] },
  { name: '劳动节', off: ['04-30..05-02'] },
  { name: '端午节', off: ['06-04..06-06'] },
  { name: '中秋节', off: ['09-10..09-12'] },
  { name: '国庆节', off: ['10-01..10-07'], work: ['10-08', '10-09'] },
];
const Y2012: HolidaySpan[] = [
  { name: '元旦', off: ['01-01..01-03'] },
  { name: '春节', off: ['01-22..01-28'], work: ['01-21', '01-29'] },
  { name: '清明节', off: ['04-02..04-04'], work: ['03-31', '04-01'] },
  { name: '劳动节', off: ['04-29..05-01'], work: ['04-28'] },
  { name: '端午节', off: ['06-22..06-24'] },
  { name: '中秋节、国庆节', off: ['09-30..10-07'], work: ['09-29'] },
];
const Y2013: HolidaySpan[] = [
  { name: '元旦', off: ['01-01..01-03'], work: ['01-05', '01-06'] },
  { name: '春节', off: ['02-09..02-15'], work: ['02-16', '02-17'] },
  { name: '清明节', off: ['04-04..04-06'], work: ['04-07'] },
  { name: '劳动节', off: ['04-29..05-01'], work: ['04-27', '04-28'] },
  { name: '端午节', off: ['06-10..06-12'], work: ['06-08', '06-09'] },
  { name: '中秋节', off: ['09-19..09-21'], work: ['09-22'] },
  { name: '国庆节', off: ['10-01..10-07'], work: ['09-29', '10-12'] },
];
const Y2014: HolidaySpan[] = [
  { name: '元旦', off: ['01-01'] },
  { name: '春节', off: ['01-31..02-06'], work: ['01-26', '02-08'] },
  { name: '清明节', off: ['04-05', '04-07'] },
  { name: '劳动节', off: ['05-01..05-03'], work: ['05-04'] },
  { name: '端午节', off: ['06-02'] },
  { name: '中秋节', off: ['09-08'] },
  { name: '国庆节', off: ['10-01..10-07'], work: ['09-28', '10-11'] },
];
const Y2015: HolidaySpan[] = [
  { name: '元旦', off: ['01-01..01-03'], work: ['01-04'] },
  { name: '春节', off: ['02-18..02-24'], work: ['02-15', '02-28'] },
  { name: '清明节', off: ['04-05', '04-06'] },
  { name: '劳动节', off: ['05-01'] },
  { name: '端午节', off: ['06-20', '06-22'] },
  { name: '中秋节', off: ['09-27'] },
  { name: '国庆节', off: ['10-01..10-07'], work: ['10-10'] },
];
const Y2016: HolidaySpan[] = [
  { name: '元旦', off: ['01-01'] },
  { name: '春节', off: ['02-07..02-13'], work: ['02-06', '02-14'] },
  { name: '清明节', off: ['04-04'] },
  { name: '劳动节', off: ['05-01', '05-02'] },
  { name: '端午节', off: ['06-09..06-11'], work: ['06-12'] },
  { name: '中秋节', off: ['09-15..09-17'], work: ['09-18'] },
  { name: '国庆节', off: ['10-01..10-07'], work: ['10-08', '10-09'] },
];
const Y2017: HolidaySpan[] = [
  { name: '元旦', off: ['01-01', '01-02'] },
  { name: '春节', off: ['01-27..02-02'], work: ['01-22', '02-04'] },
  { name: '清明节', off: ['04-02..04-04'], work: ['04-01'] },
  { name: '劳动节', off: ['05-01'] },
  { name: '端午节', off: ['05-28..05-30'], work: ['05-27'] },
  { name: '中秋节、国庆节', off: ['10-01..10-08'], work: ['09-30'] },
];
const Y2018: HolidaySpan[] = [
  { name: '元旦', off: ['01-01'] },
  { name: '春节', off: ['02-15..02-21'], work: ['02-11', '02-24'] },
  { name: '清明节', off: ['04-05..04-07'], work: ['04-08'] },
  { name: '劳动节', off: ['04-29..05-01'], work: ['04-28'] },
  { name: '端午节', off: ['06-18'] },
  { name: '中秋节', off: ['09-24'] },
  { name: '国庆节', off: ['10-01..10-07'], work: ['09-29', '09-30'] },
];
const Y2019: HolidaySpan[] = [
  { name: '元旦', off: ['01-01'] },
  { name: '春节', off: ['02-04..02-10'], work: ['02-02', '02-03'] },
  { name: '清明节', off: ['04-05'] },
  { name: '劳动节', off: ['05-01'] },
  { name: '端午节', off: ['06-07'] },
  { name: '中秋节', off: ['09-13'] },
  { name: '国庆节', off: ['10-01..10-07'], work: ['09-29', '10-12'] },
];
const Y2020: HolidaySpan[] = [
  { name: '元旦', off: ['01-01'] },
  { name: '春节', off: ['01-24..01-30'], work: ['01-19', '02-01'] },
  { name: '清明节', off: ['04-04..04-06'] },
  { name: '劳动节', off: ['05-01..05-05'], work: ['04-26', '05-09'] },
  { name: '端午节', off: ['06-25..06-27'], work: ['06-28'] },
  { name: '国庆节、中秋节', off: ['10-01..10-08'], work: ['09-27', '10-10'] },
];
const Y2021: HolidaySpan[] = [
  { name: '元旦', off: ['01-01..01-03'] },
  { name: '春节', off: ['02-11..02-17'], work: ['02-07', '02-20'] },
  { name: '清明节', off: ['04-03..04-05'] },
  { name: '劳动节', off: ['05-01..05-05'], work: ['04-25', '05-08'] },
  { name: '端午节', off: ['06-12..06-14'] },
  { name: '中秋节', off: ['09-19..09-21'], work: ['09-18'] },
  { name: '国庆节', off: ['10-01..10-07'], work: ['09-26', '10-09'] },
];
const Y2022: HolidaySpan[] = [
  { name: '元旦', off: ['01-01..01-03'] },
  { name: '春节', off: ['01-31..02-06'], work: ['01-29', '01-30'] },
  { name: '清明节', off: ['04-03..04-05'], work: ['04-02'] },
  { name: '劳动节', off: ['04-30..05-04'], work: ['04-24', '05-07'] },
  { name: '端午节', off: ['06-03..06-05'] },
  { name: '中秋节', off: ['09-10..09-12'] },
  { name: '国庆节', off: ['10-01..10-07'], work: ['10-08', '10-09'] },
];
const Y2023: HolidaySpan[] = [
  { name: '元旦', off: ['01-01', '01-02'] },
  { name: '春节', off: ['01-21..01-27'], work: ['01-28', '01-29'] },
  { name: '清明节', off: ['04-05'] },
  { name: '劳动节', off: ['04-29..05-03'], work: ['04-23', '05-06'] },
  { name: '端午节', off: ['06-22..06-24'], work: ['06-25'] },
  { name: '中秋节、国庆节', off: ['09-29..10-06'], work: ['10-07', '10-08'] },
];
const Y2024: HolidaySpan[] = [
  { name: '元旦', off: ['01-01'] },
  { name: '春节', off: ['02-10..02-17'], work: ['02-04', '02-18'] },
  { name: '清明节', off: ['04-04..04-06'], work: ['04-07'] },
  { name: '劳动节', off: ['05-01..05-05'], work: ['04-28', '05-11'] },
  { name: '端午节', off: ['06-10'] },
  { name: '中秋节', off: ['09-15..09-17'], work: ['09-14'] },
  { name: '国庆节', off: ['10-01..10-07'], work: ['09-29', '10-12'] },
];
const Y2025: HolidaySpan[] = [
  { name: '元旦', off: ['01-01'] },
  { name: '春节', off: ['01-28..02-04'], work: ['01-26', '02-08'] },
  { name: '清明节', off: ['04-04..04-06'] },
  { name: '劳动节', off: ['05-01..05-05'], work: ['04-27'] },
  { name: '端午节', off: ['05-31..06-02'] },
  { name: '国庆节、中秋节', off: ['10-01..10-08'], work: ['09-28', '10-11'] },
];
const Y2026: HolidaySpan[] = [
  { name: '元旦', off: ['01-01..01-03'], work: ['01-04'] },
  { name: '春节', off: ['02-15..02-23'], work: ['02-14', '02-28'] },
  { name: '清明节', off: ['04-04..04-06'] },
  { name: '劳动节', off: ['05-01..05-05'], work: ['05-09'] },
  { name: '端午节', off: ['06-19..06-21'] },
  { name: '中秋节', off: ['09-25..09-27'] },
  { name: '国庆节', off: ['10-01..10-07'], work: ['09-20', '10-10'] },
];

const decemberOf = (next: number) => `${next}年元旦安排中落在${next - 1}年12月的日期（第1版的安排不变）`;

export const HOLIDAY_SEED: readonly SeedVersion[] = [
  { year: 2004, version: 1, source: notice(2004), note: '', spans: Y2004 },
  { year: 2005, version: 1, source: notice(2005), note: '', spans: Y2005 },
  {
    year: 2005,
    version: 2,
    source: notice(2006),
    note: `${decemberOf(2006)}：12月31日（星期六）上班`,
    spans: [...Y2005, { name: '元旦', off: [], work: ['12-31'] }],
  },
  { year: 2006, version: 1, source: notice(2006), note: '', spans: Y2006 },
  {
    year: 2006,
    version: 2,
    source: notice(2007),
    note: `${decemberOf(2007)}：12月30日（星期六）、31日（星期日）上班`,
    spans: [...Y2006, { name: '元旦', off: [], work: ['12-30', '12-31'] }],
  },
  { year: 2007, version: 1, source: notice(2007), note: '', spans: Y2007 },
  {
    year: 2007,
    version: 2,
    source: notice(2008, '国办发明电〔2007〕52号'),
    note: `${decemberOf(2008)}：12月30日至31日放假，12月29日（星期六）上班`,
    spans: [...Y2007, { name: '元旦', off: ['12-30..12-31'], work: ['12-29'] }],
  },
  { year: 2008, version: 1, source: notice(2008, '国办发明电〔2007〕52号'), note: '', spans: Y2008 },
  { year: 2009, version: 1, source: notice(2009, '国办发明电〔2008〕42号'), note: '', spans: Y2009 },
  { year: 2010, version: 1, source: notice(2010, '国办发明电〔2009〕27号'), note: '', spans: Y2010 },
  { year: 2011, version: 1, source: notice(2011, '国办发明电〔2010〕40号'), note: '', spans: Y2011 },
  {
    year: 2011,
    version: 2,
    source: notice(2012, '国办发明电〔2011〕45号'),
    note: `${decemberOf(2012)}：12月31日（星期六）上班`,
    spans: [...Y2011, { name: '元旦', off: [], work: ['12-31'] }],
  },
  { year: 2012, version: 1, source: notice(2012, '国办发明电〔2011〕45号'), note: '', spans: Y2012 },
  { year: 2013, version: 1, source: notice(2013, '国办发明电〔2012〕33号'), note: '', spans: Y2013 },
  { year: 2014, version: 1, source: notice(2014, '国办发明电〔2013〕28号'), note: '', spans: Y2014 },
  { year: 2015, version: 1, source: notice(2015, '国办发明电〔2014〕28号'), note: '', spans: Y2015 },
  {
    year: 2015,
    version: 2,
    source: '国务院关于中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日调休放假的通知（国发明电〔2015〕1号）',
    note: '增加9月3日至5日调休放假，9月6日（星期日）上班',
    spans: [...Y2015, { name: '抗战胜利70周年纪念日', off: ['09-03..09-05'], work: ['09-06'] }],
  },
  { year: 2016, version: 1, source: notice(2016, '国办发明电〔2015〕18号'), note: '', spans: Y2016 },
  { year: 2017, version: 1, source: notice(2017, '国办发明电〔2016〕17号'), note: '', spans: Y2017 },
  { year: 2018, version: 1, source: notice(2018, '国办发明电〔2017〕12号'), note: '', spans: Y2018 },
  {
    year: 2018,
    version: 2,
    source: notice(2019, '国办发明电〔2018〕15号'),
    note: `${decemberOf(2019)}：12月30日至31日放假，12月29日（星期六）上班`,
    spans: [...Y2018, { name: '元旦', off: ['12-30..12-31'], work: ['12-29'] }],
  },
  { year: 2019, version: 1, source: notice(2019, '国办发明电〔2018〕15号'), note: '', spans: Y2019 },
  {
    year: 2019,
    version: 2,
    source: '国务院办公厅关于调整2019年劳动节假期安排的通知（国办发明电〔2019〕3号）',
    note: '劳动节改为5月1日至4日放假调休，4月28日（星期日）、5月5日（星期日）上班',
    spans: replaceSpan(Y2019, '劳动节', { name: '劳动节', off: ['05-01..05-04'], work: ['04-28', '05-05'] }),
  },
  { year: 2020, version: 1, source: notice(2020, '国办发明电〔2019〕16号'), note: '', spans: Y2020 },
  {
    year: 2020,
    version: 2,
    source: '国务院办公厅关于延长2020年春节假期的通知（国办发明电〔2020〕1号）',
    note: '春节假期延长至2月2日（农历正月初九，星期日），2月3日（星期一）起正常上班；2月1日（星期六）不再上班',
    spans: replaceSpan(Y2020, '春节', { name: '春节', off: ['01-24..02-02'], work: ['01-19'] }),
  },
  { year: 2021, version: 1, source: notice(2021, '国办发明电〔2020〕27号'), note: '', spans: Y2021 },
  { year: 2022, version: 1, source: notice(2022, '国办发明电〔2021〕11号'), note: '', spans: Y2022 },
  {
    year: 2022,
    version: 2,
    source: notice(2023, '国办发明电〔2022〕16号'),
    note: `${decemberOf(2023)}：12月31日放假`,
    spans: [...Y2022, { name: '元旦', off: ['12-31'] }],
  },
  { year: 2023, version: 1, source: notice(2023, '国办发明电〔2022〕16号'), note: '', spans: Y2023 },
  { year: 2024, version: 1, source: notice(2024, '国办发明电〔2023〕7号'), note: '', spans: Y2024 },
  { year: 2025, version: 1, source: notice(2025, '国办发明电〔2024〕12号'), note: '', spans: Y2025 },
  { year: 2026, version: 1, source: notice(2026, '国办发明电〔2025〕7号'), note: '', spans: Y2026 },
];

export interface SeedDay {
  date: string;
  kind: 'holiday' | 'workday';
  name: string;
}

/** Every date of 'MM-DD' or 'MM-DD..MM-DD' in `year` (UTC date arithmetic). */
function datesOf(year: number, entry: string): string[] {
  const [from, to = from] = entry.split('..') as [string, string?];
  const out: string[] = [];
  const end = Date.parse(`${year}-${to}T00:00:00Z`);
  for (let t = Date.parse(`${year}-${from}T00:00:00Z`); t <= end; t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  if (out.length === 0) throw new Error(`bad holiday span ${year} ${entry}`);
  return out;
}

/** The days of one seeded version, sorted by date. */
export function daysOf(v: SeedVersion): SeedDay[] {
  const days: SeedDay[] = [];
  for (const s of v.spans) {
    for (const e of s.off) for (const date of datesOf(v.year, e)) days.push({ date, kind: 'holiday', name: s.name });
    for (const e of s.work ?? [])
      for (const date of datesOf(v.year, e)) days.push({ date, kind: 'workday', name: s.name });
  }
  return days.sort((a, b) => a.date.localeCompare(b.date));
}
