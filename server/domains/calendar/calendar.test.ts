import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainOf, verifyAudit } from '../../platform/audit';
import { auditEvents } from '../../platform/audit.tables';
import { registerDeadlineRecomputer } from '../../platform/calendar';
import { AppError } from '../../platform/errors';
import { makeTenant, type Tenant } from '../../test/factories';
import { type Client, createTestContext, type TestContext } from '../../test/harness';
import { calendarYears } from './calendar.tables';
import { daysOf, HOLIDAY_SEED } from './holidays.data';

// 2027 has no arrangement in the seed; this file publishes one (test data, not the real notice), so every
// assertion about 2027 lives here, in order. Seeded years are only read, never amended, because on PostgreSQL
// all test files share one database.
let ctx: TestContext;
let tenant: Tenant;
let admin: Client;
let leader: Client;
beforeAll(async () => {
  ctx = await createTestContext();
  tenant = await makeTenant(ctx.app);
  admin = await tenant.as('admin');
  leader = await tenant.as('zone_leader');
});
afterAll(() => ctx.close());

type Day = { date: string; kind: string; name: string };
const on = (days: Day[], date: string) => days.find((d) => d.date === date);

describe('reading the seeded arrangements', () => {
  it('lists 2004–2026 with the current version of each year', async () => {
    const res = await (await tenant.as('enterprise')).get('/api/calendar/years');
    expect(res.statusCode).toBe(200);
    const years = (res.json() as { year: number }[]).filter((y) => y.year <= 2026);
    expect(years.map((y) => y.year)).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
    const list = res.json() as Array<Record<string, unknown> & { year: number }>;
    expect(list.find((y) => y.year === 2025)).toMatchObject({
      version: 1,
      versionCount: 1,
      status: 'published',
      source: expect.stringContaining('国办发明电〔2024〕12号'),
      holidayCount: 28,
      makeupCount: 5,
      createdBy: null,
    });
    expect(list.find((y) => y.year === 2026)).toMatchObject({ holidayCount: 33, makeupCount: 6 });
    expect(list.find((y) => y.year === 2020)).toMatchObject({
      version: 2,
      versionCount: 2,
      source: expect.stringContaining('延长2020年春节假期'),
    });
    // What is stored is what the data file says (current version of each year).
    for (const v of HOLIDAY_SEED) {
      const y = list.find((x) => x.year === v.year)!;
      if (y.version !== v.version) continue;
      const days = daysOf(v);
      expect(y.holidayCount).toBe(days.filter((d) => d.kind === 'holiday').length);
      expect(y.makeupCount).toBe(days.filter((d) => d.kind === 'workday').length);
    }
  });

  it('2025 National Day: 1–8 October off, Sunday 28 September and Saturday 11 October worked', async () => {
    const y = (await leader.get('/api/calendar/years/2025')).json();
    expect(y.versions).toHaveLength(1);
    for (const d of ['01', '02', '03', '04', '05', '06', '07', '08'])
      expect(on(y.days, `2025-10-${d}`)?.kind).toBe('holiday');
    expect(on(y.days, '2025-09-28')).toEqual({ date: '2025-09-28', kind: 'workday', name: '国庆节、中秋节' });
    expect(on(y.days, '2025-10-11')?.kind).toBe('workday');
    expect(on(y.days, '2025-10-09')).toBeUndefined();
  });

  it('2026 Spring Festival: nine days 15–23 February, Saturdays 14 and 28 February worked', async () => {
    const y = (await leader.get('/api/calendar/years/2026')).json();
    const spring = y.days.filter((d: Day) => d.name === '春节');
    expect(spring.filter((d: Day) => d.kind === 'holiday').map((d: Day) => d.date)).toEqual(
      Array.from({ length: 9 }, (_, i) => `2026-02-${String(15 + i).padStart(2, '0')}`),
    );
    expect(spring.filter((d: Day) => d.kind === 'workday').map((d: Day) => d.date)).toEqual([
      '2026-02-14',
      '2026-02-28',
    ]);
  });

  it('keeps the 2020 versions: version 1 still has the 1 February make-up day the extension cancelled', async () => {
    const y = (await leader.get('/api/calendar/years/2020')).json();
    expect(y.version).toBe(2);
    expect(y.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(on(y.days, '2020-02-01')?.kind).toBe('holiday');
    const v1 = await leader.get('/api/calendar/years/2020/versions/1');
    expect(v1.statusCode).toBe(200);
    expect(v1.json()).toMatchObject({ version: 1, source: expect.stringContaining('国办发明电〔2019〕16号') });
    expect(on(v1.json().days, '2020-02-01')?.kind).toBe('workday');
    expect(on(v1.json().days, '2020-01-31')).toBeUndefined();
  });

  it('answers 404 for a year or version that does not exist and 400 for a malformed one', async () => {
    expect((await leader.get('/api/calendar/years/1999')).statusCode).toBe(404);
    expect((await leader.get('/api/calendar/years/2020/versions/9')).statusCode).toBe(404);
    const bad = await leader.get('/api/calendar/years/20x0');
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().fields)).toEqual(['year']);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/calendar/years' })).statusCode).toBe(401);
  });
});

describe('working-day queries', () => {
  it.each([
    ['2025-09-26', 1, '2025-09-28'],
    ['2025-09-30', 1, '2025-10-09'],
    ['2025-09-30', 2, '2025-10-10'],
    ['2025-09-30', 3, '2025-10-11'],
    ['2026-02-13', 1, '2026-02-14'],
    ['2026-02-14', 1, '2026-02-24'],
  ])('add: %s + %i working days = %s', async (start, n, date) => {
    const res = await leader.get(`/api/calendar/workdays/add?start=${start}&n=${n}`);
    expect(res.json()).toEqual({ start, n, date, provisional: false });
  });

  it('between counts working days after `from` up to and including `to`', async () => {
    const res = await leader.get('/api/calendar/workdays/between?from=2026-02-13&to=2026-02-28');
    expect(res.json()).toEqual({ from: '2026-02-13', to: '2026-02-28', workdays: 6, provisional: false });
    const back = await leader.get('/api/calendar/workdays/between?from=2025-10-11&to=2025-09-30');
    expect(back.json()).toMatchObject({ workdays: -3, provisional: false });
  });

  it('shows a month day by day for a calendar view', async () => {
    const m = (await leader.get('/api/calendar/month?month=2026-02')).json();
    expect(m).toMatchObject({ month: '2026-02', version: 1, provisional: false, workdays: 16 });
    expect(m.days).toHaveLength(28);
    expect(m.days[0]).toEqual({
      date: '2026-02-01',
      weekday: 7,
      isWorkday: false,
      kind: null,
      name: null,
    });
    expect(on(m.days, '2026-02-14')).toMatchObject({ weekday: 6, isWorkday: true, kind: 'workday' });
    expect(on(m.days, '2026-02-16')).toMatchObject({ weekday: 1, isWorkday: false, kind: 'holiday', name: '春节' });
  });

  it('refuses bad input with 400 and field errors, in the caller’s language', async () => {
    const cases: [string, string][] = [
      ['/api/calendar/workdays/add?start=2025-02-30&n=1', 'start'],
      ['/api/calendar/workdays/add?start=2025-02-03&n=-1', 'n'],
      ['/api/calendar/workdays/add?start=2025-02-03&n=abc', 'n'],
      ['/api/calendar/workdays/add?n=1', 'start'],
      ['/api/calendar/workdays/between?from=2000-01-01&to=2026-01-01', 'to'],
      ['/api/calendar/month?month=2026-13', 'month'],
      ['/api/calendar/month', 'month'],
    ];
    for (const [url, field] of cases) {
      const res = await leader.get(url);
      expect(res.statusCode, url).toBe(400);
      expect(Object.keys(res.json().fields), url).toContain(field);
    }
    for (const url of [
      '/api/calendar/workdays/add?start=9999-12-31&n=1000',
      '/api/calendar/workdays/add?start=0001-01-01&n=3',
      '/api/calendar/month?month=0001-01',
      '/api/calendar/workdays/between?from=9990-01-01&to=9999-12-31',
    ]) {
      const res = await leader.get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.json().provisional, url).toBe(true);
    }
    const zh = await leader.get('/api/calendar/month?month=2026-2');
    expect(zh.json().fields).toEqual({ month: '月份格式应为 YYYY-MM' });
    const en = await leader.get('/api/calendar/workdays/between?from=2000-01-01&to=2026-01-01', {
      headers: { 'accept-language': 'en-US' },
    });
    expect(en.json().fields).toEqual({ to: 'The range may span at most 10 years' });
  });
});

// A made-up 2027 arrangement (the test does not claim it is the real notice).
const days2027 = [
  { date: '2027-01-01', kind: 'holiday', name: '元旦' },
  ...['06', '07', '08', '09', '10', '11', '12'].map((d) => ({ date: `2027-02-${d}`, kind: 'holiday', name: '春节' })),
  { date: '2027-02-13', kind: 'workday', name: '春节' },
];

describe('publishing a new version (2027)', () => {
  it('only the platform admin may publish', async () => {
    const body = { source: '测试', days: days2027 };
    expect((await leader.post('/api/calendar/years/2027/versions', body)).statusCode).toBe(403);
    expect(
      (await (await tenant.as('province_viewer')).post('/api/calendar/years/2027/versions', body)).statusCode,
    ).toBe(403);
  });

  it('refuses invalid arrangements with field paths', async () => {
    const post = (days: unknown[], extra: Record<string, unknown> = {}) =>
      admin.post('/api/calendar/years/2027/versions', { source: '测试数据', days, ...extra });
    const empty = await admin.post('/api/calendar/years/2027/versions', {});
    expect(empty.statusCode).toBe(400);
    expect(Object.keys(empty.json().fields)).toEqual(expect.arrayContaining(['source', 'days']));
    const cases: [unknown[], Record<string, string>][] = [
      [[{ date: '2028-01-01', kind: 'holiday', name: '元旦' }], { 'days.0.date': '日期不在 2027 年内' }],
      [[...days2027, { date: '2027-02-08', kind: 'holiday', name: '重复' }], { 'days.9.date': '该日期重复出现' }],
      [
        [days2027[0], { date: '2027-02-10', kind: 'workday', name: '春节' }],
        { 'days.1.kind': '调休上班日必须是星期六或星期日' },
      ],
      [[{ date: '2027-02-30', kind: 'holiday', name: 'x' }], { 'days.0.date': '日期格式应为 YYYY-MM-DD' }],
      [[{ date: '2027-02-01', kind: 'rest', name: '' }], { 'days.0.kind': expect.any(String), 'days.0.name': '必填' }],
    ];
    for (const [days, fields] of cases) {
      const res = await post(days);
      expect(res.statusCode, JSON.stringify(days)).toBe(400);
      expect(res.json()).toMatchObject({ code: 'VALIDATION', fields });
    }
    const en = await admin.post(
      '/api/calendar/years/2027/versions',
      { source: '测试数据', days: [{ date: '2026-12-31', kind: 'holiday', name: 'x' }] },
      { headers: { 'accept-language': 'en' } },
    );
    expect(en.json().fields).toEqual({ 'days.0.date': 'The date is not in 2027' });
    expect((await leader.get('/api/calendar/years/2027')).statusCode).toBe(404);
  });

  it('is provisional before, exact after; recomputers run in the publishing transaction; audited', async () => {
    const before = (await leader.get('/api/calendar/workdays/add?start=2026-12-30&n=3')).json();
    expect(before).toMatchObject({ date: '2027-01-04', provisional: true }); // 1 January assumed a working day
    expect((await leader.get('/api/calendar/month?month=2027-01')).json()).toMatchObject({
      version: null,
      provisional: true,
    });

    const calls: { years: number[]; stored: number; dueInTx: string }[] = [];
    const off = registerDeadlineRecomputer('test-deadlines', async (tx, years, calendar) => {
      const stored = await tx.select().from(calendarYears).where(eq(calendarYears.year, 2027)); // not yet committed
      calls.push({ years, stored: stored.length, dueInTx: calendar.addWorkdays('2026-12-30', 3).date });
      return 3;
    });
    try {
      const res = await admin.post('/api/calendar/years/2027/versions', {
        source: '测试：2027年部分节假日安排（测试数据）',
        note: 'v1',
        days: days2027,
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ year: 2027, version: 1, holidayCount: 8, makeupCount: 1 });
      expect(res.json().recomputed).toMatchObject({ 'test-deadlines': 3 }); // other domains' recomputers run too
      expect(res.json().createdBy).toBe(tenant.users.admin.id);
      expect(calls).toEqual([{ years: [2027], stored: 1, dueInTx: '2027-01-05' }]);
    } finally {
      off();
    }

    const after = (await leader.get('/api/calendar/workdays/add?start=2026-12-30&n=3')).json();
    expect(after).toMatchObject({ date: '2027-01-05', provisional: false });
    expect((await leader.get('/api/calendar/workdays/add?start=2027-02-05&n=1')).json().date).toBe('2027-02-13');

    const [event] = await ctx.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, 'calendar_year'), eq(auditEvents.entityId, '2027/v1')));
    expect(event).toMatchObject({ chain: chainOf(null), zoneId: null, action: 'publish', actorRole: 'admin' });
    expect(event!.after).toMatchObject({ version: 1, recomputed: { 'test-deadlines': 3 } });
    expect((await verifyAudit(ctx.database.db, { chains: ['platform'] })).ok).toBe(true);
  });

  it('an amendment (2020 style: a make-up day cancelled) replaces the arrangement and keeps version 1', async () => {
    const amended = [
      ...days2027.filter((d) => d.kind === 'holiday'),
      { date: '2027-02-13', kind: 'holiday', name: '春节' },
      { date: '2027-02-14', kind: 'holiday', name: '春节' },
    ];
    const res = await admin.post('/api/calendar/years/2027/versions', {
      source: '测试：延长2027年春节假期（测试数据）',
      days: amended,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ version: 2, makeupCount: 0, recomputed: {} });
    expect((await leader.get('/api/calendar/workdays/add?start=2027-02-05&n=1')).json().date).toBe('2027-02-15');
    const y = (await leader.get('/api/calendar/years/2027')).json();
    expect(y.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const v1 = (await leader.get('/api/calendar/years/2027/versions/1')).json();
    expect(on(v1.days, '2027-02-13')?.kind).toBe('workday');
    const audit = await ctx.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, 'calendar_year'), eq(auditEvents.entityId, '2027/v2')));
    expect(audit[0]!.before).toMatchObject({ version: 1 });
  });

  it('a failing recomputer aborts the whole publish', async () => {
    const off = registerDeadlineRecomputer('failing', async () => {
      throw new AppError(409, 'CONFLICT');
    });
    try {
      const res = await admin.post('/api/calendar/years/2027/versions', { source: '不会生效', days: days2027 });
      expect(res.statusCode).toBe(409);
    } finally {
      off();
    }
    expect((await leader.get('/api/calendar/years/2027')).json().version).toBe(2);
    expect((await leader.get('/api/calendar/workdays/add?start=2027-02-05&n=1')).json().date).toBe('2027-02-15');
  });
});
