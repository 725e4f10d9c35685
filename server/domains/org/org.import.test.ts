import { and, eq, like } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../platform/audit.tables';
import { makeTenant, type Tenant } from '../../test/factories';
import { awaitJob, createTestContext, type TestContext } from '../../test/harness';
import { importFile, sheetRows, upload, XLSX, xlsxOf } from '../../test/imports';
import { posts, staff } from './org.tables';

let ctx: TestContext;
let tenant: Tenant;
let postName: string;
beforeAll(async () => {
  ctx = await createTestContext();
  tenant = await makeTenant(ctx.app);
  const [p] = await ctx.database.db.select().from(posts).where(eq(posts.departmentId, tenant.deptA.id));
  postName = p!.name;
});
afterAll(() => ctx.close());

const EN = [
  'Employee No.',
  'Name',
  'Gender',
  'Department',
  'Post',
  'Establishment',
  'Archive rank',
  'Mobile',
  'Hired on',
];

async function staffWithPrefix(prefix: string) {
  return ctx.database.db
    .select()
    .from(staff)
    .where(and(eq(staff.zoneId, tenant.zoneId), like(staff.employeeNo, `${prefix}%`)));
}

describe('staff import', () => {
  it('round-trips the template: download, fill in Excel, upload, rows appear with one audit event', async () => {
    const c = await tenant.as('zone_leader');
    const res = await c.get('/api/imports/staff/template');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const [data, help] = wb.worksheets;
    expect((data!.getRow(1).values as string[]).slice(1)).toEqual([
      '工号',
      '姓名',
      '性别',
      '部门',
      '岗位',
      '编制类型',
      '档案职级',
      '手机',
      '入职日期',
    ]);
    expect(String(data!.getCell('A1').note)).toContain('必填');
    expect(help!.name).toBe('填写说明');
    data!.addRow([
      'RT001',
      '张明',
      '男',
      tenant.deptA.name,
      postName,
      '事业编',
      '副科',
      '13800138000',
      new Date(Date.UTC(2019, 2, 1)),
    ]);
    data!.addRow(['RT002', '李华', '女', tenant.deptB.code, '', '国企', '无', '', '2020/7/15']);
    data!.addRow(['RT003', 'Wang Fang', 'Female', tenant.deptA.code, null, 'contract', '专业技术', 13900139000, null]);
    const job = await importFile(c, 'staff', Buffer.from(await wb.xlsx.writeBuffer()), { filename: '人员.xlsx' });
    expect(job).toMatchObject({ status: 'succeeded', totalRows: 3, processedRows: 3, errorCount: 0, errors: [] });
    expect(job.summary).toEqual({ inserted: 3 });

    const list = (await c.get('/api/org/staff?q=RT00&sortField=employeeNo')).json();
    expect(list.data.map((s: { employeeNo: string }) => s.employeeNo)).toEqual(['RT001', 'RT002', 'RT003']);
    expect(list.data[0]).toMatchObject({ gender: 'M', postName, hiredOn: '2019-03-01', phone: '13800138000' });
    expect(list.data[1]).toMatchObject({ departmentId: tenant.deptB.id, postId: null, hiredOn: '2020-07-15' });
    expect(list.data[2]).toMatchObject({ gender: 'F', establishmentType: 'contract', phone: '13900139000' });
    const audit = await ctx.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, job.id), eq(auditEvents.action, 'import')));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({ kind: 'staff', rows: 3, inserted: 3, file: '人员.xlsx' });
  });

  it('refuses a 2,000-row file with 3 bad rows whole, reporting exactly those rows, and gives an error report', async () => {
    const c = await tenant.as('zone_leader');
    const rows = Array.from({ length: 2000 }, (_, i) => [
      `BULK${String(i).padStart(5, '0')}`,
      `员工${i}`,
      i % 2 ? '男' : '女',
      tenant.deptA.code,
      '',
      '编外聘用',
      '一级科员',
      '',
      '2021-01-01',
    ]);
    rows[99]![2] = '未知'; // spreadsheet row 101
    rows[999]![3] = '不存在的部门'; // row 1001
    rows[1997]![0] = 'BULK00000'; // row 1999 repeats row 2's 工号
    const job = await importFile(c, 'staff', await xlsxOf(EN, rows));
    expect(job.status).toBe('failed_validation');
    expect(job.totalRows).toBe(2000);
    expect(job.errorCount).toBe(3);
    expect(job.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [101, 'Gender', 'INVALID_OPTION'],
      [1001, 'Department', 'IMPORT_UNKNOWN_DEPARTMENT'],
      [1999, 'Employee No.', 'IMPORT_DUPLICATE_IN_FILE'],
    ]);
    expect(job.errors[2]!.message).toBe('与第 2 行重复');
    expect(await staffWithPrefix('BULK')).toHaveLength(0);

    const report = await c.get(`/api/imports/jobs/${job.id}/errors.xlsx`, { headers: { 'accept-language': 'en' } });
    expect(report.statusCode).toBe(200);
    const lines = await sheetRows(report.rawPayload);
    expect(lines[0]).toEqual(['Row', 'Column', 'Problem', ...EN]);
    expect(lines.slice(1).map((l) => [l[0], l[1], l[3], l[4], l[5]])).toEqual([
      [101, 'Gender', 'BULK00099', '员工99', '未知'],
      [1001, 'Department', 'BULK00999', '员工999', '男'],
      [1999, 'Employee No.', 'BULK00000', '员工1997', '男'],
    ]);
    expect(lines[2]![6]).toBe('不存在的部门');
  });

  it('reads CSV with a UTF-8 BOM, CRLF and quoted fields holding commas, quotes and line breaks', async () => {
    const c = await tenant.as('zone_leader');
    const csv =
      '\uFEFF工号,姓名,性别,部门,岗位,编制类型,档案职级,手机,入职日期\r\n' +
      `CSV01,"王,五",男,${tenant.deptA.code},"${postName}",行政编,正科,13700137000,2018-05-06\r\n` +
      `CSV02,"赵 ""小"" 六",女,"${tenant.deptB.name}",,事业编,无,,\r\n` +
      `"CSV03","钱\n七",男,${tenant.deptB.code},,国企,无,,20200102`;
    const job = await importFile(c, 'staff', csv, { filename: 'staff.csv' });
    expect(job.errors).toEqual([]);
    expect(job).toMatchObject({ status: 'succeeded', totalRows: 3 });
    const rows = await staffWithPrefix('CSV');
    const byNo = Object.fromEntries(rows.map((r) => [r.employeeNo, r]));
    expect(byNo.CSV01).toMatchObject({ name: '王,五', phone: '13700137000', hiredOn: '2018-05-06' });
    expect(byNo.CSV02).toMatchObject({ name: '赵 "小" 六', departmentId: tenant.deptB.id });
    expect(byNo.CSV03).toMatchObject({ name: '钱\n七', hiredOn: '2020-01-02' });
  });

  it('reads a GBK-encoded CSV (Excel on Chinese Windows)', async () => {
    const c = await tenant.as('zone_leader');
    const male = Buffer.from([0xc4, 0xd0]); // 男
    const none = Buffer.from([0xce, 0xde]); // 无
    const line = (no: string) =>
      Buffer.concat([
        Buffer.from(`${no},Li Lei,`),
        male,
        Buffer.from(`,${tenant.deptA.code},,soe,`),
        none,
        Buffer.from(',,\n'),
      ]);
    const file = Buffer.concat([Buffer.from(`${EN.join(',')}\n`), line('GBK01'), line('GBK02')]);
    const job = await importFile(c, 'staff', file, { filename: 'gbk.csv' });
    expect(job.status).toBe('succeeded');
    expect((await staffWithPrefix('GBK')).map((s) => [s.gender, s.archiveRank])).toEqual([
      ['M', '无'],
      ['M', '无'],
    ]);
  });

  it('reports 工号 already in the zone, posts of another department and schema rules, in English', async () => {
    const c = await tenant.as('zone_leader');
    const file = await xlsxOf(EN, [
      [tenant.staffA.employeeNo, '重复工号', '男', tenant.deptA.code, '', '国企', '无', '', ''],
      ['NEW01', '岗位不对', '男', tenant.deptB.code, postName, '国企', '无', '', ''],
      ['NEW 02', 'x', '男', tenant.deptB.code, '', '国企', '大官', '123', '2021-02-30'],
    ]);
    const res = await upload(c, 'staff', file);
    await awaitJob(ctx.app, 'imports', res.json().id);
    const job = (await c.get(`/api/imports/jobs/${res.json().id}`, { headers: { 'accept-language': 'en' } })).json();
    expect(job.status).toBe('failed_validation');
    expect(job.errors.map((e: { row: number; column: string }) => `${e.row} ${e.column}`)).toEqual([
      '2 Employee No.',
      '3 Post',
      '4 Employee No.',
      '4 Name',
      '4 Archive rank',
      '4 Mobile',
      '4 Hired on',
    ]);
    // Messages are written in the uploader's language (zh-CN here), whatever the reader's.
    expect(job.errors[0].message).toBe(`系统中已存在“${tenant.staffA.employeeNo}”`);
    expect(job.errors[1].message).toContain(tenant.deptB.name);
  });

  it('needs staff.write: enterprise users and department heads get 403', async () => {
    for (const role of ['enterprise', 'dept_head', 'auditor'] as const) {
      const c = await tenant.as(role);
      expect((await upload(c, 'staff', await xlsxOf(EN, []))).statusCode).toBe(403);
      expect((await c.get('/api/imports/staff/template')).statusCode).toBe(403);
    }
  });
});

describe('staff export', () => {
  beforeAll(async () => {
    const c = await tenant.as('zone_leader');
    const rows = ['EXA1', 'EXA2', 'EXB1'].map((no) => [
      no,
      `导出${no}`,
      '女',
      no.startsWith('EXA') ? tenant.deptA.code : tenant.deptB.code,
      '',
      '行政编',
      '正科',
      '',
      '2022-03-04',
    ]);
    expect((await importFile(c, 'staff', await xlsxOf(EN, rows))).status).toBe('succeeded');
  });

  const exported = async (role: 'zone_leader' | 'dept_head', query: string) => {
    const c = await tenant.as(role);
    const res = await c.get(`/api/org/staff/export.xlsx?${query}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    return sheetRows(res.rawPayload);
  };

  it('honours the list filters and sort, and writes labels and dates', async () => {
    const rows = await exported('zone_leader', 'q=EX&sortField=employeeNo&sortOrder=descend&pageSize=1&current=3');
    expect(rows[0]).toEqual([
      '工号',
      '姓名',
      '性别',
      '部门',
      '岗位',
      '编制类型',
      '档案职级',
      '手机',
      '入职日期',
      '状态',
    ]);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['EXB1', 'EXA2', 'EXA1']);
    expect(rows[1]!.slice(0, 4)).toEqual(['EXB1', '导出EXB1', '女', tenant.deptB.name]);
    expect(rows[1]![5]).toBe('行政编');
    expect((rows[1]![8] as Date).toISOString().slice(0, 10)).toBe('2022-03-04');
    expect(rows[1]![9]).toBe('在职');
    const onlyA = await exported('zone_leader', `q=EX&departmentId=${tenant.deptA.id}`);
    expect(onlyA.slice(1).map((r) => r[0])).toEqual(['EXA1', 'EXA2']);
  });

  it('gives department roles their own department only, as the list does', async () => {
    const mine = await exported('dept_head', 'q=EX');
    expect(mine.slice(1).map((r) => r[0])).toEqual(['EXA1', 'EXA2']);
    const other = await exported('dept_head', `q=EX&departmentId=${tenant.deptB.id}`);
    expect(other).toHaveLength(1);
    expect((await (await tenant.as('enterprise')).get('/api/org/staff/export.xlsx')).statusCode).toBe(403);
  });
});
