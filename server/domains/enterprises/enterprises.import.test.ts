import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckChar } from '../../../shared/credit-code';
import { makeTenant, type Tenant } from '../../test/factories';
import { createTestContext, type TestContext } from '../../test/harness';
import { importFile, sheetRows, XLSX, xlsxOf } from '../../test/imports';
import { subParks } from '../tenancy/tenancy.tables';
import { enterprises } from './enterprises.tables';

let ctx: TestContext;
let tenant: Tenant;
let park: { id: string; code: string; name: string };
beforeAll(async () => {
  ctx = await createTestContext();
  tenant = await makeTenant(ctx.app);
  const [p] = await ctx.database.db
    .insert(subParks)
    .values({ zoneId: tenant.zoneId, code: `SP${Date.now() % 100000}`, name: '导入测试园', nameEn: 'Import park' })
    .returning();
  park = p!;
});
afterAll(() => ctx.close());

const HEADER = [
  '统一社会信用代码',
  '企业名称',
  '行业代码',
  '规模',
  '所属园区',
  '标签',
  '用地(亩)',
  '建筑面积(㎡)',
  '法定代表人',
  '成立日期',
];

/** A valid credit code for a serial number (first 17 characters fixed except the serial). */
function code(prefix: string, n: number): string {
  const first17 = `91430900${prefix}${String(n).padStart(4, '0')}MA3`;
  return first17 + creditCodeCheckChar(first17);
}
/** The same code with a wrong check character. */
function wrongCheck(valid: string): string {
  const bad = valid.endsWith('0') ? '1' : '0';
  return valid.slice(0, 17) + bad;
}

const inZone = (prefix: string) =>
  ctx.database.db
    .select()
    .from(enterprises)
    .where(and(eq(enterprises.zoneId, tenant.zoneId), like(enterprises.creditCode, `91430900${prefix}%`)));

describe('enterprise import', () => {
  const rows = (prefix: string) => [
    [
      code(prefix, 1),
      '湘江智能制造有限公司',
      '382',
      '规上',
      park.name,
      '高新技术企业、专精特新',
      120.5,
      56000,
      '王建国',
      '2012-05-18',
    ],
    [code(prefix, 2), '益阳新材料科技有限公司', '29', '规下', park.code, '', '', '', '', ''],
    [code(prefix, 3), '资江电子有限公司', '39', '', '', '专精特新', 10, '', '李华', new Date(Date.UTC(2020, 0, 2))],
    [code(prefix, 4), '桃花江食品有限公司', '14', '规上', '', '', '', 3000.25, '', ''],
  ];

  it('refuses a file with one bad credit code whole, naming the wrong character in that row', async () => {
    const c = await tenant.as('zone_leader');
    const data = rows('01');
    const good = data[2]![0] as string;
    data[2]![0] = wrongCheck(good); // spreadsheet row 4
    const job = await importFile(c, 'enterprises', await xlsxOf(HEADER, data));
    expect(job.status).toBe('failed_validation');
    expect(job.totalRows).toBe(4);
    expect(job.errorCount).toBe(1);
    expect(job.errors[0]).toMatchObject({ row: 4, column: '统一社会信用代码' });
    expect(job.errors[0]!.message).toBe(`第 18 位校验码应为“${good.at(-1)}”，实际为“${wrongCheck(good).at(-1)}”`);
    expect(await inZone('01')).toHaveLength(0);
  });

  it('imports the fixed file with pinyin keys, sub-park and tags, and one audit-logged job', async () => {
    const c = await tenant.as('zone_leader');
    const job = await importFile(c, 'enterprises', await xlsxOf(HEADER, rows('02')), { filename: '企业.xlsx' });
    expect(job.errors).toEqual([]);
    expect(job).toMatchObject({ status: 'succeeded', totalRows: 4, summary: { inserted: 4 } });
    const list = (await c.get('/api/enterprises?q=xjznzz')).json();
    expect(list.data).toHaveLength(1);
    expect(list.data[0]).toMatchObject({
      name: '湘江智能制造有限公司',
      namePinyin: 'xiangjiangzhinengzhizaoyouxiangongsi',
      nameInitials: 'xjznzzyxgs',
      industrySection: 'C',
      scale: 'above',
      subParkId: park.id,
      tags: ['高新技术企业', '专精特新'],
      landMu: 120.5,
      buildingM2: 56000,
      legalRep: '王建国',
      establishedOn: '2012-05-18',
    });
    const byName = Object.fromEntries((await inZone('02')).map((e) => [e.name, e]));
    expect(byName.益阳新材料科技有限公司).toMatchObject({ subParkId: park.id, scale: 'below', tags: [] });
    expect(byName.资江电子有限公司).toMatchObject({ scale: 'below', establishedOn: '2020-01-02', landMu: 10 });
  });

  it('reports duplicates in the file and against existing rows, and unknown sub-parks and tags', async () => {
    const c = await tenant.as('zone_leader');
    const data = [
      [code('02', 1), '已存在企业有限公司', '382', '', '', '', '', '', '', ''],
      [code('03', 1), '新企业一有限公司', '382', '', '不存在的园区', '', '', '', '', ''],
      [code('03', 1), '新企业二有限公司', '382', '', '', '不是标签', '', '', '', ''],
    ];
    const job = await importFile(c, 'enterprises', await xlsxOf(HEADER, data));
    expect(job.status).toBe('failed_validation');
    expect(job.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, '统一社会信用代码', 'IMPORT_ALREADY_EXISTS'],
      [3, '所属园区', 'IMPORT_UNKNOWN_SUB_PARK'],
      [4, '标签', 'INVALID_OPTION'],
    ]);
    expect(await inZone('03')).toHaveLength(0);
    const dup = await importFile(c, 'enterprises', await xlsxOf(HEADER, [data[1]!.with(4, ''), data[1]!.with(4, '')]));
    expect(dup.errors.map((e) => [e.row, e.code, e.message])).toEqual([
      [3, 'IMPORT_DUPLICATE_IN_FILE', '与第 2 行重复'],
    ]);
  });

  it('needs enterprises.write', async () => {
    const c = await tenant.as('enterprise');
    expect((await c.get('/api/imports/enterprises/template')).statusCode).toBe(403);
    const leader = await tenant.as('zone_leader');
    const template = await leader.get('/api/imports/enterprises/template');
    expect(template.statusCode).toBe(200);
    expect((await sheetRows(template.rawPayload))[0]).toEqual(HEADER);
  });
});

describe('enterprise export', () => {
  it('honours the list filters and sort', async () => {
    const c = await tenant.as('zone_leader');
    const res = await c.get('/api/enterprises/export.xlsx?q=9143090002&scale=above&sortField=name&sortOrder=descend');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    const lines = await sheetRows(res.rawPayload);
    expect(lines[0]).toEqual(HEADER);
    expect(lines.slice(1).map((l) => l[1])).toEqual(['湘江智能制造有限公司', '桃花江食品有限公司']);
    expect(lines[1]!.slice(2, 6)).toEqual(['382', '规上', park.name, '高新技术企业、专精特新']);
    const all = await sheetRows((await c.get('/api/enterprises/export.xlsx?q=9143090002')).rawPayload);
    expect(all).toHaveLength(5);
  });

  it('gives an enterprise user its own record only', async () => {
    const c = await tenant.as('enterprise');
    const res = await c.get('/api/enterprises/export.xlsx?q=9143090002');
    expect([200, 403]).toContain(res.statusCode);
    if (res.statusCode === 200) expect(await sheetRows(res.rawPayload)).toHaveLength(1);
  });
});
