import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTenant, type Tenant } from '../../test/factories';
import { awaitJob, createTestContext, type TestContext } from '../../test/harness';
import { importFile, upload, XLSX, xlsxOf } from '../../test/imports';
import { touchJob } from './imports.repository';
import { importQueue } from './imports.service';
import { importJobs } from './imports.tables';

let ctx: TestContext;
let tenant: Tenant;
let other: Tenant;
beforeAll(async () => {
  ctx = await createTestContext();
  tenant = await makeTenant(ctx.app);
  other = await makeTenant(ctx.app);
});
afterAll(() => ctx.close());

const HEADER = ['工号', '姓名', '性别', '部门', '岗位', '编制类型', '档案职级', '手机', '入职日期'];

describe('upload checks (before anything is stored)', () => {
  it('refuses files over 50 MB with 413 and a clear code', async () => {
    const c = await tenant.as('zone_leader');
    const res = await upload(c, 'staff', Buffer.alloc(50 * 1024 * 1024 + 1, 0x41), { filename: 'big.csv' });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({
      code: 'IMPORT_FILE_TOO_LARGE',
      message: '文件过大，最大允许 50 MB，请拆分后上传',
    });
  });

  it('refuses wrong types, renamed files, old .xls, empty and missing bodies', async () => {
    const c = await tenant.as('zone_leader');
    const xlsx = await xlsxOf(HEADER, []);
    const ole2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]);
    const cases: [Buffer | string, { filename?: string; contentType?: string }, number, string][] = [
      [xlsx, { filename: 'a.png', contentType: 'image/png' }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
      [xlsx, { filename: 'a.pdf', contentType: 'application/octet-stream' }, 415, 'IMPORT_FILE_TYPE'],
      [ole2, { filename: 'a.xls', contentType: 'application/vnd.ms-excel' }, 415, 'IMPORT_XLS_UNSUPPORTED'],
      [ole2, { filename: 'a.xlsx' }, 415, 'IMPORT_XLS_UNSUPPORTED'],
      ['工号,姓名\n1,2', { filename: 'a.xlsx' }, 415, 'IMPORT_FILE_MISMATCH'],
      [xlsx, { filename: 'a.csv' }, 415, 'IMPORT_FILE_MISMATCH'],
      [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]), { filename: 'a.csv' }, 415, 'IMPORT_FILE_MISMATCH'],
      [Buffer.alloc(0), { filename: 'a.csv' }, 400, 'IMPORT_FILE_EMPTY'],
    ];
    for (const [body, opts, status, code] of cases) {
      const res = await upload(c, 'staff', body, opts);
      expect([opts.filename, res.statusCode, res.json().code]).toEqual([opts.filename, status, code]);
    }
    const missing = await c.post('/api/imports/staff');
    expect([missing.statusCode, missing.json().code]).toEqual([400, 'IMPORT_FILE_MISSING']);
    const zh = await upload(c, 'staff', ole2, { filename: 'old.xls' });
    expect(zh.json().message).toBe('不支持旧版 .xls 格式，请在 Excel 中“另存为” .xlsx 后再上传');
  });

  it('takes the format from the content type when the name has no extension', async () => {
    const c = await tenant.as('zone_leader');
    const res = await c.request({
      method: 'POST',
      url: '/api/imports/staff',
      payload: await xlsxOf(HEADER, []),
      headers: { 'content-type': XLSX },
    });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({ fileName: 'upload.xlsx', fileFormat: 'xlsx', status: 'queued', kind: 'staff' });
  });

  it('answers 404 for an unknown kind', async () => {
    const c = await tenant.as('zone_leader');
    expect((await c.get('/api/imports/nope/template')).statusCode).toBe(404);
    expect((await upload(c, 'nope', 'a,b')).statusCode).toBe(404);
  });
});

describe('jobs', () => {
  it('picks up a job left running by a server that died (no heartbeat for 90 s) and finishes it once', async () => {
    const c = await tenant.as('zone_leader');
    const file = await xlsxOf(HEADER, [['R1', '王五', '男', tenant.deptA.name, '', '行政编', '正科', '', '']]);
    const DEAD = '00000000-0000-4000-8000-00000000dead';
    // Simulate the crash: the job is stored and claimed, then its server vanished without finishing.
    const res = await upload(c, 'staff', file);
    expect(res.statusCode).toBe(202);
    const id: string = res.json().id;
    await awaitJob(ctx.app, 'imports', id);
    const db = ctx.app.ctx.database.db;
    await db
      .update(importJobs)
      .set({ status: 'running', runToken: DEAD, updatedAt: sql`now() - interval '5 minutes'` })
      .where(eq(importJobs.id, id));
    await db.execute(sql`delete from staff where employee_no = 'R1' and zone_id = ${tenant.zoneId}`);
    // The periodic sweep (run here directly) re-sends it under a new pg-boss id; the new attempt claims and finishes it.
    await importQueue(db, ctx.app.ctx.jobs).onStart();
    const until = Date.now() + 30_000;
    let job = (await c.get(`/api/imports/jobs/${id}`)).json();
    while (job.status === 'running' && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 100));
      job = (await c.get(`/api/imports/jobs/${id}`)).json();
    }
    expect(job).toMatchObject({ status: 'succeeded', processedRows: 1 });
    // A late heartbeat or commit from the dead attempt's token changes nothing.
    await touchJob(db, id, DEAD);
    expect((await c.get(`/api/imports/jobs/${id}`)).json().status).toBe('succeeded');
  });

  it('reports file-level problems: unreadable workbook, missing required columns, no rows', async () => {
    const c = await tenant.as('zone_leader');
    const broken = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]);
    const unreadable = await importFile(c, 'staff', broken, { filename: 'broken.xlsx' });
    expect(unreadable).toMatchObject({ status: 'failed_validation', errorCount: 1 });
    expect(unreadable.errors[0]).toMatchObject({ row: null, code: 'IMPORT_FILE_UNREADABLE' });

    const noColumns = await importFile(c, 'staff', await xlsxOf(['工号', '姓名', '备注'], [['A1', '张三', 'x']]));
    expect(noColumns.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [1, '性别', 'IMPORT_MISSING_COLUMN'],
      [1, '部门', 'IMPORT_MISSING_COLUMN'],
      [1, '编制类型', 'IMPORT_MISSING_COLUMN'],
      [1, '档案职级', 'IMPORT_MISSING_COLUMN'],
    ]);
    const empty = await importFile(c, 'staff', await xlsxOf(HEADER, []));
    expect(empty.errors.map((e) => e.code)).toEqual(['IMPORT_NO_ROWS']);
  });

  it('keeps every problem counted, shows the first 200 and the report up to 10,000', async () => {
    const c = await tenant.as('zone_leader');
    const rows = Array.from({ length: 250 }, (_, i) => [`MANY${i}`, '张三', '?', tenant.deptA.code, '', '国企', '无']);
    const job = await importFile(c, 'staff', await xlsxOf(HEADER, rows));
    expect(job.errorCount).toBe(250);
    expect(job.errors).toHaveLength(200);
    expect(job.errors[199]!.row).toBe(201);
    expect(job.processedRows).toBe(250);
  });

  it('lists the zone’s recent jobs to those who may import the kind, and hides them from others', async () => {
    const c = await tenant.as('zone_leader');
    const job = await importFile(c, 'staff', await xlsxOf(HEADER, []));
    const list = (await c.get('/api/imports/jobs?kind=staff&pageSize=100')).json();
    expect(list.total).toBeGreaterThan(0);
    expect(list.data[0]).toMatchObject({ id: job.id, createdByName: tenant.users.zone_leader.displayName });
    expect(list.data.every((j: { zoneId: string }) => j.zoneId === tenant.zoneId)).toBe(true);

    const enterprise = await tenant.as('enterprise');
    expect((await enterprise.get('/api/imports/jobs')).json().total).toBe(0);
    expect((await enterprise.get(`/api/imports/jobs/${job.id}`)).statusCode).toBe(404);
    expect((await enterprise.get(`/api/imports/jobs/${job.id}/errors.xlsx`)).statusCode).toBe(404);
    const foreign = await other.as('zone_leader');
    expect((await foreign.get(`/api/imports/jobs/${job.id}`)).statusCode).toBe(404);
    expect((await foreign.get('/api/imports/jobs')).json().data.some((j: { id: string }) => j.id === job.id)).toBe(
      false,
    );
  });
});
