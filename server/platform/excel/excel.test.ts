import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ZoneScope } from '../access';
import type { Executor } from '../db';
import { type ColumnSpec, convertCell } from './columns';
import { CsvParser, decodeText, readCsv } from './csv';
import { utf8CompleteLength } from './exceljs-utf8';
import type { ImportKind } from './kind';
import { readSheet, type SheetRow } from './reader';
import { buildTemplate } from './template';
import { validateSheet } from './validate';

const col = (over: Partial<ColumnSpec> & Pick<ColumnSpec, 'key' | 'type'>): ColumnSpec => ({
  header: { 'zh-CN': over.key, 'en-US': over.key },
  ...over,
});

describe('CSV', () => {
  const text = 'a,"b,1","x ""q"" y"\r\n"multi\nline",,z\rlast,"",end';
  const expected = [
    ['a', 'b,1', 'x "q" y'],
    ['multi\nline', '', 'z'],
    ['last', '', 'end'],
  ];

  it('parses RFC 4180 quoting, CRLF/LF/CR and a last line without a break', () => {
    const p = new CsvParser();
    expect([...p.push(text), ...p.end()]).toEqual(expected);
  });

  it('gives the same records whatever the chunk boundaries', () => {
    const p = new CsvParser();
    const records: string[][] = [];
    for (const ch of text) records.push(...p.push(ch));
    records.push(...p.end());
    expect(records).toEqual(expected);
  });

  it('sniffs semicolon and tab delimiters from the header line', () => {
    const p = new CsvParser();
    expect([...p.push('a;b;"c;d"\n1;2;3\n'), ...p.end()]).toEqual([
      ['a', 'b', 'c;d'],
      ['1', '2', '3'],
    ]);
  });

  it('decodes UTF-8 with and without BOM, UTF-16 LE with BOM and GBK', () => {
    const join = (b: Uint8Array) => [...decodeText(b)].join('');
    expect(join(Buffer.from('\uFEFF工号,姓名'))).toBe('工号,姓名');
    expect(join(Buffer.from('工号,姓名'))).toBe('工号,姓名');
    expect(join(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('工号', 'utf16le')]))).toBe('工号');
    expect(join(Buffer.from([0xb9, 0xa4, 0xba, 0xc5]))).toBe('工号');
    expect([...readCsv(Buffer.from('h\n\nv\n'))].map((r) => r.row)).toEqual([1, 2, 3]);
  });
});

describe('cell conversion', () => {
  const date = col({ key: 'd', type: 'date' });
  it('reads dates from Excel dates, serial numbers and common spellings', () => {
    for (const v of [
      new Date(Date.UTC(2024, 1, 29)),
      45351,
      '2024-02-29',
      '2024/2/29',
      '2024.02.29',
      '2024年2月29日',
      '20240229',
    ]) {
      expect(convertCell(date, v, 'zh-CN')).toEqual({ ok: true, value: '2024-02-29' });
    }
    for (const v of ['2023-02-29', 'tomorrow', 1.5]) expect(convertCell(date, v, 'zh-CN')).toMatchObject({ ok: false });
  });

  it('converts numbers, enums by value or label in either language, booleans and text', () => {
    expect(convertCell(col({ key: 'n', type: 'int' }), '1,234', 'zh-CN')).toEqual({ ok: true, value: 1234 });
    expect(convertCell(col({ key: 'n', type: 'int' }), 1.5, 'zh-CN')).toMatchObject({ code: 'IMPORT_NOT_INTEGER' });
    expect(convertCell(col({ key: 'n', type: 'decimal' }), ' 1.25 ', 'zh-CN')).toEqual({ ok: true, value: 1.25 });
    const g = col({
      key: 'g',
      type: 'enum',
      options: [
        { value: 'M', label: { 'zh-CN': '男', 'en-US': 'Male' } },
        { value: 'F', label: { 'zh-CN': '女', 'en-US': 'Female' } },
      ],
    });
    for (const v of ['男', 'male', 'M']) expect(convertCell(g, v, 'zh-CN')).toEqual({ ok: true, value: 'M' });
    expect(convertCell(g, 'x', 'en-US')).toEqual({
      ok: false,
      code: 'INVALID_OPTION',
      params: { options: 'Male / Female' },
    });
    expect(convertCell(col({ key: 'b', type: 'bool' }), '否', 'zh-CN')).toEqual({ ok: true, value: false });
    expect(convertCell(col({ key: 's', type: 'string' }), 13800138000, 'zh-CN')).toEqual({
      ok: true,
      value: '13800138000',
    });
    expect(convertCell(col({ key: 's', type: 'string' }), '  ', 'zh-CN')).toEqual({ ok: true, value: undefined });
  });
});

describe('xlsx reader and template', () => {
  it('streams the first sheet: rich text, formula results, hyperlinks, dates; blank rows skipped', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('data');
    ws.addRow(['a', 'b', 'c', 'd']);
    ws.addRow([
      { richText: [{ text: '张' }, { text: '三' }] },
      { formula: '1+1', result: 2 },
      { text: 'site', hyperlink: 'https://x' },
      new Date(Date.UTC(2020, 0, 2)),
    ]);
    ws.addRow([]);
    ws.addRow(['', null, '  ']);
    ws.addRow(['last']);
    wb.addWorksheet('other').addRow(['not read']);
    const rows: SheetRow[] = [];
    for await (const r of readSheet(Buffer.from(await wb.xlsx.writeBuffer()), 'xlsx')) rows.push(r);
    expect(rows.map((r) => r.row)).toEqual([1, 2, 5]);
    expect(rows[1]!.cells).toEqual(['张三', 2, 'site', new Date(Date.UTC(2020, 0, 2))]);
  });

  it('keeps Chinese text intact across the chunk boundaries of big sheets (inline and shared strings)', async () => {
    for (const useSharedStrings of [false, true]) {
      const path = join(mkdtempSync(join(tmpdir(), 'zoneos-xlsx-')), 'big.xlsx');
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings });
      const ws = wb.addWorksheet('人员');
      for (let i = 0; i < 12_000; i++)
        ws.addRow([`员工${i}号（投资促进局招商科）`, '投资促进局', i % 2 ? '男' : '女']).commit();
      ws.commit();
      await wb.commit();
      // Without the fix about 10 cells per file come back with U+FFFD.
      let bad = 0;
      for await (const { cells } of readSheet(path, 'xlsx')) {
        const ok = /^员工\d+号（投资促进局招商科）$/.test(cells[0] as string) && cells[1] === '投资促进局';
        if (!ok || !['男', '女'].includes(cells[2] as string)) bad++;
      }
      expect([useSharedStrings, bad]).toEqual([useSharedStrings, 0]);
    }
    expect(utf8CompleteLength(Buffer.from('ab部'))).toBe(5);
    expect(utf8CompleteLength(Buffer.from('ab部').subarray(0, 4))).toBe(2);
  });

  it('builds a template with notes, drop-downs (long lists on a hidden sheet) and instructions', async () => {
    const many = Array.from({ length: 80 }, (_, i) => `部门名称${i}`);
    const file = await buildTemplate(
      {
        title: { 'zh-CN': '测试', 'en-US': 'Test' },
        columns: [
          col({
            key: 'g',
            type: 'enum',
            required: true,
            options: [{ value: 'x', label: { 'zh-CN': '甲', 'en-US': 'X' } }],
          }),
          col({ key: 'dept', type: 'string', hint: { 'zh-CN': '部门', 'en-US': 'Department' } }),
        ],
        lists: { dept: many },
        maxMb: 50,
      },
      'zh-CN',
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['测试', 'visible'],
      ['lists', 'veryHidden'],
      ['填写说明', 'visible'],
    ]);
    const ws = wb.worksheets[0]!;
    expect(String(ws.getCell('A1').note)).toContain('必填');
    const rules = (ws as unknown as { dataValidations: { model: Record<string, { formulae: string[] }> } })
      .dataValidations.model;
    expect(rules.A2?.formulae).toEqual(['"甲"']);
    expect(rules.B5000?.formulae).toEqual(['lists!$A$1:$A$80']);
  });
});

describe('row validator', () => {
  type Row = { code: string; qty: number };
  const kind: ImportKind<Row, Row, Set<string>> = {
    kind: 'widgets',
    permission: 'org.write',
    title: { 'zh-CN': '物品', 'en-US': 'Widgets' },
    entity: 'widget',
    columns: [
      col({ key: 'code', type: 'string', required: true, header: { 'zh-CN': '编码', 'en-US': 'Code' } }),
      col({ key: 'qty', type: 'int', header: { 'zh-CN': '数量', 'en-US': 'Qty' } }),
    ],
    schema: z.object({ code: z.string().min(2), qty: z.number().int().min(1) }),
    async check(batch, ctx) {
      return batch.map(({ row, value }) => {
        if (ctx.data.has(value.code)) {
          ctx.error(row, 'code', 'DUPLICATE_VALUE');
          return undefined;
        }
        ctx.data.add(value.code);
        return value;
      });
    },
    commit: async () => 0,
  };
  async function* sheet(rows: unknown[][]): AsyncGenerator<SheetRow> {
    yield { row: 1, cells: ['Code', '数量'] };
    let n = 2;
    for (const cells of rows) yield { row: n++, cells: cells as SheetRow['cells'] };
  }
  const run = (rows: unknown[][], extra: { maxIssues?: number; maxRows?: number } = {}) =>
    validateSheet({
      rows: sheet(rows),
      kind: kind as unknown as ImportKind,
      scope: {} as ZoneScope,
      ex: {} as Executor,
      locale: 'en-US',
      data: new Set<string>(),
      batchSize: 3,
      ...extra,
    });

  it('keeps valid rows when everything passes, in file order', async () => {
    const out = await run([
      ['AA', 1],
      ['BB', '2'],
      ['CC', 3],
      ['DD', 4],
    ]);
    expect(out).toMatchObject({
      issueCount: 0,
      totalRows: 4,
      rows: [{ code: 'AA' }, { code: 'BB' }, { code: 'CC' }, { code: 'DD' }],
    });
  });

  it('reports every bad row (type, schema and async checks), keeps no rows, and caps the stored issues', async () => {
    const out = await run([
      ['AA', 1],
      ['A', 0],
      ['BB', 'x'],
      ['AA', 2],
      ['CC', 5],
    ]);
    expect(out.rows).toEqual([]);
    expect(out.issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [3, 'Code', 'TOO_SHORT'],
      [3, '数量', 'TOO_SMALL'],
      [4, '数量', 'IMPORT_NOT_INTEGER'],
      [5, 'Code', 'DUPLICATE_VALUE'],
    ]);
    expect(out.badRows).toEqual({ 3: ['A', 0], 4: ['BB', 'x'], 5: ['AA', 2] });
    const capped = await run(
      Array.from({ length: 30 }, () => ['x', 0]),
      { maxIssues: 5 },
    );
    expect([capped.issueCount, capped.issues.length]).toEqual([60, 5]);
    const tooMany = await run(
      Array.from({ length: 30 }, (_, i) => [`R${i}`, 1]),
      { maxRows: 10 },
    );
    expect(tooMany.issues.map((i) => i.code)).toEqual(['IMPORT_TOO_MANY_ROWS']);
  });
});
