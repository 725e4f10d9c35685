import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainOf, verifyAudit } from '../../platform/audit';
import { auditEvents } from '../../platform/audit.tables';
import { registerDeadlineRecomputer } from '../../platform/calendar';
import { makeTenant, type Tenant } from '../../test/factories';
import { type Client, createTestContext, TEST_DB, type TestContext } from '../../test/harness';
import { importFile, sheetRows, xlsxOf } from '../../test/imports';

// The worked example imports 2027. On PGlite this file has its own database; on the shared PostgreSQL other files
// rely on 2027 having no arrangement (or publish it themselves), so there the same example runs on 2199 — a year
// nothing else touches, with the same weekdays as 2027 shifted (only the weekday rule depends on the year).
const Y = TEST_DB === 'pglite' ? 2027 : 2199;
const d = (md: string) => `${Y}-${md}`;
/** The nearest Saturday on or after `md` in year Y (a make-up working day must fall on a weekend). */
function saturdayFrom(md: string): string {
  const t = new Date(`${d(md)}T00:00:00Z`);
  while (t.getUTCDay() !== 6) t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().slice(0, 10);
}
/** The nearest Wednesday on or after `md`. */
function wednesdayFrom(md: string): string {
  const t = new Date(`${d(md)}T00:00:00Z`);
  while (t.getUTCDay() !== 3) t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().slice(0, 10);
}
/** The first working day of year Y on plain Mon–Fri weeks (2 January unless that is a weekend). */
function firstMonToFri(fromMd: string): string {
  const t = new Date(`${d(fromMd)}T00:00:00Z`);
  while (t.getUTCDay() === 0 || t.getUTCDay() === 6) t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().slice(0, 10);
}

const header = ['日期', '类型', '节日名称'];
const good = () => [
  [d('01-01'), '放假', '元旦'],
  [d('02-06'), '放假', '春节'],
  [d('02-07'), '放假', '春节'],
  [d('02-08'), 'holiday', '春节'],
  [saturdayFrom('02-13'), '调休上班', '春节'],
];

let ctx: TestContext;
let tenant: Tenant;
let admin: Client;
beforeAll(async () => {
  ctx = await createTestContext();
  tenant = await makeTenant(ctx.app);
  admin = await tenant.as('admin');
});
afterAll(() => ctx.close());

describe(`calendar import (DOMAIN.md §3: an admin imports a year's arrangement) — ${Y}`, () => {
  it('only the platform admin may download the template or upload; the template has the three columns', async () => {
    const leader = await tenant.as('zone_leader');
    expect((await leader.get('/api/imports/calendar-days/template')).statusCode).toBe(403);
    expect((await leader.post('/api/imports/calendar-days', 'x')).statusCode).toBe(403);
    const res = await admin.get('/api/imports/calendar-days/template');
    expect(res.statusCode).toBe(200);
    const rows = await sheetRows(res.rawPayload);
    expect(rows[0]).toEqual(
      expect.arrayContaining(['日期*', '类型*', '节日名称*'].map((h) => expect.stringContaining(h.slice(0, 2)))),
    );
  });

  it('refuses the whole file on any bad row: bad date, other year, duplicate date, make-up day on a weekday', async () => {
    const file = await xlsxOf(header, [
      ...good(),
      [`${Y}-02-30`, '放假', '坏日期'],
      [`${Y + 1}-01-01`, '放假', '元旦'],
      [d('02-07'), '放假', '重复'],
      [wednesdayFrom('03-01'), '调休上班', '周中调休'],
      [d('05-01'), '休息', ''],
    ]);
    const job = await importFile(admin, 'calendar-days', file, { filename: 'cal.xlsx' });
    expect(job.status).toBe('failed_validation');
    const byRow = new Map<number | null, string[]>();
    for (const e of job.errors) byRow.set(e.row, [...(byRow.get(e.row) ?? []), `${e.column}:${e.message}`]);
    expect(byRow.get(7)).toEqual([expect.stringMatching(/^日期/)]);
    expect(byRow.get(8)).toEqual([`日期:日期不在 ${Y} 年内（一个文件只导入一年，以第一行的日期为准）`]);
    expect(byRow.get(9)).toEqual([expect.stringMatching(/^日期:.*第 ?4 ?行/)]);
    expect(byRow.get(10)).toEqual(['类型:调休上班日必须是星期六或星期日']);
    expect(byRow.get(11)?.length).toBe(2); // unknown kind, empty name
    // Nothing was published.
    expect((await admin.get(`/api/calendar/years/${Y}`)).statusCode).toBe(404);
  });

  it(`worked example: importing ${Y} publishes version 1, a deadline in ${Y} stops being provisional, open deadlines are recomputed and audited`, async () => {
    // 5 February (a Friday in 2027 and 2199) + 3 working days: without an arrangement Monday 8 February (春节 in the
    // file) counts as a working day. The whole range is inside Y, so it is provisional only until Y is published.
    const start = d('02-05');
    const before = (await admin.get(`/api/calendar/workdays/add?start=${start}&n=3`)).json();
    expect(before.provisional).toBe(true);

    const calls: number[][] = [];
    const off = registerDeadlineRecomputer('import-test', async (_tx, years, calendar) => {
      calls.push(years);
      expect(calendar.hasArrangement(Y)).toBe(true); // the new version is visible inside the transaction
      return 2;
    });
    let job: Awaited<ReturnType<typeof importFile>>;
    try {
      const csv = `${header.join(',')}\n${good()
        .map((r) => r.join(','))
        .join('\n')}\n`;
      job = await importFile(admin, 'calendar-days', csv, { filename: `${Y}.csv` });
    } finally {
      off();
    }
    expect(job.status).toBe('succeeded');
    expect(calls).toEqual([[Y]]);

    const year = (await admin.get(`/api/calendar/years/${Y}`)).json();
    expect(year).toMatchObject({ year: Y, version: 1, holidayCount: 4, makeupCount: 1, source: '表格导入（5 天）' });
    expect(year.createdBy).toBe(tenant.users.admin.id);

    const after = (await admin.get(`/api/calendar/workdays/add?start=${start}&n=3`)).json();
    expect(after.provisional).toBe(false);
    // 8 February is now a holiday, so the deadline moves one working day later than the provisional guess.
    expect(after.date > before.date).toBe(true);
    expect(after.date).toBe(firstMonToFri(after.date.slice(5)));

    const [publish] = await ctx.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, 'calendar_year'), eq(auditEvents.entityId, `${Y}/v1`)));
    expect(publish).toMatchObject({ chain: chainOf(null), action: 'publish', actorRole: 'admin' });
    expect(publish!.after).toMatchObject({ version: 1, recomputed: { 'import-test': 2 } });
    const imported = await ctx.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, 'calendar_day'), eq(auditEvents.action, 'import')));
    expect(imported.filter((e) => e.entityId === job.id)).toHaveLength(1);
    expect((await verifyAudit(ctx.database.db, { chains: ['platform'] })).ok).toBe(true);
  });

  it('a mid-year amendment by import publishes version 2 (the make-up day cancelled), version 1 stays readable', async () => {
    const amended = good().filter((r) => r[1] !== '调休上班');
    amended.push([saturdayFrom('02-13'), '放假', '春节']);
    const job = await importFile(admin, 'calendar-days', await xlsxOf(header, amended));
    expect(job.status).toBe('succeeded');
    const year = (await admin.get(`/api/calendar/years/${Y}`)).json();
    expect(year).toMatchObject({ version: 2, holidayCount: 5, makeupCount: 0 });
    expect(year.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const v1 = (await admin.get(`/api/calendar/years/${Y}/versions/1`)).json();
    expect(v1.days.find((x: { date: string }) => x.date === saturdayFrom('02-13')).kind).toBe('workday');
  });
});
