// Import throughput: validate + commit a staff-like .xlsx through the real pipeline (stream read, cell conversion,
// zod per row, duplicate/reference checks per 1,000-row batch, one all-or-nothing transaction of 1,000-row INSERTs
// and one audit event), next to a baseline of ExcelJS parse-only and a plain INSERT of the same rows.
//
//   npx tsx bench/import-xlsx.ts                       # embedded PGlite (in memory)
//   BENCH_DATABASE_URL=postgres://… npx tsx bench/import-xlsx.ts   # PostgreSQL (adds a zone per run; drops nothing)
//   ROWS=20000 npx tsx bench/import-xlsx.ts
//   INLINE=1 …   inline strings instead of a shared-string table. Excel writes shared strings AFTER the sheets,
//                which makes ExcelJS's streaming reader spool the sheet to a temp file first: the default here
//                (ExcelJS's WorkbookWriter does the same), as it is what real uploads cost.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { staffImport } from '../server/domains/org/org.import';
import { staff } from '../server/domains/org/org.tables';
import type { ZoneScope } from '../server/platform/access';
import { openDatabase, type Tx } from '../server/platform/db';
import { insertMany } from '../server/platform/db/bulk';
import { migrate } from '../server/platform/db/migrate';
import { commitImport } from '../server/platform/excel/commit';
import type { AnyImportKind } from '../server/platform/excel/kind';
import { readSheet } from '../server/platform/excel/reader';
import { validateSheet } from '../server/platform/excel/validate';
import { makeDepartment, makePost, makeProvince, makeUser, makeZone } from '../server/test/factories';

const ROWS = Number(process.env.ROWS ?? 100_000);
const url = process.env.BENCH_DATABASE_URL;
const HEADER = ['工号', '姓名', '性别', '部门', '岗位', '编制类型', '档案职级', '手机', '入职日期'];
const TYPES = ['行政编', '事业编', '编外聘用', '国企'];
const RANKS = ['正科', '副科', '一级主任科员', '一级科员', '无'];

async function writeFile(path: string, departments: string[], posts: string[]): Promise<void> {
  const useSharedStrings = process.env.INLINE !== '1';
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings });
  const ws = wb.addWorksheet('人员');
  ws.addRow(HEADER).commit();
  for (let i = 0; i < ROWS; i++) {
    const d = i % departments.length;
    ws.addRow([
      `B${String(i).padStart(7, '0')}`,
      `员工${i}`,
      i % 2 ? '男' : '女',
      departments[d],
      i % 3 ? posts[d] : '',
      TYPES[i % 4],
      RANKS[i % 5],
      `139${String(i).padStart(8, '0')}`,
      new Date(Date.UTC(2010 + (i % 15), i % 12, 1 + (i % 28))),
    ]).commit();
  }
  ws.commit();
  await wb.commit();
}

const rate = (n: number, ms: number) => `${Math.round(n / (ms / 1000)).toLocaleString('en-US')} rows/s`;

async function main(): Promise<void> {
  const database = await openDatabase(url ? { url, poolSize: 5 } : { dataDir: 'memory://' });
  await migrate(database.db);
  const { db } = database;
  const province = await makeProvince(db);
  const zone = await makeZone(db, province.id);
  const baselineZone = await makeZone(db, province.id);
  const depts = [];
  const postNames: string[] = [];
  for (let i = 0; i < 10; i++) {
    const d = await makeDepartment(db, zone.id);
    depts.push(d);
    postNames.push((await makePost(db, zone.id, d.id)).name);
  }
  const user = await makeUser(db, 'zone_leader', { zoneId: zone.id });
  const scope: ZoneScope = {
    zoneId: zone.id,
    departmentId: null,
    enterpriseId: null,
    actor: {
      ...user,
      userId: user.id,
      locale: 'zh-CN',
      mustChangePassword: false,
      sessionId: '',
      csrfToken: '',
      ip: '',
    },
  };
  const path = join(mkdtempSync(join(tmpdir(), 'zoneos-bench-')), 'staff.xlsx');
  let t = performance.now();
  await writeFile(
    path,
    depts.map((d) => d.name),
    postNames,
  );
  const bytes = readFileSync(path);
  console.log(
    `${ROWS.toLocaleString('en-US')} rows, ${(bytes.length / 1e6).toFixed(1)} MB .xlsx written in ${Math.round(performance.now() - t)} ms`,
  );

  // Baseline 1: ExcelJS streaming parse only.
  t = performance.now();
  let parsed = 0;
  for await (const _ of readSheet(bytes, 'xlsx')) parsed++;
  const parseMs = performance.now() - t;

  // Warm up the INSERT paths (JIT, catalog caches) in a transaction that is rolled back.
  const warm = async (fn: (tx: Tx) => Promise<unknown>) =>
    db
      .transaction(async (tx) => {
        await fn(tx);
        tx.rollback();
      })
      .catch(() => {});

  // The pipeline: read + convert + zod + checks, then the all-or-nothing commit.
  const kind = staffImport as unknown as AnyImportKind;
  t = performance.now();
  const data = await kind.setup!(db, scope);
  const outcome = await validateSheet({ rows: readSheet(bytes, 'xlsx'), kind, scope, ex: db, locale: 'zh-CN', data });
  const validateMs = performance.now() - t;
  if (outcome.issueCount > 0) throw new Error(`unexpected issues: ${JSON.stringify(outcome.issues.slice(0, 3))}`);
  const sample = (outcome.rows as (typeof staff.$inferInsert)[]).slice(0, 2000);
  await warm((tx) => tx.insert(staff).values(sample));
  await warm((tx) => insertMany(tx, staff, sample));
  t = performance.now();
  const { inserted } = await commitImport(db, {
    kind,
    scope,
    rows: outcome.rows,
    data,
    source: { id: zone.id, fileName: 'staff.xlsx' },
  });
  const commitMs = performance.now() - t;

  // Baseline 2: plain multi-row INSERT … VALUES of the same rows (Drizzle, 1,000 per statement, one transaction).
  const same = (outcome.rows as (typeof staff.$inferInsert)[]).map((r) => ({ ...r, zoneId: baselineZone.id }));
  t = performance.now();
  await db.transaction(async (tx) => {
    for (let i = 0; i < same.length; i += 1000) await tx.insert(staff).values(same.slice(i, i + 1000));
  });
  const insertMs = performance.now() - t;

  const total = validateMs + commitMs;
  console.log(`database: ${database.kind}; strings: ${process.env.INLINE === '1' ? 'inline' : 'shared (as Excel)'}`);
  console.table({
    'pipeline: validate (read+convert+zod+checks)': { ms: Math.round(validateMs), rate: rate(ROWS, validateMs) },
    'pipeline: commit (1 tx, 1000-row json INSERTs, audit)': {
      ms: Math.round(commitMs),
      rate: rate(inserted, commitMs),
    },
    'pipeline: validate + commit': { ms: Math.round(total), rate: rate(ROWS, total) },
    'baseline: ExcelJS parse only': { ms: Math.round(parseMs), rate: rate(parsed, parseMs) },
    'baseline: plain INSERT': { ms: Math.round(insertMs), rate: rate(same.length, insertMs) },
    'baseline: parse + INSERT': { ms: Math.round(parseMs + insertMs), rate: rate(ROWS, parseMs + insertMs) },
  });
  await database.close();
}

export default async function run(): Promise<number> {
  await main();
  return 0;
}

// Also runnable directly: npx tsx bench/import-xlsx.ts
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
